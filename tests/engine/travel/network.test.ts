import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { KIND_RURAL, KIND_URBAN } from '../../../src/engine/model';
import { buildRoadGraph, type RoadGraph } from '../../../src/engine/network/graph-builder';
import { snapPoints } from '../../../src/engine/network/snap';
import { deepFreeze } from '../../helpers/fixtures';
import { mulberry32 } from '../../../src/engine/prng';
import { createNetworkModel } from '../../../src/engine/travel/network';
import { createStraightLineModel } from '../../../src/engine/travel/straight-line';
import { NORTH_BAYREUTH, randomRoads, readRealRoads } from '../network/random-network';
import { indicesOf, makeFacilities, SETTINGS } from './fixtures';

/**
 * Reference: an explicit graph where every facility and point is an extra node splitting its
 * segment at its snap position, plus an own node joined by its access leg; then one plain O(V²)
 * Dijkstra per point. Returns effort metres from each point to each facility.
 */
function referenceEfforts(
  g: RoadGraph,
  fLon: Float64Array,
  fLat: Float64Array,
  pLon: Float64Array,
  pLat: Float64Array,
  maxSnap: number,
): number[][] {
  const lon = Float64Array.from([...fLon, ...pLon]);
  const lat = Float64Array.from([...fLat, ...pLat]);
  const snap = snapPoints(g, lon, lat, maxSnap);
  const m = lon.length;
  const V = g.nodeCount + 2 * m; // graph nodes, then snap node N+k, then own node N+m+k
  const adj: [number, number][][] = Array.from({ length: V }, () => []);
  const link = (a: number, b: number, c: number) => {
    adj[a]!.push([b, c]);
    adj[b]!.push([a, c]);
  };
  for (let s = 0; s < g.segmentCount; s++) {
    const stops: [number, number][] = [
      [0, g.segA[s] as number],
      [1, g.segB[s] as number],
    ];
    for (let k = 0; k < m; k++) if (snap.segment[k] === s) stops.push([snap.t[k] as number, g.nodeCount + k]);
    stops.sort((a, b) => a[0] - b[0]);
    for (let j = 1; j < stops.length; j++) {
      link(stops[j - 1]![1], stops[j]![1], (stops[j]![0] - stops[j - 1]![0]) * (g.segCost[s] as number));
    }
  }
  for (let k = 0; k < m; k++)
    if ((snap.segment[k] as number) >= 0) link(g.nodeCount + m + k, g.nodeCount + k, snap.accessMeters[k] as number);
  const result: number[][] = [];
  for (let p = 0; p < pLon.length; p++) {
    const d = new Array<number>(V).fill(Infinity);
    const done = new Array<boolean>(V).fill(false);
    d[g.nodeCount + m + fLon.length + p] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < V; v++) if (!done[v] && d[v]! < Infinity && (u < 0 || d[v]! < d[u]!)) u = v;
      if (u < 0) break;
      done[u] = true;
      for (const [v, c] of adj[u]!) if (d[u]! + c < d[v]!) d[v] = d[u]! + c;
    }
    result.push(Array.from(fLon, (_, f) => d[g.nodeCount + m + f]!));
  }
  return result;
}

describe('createNetworkModel', () => {
  it('matches the split-graph reference, including mid-segment and same-segment facilities', () => {
    for (const seed of [31, 32, 33, 34]) {
      const roads = randomRoads(seed, 30, 18);
      const g = buildRoadGraph(roads);
      const rand = mulberry32(seed);
      const onSegment = (): [number, number] => {
        const s = Math.floor(rand() * g.segmentCount);
        const t = rand();
        const a = g.segA[s] as number;
        const b = g.segB[s] as number;
        return [
          (g.nodeLon[a] as number) + t * ((g.nodeLon[b] as number) - (g.nodeLon[a] as number)) + (rand() - 0.5) * 1e-4,
          (g.nodeLat[a] as number) + t * ((g.nodeLat[b] as number) - (g.nodeLat[a] as number)) + (rand() - 0.5) * 1e-4,
        ];
      };
      const fCoords: [number, number][] = [];
      for (let i = 0; i < 12; i++) fCoords.push(i % 2 ? onSegment() : [121.5 + rand() * 0.02, 29.85 + rand() * 0.02]);
      fCoords.push([121.7, 29.9]); // far off-network
      const facilities = makeFacilities(
        fCoords.map((c) => c[0]),
        fCoords.map((c) => c[1]),
        (i) => (i % 3 === 0 ? 'clinic' : 'canteen'),
      );
      const pCoords: [number, number][] = [];
      // points on the facilities' own segments, near and on vertices, and anywhere
      for (let i = 0; i < 60; i++) {
        const f = facilities[i % 12]!;
        pCoords.push(
          i < 24
            ? [f.lon + (rand() - 0.5) * 6e-4, f.lat + (rand() - 0.5) * 6e-4]
            : i < 40
              ? onSegment()
              : [121.48 + rand() * 0.06, 29.83 + rand() * 0.06],
        );
      }
      const points = Object.freeze({
        lon: Float64Array.from(pCoords, (c) => c[0]),
        lat: Float64Array.from(pCoords, (c) => c[1]),
        kind: Uint8Array.from(pCoords, (_, i) => (i % 2 ? KIND_RURAL : KIND_URBAN)),
      });
      const lonBefore = points.lon.slice(); // typed arrays cannot be frozen: compare after
      const settings = { ...SETTINGS, maxSnapMeters: 1500 };
      const model = createNetworkModel(g, facilities, settings);
      expect(model.warnings.map((w) => [w.file, w.index, w.id])).toEqual([['facilities', 12, 'F12']]);
      expect(model.warnings[0]!.reason).toMatch(/off-network/);
      const ref = referenceEfforts(
        g,
        Float64Array.from(fCoords, (c) => c[0]),
        Float64Array.from(fCoords, (c) => c[1]),
        points.lon,
        points.lat,
        settings.maxSnapMeters,
      );
      let sameSegmentWins = 0;
      const pSnap = snapPoints(g, points.lon, points.lat, settings.maxSnapMeters);
      for (const category of ['clinic', 'canteen']) {
        const indices = indicesOf(facilities, category);
        const field = model.accessField(category, indices, points);
        for (let p = 0; p < pCoords.length; p++) {
          const best = Math.min(...Array.from(indices, (f) => ref[p]![f]!));
          const speed = (points.kind[p] === KIND_URBAN ? 5 : 4.5) / 3.6;
          if (best === Infinity) {
            expect(field.seconds[p], `point ${p}`).toBe(Infinity);
            expect(field.facility[p]).toBe(-1);
            continue;
          }
          expect(Math.abs((field.seconds[p] as number) - best / speed), `seed ${seed} ${category} point ${p}`).toBeLessThanOrEqual(
            1e-6 * (best / speed) + 1e-9,
          );
          const chosen = field.facility[p] as number;
          expect(facilities[chosen]!.category).toBe(category);
          expect(ref[p]![chosen]! - best).toBeLessThanOrEqual(1e-6 * best + 1e-9);
          if (model.facilitySnap.segment[chosen] === pSnap.segment[p]) sameSegmentWins++;
        }
      }
      expect(sameSegmentWins).toBeGreaterThan(0);
      expect(Array.from(pSnap.segment).filter((s) => s < 0).length).toBeGreaterThan(0);
      expect(points.lon).toEqual(lonBefore);
    }
  });

  it('gives Infinity to off-network points and to a category whose facilities are all off-network', () => {
    const g = buildRoadGraph(randomRoads(41));
    const facilities = makeFacilities([121.51, 125], [29.86, 29.86], (i) => (i === 0 ? 'clinic' : 'canteen'));
    const model = createNetworkModel(g, facilities, SETTINGS);
    const points = { lon: Float64Array.of(121.51, 130), lat: Float64Array.of(29.86, 29.86), kind: Uint8Array.of(0, 0) };
    const clinic = model.accessField('clinic', Uint32Array.of(0), points);
    expect(clinic.seconds[0]).toBeLessThan(Infinity);
    expect(clinic.seconds[1]).toBe(Infinity);
    const canteen = model.accessField('canteen', Uint32Array.of(1), points);
    expect(Array.from(canteen.seconds)).toEqual([Infinity, Infinity]);
    expect(Array.from(canteen.facility)).toEqual([-1, -1]);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toMatchObject({ file: 'facilities', index: 1, id: 'F1' });
  });

  it('is never faster than the crow flies on the real north-Bayreuth data', () => {
    const g = buildRoadGraph(readRealRoads());
    const fc = JSON.parse(readFileSync(path.join(NORTH_BAYREUTH, 'facilities.geojson'), 'utf8')) as {
      features: { properties: { id: string; name: string; category: string }; geometry: { coordinates: [number, number] } }[];
    };
    const facilities = deepFreeze(
      fc.features.map((f, i) => ({
        index: i,
        id: f.properties.id,
        name: f.properties.name,
        category: f.properties.category,
        capacity: null,
        lon: f.geometry.coordinates[0],
        lat: f.geometry.coordinates[1],
      })),
    );
    const settings = { ...SETTINGS, maxSnapMeters: 500, detourFactor: 1 };
    const network = createNetworkModel(g, facilities, settings);
    const straight = createStraightLineModel(facilities, settings);
    const rand = mulberry32(51);
    const n = 3000;
    const points = {
      lon: Float64Array.from({ length: n }, () => 11.45 + rand() * 0.2),
      lat: Float64Array.from({ length: n }, () => 49.95 + rand() * 0.1),
      kind: Uint8Array.from({ length: n }, () => (rand() < 0.5 ? KIND_URBAN : KIND_RURAL)),
    };
    let finite = 0;
    for (const category of ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience']) {
      const indices = indicesOf(facilities, category);
      const net = network.accessField(category, indices, points);
      const crow = straight.accessField(category, indices, points);
      for (let i = 0; i < n; i++) {
        const t = net.seconds[i] as number;
        if (t === Infinity) continue;
        finite++;
        const f = facilities[net.facility[i] as number]!;
        const speed = (points.kind[i] === KIND_URBAN ? 5 : 4.5) / 3.6;
        expect(t).toBeGreaterThanOrEqual((haversineMeters(points.lon[i]!, points.lat[i]!, f.lon, f.lat) / speed) * (1 - 1e-6));
        expect(t).toBeGreaterThanOrEqual((crow.seconds[i] as number) * (1 - 1e-6));
      }
    }
    expect(finite).toBeGreaterThan(n);
  });
});
