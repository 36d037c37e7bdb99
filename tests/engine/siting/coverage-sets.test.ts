import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CategoryDef, Facility, Road, Settings } from '../../../src/engine/model';
import { KIND_RURAL } from '../../../src/engine/model';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { deepFreeze } from '../../helpers/fixtures';
import { mulberry32 } from '../../../src/engine/prng';
import { buildCoverageSets } from '../../../src/engine/siting/coverage-sets';
import { createSiteReach } from '../../../src/engine/siting/site-reach';
import { uncoveredDemand } from '../../../src/engine/siting/uncovered-demand';
import { createNetworkModel } from '../../../src/engine/travel/network';
import { createStraightLineModel } from '../../../src/engine/travel/straight-line';
import type { QueryPoints, TravelModel } from '../../../src/engine/travel/travel-model';
import { NORTH_BAYREUTH, randomRoads, readRealRoads } from '../network/random-network';

const SETTINGS: Settings = deepFreeze({
  preset: 'test',
  categories: [],
  walkSpeedKmh: { urban: 5, rural: 4.5 },
  detourFactor: 1.3,
  sampleSpacingMeters: 100,
  maxSnapMeters: 300,
  model: 'network',
});
const CATEGORY: CategoryDef = deepFreeze({ id: 'clinic', label: { zh: '', en: '' }, thresholdMinutes: { urban: 5, rural: 8 } });

function facility(i: number, lon: number, lat: number): Facility {
  return { index: i, id: `F${i}`, name: `F${i}`, category: 'clinic', capacity: null, lon, lat };
}

/** Random points in a box: lon/lat/kind, population 1–50, some 0. */
function randomPoints(seed: number, n: number, box: [number, number, number, number]): QueryPoints & { population: Float64Array } {
  const rand = mulberry32(seed);
  const lon = Float64Array.from({ length: n }, () => box[0] + rand() * (box[2] - box[0]));
  const lat = Float64Array.from({ length: n }, () => box[1] + rand() * (box[3] - box[1]));
  const kind = Uint8Array.from({ length: n }, () => (rand() < 0.4 ? KIND_RURAL : 0));
  const population = Float64Array.from({ length: n }, () => (rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 50)));
  return { lon, lat, kind, population };
}

/**
 * Oracle: run the full travel model with the candidate added as one more facility, and list the
 * populated points covered now but not by the existing facilities alone.
 */
function newlyCoveredByFullModel(
  make: (f: Facility[]) => TravelModel,
  existing: Facility[],
  cand: [number, number],
  points: QueryPoints & { population: Float64Array },
): number[] {
  const limits = [CATEGORY.thresholdMinutes.urban * 60, CATEGORY.thresholdMinutes.rural * 60];
  const all = [...existing, facility(existing.length, cand[0], cand[1])];
  const before = make(existing).accessField(
    'clinic',
    Uint32Array.from(existing, (f) => f.index),
    points,
  );
  const after = make(all).accessField(
    'clinic',
    Uint32Array.from(all, (f) => f.index),
    points,
  );
  const out: number[] = [];
  for (let i = 0; i < points.lon.length; i++) {
    const lim = limits[points.kind[i]!]!;
    if (points.population[i]! > 0 && !(before.seconds[i]! <= lim) && after.seconds[i]! <= lim) out.push(i);
  }
  return out;
}

/** Coverage sets of the candidates, mapped back to point indices. */
function setsByReach(
  travel: TravelModel,
  existing: Facility[],
  cands: [number, number][],
  points: QueryPoints & { population: Float64Array },
): number[][] {
  const samples = {
    count: points.lon.length,
    lon: points.lon,
    lat: points.lat,
    kind: points.kind,
    population: points.population,
    community: Uint32Array.from(points.lon, (_, i) => i),
    communityStart: Uint32Array.from({ length: points.lon.length + 1 }, (_, i) => i),
  };
  const field = travel.accessField(
    'clinic',
    Uint32Array.from(existing, (f) => f.index),
    points,
  );
  const demand = uncoveredDemand(samples, field, CATEGORY);
  const targets = {
    lon: Float64Array.from(demand.sample, (i) => points.lon[i]!),
    lat: Float64Array.from(demand.sample, (i) => points.lat[i]!),
    kind: Uint8Array.from(demand.sample, (i) => points.kind[i]!),
  };
  const reach = createSiteReach(travel, targets, CATEGORY, SETTINGS);
  const sets = buildCoverageSets(
    reach,
    demand.weight,
    Float64Array.from(cands, (c) => c[0]),
    Float64Array.from(cands, (c) => c[1]),
  );
  return cands.map((_, j) =>
    Array.from(sets.demand.subarray(sets.offsets[j]!, sets.offsets[j + 1]!), (d) => demand.sample[d]!).sort((a, b) => a - b),
  );
}

function compare(
  roads: Road[] | null,
  seed: number,
  box: [number, number, number, number],
  nPoints: number,
  nFacilities: number,
  nCands: number,
): number {
  const rand = mulberry32(seed);
  const pick = (): [number, number] => [box[0] + rand() * (box[2] - box[0]), box[1] + rand() * (box[3] - box[1])];
  const existing = deepFreeze(Array.from({ length: nFacilities }, (_, i) => facility(i, ...pick())));
  const cands = Array.from({ length: nCands }, pick);
  const points = randomPoints(seed + 1, nPoints, box);
  const graph = roads ? buildRoadGraph(roads) : null;
  const make = (f: Facility[]): TravelModel => (graph ? createNetworkModel(graph, f, SETTINGS) : createStraightLineModel(f, SETTINGS));
  const got = setsByReach(make(existing), existing, cands, points);
  let nonEmpty = 0;
  cands.forEach((c, j) => {
    const want = newlyCoveredByFullModel(make, existing, c, points);
    expect(got[j], `candidate ${j} at ${c}`).toEqual(want);
    if (want.length > 0) nonEmpty++;
  });
  return nonEmpty;
}

describe('coverage sets equal the full travel model with the candidate added as a facility', () => {
  const BOX: [number, number, number, number] = [121.5, 29.85, 121.52, 29.87];
  it('on seeded random road networks', () => {
    let nonEmpty = 0;
    for (let seed = 1; seed <= 12; seed++) nonEmpty += compare(randomRoads(seed, 40, 25), seed * 31, BOX, 300, 2, 8);
    expect(nonEmpty).toBeGreaterThan(30); // the test must see real coverage, not only empty sets
  });

  it('with the straight-line model', () => {
    let nonEmpty = 0;
    for (let seed = 1; seed <= 6; seed++) nonEmpty += compare(null, seed * 17, BOX, 400, 2, 8);
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('on the real roads north of Bayreuth', () => {
    const roads = readRealRoads();
    const fc = JSON.parse(readFileSync(path.join(NORTH_BAYREUTH, 'communities.geojson'), 'utf8')) as {
      features: { geometry: { coordinates: [number, number] } }[];
    };
    const xs = fc.features.map((f) => f.geometry.coordinates[0]);
    const ys = fc.features.map((f) => f.geometry.coordinates[1]);
    const box: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const nonEmpty = compare(roads, 7, box, 3000, 6, 25);
    expect(nonEmpty).toBeGreaterThan(10);
  });
});
