import type { RoadGraph } from './graph-builder';
import { MinHeap } from './heap';

/** Sources of a multi-source search: parallel arrays, one entry per seed. */
export interface DijkstraSeeds {
  /** Node id of each seed. */
  node: Uint32Array;
  /** Cost already spent when the search starts at the seed (≥ 0), e.g. an access leg. */
  cost: Float64Array;
  /** Label carried to every node the seed reaches first, e.g. a facility index (≥ 0). */
  label: Int32Array;
}

/** Per node: the cost from the nearest seed and that seed's label. */
export interface NodeField {
  /** Cost from the nearest seed (seed cost + path cost); `Infinity` when unreached. */
  cost: Float64Array;
  /** Label of the nearest seed, or -1 when unreached. */
  label: Int32Array;
}

/**
 * Shortest paths from many sources at once (Dijkstra with a typed-array binary heap and lazy
 * deletion): every node gets the cost to its nearest seed and that seed's label, in one run for
 * all seeds. Several seeds on one node keep the cheapest (ties: lower label). Other ties are
 * broken by settle order (deterministic for the same input).
 *
 * @param graph CSR graph (`offsets`, `targets`, `edgeCost` ≥ 0)
 * @param seeds sources; not mutated
 * @param cutoffCost nodes costlier than this stay unreached (default `Infinity`)
 * @throws RangeError on a seed with a node out of range, a negative/NaN cost or mismatched lengths
 */
export function multiSourceDijkstra(
  graph: Pick<RoadGraph, 'nodeCount' | 'offsets' | 'targets' | 'edgeCost'>,
  seeds: DijkstraSeeds,
  cutoffCost = Infinity,
): NodeField {
  const { nodeCount, offsets, targets, edgeCost } = graph;
  const seedCount = seeds.node.length;
  if (seeds.cost.length !== seedCount || seeds.label.length !== seedCount) {
    throw new RangeError(`multiSourceDijkstra: seed arrays differ in length (${seedCount}, ${seeds.cost.length}, ${seeds.label.length})`);
  }
  if (!(cutoffCost >= 0)) throw new RangeError(`multiSourceDijkstra: bad cutoffCost ${cutoffCost}`);
  const cost = new Float64Array(nodeCount).fill(Infinity);
  const label = new Int32Array(nodeCount).fill(-1);
  const settled = new Uint8Array(nodeCount);
  const heap = new MinHeap(Math.max(64, seedCount * 2));

  for (let i = 0; i < seedCount; i++) {
    const node = seeds.node[i] as number;
    const c = seeds.cost[i] as number;
    const l = seeds.label[i] as number;
    if (node >= nodeCount) throw new RangeError(`multiSourceDijkstra: seed ${i} node ${node} ≥ nodeCount ${nodeCount}`);
    if (!(c >= 0)) throw new RangeError(`multiSourceDijkstra: seed ${i} has bad cost ${c}`);
    if (c > cutoffCost) continue;
    const old = cost[node] as number;
    if (c < old || (c === old && l < (label[node] as number))) {
      cost[node] = c;
      label[node] = l;
      heap.push(node, c);
    }
  }

  while (heap.size > 0) {
    const u = heap.pop() as number;
    if (settled[u]) continue;
    settled[u] = 1;
    const cu = cost[u] as number;
    const lu = label[u] as number;
    const end = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < end; e++) {
      const v = targets[e] as number;
      if (settled[v]) continue;
      const cv = cu + (edgeCost[e] as number);
      if (cv < (cost[v] as number) && cv <= cutoffCost) {
        cost[v] = cv;
        label[v] = lu;
        heap.push(v, cv);
      }
    }
  }
  return { cost, label };
}
