/**
 * Fly-to points of the gap table: the centroid of each community geometry against a fine-grid
 * integration with @turf/boolean-point-in-polygon on seeded random polygons with holes and parts.
 */
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { mulberry32 } from '../../src/engine/prng';
import { communityCentroids, geometryCentroid } from '../../src/app/results/community-centroids';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

/** A star-shaped ring around (cx, cy), counter-clockwise unless `cw`, closed. */
function starRing(r: () => number, cx: number, cy: number, radius: number, cw = false): Position[] {
  const n = 5 + Math.floor(r() * 10);
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = ((2 * Math.PI * i) / n) * (cw ? -1 : 1);
    const d = radius * (0.5 + 0.5 * r());
    ring.push([cx + d * Math.cos(a), cy + d * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** Centroid by midpoint integration over a grid of `n` × `n` cells of the bbox. */
function gridCentroid(geometry: Polygon | MultiPolygon, n = 400): [number, number] {
  const coords = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const xs = coords.map((p) => p[0]!),
    ys = coords.map((p) => p[1]!);
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  let sx = 0,
    sy = 0,
    count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = x0 + ((i + 0.5) / n) * (x1 - x0),
        y = y0 + ((j + 0.5) / n) * (y1 - y0);
      if (booleanPointInPolygon([x, y], geometry)) {
        sx += x;
        sy += y;
        count++;
      }
    }
  }
  return [sx / count, sy / count];
}

describe('community centroids', () => {
  it('equal a grid integration for random polygons with holes (either winding) and multipolygons', () => {
    const r = mulberry32(7);
    for (let t = 0; t < 12; t++) {
      const cx = 121.3 + r() * 0.5,
        cy = 29.6 + r() * 0.4,
        size = 0.002 + r() * 0.01;
      const polygon: Polygon = {
        type: 'Polygon',
        coordinates: [starRing(r, cx, cy, size, r() < 0.5), starRing(r, cx + size * 0.1, cy, size * 0.3, r() < 0.5)],
      };
      const multi: MultiPolygon = {
        type: 'MultiPolygon',
        coordinates: [polygon.coordinates, [starRing(r, cx + size * 3, cy + size, size * 0.6)]],
      };
      for (const g of [deepFreeze(polygon), deepFreeze(multi)]) {
        const got = geometryCentroid(g)!;
        const want = gridCentroid(g);
        const extent = g.type === 'Polygon' ? size : size * 4;
        expect(Math.abs(got[0] - want[0]), `${g.type} ${t} lon`).toBeLessThan(extent * 0.01);
        expect(Math.abs(got[1] - want[1]), `${g.type} ${t} lat`).toBeLessThan(extent * 0.01);
      }
    }
  });

  it('is exact for a rectangle far from (0, 0), the point itself for a point, the vertex mean for a flat polygon', () => {
    const rect: Polygon = deepFreeze({
      type: 'Polygon',
      coordinates: [
        [
          [121.5, 29.8],
          [121.52, 29.8],
          [121.52, 29.81],
          [121.5, 29.81],
          [121.5, 29.8],
        ],
      ],
    });
    const [x, y] = geometryCentroid(rect)!;
    expect(x).toBeCloseTo(121.51, 12);
    expect(y).toBeCloseTo(29.805, 12);
    expect(geometryCentroid({ type: 'Point', coordinates: [121.1, 29.2] })).toEqual([121.1, 29.2]);
    const flat = geometryCentroid({
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 2],
          [3, 3],
          [1, 1],
        ],
      ],
    })!;
    expect(flat[0]).toBeCloseTo(1.75, 12); // mean of the ring's 4 positions (closing one included)
    expect(geometryCentroid(null)).toBeNull();
  });

  it('indexes centroids by feature and computes them once per collection', () => {
    const r = mulberry32(8);
    const features: Feature[] = Array.from({ length: 50 }, (_, i) => ({
      type: 'Feature',
      properties: { index: i },
      geometry:
        i % 2
          ? { type: 'Point', coordinates: [121 + r(), 29 + r()] }
          : { type: 'Polygon', coordinates: [starRing(r, 121 + r(), 29 + r(), 0.003)] },
    }));
    features.push({ type: 'Feature', properties: {}, geometry: null as unknown as Polygon });
    const fc: FeatureCollection = deepFreeze({ type: 'FeatureCollection', features });
    const c = communityCentroids(fc);
    expect(communityCentroids(fc)).toBe(c);
    features.slice(0, 50).forEach((f, i) => {
      const want = geometryCentroid(f.geometry)!;
      expect([c.lon[i], c.lat[i]]).toEqual(want);
    });
    expect(Number.isNaN(c.lon[50])).toBe(true);
    const copy: FeatureCollection = { ...fc };
    expect(communityCentroids(copy)).not.toBe(c);
  });
});
