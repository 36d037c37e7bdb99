import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { nearestPoints } from '../../../src/engine/geo/nearest-point';
import { createPointIndex } from '../../../src/engine/geo/point-index';
import { mulberry32 } from '../../../src/engine/prng';
import { northBayreuth } from '../../helpers/fixtures';

/** All-pairs oracle: nearest by haversineMeters, ties to the lower index. */
function bruteForce(
  lon: Float64Array,
  lat: Float64Array,
  qLon: Float64Array,
  qLat: Float64Array,
): { nearest: Int32Array; meters: Float64Array } {
  const nearest = new Int32Array(qLon.length).fill(-1);
  const meters = new Float64Array(qLon.length).fill(Infinity);
  for (let q = 0; q < qLon.length; q++) {
    if (!Number.isFinite(qLon[q]) || !Number.isFinite(qLat[q])) continue;
    for (let i = 0; i < lon.length; i++) {
      const d = haversineMeters(qLon[q] as number, qLat[q] as number, lon[i] as number, lat[i] as number);
      if (d < (meters[q] as number)) {
        meters[q] = d;
        nearest[q] = i;
      }
    }
  }
  return { nearest, meters };
}

function expectSame(lon: Float64Array, lat: Float64Array, qLon: Float64Array, qLat: Float64Array): void {
  const before = [lon.slice(), lat.slice(), qLon.slice(), qLat.slice()];
  const got = nearestPoints(createPointIndex(lon, lat), qLon, qLat);
  expect([lon, lat, qLon, qLat]).toEqual(before);
  const want = bruteForce(lon, lat, qLon, qLat);
  for (let q = 0; q < qLon.length; q++) {
    expect(got.nearest[q], `query ${q}`).toBe(want.nearest[q]);
    expect(got.meters[q], `query ${q}`).toBe(want.meters[q]);
  }
}

describe('nearestPoints (batched by grid cell)', () => {
  it('equals the all-pairs scan exactly: clustered items, many queries per cell, far and non-finite queries', () => {
    for (const seed of [1, 2, 3]) {
      const rand = mulberry32(seed);
      const items = 400;
      const lon = new Float64Array(items);
      const lat = new Float64Array(items);
      for (let i = 0; i < items; i++) {
        // three clusters and a sparse background over ~30 km: cells with and without nearby items
        const c = i % 4;
        const spread = c === 3 ? 0.3 : 0.01;
        lon[i] = 121.4 + (c === 3 ? 0 : c * 0.1) + rand() * spread;
        lat[i] = 29.7 + (c === 3 ? 0 : c * 0.05) + rand() * spread;
      }
      const n = 6000;
      const qLon = new Float64Array(n);
      const qLat = new Float64Array(n);
      for (let q = 0; q < n; q++) {
        const far = q % 500 === 0;
        qLon[q] = far ? 125 + rand() : 121.35 + rand() * 0.4;
        qLat[q] = far ? 35 + rand() : 29.65 + rand() * 0.4;
      }
      qLon[7] = NaN;
      qLat[8] = -Infinity;
      expectSame(lon, lat, qLon, qLat);
    }
  });

  it('breaks ties (duplicate items, equidistant items) to the lower index', () => {
    const lon = Float64Array.of(121.5, 121.52, 121.5, 121.51, 121.52);
    const lat = Float64Array.of(29.8, 29.8, 29.8, 29.81, 29.8);
    const rand = mulberry32(9);
    const qLon = Float64Array.from({ length: 3000 }, (_, i) => (i < 5 ? (lon[i] as number) : 121.49 + rand() * 0.04));
    const qLat = Float64Array.from({ length: 3000 }, (_, i) => (i < 5 ? (lat[i] as number) : 29.79 + rand() * 0.03));
    expectSame(lon, lat, qLon, qLat);
    const got = nearestPoints(createPointIndex(lon, lat), qLon, qLat);
    expect(Array.from(got.nearest.subarray(0, 5))).toEqual([0, 1, 0, 3, 1]);
  });

  it('is exact with one item, a line of items, at 65° latitude, and with an empty index', () => {
    const rand = mulberry32(4);
    const qLon = Float64Array.from({ length: 4000 }, () => 10 + rand() * 2);
    const qLat = Float64Array.from({ length: 4000 }, () => 64.5 + rand());
    expectSame(Float64Array.of(11), Float64Array.of(65), qLon, qLat);
    expectSame(
      Float64Array.from({ length: 50 }, (_, i) => 10 + i * 0.04),
      new Float64Array(50).fill(65),
      qLon,
      qLat,
    );
    expectSame(
      Float64Array.from({ length: 300 }, () => 10 + rand() * 2),
      Float64Array.from({ length: 300 }, () => 64.5 + rand()),
      qLon,
      qLat,
    );
    const none = nearestPoints(createPointIndex(new Float64Array(0), new Float64Array(0)), qLon, qLat);
    expect(none.nearest.every((i) => i === -1)).toBe(true);
  });

  it('is exact on the real north-Bayreuth facilities', () => {
    const file = northBayreuth('facilities.geojson');
    const fc = JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry: { coordinates: [number, number] } }[] };
    const lon = Float64Array.from(fc.features, (f) => f.geometry.coordinates[0]);
    const lat = Float64Array.from(fc.features, (f) => f.geometry.coordinates[1]);
    expect(lon.length).toBeGreaterThan(20);
    const rand = mulberry32(6);
    const qLon = Float64Array.from({ length: 5000 }, () => 11.4 + rand() * 0.3);
    const qLat = Float64Array.from({ length: 5000 }, () => 49.9 + rand() * 0.2);
    expectSame(lon, lat, qLon, qLat);
  });
});
