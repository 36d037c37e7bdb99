import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import type { Road } from '../../../src/engine/model';
import { buildRoadGraph, REFERENCE_SPEED_KMH, type RoadGraph } from '../../../src/engine/network/graph-builder';
import { isWalkable } from '../../../src/engine/network/walkability';
import { deepFreeze } from '../../helpers/fixtures';
import { randomRoads, readRealRoads } from './random-network';

const road = (coordinates: [number, number][], highway: string | null = 'residential', speedKmh: number | null = null): Road => ({
  coordinates,
  highway,
  speedKmh,
});

function nodeAt(g: RoadGraph, lon: number, lat: number): number {
  for (let n = 0; n < g.nodeCount; n++) if (g.nodeLon[n] === lon && g.nodeLat[n] === lat) return n;
  return -1;
}

function neighbours(g: RoadGraph, n: number): number[] {
  return Array.from(g.targets.subarray(g.offsets[n], g.offsets[n + 1])).sort((a, b) => a - b);
}

/** Connected components by union-find over the segments. */
function componentCount(g: RoadGraph): number {
  const parent = Array.from({ length: g.nodeCount }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x] as number)));
  for (let s = 0; s < g.segmentCount; s++) parent[find(g.segA[s] as number)] = find(g.segB[s] as number);
  return new Set(parent.map((_, i) => find(i))).size;
}

/** The graph the spec describes, built the obvious way: nodes keyed by coordinate strings in first-met order. */
function referenceGraph(roads: readonly Road[]): {
  nodes: string[];
  segments: { a: string; b: string; lengthMeters: number; cost: number }[];
} {
  const ids = new Map<string, number>();
  const segments: { a: string; b: string; lengthMeters: number; cost: number }[] = [];
  for (const r of roads) {
    if (!isWalkable(r.highway)) continue;
    let prev: [number, number] | null = null;
    for (const [x, y] of r.coordinates) {
      const key = `${x},${y}`; // -0 prints as 0
      if (!ids.has(key)) ids.set(key, ids.size);
      if (prev) {
        const lengthMeters = haversineMeters(prev[0], prev[1], x, y);
        if (lengthMeters > 0) {
          const cost = lengthMeters * (r.speedKmh === null ? 1 : REFERENCE_SPEED_KMH / r.speedKmh);
          segments.push({ a: `${prev[0]},${prev[1]}`, b: key, lengthMeters, cost });
        }
      }
      prev = [x, y];
    }
  }
  return { nodes: [...ids.keys()], segments };
}

/** Asserts `g` is the reference graph: same nodes by coordinates, segment s joins the same coordinates at the same cost, same directed edges (a multiset). */
function expectSameGraph(g: RoadGraph, roads: readonly Road[]): void {
  const ref = referenceGraph(roads);
  const at = (n: number): string => `${g.nodeLon[n]},${g.nodeLat[n]}`;
  expect(g.nodeCount).toBe(ref.nodes.length);
  expect(new Set(Array.from({ length: g.nodeCount }, (_, n) => at(n)))).toEqual(new Set(ref.nodes));
  expect(g.segmentCount).toBe(ref.segments.length);
  const want = new Map<string, number>();
  const add = (key: string, k: number): void => {
    want.set(key, (want.get(key) ?? 0) + k);
  };
  ref.segments.forEach((s, i) => {
    expect(`${at(g.segA[i] as number)} ${at(g.segB[i] as number)}`, `segment ${i}`).toBe(`${s.a} ${s.b}`);
    expect(g.segLengthMeters[i]).toBe(s.lengthMeters);
    expect(g.segCost[i]).toBe(s.cost);
    add(`${s.a}>${s.b}@${Math.fround(s.cost)}`, 1);
    add(`${s.b}>${s.a}@${Math.fround(s.cost)}`, 1);
  });
  expect(g.offsets[0]).toBe(0);
  expect(g.offsets[g.nodeCount]).toBe(2 * g.segmentCount);
  for (let n = 0; n < g.nodeCount; n++) {
    expect(g.offsets[n + 1]! >= g.offsets[n]!).toBe(true);
    for (let e = g.offsets[n]!; e < g.offsets[n + 1]!; e++) add(`${at(n)}>${at(g.targets[e]!)}@${g.edgeCost[e]}`, -1);
  }
  for (const [key, k] of want) expect(k, key).toBe(0);
}

describe('buildRoadGraph', () => {
  it('merges shared vertices and connects ways through them', () => {
    const roads = deepFreeze([
      road([
        [0, 0],
        [0.001, 0],
      ]),
      road([
        [0.001, 0],
        [0.001, 0.001],
      ]),
    ]);
    const g = buildRoadGraph(roads);
    expect(g.nodeCount).toBe(3);
    expect(g.segmentCount).toBe(2);
    const mid = nodeAt(g, 0.001, 0);
    expect(neighbours(g, mid)).toEqual([nodeAt(g, 0, 0), nodeAt(g, 0.001, 0.001)].sort((a, b) => a - b));
  });

  it('does not connect lines that cross without a shared vertex (a bridge)', () => {
    const g = buildRoadGraph(
      deepFreeze([
        road([
          [-0.001, 0],
          [0.001, 0],
        ]),
        road([
          [0, -0.001],
          [0, 0.001],
        ]),
      ]),
    );
    expect(g.nodeCount).toBe(4);
    expect(componentCount(g)).toBe(2);
    for (let n = 0; n < 4; n++) expect(neighbours(g, n)).toHaveLength(1);
  });

  it('leaves out motorways and trunk roads, keeps untagged roads', () => {
    const g = buildRoadGraph(
      deepFreeze([
        road(
          [
            [0, 0],
            [0.01, 0],
          ],
          'motorway',
        ),
        road(
          [
            [0, 0.01],
            [0.01, 0.01],
          ],
          'trunk_link',
        ),
        road(
          [
            [0, 0.02],
            [0.01, 0.02],
          ],
          null,
        ),
      ]),
    );
    expect(g.segmentCount).toBe(1);
    expect(g.nodeCount).toBe(2);
    expect(nodeAt(g, 0, 0)).toBe(-1);
  });

  it('drops zero-length segments (repeated vertices, -0 equal to 0)', () => {
    const g = buildRoadGraph(
      deepFreeze([
        road([
          [0, 0],
          [-0, 0],
          [0.001, 0],
          [0.001, 0],
          [0.002, 0],
        ]),
      ]),
    );
    expect(g.nodeCount).toBe(3);
    expect(g.segmentCount).toBe(2);
    for (let s = 0; s < g.segmentCount; s++) expect(g.segLengthMeters[s]).toBeGreaterThan(0);
  });

  it('measures haversine lengths and scales cost by 5 / speedKmh', () => {
    const g = buildRoadGraph(
      deepFreeze([
        road(
          [
            [121.5, 29.8],
            [121.51, 29.8],
          ],
          'footway',
          2.5,
        ),
        road([
          [121.5, 29.8],
          [121.5, 29.81],
        ]),
      ]),
    );
    const east = haversineMeters(121.5, 29.8, 121.51, 29.8);
    const north = haversineMeters(121.5, 29.8, 121.5, 29.81);
    expect(Array.from(g.segLengthMeters)).toEqual([east, north]);
    expect(g.segCost[0]).toBeCloseTo(east * 2, 9);
    expect(g.segCost[1]).toBe(north);
  });

  it('builds a consistent CSR on random networks (every segment twice, both ways, with its cost)', () => {
    for (const seed of [1, 2, 3]) {
      const roads = randomRoads(seed);
      const g = buildRoadGraph(roads);
      expect(g.offsets[g.nodeCount]).toBe(2 * g.segmentCount);
      // independent count: distinct consecutive pairs of walkable roads
      let expected = 0;
      for (const r of roads) {
        if (!isWalkable(r.highway)) continue;
        for (let k = 1; k < r.coordinates.length; k++) {
          const a = r.coordinates[k - 1] as [number, number];
          const b = r.coordinates[k] as [number, number];
          if (a[0] !== b[0] || a[1] !== b[1]) expected++;
        }
      }
      expect(g.segmentCount).toBe(expected);
      const edges = new Map<string, number>();
      for (let n = 0; n < g.nodeCount; n++) {
        for (let e = g.offsets[n] as number; e < (g.offsets[n + 1] as number); e++) {
          const key = `${n}>${g.targets[e]}@${Math.fround(g.edgeCost[e] as number)}`;
          edges.set(key, (edges.get(key) ?? 0) + 1);
        }
      }
      for (let s = 0; s < g.segmentCount; s++) {
        const c = Math.fround(g.segCost[s] as number);
        for (const key of [`${g.segA[s]}>${g.segB[s]}@${c}`, `${g.segB[s]}>${g.segA[s]}@${c}`]) {
          expect(edges.get(key), key).toBeGreaterThan(0);
          edges.set(key, (edges.get(key) as number) - 1);
        }
      }
    }
  });

  it('is the reference graph on random networks', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const roads = randomRoads(seed, 60 + 40 * seed, 30 + 20 * seed);
      const g = buildRoadGraph(roads);
      expectSameGraph(g, roads);
    }
  });

  it('is the reference graph on the real north-Bayreuth roads', () => {
    const roads = readRealRoads();
    const g = buildRoadGraph(roads);
    expectSameGraph(g, roads);
  });

  it('throws on a bad speed override, naming the road', () => {
    expect(() =>
      buildRoadGraph([
        road([
          [0, 0],
          [1, 1],
        ]),
        road(
          [
            [0, 0],
            [1, 0],
          ],
          'path',
          0,
        ),
      ]),
    ).toThrow(/road 1 .*0/);
  });

  it('builds the real north-Bayreuth network without motorways, in several components', () => {
    const roads = readRealRoads();
    const g = buildRoadGraph(roads);
    const walkableVertices = new Set<string>();
    const motorwayOnly = new Set<string>();
    for (const r of roads) for (const [x, y] of r.coordinates) if (isWalkable(r.highway)) walkableVertices.add(`${x},${y}`);
    for (const r of roads) {
      if (r.highway !== 'motorway') continue;
      for (const [x, y] of r.coordinates) if (!walkableVertices.has(`${x},${y}`)) motorwayOnly.add(`${x},${y}`);
    }
    expect(motorwayOnly.size).toBeGreaterThan(100);
    expect(g.nodeCount).toBe(walkableVertices.size);
    for (let n = 0; n < g.nodeCount; n++) expect(motorwayOnly.has(`${g.nodeLon[n]},${g.nodeLat[n]}`)).toBe(false);
    expect(componentCount(g)).toBeGreaterThan(1);
  });
});
