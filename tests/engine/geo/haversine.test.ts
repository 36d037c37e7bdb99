import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import {
  createLocalProjection,
  haversineLowerBoundFactor,
  projectX,
  projectY,
  unprojectLat,
  unprojectLon,
} from '../../../src/engine/geo/local-projection';
import { mulberry32 } from '../../../src/engine/prng';

describe('haversineMeters', () => {
  it('agrees with @turf/distance on random pairs', () => {
    const rand = mulberry32(1);
    for (let i = 0; i < 2000; i++) {
      const a: [number, number] = [rand() * 360 - 180, rand() * 170 - 85];
      const b: [number, number] =
        i % 2 ? [a[0] + (rand() - 0.5) * 0.1, a[1] + (rand() - 0.5) * 0.1] : [rand() * 360 - 180, rand() * 170 - 85];
      const expected = distance(a, b, { units: 'meters' });
      expect(haversineMeters(a[0], a[1], b[0], b[1])).toBeCloseTo(expected, 6);
    }
  });

  it('gives about 111.2 km per degree of latitude and 0 for the same point', () => {
    expect(haversineMeters(121.5, 29, 121.5, 30)).toBeCloseTo((6371008.8 * Math.PI) / 180, 6);
    expect(haversineMeters(121.5, 29.8, 121.5, 29.8)).toBe(0);
  });
});

describe('local projection', () => {
  it('inverts exactly and is metric near the reference point', () => {
    const rand = mulberry32(2);
    const p = createLocalProjection(121.55, 29.87);
    for (let i = 0; i < 500; i++) {
      const lon = 121.4 + rand() * 0.3;
      const lat = 29.7 + rand() * 0.3;
      expect(unprojectLon(p, projectX(p, lon))).toBeCloseTo(lon, 10);
      expect(unprojectLat(p, projectY(p, lat))).toBeCloseTo(lat, 10);
      const lon2 = 121.55 + (rand() - 0.5) * 0.01;
      const lat2 = 29.87 + (rand() - 0.5) * 0.01;
      const projected = Math.hypot(projectX(p, lon2), projectY(p, lat2));
      expect(Math.abs(projected - haversineMeters(121.55, 29.87, lon2, lat2))).toBeLessThan(0.01);
    }
  });

  it('haversineLowerBoundFactor never overestimates haversine (random pairs up to ~500 km, several latitudes)', () => {
    const rand = mulberry32(3);
    for (const lat0 of [0, 29.87, 50, 70]) {
      const p = createLocalProjection(121.5, lat0);
      for (let i = 0; i < 3000; i++) {
        const spread = [0.01, 0.5, 4][i % 3] as number;
        const lon1 = 121.5 + (rand() - 0.5) * spread;
        const lat1 = lat0 + (rand() - 0.5) * spread;
        const lon2 = 121.5 + (rand() - 0.5) * spread;
        const lat2 = lat0 + (rand() - 0.5) * spread;
        const c = haversineLowerBoundFactor(p, Math.max(Math.abs(lat1), Math.abs(lat2)));
        const projected = Math.hypot(projectX(p, lon1) - projectX(p, lon2), projectY(p, lat1) - projectY(p, lat2));
        expect(c * projected).toBeLessThanOrEqual(haversineMeters(lon1, lat1, lon2, lat2) * (1 + 1e-12));
      }
    }
  });

  it('rejects a bad reference point', () => {
    expect(() => createLocalProjection(NaN, 0)).toThrow(/NaN/);
    expect(() => createLocalProjection(0, 90)).toThrow(/90/);
  });
});
