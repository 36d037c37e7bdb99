import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommunityGeometry } from '../../src/engine/model';
import { checkCommunityPolygon } from '../../src/io/polygon-checks';
import { deepFreeze } from '../helpers/fixtures';

type XY = [number, number];

/** A star-shaped (so simple) ring around (x, y): vertices at increasing angles, radii 50–150 m. */
const simpleRing = (x: number, y: number, radii: number[]): XY[] => {
  const ring = radii.map((r, i): XY => {
    const a = (2 * Math.PI * i) / radii.length;
    return [x + (r / 1e5) * Math.cos(a), y + (r / 1e5) * Math.sin(a)];
  });
  return [...ring, ring[0] as XY];
};
const radii = fc.array(fc.integer({ min: 50, max: 150 }), { minLength: 3, maxLength: 60 });

describe('checkCommunityPolygon', () => {
  it('finds nothing in simple polygons with a hole inside, and returns them as given', () => {
    fc.assert(
      fc.property(radii, (rs) => {
        const g = deepFreeze<CommunityGeometry>({
          type: 'Polygon',
          coordinates: [
            simpleRing(121.5, 29.8, rs),
            simpleRing(
              121.5,
              29.8,
              rs.map(() => 20),
            ),
          ],
        });
        const r = checkCommunityPolygon(g);
        expect(r.reasons).toEqual([]);
        expect(r.geometry).toBe(g);
      }),
    );
  });

  it('names a bow-tie and where it crosses, and keeps it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0005, max: 0.01, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (d, skew) => {
        const [x, y] = [121.5, 29.8];
        const g = deepFreeze<CommunityGeometry>({
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + d, y + d],
              [x + d, y + skew * d],
              [x, y + d],
              [x, y],
            ],
          ],
        });
        const r = checkCommunityPolygon(g);
        expect(r.reasons).toHaveLength(1);
        expect(r.reasons[0]).toMatch(/^outer ring crosses itself near 121\.50\d+, 29\.80\d+ \(a bow-tie\); kept as drawn/);
        expect(r.geometry).toBe(g);
      }),
    );
  });

  it('drops a hole outside its shell (a new geometry; the input is not changed) and names a part of a MultiPolygon', () => {
    const shell = simpleRing(121.5, 29.8, [100, 100, 100, 100]);
    const far = simpleRing(121.6, 29.8, [10, 10, 10, 10]);
    const inner = simpleRing(121.5, 29.8, [10, 10, 10, 10]);
    const g = deepFreeze<CommunityGeometry>({ type: 'MultiPolygon', coordinates: [[shell], [shell, inner, far]] });
    const r = checkCommunityPolygon(g);
    expect(r.reasons).toEqual(['part 1 hole 2 lies outside the outer ring; the hole was dropped']);
    expect(r.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[shell], [shell, inner]] });
  });

  it('says a polygon without area is kept as one point', () => {
    const g: CommunityGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [121.5, 29.8],
          [121.501, 29.801],
          [121.502, 29.802],
          [121.5, 29.8],
        ],
      ],
    };
    expect(checkCommunityPolygon(g).reasons).toEqual([
      'the polygon has no area (under 1 m²); kept: its whole population is placed at one point on it',
    ]);
  });

  it('checks a 200,000-vertex ring (a crossing at its far end is found)', () => {
    const n = 200_000;
    const ring: XY[] = Array.from({ length: n }, (_, i): XY => [
      121.5 + 0.01 * Math.cos((2 * Math.PI * i) / n),
      29.8 + 0.01 * Math.sin((2 * Math.PI * i) / n),
    ]);
    ring.push(ring[0] as XY);
    expect(checkCommunityPolygon({ type: 'Polygon', coordinates: [ring] }).reasons).toEqual([]);
    const crossed = ring.slice();
    [crossed[n - 3], crossed[n - 2]] = [crossed[n - 2] as XY, crossed[n - 3] as XY];
    expect(checkCommunityPolygon({ type: 'Polygon', coordinates: [crossed] }).reasons[0]).toMatch(/crosses itself/);
  });
});

describe('checkCommunityPolygon on a comb', () => {
  it('answers for a 100,000-tooth comb whose teeth all overlap in x (the search is bounded)', () => {
    const ring: XY[] = [];
    for (let i = 0; i < 100_000; i++) ring.push([121.5 + (i % 2) * 0.01, 29.8 + i * 1e-7]);
    ring.push([121.49, 29.8 + 0.01], [121.49, 29.8], ring[0] as XY);
    const r = checkCommunityPolygon({ type: 'Polygon', coordinates: [ring] });
    expect(r.reasons).toEqual([]);
  });
});
