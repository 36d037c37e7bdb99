import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { fromWgs84, toWgs84 } from '../../src/io/crs';
import { wgs84ToBd09, wgs84ToGcj02 } from '../../src/io/gcj02';
import { mulberry32 } from '../../src/engine/prng';

/** Points in and around gcoord's China box (both sides of every edge), plus its exact corners. */
function points(seed: number, count: number): [number, number][] {
  const rand = mulberry32(seed);
  const out: [number, number][] = [
    [72.004, 0.8293],
    [137.8347, 55.8271],
    [72.003999, 30],
    [121.55, 29.87],
  ];
  for (let i = 0; i < count; i++) out.push([60 + rand() * 90, -5 + rand() * 70]);
  return out;
}

describe('GCJ-02 / BD-09 forward offsets', () => {
  it('give the very same doubles as gcoord.transform', () => {
    for (const [lon, lat] of points(3, 20000)) {
      expect(wgs84ToGcj02(lon, lat)).toEqual(gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02));
      expect(wgs84ToBd09(lon, lat)).toEqual(gcoord.transform([lon, lat], gcoord.WGS84, gcoord.BD09));
    }
  });

  it('are inverted by toWgs84 to about 1e-10° inside China (round trip through fromWgs84)', () => {
    // (at the box's edges the offset jumps: a point just inside may land outside, no round trip there)
    const inside = points(4, 4000).filter(([lon, lat]) => lon > 73 && lon < 136.8 && lat > 2 && lat < 54.8);
    expect(inside.length).toBeGreaterThan(1000);
    for (const [lon, lat] of inside) {
      for (const crs of ['GCJ02', 'BD09'] as const) {
        const [x, y] = fromWgs84(lon, lat, crs);
        const [bx, by] = toWgs84(x, y, crs);
        expect(Math.abs(bx - lon)).toBeLessThan(1e-9);
        expect(Math.abs(by - lat)).toBeLessThan(1e-9);
      }
    }
  });
});
