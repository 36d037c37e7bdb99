import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { MinHeap } from '../../../src/engine/network/heap';
import { multiSourceDijkstra } from '../../../src/engine/network/multi-source-dijkstra';
import { mulberry32 } from '../../../src/engine/prng';
import { readRealRoads } from './random-network';

interface Edge {
  a: number;
  b: number;
  cost: number;
}

/** A random undirected graph as CSR (costs exactly representable in float32; default uniform in [0, 100)). */
function randomGraph(seed: number, nodeCount: number, edgeCount: number, edgeCostOf = (r: number) => Math.fround(r * 100)) {
  const rand = mulberry32(seed);
  const edges: Edge[] = [];
  for (let i = 0; i < edgeCount; i++) {
    edges.push({ a: Math.floor(rand() * nodeCount), b: Math.floor(rand() * nodeCount), cost: edgeCostOf(rand()) });
  }
  return { graph: randomGraphFromEdges(nodeCount, edges), edges: Object.freeze(edges) };
}

/** CSR of undirected edges (both directions), frozen. */
function randomGraphFromEdges(nodeCount: number, edges: readonly Edge[]) {
  const edgeCount = edges.length;
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
    for (const [u, v] of [
      [e.a, e.b],
      [e.b, e.a],
    ] as const) {
      const k = cursor[u] as number;
      cursor[u] = k + 1;
      targets[k] = v;
      edgeCost[k] = e.cost;
    }
  }
  return Object.freeze({ nodeCount, offsets, targets, edgeCost });
}

/** Bellman–Ford from all seeds at once: the oracle. */
function bellmanFord(nodeCount: number, edges: readonly Edge[], seeds: { node: number; cost: number }[]): Float64Array {
  const d = new Float64Array(nodeCount).fill(Infinity);
  for (const s of seeds) d[s.node] = Math.min(d[s.node] as number, s.cost);
  for (let round = 0; round < nodeCount; round++) {
    let changed = false;
    for (const e of edges) {
      if ((d[e.a] as number) + e.cost < (d[e.b] as number)) {
        d[e.b] = (d[e.a] as number) + e.cost;
        changed = true;
      }
      if ((d[e.b] as number) + e.cost < (d[e.a] as number)) {
        d[e.a] = (d[e.b] as number) + e.cost;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

/** Oracle per seed: which seeds reach a node at the minimum cost. */
function costFromSeed(nodeCount: number, edges: readonly Edge[], seed: { node: number; cost: number }): Float64Array {
  return bellmanFord(nodeCount, edges, [seed]);
}

interface Seed {
  node: number;
  cost: number;
  label: number;
}

function seedArrays(list: readonly Seed[]) {
  return Object.freeze({
    node: Uint32Array.from(list, (s) => s.node),
    cost: Float64Array.from(list, (s) => s.cost),
    label: Int32Array.from(list, (s) => s.label),
  });
}

/**
 * Oracle with the tie rule: per node the minimum over seeds of (seed cost + Bellman–Ford distance),
 * and the lowest label among the seeds reaching it at exactly that cost (integer costs: exact sums).
 */
function tieOracle(nodeCount: number, edges: readonly Edge[], seeds: readonly Seed[], cutoff: number) {
  const perSeed = seeds.map((s) => bellmanFord(nodeCount, edges, [s]));
  const cost = new Float64Array(nodeCount).fill(Infinity);
  const label = new Int32Array(nodeCount).fill(-1);
  for (let n = 0; n < nodeCount; n++) {
    seeds.forEach((s, i) => {
      const c = (perSeed[i] as Float64Array)[n] as number;
      if (c > cutoff) return;
      if (c < (cost[n] as number) || (c === cost[n] && s.label < (label[n] as number))) {
        cost[n] = c;
        label[n] = s.label;
      }
    });
  }
  return { cost, label, perSeed };
}

/** Seeds on random nodes with integer costs and distinct shuffled labels; some share a node. */
function randomSeeds(seed: number, nodeCount: number, count: number, maxCost: number): Seed[] {
  const rand = mulberry32(seed);
  const labels = Array.from({ length: count }, (_, i) => i * 3 + 1);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [labels[i], labels[j]] = [labels[j] as number, labels[i] as number];
  }
  const list: Seed[] = [];
  for (let i = 0; i < count; i++) {
    const shared = i > 0 && rand() < 0.25; // same node as the previous seed, sometimes at the same cost
    const prev = list[i - 1];
    list.push({
      node: shared && prev ? prev.node : Math.floor(rand() * nodeCount),
      cost: shared && prev && rand() < 0.5 ? prev.cost : Math.floor(rand() * maxCost),
      label: labels[i] as number,
    });
  }
  return list;
}

/** Textbook multi-source Dijkstra (binary heap, lazy deletion): the same float64 sums, for bit-for-bit checks. */
function textbookCosts(
  graph: { nodeCount: number; offsets: Uint32Array; targets: Uint32Array; edgeCost: Float32Array },
  seeds: readonly Seed[],
  cutoff: number,
) {
  const cost = new Float64Array(graph.nodeCount).fill(Infinity);
  const done = new Uint8Array(graph.nodeCount);
  const heap = new MinHeap();
  for (const s of seeds)
    if (s.cost <= cutoff && s.cost < (cost[s.node] as number)) {
      cost[s.node] = s.cost;
      heap.push(s.node, s.cost);
    }
  while (heap.size > 0) {
    const u = heap.pop() as number;
    if (done[u]) continue;
    done[u] = 1;
    for (let e = graph.offsets[u] as number; e < (graph.offsets[u + 1] as number); e++) {
      const v = graph.targets[e] as number;
      const c = (cost[u] as number) + (graph.edgeCost[e] as number);
      if (c < (cost[v] as number) && c <= cutoff) {
        cost[v] = c;
        heap.push(v, c);
      }
    }
  }
  return cost;
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
    const expected = bellmanFord(60, edges, [
      { node: 0, cost: 0 },
      { node: 30, cost: 5 },
    ]);
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
    const { cost, label } = multiSourceDijkstra(graph, {
      node: Uint32Array.of(3, 3),
      cost: Float64Array.of(7, 2),
      label: Int32Array.of(1, 2),
    });
    expect(cost[3]).toBe(2);
    expect(label[3]).toBe(2);
  });

  it('rejects bad seeds', () => {
    const { graph } = randomGraph(11, 10, 20);
    expect(() => multiSourceDijkstra(graph, { node: Uint32Array.of(10), cost: Float64Array.of(0), label: Int32Array.of(0) })).toThrow(
      /node 10/,
    );
    expect(() => multiSourceDijkstra(graph, { node: Uint32Array.of(1), cost: Float64Array.of(-1), label: Int32Array.of(0) })).toThrow(/-1/);
    expect(() => multiSourceDijkstra(graph, { node: Uint32Array.of(1), cost: new Float64Array(0), label: Int32Array.of(0) })).toThrow(
      /length/,
    );
  });
  it('on integer costs (many exact ties, many re-relaxations) matches Bellman–Ford exactly, the lowest label winning ties', () => {
    let ties = 0;
    for (const seed of [21, 22, 23, 24, 25, 26]) {
      const nodeCount = 70;
      // costs 1..4: paths of equal cost abound, and nodes are improved several times before they settle
      const { graph, edges } = randomGraph(seed, nodeCount, 260, (r) => 1 + Math.floor(r * 4));
      const seeds = randomSeeds(seed + 50, nodeCount, 12, 6);
      for (const cutoff of [Infinity, 9, 4, 0]) {
        const got = multiSourceDijkstra(graph, seedArrays(seeds), cutoff);
        const want = tieOracle(nodeCount, edges, seeds, cutoff);
        expect(Array.from(got.cost)).toEqual(Array.from(want.cost));
        expect(Array.from(got.label)).toEqual(Array.from(want.label));
        for (let n = 0; n < nodeCount; n++) {
          const c = want.cost[n] as number;
          if (
            c < Infinity &&
            want.perSeed.filter((d, i) => (d[n] as number) === c && (seeds[i] as Seed).label !== want.label[n]).length > 0
          )
            ties++;
        }
      }
    }
    expect(ties).toBeGreaterThan(100); // the tie rule was really exercised
  });

  it('stays exact past its buckets: long edges, real-valued costs, cutoff (Bellman–Ford oracle)', () => {
    for (const seed of [31, 32, 33]) {
      const nodeCount = 50;
      // unit edges make the bucket width 0.5, so the 1024 buckets end at cost 512; long edges carry costs past it, into the heap
      const { graph, edges } = randomGraph(seed, nodeCount, 140, (r) => (r < 0.2 ? 1 : 100 + Math.floor(r * 300)));
      const seeds = randomSeeds(seed + 50, nodeCount, 5, 800);
      const want = tieOracle(nodeCount, edges, seeds, Infinity);
      expect(want.cost.filter((c) => c > 512 && c < Infinity).length).toBeGreaterThan(5);
      expect(want.cost.filter((c) => c < 512).length).toBeGreaterThan(5);
      const got = multiSourceDijkstra(graph, seedArrays(seeds));
      expect(Array.from(got.cost)).toEqual(Array.from(want.cost));
      expect(Array.from(got.label)).toEqual(Array.from(want.label));
      const cut = multiSourceDijkstra(graph, seedArrays(seeds), 700);
      const wantCut = tieOracle(nodeCount, edges, seeds, 700);
      expect(Array.from(cut.cost)).toEqual(Array.from(wantCut.cost));
      expect(Array.from(cut.label)).toEqual(Array.from(wantCut.label));
    }
  });

  it('with zero-cost edges keeps exact costs and labels a seed reaching the node at that cost', () => {
    for (const seed of [41, 42, 43]) {
      const nodeCount = 60;
      const { graph, edges } = randomGraph(seed, nodeCount, 150, (r) => Math.floor(r * 4)); // 0..3
      const seeds = randomSeeds(seed + 50, nodeCount, 8, 5);
      const want = tieOracle(nodeCount, edges, seeds, Infinity);
      const got = multiSourceDijkstra(graph, seedArrays(seeds));
      expect(Array.from(got.cost)).toEqual(Array.from(want.cost));
      for (let n = 0; n < nodeCount; n++) {
        const l = got.label[n] as number;
        if (want.cost[n] === Infinity) {
          expect(l).toBe(-1);
          continue;
        }
        const i = seeds.findIndex((s) => s.label === l);
        expect((want.perSeed[i] as Float64Array)[n]).toBe(want.cost[n]);
      }
    }
  });

  it('gives the same costs and labels whatever the node numbering', () => {
    const nodeCount = 80;
    const { graph, edges } = randomGraph(51, nodeCount, 300, (r) => 1 + Math.floor(r * 3));
    const seeds = randomSeeds(52, nodeCount, 10, 4);
    const rand = mulberry32(53);
    const perm = Array.from({ length: nodeCount }, (_, i) => i);
    for (let i = nodeCount - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
    }
    const renamed = randomGraphFromEdges(
      nodeCount,
      edges.map((e) => ({ a: perm[e.a] as number, b: perm[e.b] as number, cost: e.cost })),
    );
    const a = multiSourceDijkstra(graph, seedArrays(seeds));
    const b = multiSourceDijkstra(renamed, seedArrays(seeds.map((s) => ({ ...s, node: perm[s.node] as number }))));
    for (let n = 0; n < nodeCount; n++) {
      expect(b.cost[perm[n] as number]).toBe(a.cost[n]);
      expect(b.label[perm[n] as number]).toBe(a.label[n]);
    }
  });

  it('on the real north-Bayreuth roads matches a textbook Dijkstra bit for bit, labels reaching at that cost', () => {
    const graph = buildRoadGraph(readRealRoads());
    const rand = mulberry32(61);
    const seeds: Seed[] = Array.from({ length: 40 }, (_, i) => ({
      node: Math.floor(rand() * graph.nodeCount),
      cost: rand() * 300,
      label: i,
    }));
    for (const cutoff of [Infinity, 1500]) {
      const got = multiSourceDijkstra(graph, seedArrays(seeds), cutoff);
      const want = textbookCosts(graph, seeds, cutoff);
      expect(Array.from(got.cost)).toEqual(Array.from(want));
      const reached = want.filter((c) => c < Infinity).length;
      expect(reached).toBeGreaterThan(cutoff === Infinity ? graph.nodeCount / 2 : 100);
      // the label's own seed reaches the node at (up to rounding) the same cost
      const perSeed = seeds.map((s) => textbookCosts(graph, [s], cutoff));
      for (let n = 0; n < graph.nodeCount; n++) {
        const l = got.label[n] as number;
        if (want[n] === Infinity) {
          expect(l).toBe(-1);
          continue;
        }
        expect(Math.abs(((perSeed[l] as Float64Array)[n] as number) - (want[n] as number))).toBeLessThanOrEqual(1e-9 * (want[n] as number));
      }
    }
  });
});
