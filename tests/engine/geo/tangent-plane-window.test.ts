import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METERS, haversineMeters } from '../../../src/engine/geo/haversine';
import { tangentPlaneWindowMeters } from '../../../src/engine/geo/tangent-plane-window';
import { mulberry32 } from '../../../src/engine/prng';

const RAD = Math.PI / 180;

/** Distance in the tangent plane at p, R·√(Δφ² + cos²φp·Δλ²), metres. */
function tangentMeters(plon: number, plat: number, lon: number, lat: number): number {
  const dy = (lat - plat) * RAD;
  const dx = (lon - plon) * RAD * Math.cos(plat * RAD);
  return EARTH_RADIUS_METERS * Math.hypot(dx, dy);
}

describe('tangentPlaneWindowMeters', () => {
  it('always keeps the haversine winner and every candidate as near as it (random sets, latitudes 0–75°, spreads 10 m–80 km)', () => {
    const rand = mulberry32(31);
    let checked = 0;
    for (const lat0 of [0, -12, 29.87, 50, 62, 75]) {
      for (const spreadDeg of [0.0001, 0.003, 0.05, 0.7]) {
        for (let trial = 0; trial < 150; trial++) {
          const plon = 121.5 + (rand() - 0.5) * spreadDeg;
          const plat = lat0 + (rand() - 0.5) * spreadDeg;
          const count = 2 + Math.floor(rand() * 30);
          const tangent: number[] = [];
          const meters: number[] = [];
          for (let k = 0; k < count; k++) {
            // candidates in a ring, so that many are nearly as near as the nearest
            const angle = rand() * 2 * Math.PI;
            const r = spreadDeg * (0.5 + rand() * 0.02);
            const lon = plon + (r * Math.cos(angle)) / Math.cos(plat * RAD);
            const lat = plat + r * Math.sin(angle);
            tangent.push(tangentMeters(plon, plat, lon, lat));
            meters.push(haversineMeters(plon, plat, lon, lat));
          }
          const window = tangentPlaneWindowMeters(Math.tan(Math.abs(plat) * RAD), Math.min(...tangent));
          const best = Math.min(...meters);
          for (let k = 0; k < count; k++) {
            if ((meters[k] as number) <= best) {
              expect(tangent[k], `lat ${plat}, spread ${spreadDeg}`).toBeLessThanOrEqual(window);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6 * 4 * 150);
  });

  it('is a narrow window at city scale and open (Infinity) when no bound holds', () => {
    // 1 km at Ningbo's latitude: the window is within 0.02 % of the nearest distance
    const w = tangentPlaneWindowMeters(Math.tan(29.87 * RAD), 1000);
    expect(w).toBeGreaterThan(1000);
    expect(w).toBeLessThan(1000.2);
    expect(tangentPlaneWindowMeters(0, 0)).toBeCloseTo(1e-6, 12);
    expect(tangentPlaneWindowMeters(Math.tan(89 * RAD), 5_000_000)).toBe(Infinity);
  });
});
