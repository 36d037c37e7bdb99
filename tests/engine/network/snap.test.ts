import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { buildRoadGraph, type RoadGraph } from '../../../src/engine/network/graph-builder';
import { snapPoints } from '../../../src/engine/network/snap';
import { mulberry32 } from '../../../src/engine/prng';
import { randomRoads, readRealRoads } from './random-network';

/** Brute force: min over t of the haversine distance to the lerp of a segment (golden-section search). */
function distanceToSegment(g: RoadGraph, s: number, lon: number, lat: number): { meters: number; t: number } {
  const a = g.segA[s] as number;
  const b = g.segB[s] as number;
  const at = (t: number) =>
    haversineMeters(
      lon,
      lat,
      (g.nodeLon[a] as number) + t * ((g.nodeLon[b] as number) - (g.nodeLon[a] as number)),
      (g.nodeLat[a] as number) + t * ((g.nodeLat[b] as number) - (g.nodeLat[a] as number)),
    );
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 100; k++) {
    const m1 = lo + (hi - lo) * 0.382;
    const m2 = lo + (hi - lo) * 0.618;
    if (at(m1) <= at(m2)) hi = m2;
    else lo = m1;
  }
  const t = (lo + hi) / 2;
  return { meters: at(t), t };
}

function checkAgainstBruteForce(g: RoadGraph, lon: Float64Array, lat: Float64Array, maxSnapMeters: number): number {
  const lonBefore = lon.slice();
  const snap = snapPoints(g, lon, lat, maxSnapMeters);
  expect(lon).toEqual(lonBefore);
  let onNetwork = 0;
  for (let i = 0; i < lon.length; i++) {
    let best = Infinity;
    for (let s = 0; s < g.segmentCount; s++) {
      // triangle inequality: a segment whose near end is farther than best + its length cannot win
      const x = lon[i] as number;
      const y = lat[i] as number;
      const ends = Math.min(
        haversineMeters(x, y, g.nodeLon[g.segA[s] as number] as number, g.nodeLat[g.segA[s] as number] as number),
        haversineMeters(x, y, g.nodeLon[g.segB[s] as number] as number, g.nodeLat[g.segB[s] as number] as number),
      );
      if (ends - (g.segLengthMeters[s] as number) > best) continue;
      best = Math.min(best, distanceToSegment(g, s, x, y).meters);
    }
    const seg = snap.segment[i] as number;
    if (best > maxSnapMeters * (1 + 1e-9)) {
      expect(seg, `point ${i} is ${best} m away`).toBe(-1);
      continue;
    }
    if (best < maxSnapMeters * (1 - 1e-9)) expect(seg, `point ${i}`).toBeGreaterThanOrEqual(0);
    if (seg < 0) continue;
    onNetwork++;
    const own = distanceToSegment(g, seg, lon[i] as number, lat[i] as number);
    const access = snap.accessMeters[i] as number;
    expect(Math.abs(access - best), `point ${i}: ${access} vs ${best}`).toBeLessThanOrEqual(1e-6 * best + 1e-6);
    expect(Math.abs(own.meters - best)).toBeLessThanOrEqual(1e-6 * best + 1e-6);
    const cost = g.segCost[seg] as number;
    const t = snap.t[i] as number;
    expect(t).toBeGreaterThanOrEqual(0);
    expect(t).toBeLessThanOrEqual(1);
    expect(snap.costToA[i]).toBeCloseTo(t * cost, 9);
    expect(snap.costToB[i]).toBeCloseTo((1 - t) * cost, 9);
  }
  return onNetwork;
}

describe('snapPoints', () => {
  it('finds the nearest point of the nearest segment (vs brute force over all segments)', () => {
    for (const seed of [11, 12, 13]) {
      const g = buildRoadGraph(randomRoads(seed, 60, 40));
      const rand = mulberry32(seed);
      const n = 300;
      const lon = new Float64Array(n);
      const lat = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        lon[i] = 121.49 + rand() * 0.04;
        lat[i] = 29.84 + rand() * 0.04;
      }
      const onNetwork = checkAgainstBruteForce(g, lon, lat, 400);
      expect(onNetwork).toBeGreaterThan(100);
      expect(onNetwork).toBeLessThan(n);
    }
  });

  it('is exact on the real north-Bayreuth roads', () => {
    const g = buildRoadGraph(readRealRoads());
    const rand = mulberry32(5);
    const n = 80;
    const lon = new Float64Array(n);
    const lat = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lon[i] = 11.45 + rand() * 0.2;
      lat[i] = 49.95 + rand() * 0.1;
    }
    expect(checkAgainstBruteForce(g, lon, lat, 500)).toBeGreaterThan(40);
  });

  it('puts a point on a vertex or a segment at zero distance and t at its position', () => {
    const g = buildRoadGraph([
      {
        coordinates: [
          [121.5, 29.8],
          [121.51, 29.8],
        ],
        highway: null,
        speedKmh: null,
      },
    ]);
    const snap = snapPoints(g, Float64Array.of(121.5, 121.5025, 121.6, NaN), Float64Array.of(29.8, 29.8, 29.8, 29.8), 500);
    expect(Array.from(snap.segment)).toEqual([0, 0, -1, -1]);
    expect(snap.accessMeters[0]).toBe(0);
    expect(snap.accessMeters[1]).toBeLessThan(1e-6);
    expect(snap.t[1]).toBeCloseTo(0.25, 9);
  });

  it('marks every point off-network on an empty graph and rejects bad arguments', () => {
    const g = buildRoadGraph([]);
    expect(Array.from(snapPoints(g, Float64Array.of(1), Float64Array.of(2), 500).segment)).toEqual([-1]);
    expect(() => snapPoints(g, Float64Array.of(1), new Float64Array(0), 500)).toThrow(/1 values, lat 0/);
    expect(() => snapPoints(g, Float64Array.of(1), Float64Array.of(1), -1)).toThrow(/-1/);
  });
});
