import Flatbush from 'flatbush';
import { type LocalProjection, projectionForBBox, projectX, projectY } from '../geo/local-projection';
import type { RoadGraph } from './graph-builder';

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
 * treated as immutable). Projection centre: middle of the nodes' bounding box.
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
  const { nodeCount, nodeLon, nodeLat, segmentCount, segA, segB } = graph;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let maxAbsLat = 0;
  for (let n = 0; n < nodeCount; n++) {
    const lon = nodeLon[n] as number;
    const lat = nodeLat[n] as number;
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
    if (Math.abs(lat) > maxAbsLat) maxAbsLat = Math.abs(lat);
  }
  const projection = nodeCount > 0 ? projectionForBBox(minLon, minLat, maxLon, maxLat) : projectionForBBox(0, 0, 0, 0);
  const nodeX = new Float64Array(nodeCount);
  const nodeY = new Float64Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    nodeX[n] = projectX(projection, nodeLon[n] as number);
    nodeY[n] = projectY(projection, nodeLat[n] as number);
  }
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
  return { projection, nodeX, nodeY, index, maxAbsLat, minLat: nodeCount > 0 ? minLat : 0, maxLat: nodeCount > 0 ? maxLat : 0 };
}
