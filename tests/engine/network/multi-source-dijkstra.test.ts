import { describe, expect, it } from 'vitest';
import { multiSourceDijkstra } from '../../../src/engine/network/multi-source-dijkstra';
import { mulberry32 } from '../../../src/engine/prng';

interface Edge { a: number; b: number; cost: number }

/** A random undirected graph as CSR (costs exactly representable in float32). */
function randomGraph(seed: number, nodeCount: number, edgeCount: number) {
  const rand = mulberry32(seed);
  const edges: Edge[] = [];
  for (let i = 0; i < edgeCount; i++) {
    edges.push({ a: Math.floor(rand() * nodeCount), b: Math.floor(rand() * nodeCount), cost: Math.fround(rand() * 100) });
  }
  const offsets = new Uint32Array(nodeCount + 1);
  for (const e of edges) {
    offsets[e.a + 1] = (offsets[e.a + 1] as number) + 1;
    offsets[e.b + 1] = (offsets[e.b + 1] as number) + 1;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] = (offsets[n + 1] as number) + (offsets[n] as number);
  const cursor = offsets.slice();
  const targets = new Uint32Array(2 * edgeCount);
  const edgeCost = new Float32Array(2 * edgeCount);
  for (const e of edges) {
    for (const [u, v] of [[e.a, e.b], [e.b, e.a]] as const) {
      const k = cursor[u] as number;
      cursor[u] = k + 1;
      targets[k] = v;
      edgeCost[k] = e.cost;
    }
  }
  return { graph: { nodeCount, offsets, targets, edgeCost }, edges };
}

/** Bellman–Ford from all seeds at once: the oracle. */
function bellmanFord(nodeCount: number, edges: Edge[], seeds: { node: number; cost: number }[]): Float64Array {
  const d = new Float64Array(nodeCount).fill(Infinity);
  for (const s of seeds) d[s.node] = Math.min(d[s.node] as number, s.cost);
  for (let round = 0; round < nodeCount; round++) {
    let changed = false;
    for (const e of edges) {
      if ((d[e.a] as number) + e.cost < (d[e.b] as number)) { d[e.b] = (d[e.a] as number) + e.cost; changed = true; }
      if ((d[e.b] as number) + e.cost < (d[e.a] as number)) { d[e.a] = (d[e.b] as number) + e.cost; changed = true; }
    }
    if (!changed) break;
  }
  return d;
}

/** Oracle per seed: which seeds reach a node at the minimum cost. */
function costFromSeed(nodeCount: number, edges: Edge[], seed: { node: number; cost: number }): Float64Array {
  return bellmanFord(nodeCount, edges, [seed]);
}

describe('multiSourceDijkstra', () => {
  it('matches Bellman–Ford on seeded random graphs with several sources, and labels a nearest seed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const nodeCount = 80;
      const { graph, edges } = randomGraph(seed, nodeCount, 120); // sparse: several components
      const rand = mulberry32(seed + 100);
      const seedList = Array.from({ length: 6 }, () => ({ node: Math.floor(rand() * nodeCount), cost: Math.floor(rand() * 50) }));
      const seeds = {
        node: Uint32Array.from(seedList, (s) => s.node),
        cost: Float64Array.from(seedList, (s) => s.cost),
        label: Int32Array.from(seedList, (_, i) => i * 10),
      };
      const before = { node: seeds.node.slice(), cost: seeds.cost.slice(), label: seeds.label.slice() };
      const { cost, label } = multiSourceDijkstra(graph, seeds);
      expect(seeds).toEqual(before);
      const expected = bellmanFord(nodeCount, edges, seedList);
      const perSeed = seedList.map((s) => costFromSeed(nodeCount, edges, s));
      let unreached = 0;
      for (let n = 0; n < nodeCount; n++) {
        const e = expected[n] as number;
        if (e === Infinity) {
          unreached++;
          expect(cost[n]).toBe(Infinity);
          expect(label[n]).toBe(-1);
          continue;
        }
        expect(Math.abs((cost[n] as number) - e)).toBeLessThanOrEqual(1e-9 * e + 1e-9);
        const l = label[n] as number;
        expect(l % 10).toBe(0);
        expect(Math.abs(((perSeed[l / 10] as Float64Array)[n] as number) - e)).toBeLessThanOrEqual(1e-9 * e + 1e-9);
      }
      expect(unreached).toBeGreaterThan(0);
      expect(unreached).toBeLessThan(nodeCount);
    }
  });

  it('stops at the cutoff: costlier nodes stay unreached, cheaper ones are exact', () => {
    const { graph, edges } = randomGraph(9, 60, 150);
    const seeds = { node: Uint32Array.of(0, 30), cost: Float64Array.of(0, 5), label: Int32Array.of(0, 1) };
    const expected = bellmanFord(60, edges, [{ node: 0, cost: 0 }, { node: 30, cost: 5 }]);
    const cutoff = 60;
    const { cost } = multiSourceDijkstra(graph, seeds, cutoff);
    for (let n = 0; n < 60; n++) {
      const e = expected[n] as number;
      if (e <= cutoff) expect(cost[n]).toBeCloseTo(e, 9);
      else expect(cost[n]).toBe(Infinity);
    }
  });

  it('keeps the cheapest of several seeds on one node', () => {
    const { graph } = randomGraph(10, 10, 20);
    const { cost, label } = multiSourceDijkstra(graph, { node: Uint32Array.of(3, 3), cost: Float64Array.of(7, 2), label: Int32Array.of(1, 2) });
    expect(cost[3]).toBe(2);
    expect(label[3]).toBe(2);
  });

  it('rejects bad seeds', () => {
    const { graph } = randomGraph(11, 10, 20);
    expect(() => multiSourceDijkstra(graph, { node: Uint32Array.of(10), cost: Float64Array.of(0), label: Int32Array.of(0) })).toThrow(/node 10/);
    expect(() => multiSourceDijkstra(graph, { node: Uint32Array.of(1), cost: Float64Array.of(-1), label: Int32Array.of(0) })).toThrow(/-1/);
    expect(() => multiSourceDijkstra(graph, { node: Uint32Array.of(1), cost: new Float64Array(0), label: Int32Array.of(0) })).toThrow(/length/);
  });
});
