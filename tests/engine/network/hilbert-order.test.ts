import { describe, expect, it } from 'vitest';
import { hilbertIndex, hilbertOrder } from '../../../src/engine/network/hilbert-order';
import { mulberry32 } from '../../../src/engine/prng';

/** Textbook Hilbert index of cell (x, y) on an n × n grid (Wikipedia "Hilbert curve", xy2d). */
function xy2d(n: number, x: number, y: number): number {
  let d = 0;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}

describe('hilbertIndex', () => {
  it('matches the textbook curve on a 65536 × 65536 grid', () => {
    const rand = mulberry32(11);
    for (let i = 0; i < 5000; i++) {
      const x = Math.floor(rand() * 65536);
      const y = Math.floor(rand() * 65536);
      expect(hilbertIndex(x, y), `${x},${y}`).toBe(xy2d(65536, x, y));
    }
    for (const [x, y] of [[0, 0], [65535, 0], [0, 65535], [65535, 65535]] as const) expect(hilbertIndex(x, y)).toBe(xy2d(65536, x, y));
  });

  it('walks the 32 × 32 corner cell by cell: indices 0..1023, each step to an edge neighbour', () => {
    const cellAt: [number, number][] = [];
    for (let x = 0; x < 32; x++) for (let y = 0; y < 32; y++) cellAt[hilbertIndex(x, y)] = [x, y];
    expect(cellAt).toHaveLength(1024);
    for (let d = 1; d < 1024; d++) {
      const [x0, y0] = cellAt[d - 1] as [number, number];
      const [x1, y1] = cellAt[d] as [number, number];
      expect(Math.abs(x1 - x0) + Math.abs(y1 - y0), `step ${d}`).toBe(1);
    }
  });
});

describe('hilbertOrder', () => {
  it('is the permutation sorting points by Hilbert cell over their box, ties by index', () => {
    for (const seed of [1, 2, 3]) {
      const rand = mulberry32(seed);
      const n = 2000;
      // a coarse lattice so that many points share a cell (ties), plus a few exact duplicates
      const x = Float64Array.from({ length: n }, () => 121.5 + Math.floor(rand() * 300) * 1e-4);
      const y = Float64Array.from({ length: n }, () => 29.8 + Math.floor(rand() * 300) * 1e-4);
      for (let i = 0; i < 50; i++) {
        x[n - 1 - i] = x[i] as number;
        y[n - 1 - i] = y[i] as number;
      }
      const xBefore = x.slice();
      const yBefore = y.slice();
      const minX = Math.min(...x);
      const maxX = Math.max(...x);
      const minY = Math.min(...y);
      const maxY = Math.max(...y);
      const key = (i: number): number => xy2d(
        65536,
        Math.floor(((x[i] as number) - minX) * (65535 / (maxX - minX))),
        Math.floor(((y[i] as number) - minY) * (65535 / (maxY - minY))),
      );
      const expected = Array.from({ length: n }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
      expect(Array.from(hilbertOrder(x, y))).toEqual(expected);
      expect(x).toEqual(xBefore);
      expect(y).toEqual(yBefore);
    }
  });

  it('orders only the first count points and handles degenerate boxes', () => {
    expect(Array.from(hilbertOrder(new Float64Array(0), new Float64Array(0)))).toEqual([]);
    expect(Array.from(hilbertOrder([5, 5, 5], [1, 1, 1]))).toEqual([0, 1, 2]);
    // all on one vertical line: ordered by y along the curve's first column
    expect(Array.from(hilbertOrder([7, 7, 7, 7], [3, 0, 2, 1]))).toEqual([1, 3, 2, 0]);
    expect(Array.from(hilbertOrder([1, 0, 9], [1, 0, 9], 2))).toEqual([1, 0]);
  });

  it('throws on a bad count or a non-finite coordinate', () => {
    expect(() => hilbertOrder([0, 1], [0], 2)).toThrow(/count 2/);
    expect(() => hilbertOrder([0, NaN], [0, 0])).toThrow(/point 1/);
  });
});
