import type { Road } from '../model';
import { haversineMeters } from '../geo/haversine';
import { CoordinateHash } from './coordinate-hash';
import { isWalkable } from './walkability';

/** Walking speed (km/h) at which a road's effort equals its length; a road's `speedKmh` scales it. */
export const REFERENCE_SPEED_KMH = 5;

/**
 * A walkable road network as compressed sparse row (CSR) typed arrays.
 *
 * Costs are **effort metres**: a segment's effort is its haversine length × (5 / `speedKmh`) when
 * its road has a speed override, else its length. Travel time in seconds = effort metres / walking
 * speed of the community's kind in m/s (`walkSpeedKmh / 3.6`). Access legs (point to road) are
 * straight lines and never scaled by an override.
 *
 * Nodes are the distinct road vertices, numbered in the order the roads first meet them; segments
 * are undirected and keep the order of the roads (segment `s` is the s-th kept pair of consecutive
 * vertices); edges are the directed pairs (both directions of each segment), so
 * `targets.length === 2 × segmentCount`; a node's edges are in segment order.
 *
 * Direction: every search runs from the facilities outward on the **reversed** graph, so the cost
 * of edge `u → v` is the effort of travelling `v → u` (a resident at `v` walking towards the
 * facility through `u`). Without terrain both directions cost the same.
 */
export interface RoadGraph {
  nodeCount: number;
  /** Node longitude, degrees. */
  nodeLon: Float64Array;
  /** Node latitude, degrees. */
  nodeLat: Float64Array;
  /** Length `nodeCount + 1`: edges of node `n` are `offsets[n] .. offsets[n+1]-1`. */
  offsets: Uint32Array;
  /** Target node of each directed edge. */
  targets: Uint32Array;
  /** Effort metres of each directed edge. */
  edgeCost: Float32Array;
  segmentCount: number;
  /** First node of each undirected segment (`t = 0`). */
  segA: Uint32Array;
  /** Second node of each undirected segment (`t = 1`). */
  segB: Uint32Array;
  /** Haversine length of each segment, metres. */
  segLengthMeters: Float64Array;
  /** Effort metres of each segment (on flat ground, either way). */
  segCost: Float64Array;
  /**
   * Effort metres travelling each segment from `segA` to `segB`, when terrain makes costs depend on
   * the direction (`applyTerrain`); absent means `segCost`. See `directed-costs.ts`.
   */
  segCostAB?: Float64Array;
  /** Effort metres travelling each segment from `segB` to `segA`; absent means `segCost`. */
  segCostBA?: Float64Array;
}

/**
 * Effort factor of a road (effort metres per metre), or null when the road is not part of the
 * graph. The default, {@link walkingFactor}, is the walking rule; riding modes give their own
 * (`mode-graph.ts`).
 */
export type RoadFactor = (road: Road) => number | null;

/** The walking rule: walkable roads (`isWalkable`), effort `5 / speedKmh` per metre with a speed override, else 1. */
function walkingFactor(road: Road): number | null {
  if (!isWalkable(road.highway, road.footAccess)) return null;
  return road.speedKmh === null ? 1 : REFERENCE_SPEED_KMH / road.speedKmh;
}

/**
 * Builds the walking graph of a set of roads. Every LineString vertex is a node and identical
 * coordinates (exact doubles) merge; consecutive vertices form a segment usable both ways; roads
 * that are not walkable (see `isWalkable`) are left out; lines crossing without a shared vertex do
 * not connect (bridges); zero-length segments are dropped. Roads are validated by io/ beforehand.
 *
 * @param roads roads in WGS84; not mutated
 * @param factorOf which roads are used and their effort per metre (default: walking, {@link walkingFactor})
 * @throws RangeError on a non-finite coordinate or a factor that is not a positive number
 */
export function buildRoadGraph(roads: readonly Road[], factorOf: RoadFactor = walkingFactor): RoadGraph {
  let vertexCount = 0;
  const factors = new Float64Array(roads.length);
  for (let r = 0; r < roads.length; r++) {
    const road = roads[r] as Road;
    const speed = road.speedKmh;
    if (speed !== null && !(speed > 0 && Number.isFinite(speed))) {
      throw new RangeError(`buildRoadGraph: road ${r} has bad speedKmh ${speed}`);
    }
    const f = factorOf(road);
    if (f !== null && !(f > 0 && Number.isFinite(f))) throw new RangeError(`buildRoadGraph: road ${r} has bad effort factor ${f}`);
    factors[r] = f ?? 0;
    if (f !== null) vertexCount += road.coordinates.length;
  }

  const coords = new CoordinateHash(vertexCount);
  let segA = new Uint32Array(vertexCount);
  let segB = new Uint32Array(vertexCount);
  let segLength = new Float64Array(vertexCount);
  let segCost = new Float64Array(vertexCount);
  let segmentCount = 0;

  for (let r = 0; r < roads.length; r++) {
    const road = roads[r] as Road;
    const factor = factors[r] as number;
    if (factor === 0) continue;
    let prev = -1;
    for (const vertex of road.coordinates) {
      const node = coords.intern(vertex[0], vertex[1]);
      if (prev >= 0 && node !== prev) {
        const lengthMeters = haversineMeters(
          coords.lon[prev] as number,
          coords.lat[prev] as number,
          coords.lon[node] as number,
          coords.lat[node] as number,
        );
        if (lengthMeters > 0) {
          segA[segmentCount] = prev;
          segB[segmentCount] = node;
          segLength[segmentCount] = lengthMeters;
          segCost[segmentCount] = lengthMeters * factor;
          segmentCount++;
        }
      }
      prev = node;
    }
  }

  const nodeCount = coords.size;
  // views, not copies, when little is left over (most vertices start a segment): at 1M segments a
  // copy is 24 MB more to allocate, and large allocations set off full GCs
  const fit = <T extends Uint32Array | Float64Array>(a: T): T =>
    (segmentCount >= 0.75 * a.length ? a.subarray(0, segmentCount) : a.slice(0, segmentCount)) as T;
  segA = fit(segA);
  segB = fit(segB);
  segLength = fit(segLength);
  segCost = fit(segCost);

  const offsets = new Uint32Array(nodeCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    const a = (segA[s] as number) + 1;
    const b = (segB[s] as number) + 1;
    offsets[a] = (offsets[a] as number) + 1;
    offsets[b] = (offsets[b] as number) + 1;
  }
  for (let n = 0; n < nodeCount; n++) offsets[n + 1] = (offsets[n + 1] as number) + (offsets[n] as number);
  const cursor = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(2 * segmentCount);
  const edgeCost = new Float32Array(2 * segmentCount);
  for (let s = 0; s < segmentCount; s++) {
    const a = segA[s] as number;
    const b = segB[s] as number;
    const cost = segCost[s] as number;
    let e = cursor[a] as number;
    cursor[a] = e + 1;
    targets[e] = b;
    edgeCost[e] = cost;
    e = cursor[b] as number;
    cursor[b] = e + 1;
    targets[e] = a;
    edgeCost[e] = cost;
  }

  return {
    nodeCount,
    nodeLon: coords.lon.slice(0, nodeCount),
    nodeLat: coords.lat.slice(0, nodeCount),
    offsets,
    targets,
    edgeCost,
    segmentCount,
    segA,
    segB,
    segLengthMeters: segLength,
    segCost,
  };
}

const graphs = new WeakMap<readonly Road[], RoadGraph>();

/**
 * {@link buildRoadGraph} of a roads array, built on first use and cached per array object, so the
 * offset check of the input files, the analysis and the map share one graph (and its segment grid
 * and index, cached per graph). Roads are engine inputs: neither the array nor its roads may change
 * after the first call.
 *
 * @param roads roads in WGS84
 */
export function getRoadGraph(roads: readonly Road[]): RoadGraph {
  let graph = graphs.get(roads);
  if (!graph) {
    graph = buildRoadGraph(roads);
    graphs.set(roads, graph);
  }
  return graph;
}
