import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { buildRoadGraph, type RoadGraph } from '../../../src/engine/network/graph-builder';
import { getSegmentIndex } from '../../../src/engine/network/segment-index';
import { snapPoints } from '../../../src/engine/network/snap';
import type { Road } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';
import { deepFreeze } from '../../helpers/fixtures';
import { readRealRoads } from './random-network';

const RAD = Math.PI / 180;

/**
 * Oracle by the documented definition, over every segment: the snap point minimises the distance in
 * the point's tangent plane, the segment is the one whose snap point is nearest by haversine (ties
 * to the lower id), off-network beyond maxSnapMeters.
 */
function bruteForce(g: RoadGraph, plon: number, plat: number, maxSnapMeters: number): { segment: number; t: number; meters: number } {
  const { projection, nodeX, nodeY } = getSegmentIndex(g);
  const px = (plon - projection.lon0) * projection.metersPerDegLon;
  const py = (plat - projection.lat0) * projection.metersPerDegLat;
  const xScale = Math.cos(plat * RAD) / Math.cos(projection.lat0 * RAD);
  let best = { segment: -1, t: 0, meters: Infinity };
  for (let s = 0; s < g.segmentCount; s++) {
    const a = g.segA[s] as number;
    const b = g.segB[s] as number;
    const ax = ((nodeX[a] as number) - px) * xScale;
    const ay = (nodeY[a] as number) - py;
    const dx = ((nodeX[b] as number) - px) * xScale - ax;
    const dy = (nodeY[b] as number) - py - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const aLon = g.nodeLon[a] as number;
    const aLat = g.nodeLat[a] as number;
    const meters = haversineMeters(plon, plat, aLon + t * ((g.nodeLon[b] as number) - aLon), aLat + t * ((g.nodeLat[b] as number) - aLat));
    if (meters < best.meters) best = { segment: s, t, meters };
  }
  return best.meters <= maxSnapMeters ? best : { segment: -1, t: 0, meters: Infinity };
}

function expectSame(g: RoadGraph, lon: Float64Array, lat: Float64Array, maxSnapMeters: number): number {
  const before = [lon.slice(), lat.slice()];
  const snap = snapPoints(g, lon, lat, maxSnapMeters);
  expect([lon, lat]).toEqual(before);
  let on = 0;
  for (let i = 0; i < lon.length; i++) {
    const want =
      Number.isFinite(lon[i]) && Number.isFinite(lat[i])
        ? bruteForce(g, lon[i] as number, lat[i] as number, maxSnapMeters)
        : { segment: -1, t: 0, meters: Infinity };
    expect(snap.segment[i], `point ${i}`).toBe(want.segment);
    expect(snap.accessMeters[i], `point ${i}`).toBe(want.meters);
    if (want.segment < 0) continue;
    on++;
    expect(snap.t[i]).toBe(want.t);
    expect(snap.costToA[i]).toBe(want.t * (g.segCost[want.segment] as number));
    expect(snap.costToB[i]).toBe((1 - want.t) * (g.segCost[want.segment] as number));
  }
  // the same answers for points snapped one at a time (the path without bucketing)
  for (let i = 0; i < lon.length; i += Math.max(1, Math.floor(lon.length / 60))) {
    const one = snapPoints(g, lon.subarray(i, i + 1), lat.subarray(i, i + 1), maxSnapMeters);
    expect([one.segment[0], one.t[0], one.accessMeters[0]], `point ${i} alone`).toEqual([snap.segment[i], snap.t[i], snap.accessMeters[i]]);
  }
  return on;
}

/** A jittered street grid of side × side nodes, `block` metres apart, with gaps (sparse districts). */
function jitteredGrid(seed: number, side: number, block: number): Road[] {
  const rand = mulberry32(seed);
  const mLat = 111195;
  const mLon = mLat * Math.cos(29.87 * RAD);
  const node = (i: number, j: number): [number, number] => [
    121.5 + (j * block + (rand() - 0.5) * block * 0.3) / mLon,
    29.85 + (i * block + (rand() - 0.5) * block * 0.3) / mLat,
  ];
  const grid = Array.from({ length: side }, (_, i) => Array.from({ length: side }, (_, j) => node(i, j)));
  const roads: Road[] = [];
  for (let i = 0; i < side; i++) {
    for (let j = 0; j + 1 < side; j++) {
      // leave out a block of the grid so some cells have no road near them
      if (i > side / 2 && j > side / 2 && i < side - 2 && j < side - 2) continue;
      roads.push({ coordinates: [grid[i]![j]!, grid[i]![j + 1]!], highway: 'residential', speedKmh: rand() < 0.2 ? 3 : null });
      roads.push({ coordinates: [grid[j]![i]!, grid[j + 1]![i]!], highway: 'residential', speedKmh: null });
    }
  }
  return deepFreeze(roads);
}

describe('snapPoints (batched by grid cell)', () => {
  it('equals the brute-force definition exactly on a jittered grid with many points per cell', () => {
    for (const seed of [1, 2]) {
      const g = buildRoadGraph(jitteredGrid(seed, 30, 80));
      const rand = mulberry32(seed + 100);
      const n = 4000;
      const lon = Float64Array.from({ length: n }, (_, i) => 121.5 + (i % 400 === 0 ? 0.2 : -0.002 + rand() * 0.03));
      const lat = Float64Array.from({ length: n }, () => 29.85 - 0.002 + rand() * 0.025);
      lon[3] = NaN;
      for (const maxSnap of [0, 60, 500, Infinity]) {
        const on = expectSame(g, lon, lat, maxSnap);
        if (maxSnap === 500) expect(on).toBeGreaterThan(n * 0.9);
        if (maxSnap === 60) expect(on).toBeLessThan(n * 0.95);
      }
      // points exactly on vertices snap at distance 0
      const v = Float64Array.from({ length: 50 }, (_, i) => g.nodeLon[i * 7] as number);
      const w = Float64Array.from({ length: 50 }, (_, i) => g.nodeLat[i * 7] as number);
      expectSame(g, v, w, 100);
      expect(Array.from(snapPoints(g, v, w, 100).accessMeters).every((m) => m === 0)).toBe(true);
    }
  });

  it('equals the brute-force definition across a wide empty area between two districts (long searches)', () => {
    // two street grids 6 km apart: points between them search many rings or fall back to one-by-one
    const east = jitteredGrid(5, 12, 80).map((r) => ({
      ...r,
      coordinates: r.coordinates.map(([x, y]) => [x + 0.07, y] as [number, number]),
    }));
    const g = buildRoadGraph(deepFreeze([...jitteredGrid(4, 12, 80), ...east]));
    const rand = mulberry32(55);
    const n = 600;
    const lon = Float64Array.from({ length: n }, () => 121.49 + rand() * 0.09);
    const lat = Float64Array.from({ length: n }, () => 29.845 + rand() * 0.012);
    for (const maxSnap of [300, 2000, Infinity]) expectSame(g, lon, lat, maxSnap);
  });

  it("equals the brute-force definition for points around the roads' box, corners included (searched from the border cells)", () => {
    const g = buildRoadGraph(jitteredGrid(7, 20, 80));
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < g.nodeLon.length; i++) {
      w = Math.min(w, g.nodeLon[i]!);
      e = Math.max(e, g.nodeLon[i]!);
      s = Math.min(s, g.nodeLat[i]!);
      n = Math.max(n, g.nodeLat[i]!);
    }
    // a frame up to ~400 m wide around the box: every side and every corner
    const rand = mulberry32(77);
    const pad = 0.004;
    const count = 800;
    const lon = new Float64Array(count);
    const lat = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const side = i % 4;
      const along = rand();
      const out = rand() * pad;
      lon[i] = side === 0 ? w - out : side === 1 ? e + out : w - pad + along * (e - w + 2 * pad);
      lat[i] = side === 2 ? s - out : side === 3 ? n + out : s - pad + along * (n - s + 2 * pad);
    }
    for (const maxSnap of [50, 250, 500, Infinity]) expectSame(g, lon, lat, maxSnap);
    // a few points: each searched alone (the path without bucketing)
    for (const maxSnap of [250, Infinity]) expectSame(g, lon.subarray(0, 12), lat.subarray(0, 12), maxSnap);
  });

  it('equals the brute-force definition exactly on the real north-Bayreuth roads', () => {
    const g = buildRoadGraph(readRealRoads());
    const rand = mulberry32(12);
    const n = 1500;
    const lon = Float64Array.from({ length: n }, () => 11.45 + rand() * 0.2);
    const lat = Float64Array.from({ length: n }, () => 49.95 + rand() * 0.1);
    expect(expectSame(g, lon, lat, 500)).toBeGreaterThan(n / 3);
  });
});
