/**
 * CPU picking (src/app/picking) against brute force on seeded random points and polygons: the
 * Flatbush searches must find exactly what a scan over every item finds, and the local projection
 * frame must agree with the projection it stands for.
 */
import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { mulberry32 } from '../../../src/engine/prng';
import { GCJ02_DISPLAY } from '../../../src/app/basemap/display-shift';
import { frameBox, frameX, frameY, screenFrame, type ProjectWgs84 } from '../../../src/app/picking/screen-frame';
import { pointAt, pointIndex } from '../../../src/app/picking/point-index';
import { polygonAt, polygonIndex, type PolygonRings } from '../../../src/app/picking/polygon-index';

/** Web Mercator at `zoom` (512-px tiles, as MapLibre) with (lon0, lat0) at screen (700, 450), optionally through GCJ-02. */
function mercator(
  zoom: number,
  lon0: number,
  lat0: number,
  gcj = false,
): { project: ProjectWgs84; unproject: (x: number, y: number) => [number, number] } {
  const W = 512 * 2 ** zoom;
  const mx = (lon: number) => ((lon + 180) / 360) * W;
  const my = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * W;
  const [dx0, dy0] = gcj ? GCJ02_DISPLAY.toDisplay(lon0, lat0) : [lon0, lat0];
  const ox = mx(dx0) - 700;
  const oy = my(dy0) - 450;
  const project: ProjectWgs84 = (lon, lat) => {
    const [dx, dy] = gcj ? GCJ02_DISPLAY.toDisplay(lon, lat) : [lon, lat];
    return [mx(dx) - ox, my(dy) - oy];
  };
  const unproject = (x: number, y: number): [number, number] => {
    const lon = ((x + ox) / W) * 360 - 180;
    const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + oy)) / W))) * 180) / Math.PI;
    return gcj ? GCJ02_DISPLAY.fromDisplay(lon, lat) : [lon, lat];
  };
  return { project, unproject };
}

describe('screen frame', () => {
  it('agrees with Web Mercator (and the GCJ-02 display shift) within 0.02 px over the 30 px square around the cursor that a pick reaches', () => {
    const r = mulberry32(3);
    for (const zoom of [9, 12, 15, 18]) {
      for (const gcj of [false, true]) {
        const { project, unproject } = mercator(zoom, 121.55, 29.87, gcj);
        for (let n = 0; n < 20; n++) {
          const x = r() * 1400;
          const y = r() * 900;
          const [lon, lat] = unproject(x, y);
          const f = screenFrame(project, x, y, lon, lat);
          expect(Math.hypot(f.x0 - x, f.y0 - y)).toBeLessThan(1e-6); // the cursor maps onto itself
          for (let k = 0; k < 10; k++) {
            const [plon, plat] = unproject(x + (r() - 0.5) * 30, y + (r() - 0.5) * 30);
            const [px, py] = project(plon, plat);
            expect(Math.hypot(frameX(f, plon, plat) - px, frameY(f, plon, plat) - py)).toBeLessThan(0.02);
          }
          // the search box holds the whole screen square of the reach
          const box = frameBox(f, 10)!;
          for (const [sx, sy] of [
            [-10, -10],
            [10, 10],
            [-10, 10],
            [10, -10],
          ] as const) {
            const [blon, blat] = unproject(x + sx * 0.999, y + sy * 0.999);
            expect(blon).toBeGreaterThanOrEqual(box[0]);
            expect(blon).toBeLessThanOrEqual(box[2]);
            expect(blat).toBeGreaterThanOrEqual(box[1]);
            expect(blat).toBeLessThanOrEqual(box[3]);
          }
        }
      }
    }
  });
});

describe('point discs', () => {
  it('finds the disc a scan over every point finds (smallest gap, ties to the one drawn last), at every reach', () => {
    for (const seed of [1, 2, 3]) {
      const r = mulberry32(seed);
      const n = 3000;
      const coords = new Float64Array(2 * n);
      const radius = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        coords[2 * i] = r() < 0.01 ? NaN : 121.5 + r() * 0.1;
        coords[2 * i + 1] = 29.85 + r() * 0.06;
        radius[i] = 3 + r() * 6;
      }
      // a few exact duplicates: two discs under the cursor, the later one is on top
      for (let i = 0; i < 20; i++) coords.set(coords.subarray(2 * i, 2 * i + 2), 2 * (n - 1 - i));
      const index = pointIndex(coords);
      const { project, unproject } = mercator(14, 121.55, 29.88, seed === 2);
      let hits = 0;
      for (let q = 0; q < 600; q++) {
        // half the cursors right next to a point, the rest anywhere
        const near = q % 2 === 0 ? Math.floor(r() * n) : -1;
        const [cx, cy] =
          near >= 0 && Number.isFinite(coords[2 * near]) ? project(coords[2 * near]!, coords[2 * near + 1]!) : [r() * 1400, r() * 900];
        const x = cx + (near >= 0 ? (r() - 0.5) * 24 : 0);
        const y = cy + (near >= 0 ? (r() - 0.5) * 24 : 0);
        const [lon, lat] = unproject(x, y);
        const f = screenFrame(project, x, y, lon, lat);
        for (const reach of [0, 2, 5]) {
          let best: { item: number; gapPx: number } | null = null;
          for (let i = 0; i < n; i++) {
            if (!Number.isFinite(coords[2 * i])) continue;
            const d = Math.hypot(frameX(f, coords[2 * i]!, coords[2 * i + 1]!) - x, frameY(f, coords[2 * i]!, coords[2 * i + 1]!) - y);
            const gap = Math.max(0, d - radius[i]!);
            if (gap <= reach && (!best || gap < best.gapPx || (gap === best.gapPx && i > best.item))) best = { item: i, gapPx: gap };
          }
          const got = pointAt(index, f, (i) => radius[i]!, 9, reach);
          expect(got).toEqual(best);
          if (best) hits++;
        }
      }
      expect(hits).toBeGreaterThan(300); // the cursors do meet discs
    }
  });

  it('never hits an empty index or non-finite points', () => {
    const { project, unproject } = mercator(12, 0, 0);
    const [lon, lat] = unproject(700, 450);
    const f = screenFrame(project, 700, 450, lon, lat);
    expect(pointAt(pointIndex(new Float64Array(0)), f, () => 5, 5, 2)).toBeNull();
    expect(pointAt(pointIndex(Float64Array.of(NaN, 0, lon, NaN)), f, () => 5, 5, 2)).toBeNull();
    expect(pointAt(pointIndex(Float64Array.of(NaN, 0, lon, lat)), f, () => 5, 5, 0)).toEqual({ item: 1, gapPx: 0 });
  });
});

/** A random star-shaped ring of `m` vertices around (cx, cy), radius about `rad` degrees, closed. */
function star(r: () => number, cx: number, cy: number, rad: number, m: number, clockwise = false): [number, number][] {
  const ring: [number, number][] = [];
  for (let j = 0; j < m; j++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * j) / m;
    const s = rad * (0.5 + r() * 0.5);
    ring.push([cx + s * Math.cos(a), cy + s * Math.sin(a)]);
  }
  ring.push(ring[0]!);
  return ring;
}

describe('polygons', () => {
  it('finds the polygon a scan with turf point-in-polygon finds: inside (holes excluded), else the nearest edge within reach', () => {
    for (const seed of [4, 5, 6]) {
      const r = mulberry32(seed);
      const parts: PolygonRings[] = [];
      const items: number[] = [];
      for (let i = 0; i < 400; i++) {
        const cx = 121.5 + r() * 0.1;
        const cy = 29.85 + r() * 0.06;
        const rad = 0.001 + r() * 0.004;
        const rings = [star(r, cx, cy, rad, 5 + Math.floor(r() * 10))];
        if (r() < 0.3) rings.push(star(r, cx, cy, rad * 0.3, 4 + Math.floor(r() * 4), true)); // a hole
        parts.push(rings);
        items.push(r() < 0.2 && i > 0 ? items[i - 1]! : i); // some items with two parts (MultiPolygons)
      }
      const index = polygonIndex(parts, items);
      const { project, unproject } = mercator(15, 121.55, 29.88, seed === 5);
      let inside = 0;
      let edge = 0;
      for (let q = 0; q < 500; q++) {
        // half the cursors next to a vertex (edges are near), the rest anywhere
        const p = parts[Math.floor(r() * parts.length)]![0]![0]!;
        const [vx, vy] = project(p[0]!, p[1]!);
        const [x, y] = q % 2 === 0 ? [vx + (r() - 0.5) * 8, vy + (r() - 0.5) * 8] : [r() * 1400, r() * 900];
        const [lon, lat] = unproject(x, y);
        const f = screenFrame(project, x, y, lon, lat);
        for (const reach of [0, 2, 4]) {
          let best: { item: number; gapPx: number } | null = null;
          for (const [j, rings] of parts.entries()) {
            const item = items[j]!;
            let gap = Infinity;
            if (booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates: rings as number[][][] })) gap = 0;
            else if (reach > 0)
              for (const ring of rings)
                for (let v = 0; v + 1 < ring.length; v++) {
                  const ax = frameX(f, ring[v]![0]!, ring[v]![1]!) - x;
                  const ay = frameY(f, ring[v]![0]!, ring[v]![1]!) - y;
                  const bx = frameX(f, ring[v + 1]![0]!, ring[v + 1]![1]!) - x;
                  const by = frameY(f, ring[v + 1]![0]!, ring[v + 1]![1]!) - y;
                  const t = Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
                  gap = Math.min(gap, Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)));
                }
            if (gap <= reach && (!best || gap < best.gapPx - 1e-9 || (Math.abs(gap - best.gapPx) <= 1e-9 && item > best.item)))
              best = { item, gapPx: gap };
          }
          const got = polygonAt(index, f, reach);
          expect(got?.item ?? null).toBe(best?.item ?? null);
          if (best) {
            expect(got!.gapPx).toBeCloseTo(best.gapPx, 9);
            if (best.gapPx === 0) inside++;
            else edge++;
          }
        }
      }
      expect(inside).toBeGreaterThan(50);
      expect(edge).toBeGreaterThan(20);
    }
  });

  it('leaves out rings of fewer than three vertices and non-finite vertices', () => {
    const index = polygonIndex(
      [
        [
          [
            [0, 0],
            [1, 1],
          ],
        ],
        [
          [
            [0, 0],
            [NaN, 0],
            [2, 0],
            [2, 2],
            [0, 0],
          ],
        ],
      ],
      [7, 8],
    );
    expect(Array.from(index.partItem)).toEqual([8]);
    expect(() => polygonIndex([[]], [])).toThrow(/1 parts but 0 items/);
  });
});
