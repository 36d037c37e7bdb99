import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { flatbushLayout } from '../../../src/engine/geo/flatbush-layout';
import { mulberry32 } from '../../../src/engine/prng';

function randomIndex(n: number, nodeSize: number, seed: number): Flatbush {
  const rand = mulberry32(seed);
  const index = new Flatbush(n, nodeSize);
  for (let i = 0; i < n; i++) {
    const x = rand() * 1000,
      y = rand() * 1000;
    index.add(x, y, x + rand() * 20, y + rand() * 20);
  }
  index.finish();
  return index;
}

describe('flatbushLayout', () => {
  // sizes on both sides of Flatbush's 16-bit/32-bit index switch (16384 nodes)
  for (const [n, nodeSize] of [
    [1, 16],
    [37, 4],
    [5000, 16],
    [20000, 9],
  ] as const) {
    it(`reads the tree of ${n} items (node size ${nodeSize}) from the public buffer exactly as Flatbush holds it`, () => {
      const index = randomIndex(n, nodeSize, n);
      const layout = flatbushLayout(index);
      expect(layout.numItems).toBe(n);
      expect(layout.nodeSize).toBe(nodeSize);
      // a flatbush release that changes its internals fails here: then check searchLeaves against it
      expect(layout.boxes).toEqual(index._boxes);
      expect(layout.indices).toEqual(index._indices);
      expect(layout.levelBounds).toEqual(index._levelBounds);
      // the root box is the index's bounds
      expect(Array.from(layout.boxes.subarray(layout.boxes.length - 4))).toEqual([index.minX, index.minY, index.maxX, index.maxY]);
      // item ids at the leaves are a permutation of 0..n-1
      expect(Array.from(layout.indices.subarray(0, n)).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    });
  }

  it('refuses an index whose coordinates are not float64', () => {
    const index = new Flatbush(3, 16, Float32Array);
    for (let i = 0; i < 3; i++) index.add(i, i, i, i);
    index.finish();
    expect(() => flatbushLayout(index)).toThrow(/Float64Array/);
  });
});
