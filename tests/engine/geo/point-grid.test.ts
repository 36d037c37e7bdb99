import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { createPointGrid, type IdBuffer, searchPointGrid } from '../../../src/engine/geo/point-grid';
import { mulberry32 } from '../../../src/engine/prng';

const sorted = (a: ArrayLike<number>, count = a.length): number[] =>
  Array.from(a)
    .slice(0, count)
    .sort((x, y) => x - y);

describe('searchPointGrid', () => {
  it('returns exactly the points inside the box, edges included, like a Flatbush box search', () => {
    const rand = mulberry32(5);
    const n = 3000;
    // clustered and spread points, some on a coarse lattice so boxes land exactly on them
    const x = Float64Array.from({ length: n }, (_, i) =>
      i % 7 === 0 ? Math.round(rand() * 20) * 50 : i % 3 === 0 ? 400 + rand() * 30 : rand() * 1000,
    );
    const y = Float64Array.from({ length: n }, (_, i) =>
      i % 7 === 0 ? Math.round(rand() * 20) * 50 : i % 3 === 0 ? 600 + rand() * 30 : rand() * 1000,
    );
    const grid = createPointGrid(x, y);
    const tree = new Flatbush(n, 8);
    for (let i = 0; i < n; i++) tree.add(x[i]!, y[i]!, x[i]!, y[i]!);
    tree.finish();
    const into: IdBuffer = { ids: new Int32Array(4), count: 0 };
    for (let t = 0; t < 400; t++) {
      // boxes of every size, some snapped to the lattice, some beyond the points' extent
      const snap = t % 4 === 0;
      const x0 = snap ? Math.round(rand() * 20) * 50 : rand() * 1200 - 100;
      const y0 = snap ? Math.round(rand() * 20) * 50 : rand() * 1200 - 100;
      const w = t % 10 === 0 ? 0 : rand() * (t % 3 === 0 ? 900 : 80);
      const h = t % 10 === 0 ? 0 : rand() * (t % 3 === 0 ? 900 : 80);
      searchPointGrid(grid, x0, y0, x0 + w, y0 + h, into);
      const expected: number[] = [];
      for (let i = 0; i < n; i++) if (x[i]! >= x0 && x[i]! <= x0 + w && y[i]! >= y0 && y[i]! <= y0 + h) expected.push(i);
      expect(sorted(into.ids, into.count)).toEqual(expected);
      expect(sorted(into.ids, into.count)).toEqual(sorted(tree.search(x0, y0, x0 + w, y0 + h)));
    }
    // the buffer grew for the large boxes, and a search over everything finds everything
    searchPointGrid(grid, -Infinity, -Infinity, Infinity, Infinity, into);
    expect(into.count).toBe(n);
  });

  it('handles no points, one point, coincident points and empty or inverted boxes', () => {
    const into: IdBuffer = { ids: new Int32Array(1), count: 7 };
    searchPointGrid(createPointGrid(new Float64Array(0), new Float64Array(0)), -1, -1, 1, 1, into);
    expect(into.count).toBe(0);
    const one = createPointGrid(Float64Array.of(5), Float64Array.of(-3));
    searchPointGrid(one, 5, -3, 5, -3, into);
    expect(sorted(into.ids, into.count)).toEqual([0]);
    searchPointGrid(one, 6, -3, 4, -3, into);
    expect(into.count).toBe(0);
    const same = createPointGrid(new Float64Array(50).fill(2), new Float64Array(50).fill(2));
    searchPointGrid(same, 0, 0, 2, 2, into);
    expect(sorted(into.ids, into.count)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    searchPointGrid(same, 2.0000001, 0, 3, 3, into);
    expect(into.count).toBe(0);
  });

  it('rejects mismatched arrays and non-finite coordinates, naming the point', () => {
    expect(() => createPointGrid(Float64Array.of(1, 2), Float64Array.of(1))).toThrow(/2 values, y 1/);
    expect(() => createPointGrid(Float64Array.of(1, NaN), Float64Array.of(1, 2))).toThrow(/point 1/);
  });
});
