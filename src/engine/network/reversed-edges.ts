import type { RoadGraph } from './graph-builder';

/** The edges of a graph as CSR arrays (the shape of `RoadGraph`'s `offsets`, `targets`, `edgeCost`). */
export interface EdgeLists {
  offsets: Uint32Array;
  targets: Uint32Array;
  edgeCost: Float32Array;
}

const cache = new WeakMap<RoadGraph, EdgeLists>();

/**
 * The reversed graph's edges (every edge u → v of cost c becomes v → u of cost c), for searches that
 * start at a facility and measure the trips residents make TO it: a Dijkstra from the facility on
 * the reversed edges gives each node's effort to reach the facility. Today's walking graph is
 * undirected (both directions of every segment, the same effort), so the reversed edges are the
 * same edges and the efforts are bit for bit those of a search on `graph`; a graph with
 * direction-dependent costs gets the right answer without changing the callers. Per node the edges
 * keep the order of their source nodes. Cached per graph (treated as immutable).
 *
 * @param graph a road graph
 */
export function reversedEdges(graph: RoadGraph): EdgeLists {
  const hit = cache.get(graph);
  if (hit) return hit;
  const { nodeCount, offsets, targets, edgeCost } = graph;
  const m = targets.length;
  const rOffsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) rOffsets[targets[e]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) rOffsets[v + 1]! += rOffsets[v]!;
  const fill = rOffsets.slice(0, nodeCount);
  const rTargets = new Uint32Array(m);
  const rCost = new Float32Array(m);
  for (let u = 0; u < nodeCount; u++) {
    for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
      const k = fill[targets[e]!]!++;
      rTargets[k] = u;
      rCost[k] = edgeCost[e]!;
    }
  }
  const out = { offsets: rOffsets, targets: rTargets, edgeCost: rCost };
  cache.set(graph, out);
  return out;
}
