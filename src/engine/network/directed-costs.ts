import type { RoadGraph } from './graph-builder';

/**
 * Direction-dependent segment costs (docs/architecture.md, "Direction"). Residents travel **from
 * the community to the facility**; every search is seeded at facilities and runs on the reversed
 * graph, so it always needs the cost in the resident's direction. Without terrain both directions
 * are `segCost` (the same array), so every sum below is bit for bit the undirected one.
 */

/** Effort metres travelling each segment from `segA` to `segB`. */
export function costsAB(graph: Pick<RoadGraph, 'segCost' | 'segCostAB'>): Float64Array {
  return graph.segCostAB ?? graph.segCost;
}

/** Effort metres travelling each segment from `segB` to `segA`. */
export function costsBA(graph: Pick<RoadGraph, 'segCost' | 'segCostBA'>): Float64Array {
  return graph.segCostBA ?? graph.segCost;
}

/**
 * The CSR edge costs of the reversed graph: edge `a → b` of segment `s` (stored at node `a`)
 * costs `costBA[s]` (a resident walks from `b` to `a`), edge `b → a` costs `costAB[s]`. Edges are
 * laid out exactly as `buildRoadGraph` lays them out (per node, in segment order).
 *
 * @param graph the graph whose `offsets`, `segA`, `segB` give the layout
 * @param costAB effort metres A → B per segment
 * @param costBA effort metres B → A per segment
 */
export function reversedEdgeCosts(
  graph: Pick<RoadGraph, 'nodeCount' | 'offsets' | 'segmentCount' | 'segA' | 'segB'>,
  costAB: Float64Array,
  costBA: Float64Array,
): Float32Array {
  const { nodeCount, offsets, segmentCount, segA, segB } = graph;
  const cursor = offsets.slice(0, nodeCount);
  const edgeCost = new Float32Array(2 * segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const a = segA[s] as number;
    const b = segB[s] as number;
    let e = cursor[a] as number;
    cursor[a] = e + 1;
    edgeCost[e] = costBA[s] as number;
    e = cursor[b] as number;
    cursor[b] = e + 1;
    edgeCost[e] = costAB[s] as number;
  }
  return edgeCost;
}
