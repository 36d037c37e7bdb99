import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bboxOf, bboxOfPositions, unionBBox } from '../../../src/engine/geo/bbox';

// -0 folded into 0: which of two equal zeros a box keeps is not a promise
const coord = fc.double({ min: -180, max: 180, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v));
const points = fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 60 });

/** Oracle: the extremes by sorting each axis. */
function sortedBox(pts: readonly (readonly [number, number])[]): [number, number, number, number] {
  const xs = pts.map((p) => p[0]).sort((a, b) => a - b);
  const ys = pts.map((p) => p[1]).sort((a, b) => a - b);
  return [xs[0]!, ys[0]!, xs[xs.length - 1]!, ys[ys.length - 1]!];
}

describe('bounding boxes', () => {
  it('bboxOf of coordinate arrays (all or a leading count) is the sorted extremes', () => {
    fc.assert(
      fc.property(points, fc.nat(), (pts, k) => {
        const xs = Float64Array.from(pts, (p) => p[0]);
        const ys = Float64Array.from(pts, (p) => p[1]);
        expect(bboxOf(xs, ys)).toEqual(sortedBox(pts));
        const count = 1 + (k % pts.length);
        expect(bboxOf(xs, ys, count)).toEqual(sortedBox(pts.slice(0, count)));
      }),
    );
    expect(bboxOf([], [])).toBeNull();
    expect(bboxOf([1, 2], [3, 4], 0)).toBeNull();
  });

  it('bboxOfPositions over several rings equals the box of all their points, and grows the given box', () => {
    fc.assert(
      fc.property(points, points, (a, b) => {
        const grown = bboxOfPositions(b, bboxOfPositions(a));
        expect(grown).toEqual(sortedBox([...a, ...b]));
      }),
    );
    expect(bboxOfPositions([])).toBeNull();
    expect(bboxOfPositions([[1, 2, 99]])).toEqual([1, 2, 1, 2]);
  });

  it('unionBBox holds both boxes, treats null as no box and never mutates its inputs', () => {
    fc.assert(
      fc.property(points, points, (a, b) => {
        const ba = sortedBox(a);
        const bb = sortedBox(b);
        const copyA = [...ba];
        expect(unionBBox(ba, bb)).toEqual(sortedBox([...a, ...b]));
        expect(ba).toEqual(copyA);
        expect(unionBBox(ba, null)).toEqual(ba);
        expect(unionBBox(null, bb)).not.toBe(bb);
      }),
    );
    expect(unionBBox(null, null)).toBeNull();
  });
});
