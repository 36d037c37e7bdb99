import Flatbush from 'flatbush';
import type { LocalProjection } from '../geo/local-projection';
import type { RoadGraph } from './graph-builder';
import { getSegmentGrid } from './segment-grid';

/** A Flatbush index over a graph's segments in a local metric projection (metres). */
export interface SegmentIndex {
  projection: LocalProjection;
  /** Projected node coordinates, metres. */
  nodeX: Float64Array;
  nodeY: Float64Array;
  /** Segment bounding boxes in projected metres; item id = segment id. Null when there are no segments. */
  index: Flatbush | null;
  /** Largest |latitude| of any node, degrees (for `haversineLowerBoundFactor`). */
  maxAbsLat: number;
  /** Southernmost and northernmost node latitude, degrees (0 when there is no node). */
  minLat: number;
  maxLat: number;
}

const cache = new WeakMap<RoadGraph, SegmentIndex>();

/**
 * The segment index of a graph, built on first use and cached per graph object (the graph is
 * treated as immutable); in the projection of the graph's segment grid (`getSegmentGrid`).
 *
 * @param graph a graph from `buildRoadGraph`
 */
export function getSegmentIndex(graph: RoadGraph): SegmentIndex {
  let built = cache.get(graph);
  if (!built) {
    built = buildSegmentIndex(graph);
    cache.set(graph, built);
  }
  return built;
}

function buildSegmentIndex(graph: RoadGraph): SegmentIndex {
  // the grid's projection and projected nodes: one projection per graph
  const { projection, nodeX, nodeY, maxAbsLat, minLat, maxLat } = getSegmentGrid(graph);
  const { segmentCount, segA, segB } = graph;
  let index: Flatbush | null = null;
  if (segmentCount > 0) {
    index = new Flatbush(segmentCount, 8);
    for (let s = 0; s < segmentCount; s++) {
      const a = segA[s] as number;
      const b = segB[s] as number;
      const ax = nodeX[a] as number;
      const ay = nodeY[a] as number;
      const bx = nodeX[b] as number;
      const by = nodeY[b] as number;
      index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
    index.finish();
  }
  return { projection, nodeX, nodeY, index, maxAbsLat, minLat, maxLat };
}
