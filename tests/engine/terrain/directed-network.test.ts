import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { EARTH_RADIUS_METERS } from '../../../src/engine/geo/haversine';
import { KIND_RURAL, KIND_URBAN, type Dataset, type Settings } from '../../../src/engine/model';
import { buildRoadGraph, type RoadGraph } from '../../../src/engine/network/graph-builder';
import { snapPoints } from '../../../src/engine/network/snap';
import { mulberry32 } from '../../../src/engine/prng';
import { createNetworkReach } from '../../../src/engine/siting/network-reach';
import { applyTerrain } from '../../../src/engine/terrain/apply-terrain';
import { toblerSpeedRatio } from '../../../src/engine/terrain/slope-speed';
import { createNetworkModel } from '../../../src/engine/travel/network';
import { deepFreeze } from '../../helpers/fixtures';
import { randomRoads, readRealRoads } from '../network/random-network';
import { indicesOf, makeFacilities, SETTINGS } from '../travel/fixtures';
import { syntheticGrid } from './dem-helpers';

const DEG = (Math.PI / 180) * EARTH_RADIUS_METERS; // metres per degree of latitude

/**
 * Oracle: the graph split at every facility and point snap, edges directed with the costs of the
 * terrain graph (`segCostAB` going towards B, `segCostBA` towards A, access legs both ways), then
 * Bellman–Ford from each point (the resident) until nothing relaxes; the point's effort is the
 * cheapest facility of the category reached.
 */
function bellmanFordEfforts(g: RoadGraph, fLon: Float64Array, fLat: Float64Array, pLon: Float64Array, pLat: Float64Array): number[] {
  const lon = Float64Array.from([...fLon, ...pLon]);
  const lat = Float64Array.from([...fLat, ...pLat]);
  const snap = snapPoints(g, lon, lat, SETTINGS.maxSnapMeters);
  const m = lon.length;
  const V = g.nodeCount + 2 * m;
  const edges: [number, number, number][] = [];
  const ab = g.segCostAB ?? g.segCost;
  const ba = g.segCostBA ?? g.segCost;
  for (let s = 0; s < g.segmentCount; s++) {
    const stops: [number, number][] = [
      [0, g.segA[s]!],
      [1, g.segB[s]!],
    ];
    for (let k = 0; k < m; k++) if (snap.segment[k] === s) stops.push([snap.t[k]!, g.nodeCount + k]);
    stops.sort((a, b) => a[0] - b[0]);
    for (let j = 1; j < stops.length; j++) {
      const dt = stops[j]![0] - stops[j - 1]![0];
      edges.push([stops[j - 1]![1], stops[j]![1], dt * ab[s]!], [stops[j]![1], stops[j - 1]![1], dt * ba[s]!]);
    }
  }
  for (let k = 0; k < m; k++)
    if (snap.segment[k]! >= 0)
      edges.push(
        [g.nodeCount + m + k, g.nodeCount + k, snap.accessMeters[k]!],
        [g.nodeCount + k, g.nodeCount + m + k, snap.accessMeters[k]!],
      );
  return Array.from(pLon, (_, p) => {
    const d = new Float64Array(V).fill(Infinity);
    d[g.nodeCount + m + fLon.length + p] = 0;
    for (let changed = true; changed;) {
      changed = false;
      for (const [u, v, c] of edges)
        if (d[u]! + c < d[v]!) {
          d[v] = d[u]! + c;
          changed = true;
        }
    }
    let best = Infinity;
    for (let f = 0; f < fLon.length; f++) best = Math.min(best, d[g.nodeCount + m + f]!);
    return best;
  });
}

/** Hills near Ningbo (where randomRoads lies): ±60 m over a few hundred metres. */
const hills = syntheticGrid(
  'hills.tif',
  121.49,
  29.84,
  121.53,
  29.88,
  0.0005,
  (x, y) => 60 * Math.sin(x * 700) * Math.cos(y * 900) + 20 * Math.sin(x * 2100),
);

describe('directed network costs (terrain)', () => {
  it('multi-source search on the reversed graph matches Bellman–Ford from each resident, with Tobler costs', () => {
    let differsFromUndirected = 0;
    for (const seed of [51, 52, 53]) {
      const flat = buildRoadGraph(randomRoads(seed, 30, 20));
      const { graph: g, applied } = applyTerrain(flat, [hills]);
      expect(applied).toBe(true);
      const rand = mulberry32(seed);
      const point = (): [number, number] => {
        const s = Math.floor(rand() * g.segmentCount);
        const t = rand();
        const a = g.segA[s]!;
        const b = g.segB[s]!;
        return [
          g.nodeLon[a]! + t * (g.nodeLon[b]! - g.nodeLon[a]!) + (rand() - 0.5) * 2e-4,
          g.nodeLat[a]! + t * (g.nodeLat[b]! - g.nodeLat[a]!),
        ];
      };
      const fac = Array.from({ length: 4 }, point);
      const pts = Array.from({ length: 25 }, point);
      const facilities = makeFacilities(
        fac.map((p) => p[0]),
        fac.map((p) => p[1]),
        () => 'c',
      );
      const model = createNetworkModel(g, facilities, SETTINGS);
      const pLon = Float64Array.from(pts, (p) => p[0]);
      const pLat = Float64Array.from(pts, (p) => p[1]);
      const got = model.accessEffort('c', indicesOf(facilities, 'c'), pLon, pLat).effortMeters;
      const want = bellmanFordEfforts(
        g,
        Float64Array.from(fac, (p) => p[0]),
        Float64Array.from(fac, (p) => p[1]),
        pLon,
        pLat,
      );
      const undirected = bellmanFordEfforts(
        { ...g, segCostAB: g.segCostBA!, segCostBA: g.segCostAB! },
        Float64Array.from(fac, (p) => p[0]),
        Float64Array.from(fac, (p) => p[1]),
        pLon,
        pLat,
      );
      want.forEach((w, i) => {
        if (w === Infinity) expect(got[i]).toBe(Infinity);
        else expect(Math.abs(got[i]! - w) / w, `seed ${seed} point ${i}`).toBeLessThan(1e-6);
        if (Math.abs(undirected[i]! - w) > 1e-3 * w) differsFromUndirected++;
      });
    }
    // the direction matters: walking the other way gives other times for many residents
    expect(differsFromUndirected).toBeGreaterThan(10);
  });

  it('a 1 km path up a constant 10 % slope takes Tobler’s time uphill and the flat time downhill', () => {
    const lon = 11.5;
    const south = 49.9;
    const north = south + 1000 / DEG;
    const coordinates: [number, number][] = Array.from({ length: 11 }, (_, k) => [lon, south + (k * 100) / DEG]);
    const road = deepFreeze([{ coordinates, highway: 'footway', speedKmh: null }]);
    const slope = syntheticGrid('slope.tif', 11.49, 49.89, 11.51, 49.92, 0.001, (_x, y) => 0.1 * (y - south) * DEG);
    const { graph } = applyTerrain(buildRoadGraph(road), [slope]);
    const speed = SETTINGS.walkSpeedKmh.rural / 3.6;
    const time = (facilityLat: number, pointLat: number): number => {
      const model = createNetworkModel(
        graph,
        makeFacilities([lon], [facilityLat], () => 'c'),
        SETTINGS,
      );
      const field = model.accessField('c', Uint32Array.of(0), {
        lon: Float64Array.of(lon),
        lat: Float64Array.of(pointLat),
        kind: Uint8Array.of(KIND_RURAL),
      });
      return field.seconds[0]!;
    };
    const up = time(north, south); // resident at the bottom walks up to the facility
    const down = time(south, north);
    expect(up / (1000 / (speed * toblerSpeedRatio(0.1)))).toBeCloseTo(1, 6);
    expect(down / (1000 / (speed * toblerSpeedRatio(-0.1)))).toBeCloseTo(1, 6);
    // Tobler: 10 % uphill is 0.705 × flat speed; 10 % downhill exactly the flat speed
    expect(up / down).toBeCloseTo(Math.exp(0.35), 5);
    expect(down).toBeCloseTo(1000 / speed, 2);
  });

  it('a flat DEM gives results bit-identical to no DEM (analysis and siting reach, real roads)', () => {
    const roads = readRealRoads();
    const rand = mulberry32(7);
    const graph = buildRoadGraph(roads);
    const pick = (n: number): [number, number][] =>
      Array.from({ length: n }, () => {
        const v = Math.floor(rand() * graph.nodeCount);
        return [graph.nodeLon[v]! + (rand() - 0.5) * 0.004, graph.nodeLat[v]! + (rand() - 0.5) * 0.004];
      });
    const fac = pick(30);
    const facilities = makeFacilities(
      fac.map((p) => p[0]),
      fac.map((p) => p[1]),
      (i) => (i % 2 === 0 ? 'a' : 'b'),
    );
    const communities = pick(300).map((p, i) => ({
      index: i,
      id: `C${i}`,
      name: `C${i}`,
      kind: i % 3 === 0 ? ('urban' as const) : ('rural' as const),
      population: 100,
      geometry: { type: 'Point' as const, coordinates: p },
    }));
    const settings: Settings = deepFreeze({
      ...SETTINGS,
      categories: ['a', 'b'].map((id) => ({
        id,
        label: { en: id, zh: id },
        thresholdMinutes: { urban: 15, rural: 20 },
        capacityPerThousand: null,
      })),
    } as unknown as Settings);
    const dataset = deepFreeze({ facilities, communities, roads } as unknown as Dataset);
    const flatDem = syntheticGrid('flat.tif', 11.3, 49.8, 11.8, 50.2, 0.01, () => 412.5);
    const plain = analyze(dataset, settings);
    const level = analyze({ ...dataset, elevation: [flatDem] }, settings);
    const bytes = (a: Float32Array | Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(level.warnings.map((w) => w.reason)).toEqual(plain.warnings.map((w) => w.reason));
    plain.fields.forEach((f, k) => {
      expect(bytes(level.fields[k]!.seconds).equals(bytes(f.seconds))).toBe(true);
      expect(bytes(level.fields[k]!.facility).equals(bytes(f.facility))).toBe(true);
    });
    expect(plain.fields[0]!.seconds.some((s) => s < Infinity)).toBe(true);
    // siting reach from the flat-DEM graph equals the plain graph's
    const lon = Float64Array.from(communities, (c) => c.geometry.coordinates[0]);
    const lat = Float64Array.from(communities, (c) => c.geometry.coordinates[1]);
    const kind = Uint8Array.from(communities, (c) => (c.kind === 'urban' ? KIND_URBAN : KIND_RURAL));
    const reachOf = (g: RoadGraph) => {
      const r = createNetworkReach(g, { lon, lat, kind }, settings.categories[0]!, settings);
      const out: number[] = [];
      for (const [x, y] of fac.slice(0, 5)) r.reach(x, y, (i, s) => out.push(i, s));
      return out;
    };
    const levelGraph = applyTerrain(graph, [flatDem]).graph;
    expect(levelGraph.segCostAB).toBeDefined();
    expect(reachOf(levelGraph)).toEqual(reachOf(graph));
  });

  it('a DEM that does not overlap the roads says so and keeps flat costs', () => {
    const graph = buildRoadGraph(randomRoads(3));
    const far = syntheticGrid('N49E011.hgt', 11, 49, 12, 50, 0.01, () => 300);
    const t = applyTerrain(graph, [far]);
    expect(t.applied).toBe(false);
    expect(t.graph).toBe(graph);
    expect(t.warnings[0]!.reason).toMatch(/N49E011\.hgt.*does not overlap the roads/);
  });

  it('segments partly outside the DEM are counted in one warning and keep flat costs there', () => {
    const graph = buildRoadGraph(randomRoads(4));
    const west = syntheticGrid('west.tif', 121.49, 29.84, 121.51, 29.88, 0.0005, (x) => 1000 * (x - 121.49));
    const t = applyTerrain(graph, [west]);
    expect(t.applied).toBe(true);
    const m = /^(\d+) of (\d+) road segments/.exec(t.warnings[0]!.reason)!;
    let outside = 0;
    for (let s = 0; s < graph.segmentCount; s++) {
      const ea = graph.nodeLon[graph.segA[s]!]! > 121.51;
      const eb = graph.nodeLon[graph.segB[s]!]! > 121.51;
      if (ea || eb) outside++;
      if (ea && eb) {
        expect(t.graph.segCostAB![s]).toBe(graph.segCost[s]);
        expect(t.graph.segCostBA![s]).toBe(graph.segCost[s]);
      }
    }
    expect(Number(m[1])).toBe(outside);
    expect(Number(m[2])).toBe(graph.segmentCount);
  });
});
