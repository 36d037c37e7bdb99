import type { AccessField, Facility, Problem, Settings } from '../model';
import type { RoadGraph } from '../network/graph-builder';
import { multiSourceDijkstra, type NodeField } from '../network/multi-source-dijkstra';
import { costsAB, costsBA } from '../network/directed-costs';
import { alongSameSegment, endSeedEffort, prefersEndB, sourceCostFromA, sourceCostFromB, viaNearerEnd } from '../network/segment-effort';
import { type SnapResult, snapPoints } from '../network/snap';
import {
  checkFacilityIndices,
  checkQueryPoints,
  type QueryPoints,
  sameIndices,
  type TravelModel,
  walkSpeedsMetersPerSecond,
} from './travel-model';

/** Effort (metres, see `RoadGraph`) from points to their nearest facility of one category. */
export interface AccessEffort {
  /** Effort metres: own access leg + path + facility access leg; `Infinity` when unreachable. */
  effortMeters: Float64Array;
  /** Index into `facilities`, or -1. */
  facility: Int32Array;
}

/** The road-network model, with the extra hooks isochrones and heat grids need. */
export interface NetworkModel extends TravelModel {
  readonly name: 'network';
  readonly graph: RoadGraph;
  /** Snap of every facility (position = index into `facilities`). */
  readonly facilitySnap: SnapResult;
  /**
   * Per-node effort metres from the nearest facility of the category (the facility's access leg
   * and the part of its segment included) and that facility's index; cached per category.
   */
  nodeField(category: string, facilityIndices: Uint32Array): NodeField;
  /** Effort metres from arbitrary points (snapped and cached per `lon` array) to the nearest facility. */
  accessEffort(category: string, facilityIndices: Uint32Array, lon: Float64Array, lat: Float64Array): AccessEffort;
  /** The snap of points to the network, cached per `lon` array (the same one accessField/accessEffort use). */
  pointSnap(lon: Float64Array, lat: Float64Array): SnapResult;
}

interface CategoryCache {
  indices: Uint32Array;
  field: NodeField;
  /** Facilities of the category on the network, sorted by segment (for same-segment paths). */
  segments: Int32Array;
  facilities: Uint32Array;
  /** 1 for segments holding a facility of the category: most points skip the same-segment search. */
  segmentHasFacility: Uint8Array;
}

/**
 * The road-network travel model (docs/architecture.md, "Travel-time model"). Facilities are snapped once;
 * per category one multi-source Dijkstra is seeded at both ends of each facility's segment (seed
 * cost = facility access leg + effort along the segment to that end, label = facility index).
 * A point's effort = its access leg + min(cost[A] + costToA, cost[B] + costToB, and the direct
 * path along the segment to a facility snapped onto the same segment); seconds = effort / walking
 * speed of its kind. With terrain every cost is the one of the resident's direction (from the
 * point to the facility; the search runs on the reversed graph, see `directed-costs.ts`). Off-network facilities (farther than `maxSnapMeters`) serve no one and are
 * listed in `warnings`; off-network points get `Infinity` / -1.
 *
 * @param graph from `buildRoadGraph`; treated as immutable
 * @param facilities the dataset's facilities (indices point into this array); not mutated
 * @param settings uses `walkSpeedKmh` and `maxSnapMeters`
 */
export function createNetworkModel(graph: RoadGraph, facilities: readonly Facility[], settings: Settings): NetworkModel {
  const speeds = walkSpeedsMetersPerSecond(settings);
  const maxSnap = settings.maxSnapMeters;
  const facLon = Float64Array.from(facilities, (f) => f.lon);
  const facLat = Float64Array.from(facilities, (f) => f.lat);
  const facilitySnap = snapPoints(graph, facLon, facLat, maxSnap);
  const warnings: Problem[] = [];
  facilities.forEach((f, i) => {
    if ((facilitySnap.segment[i] as number) < 0) {
      warnings.push({
        file: 'facilities',
        index: f.index,
        id: f.id,
        reason: `facility "${f.name}" is off-network: farther than ${maxSnap} m from every walkable road, so it serves no one in the network model`,
      });
    }
  });

  const categories = new Map<string, CategoryCache>();
  const pointSnaps = new WeakMap<Float64Array, SnappedPoints>();

  const categoryCache = (category: string, facilityIndices: Uint32Array): CategoryCache => {
    const hit = categories.get(category);
    if (hit && sameIndices(hit.indices, facilityIndices)) return hit;
    checkFacilityIndices(facilityIndices, facilities.length);
    const on = Array.from(facilityIndices).filter((f) => (facilitySnap.segment[f] as number) >= 0);
    const seeds = { node: new Uint32Array(2 * on.length), cost: new Float64Array(2 * on.length), label: new Int32Array(2 * on.length) };
    on.forEach((f, i) => {
      const s = facilitySnap.segment[f] as number;
      const access = facilitySnap.accessMeters[f] as number;
      seeds.node[2 * i] = graph.segA[s] as number;
      const t = facilitySnap.t[f] as number;
      seeds.cost[2 * i] = endSeedEffort(access, sourceCostFromA(graph, s, t));
      seeds.node[2 * i + 1] = graph.segB[s] as number;
      seeds.cost[2 * i + 1] = endSeedEffort(access, sourceCostFromB(graph, s, t));
      seeds.label[2 * i] = seeds.label[2 * i + 1] = f;
    });
    on.sort((a, b) => (facilitySnap.segment[a] as number) - (facilitySnap.segment[b] as number) || a - b);
    const segments = Int32Array.from(on, (f) => facilitySnap.segment[f] as number);
    const segmentHasFacility = new Uint8Array(graph.segmentCount);
    for (const s of segments) segmentHasFacility[s] = 1;
    const built: CategoryCache = {
      indices: facilityIndices.slice(),
      field: multiSourceDijkstra(graph, seeds),
      segments,
      facilities: Uint32Array.from(on),
      segmentHasFacility,
    };
    categories.set(category, built);
    return built;
  };

  const snapOf = (lon: Float64Array, lat: Float64Array): SnappedPoints => {
    const hit = pointSnaps.get(lon);
    if (hit && hit.lat === lat) return hit;
    const built = { lat, ...orderBySegment(snapPoints(graph, lon, lat, maxSnap), graph.segmentCount) };
    pointSnaps.set(lon, built);
    return built;
  };

  /**
   * Effort from every point to its nearest facility of the category, written into `effortOut`
   * (divided by the walking speed of `kind[i]` when `kind` is given: seconds) and `facilityOut`.
   * Points are visited by segment, so the node arrays are read nearly in order.
   */
  const fillAccess = (
    category: string,
    facilityIndices: Uint32Array,
    lon: Float64Array,
    lat: Float64Array,
    kind: Uint8Array | null,
    effortOut: Float64Array | Float32Array,
    facilityOut: Int32Array,
    kindSpeeds: Float64Array = speeds,
  ): void => {
    const { field, segments, facilities: onSegment, segmentHasFacility } = categoryCache(category, facilityIndices);
    const { snap, order, segment, costToA, costToB, accessMeters } = snapOf(lon, lat);
    const { cost, label } = field;
    const { segA, segB } = graph;
    const segAB = costsAB(graph);
    const segBA = costsBA(graph);
    effortOut.fill(Infinity);
    facilityOut.fill(-1);
    for (let j = 0; j < order.length; j++) {
      const s = segment[j] as number;
      const a = segA[s] as number;
      const b = segB[s] as number;
      const ca = cost[a] as number;
      const ta = costToA[j] as number;
      const cb = cost[b] as number;
      const tb = costToB[j] as number;
      let best = viaNearerEnd(ca, ta, cb, tb);
      let bestFacility = label[prefersEndB(ca, ta, cb, tb) ? b : a] as number;
      const i = order[j] as number;
      // facilities snapped onto the same segment: the direct path along it
      if (segmentHasFacility[s] === 1)
        for (let k = lowerBound(segments, s); k < segments.length && segments[k] === s; k++) {
          const f = onSegment[k] as number;
          const direct = alongSameSegment(
            snap.t[i] as number,
            facilitySnap.t[f] as number,
            segAB[s] as number,
            segBA[s] as number,
            facilitySnap.accessMeters[f] as number,
          );
          if (direct < best) {
            best = direct;
            bestFacility = f;
          }
        }
      if (bestFacility < 0) continue;
      const effort = best + (accessMeters[j] as number);
      effortOut[i] = kind ? effort / (kindSpeeds[kind[i] as number] as number) : effort;
      facilityOut[i] = bestFacility;
    }
  };

  const accessEffort = (category: string, facilityIndices: Uint32Array, lon: Float64Array, lat: Float64Array): AccessEffort => {
    const effortMeters = new Float64Array(lon.length);
    const facility = new Int32Array(lon.length);
    fillAccess(category, facilityIndices, lon, lat, null, effortMeters, facility);
    return { effortMeters, facility };
  };

  return {
    name: 'network',
    graph,
    facilitySnap,
    warnings,
    nodeField: (category, facilityIndices) => categoryCache(category, facilityIndices).field,
    accessEffort,
    pointSnap: (lon, lat) => snapOf(lon, lat).snap,
    accessField(category: string, facilityIndices: Uint32Array, points: QueryPoints, speedsMps?: Float64Array): AccessField {
      checkQueryPoints(points);
      const seconds = new Float32Array(points.lon.length);
      const facility = new Int32Array(points.lon.length);
      fillAccess(category, facilityIndices, points.lon, points.lat, points.kind, seconds, facility, speedsMps ?? speeds);
      return { category, seconds, facility };
    },
  };
}

/** A snap and its on-network points ordered by segment, with their snap data in that order. */
interface SnappedPoints {
  lat: Float64Array;
  snap: SnapResult;
  /** Positions of the on-network points, by segment (counting sort; stable). */
  order: Uint32Array;
  /** `snap.segment`, `costToA`, `costToB` and `accessMeters` of `order[j]` at `j`. */
  segment: Uint32Array;
  costToA: Float64Array;
  costToB: Float64Array;
  accessMeters: Float64Array;
}

/** Orders the snapped points by segment (so lookups read the graph nearly in order) and gathers their snap data. */
function orderBySegment(snap: SnapResult, segmentCount: number): Omit<SnappedPoints, 'lat'> {
  const start = new Uint32Array(segmentCount + 1);
  const n = snap.segment.length;
  for (let i = 0; i < n; i++) {
    const s = snap.segment[i] as number;
    if (s >= 0) start[s + 1] = (start[s + 1] as number) + 1;
  }
  for (let s = 0; s < segmentCount; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const count = start[segmentCount] as number;
  const order = new Uint32Array(count);
  const segment = new Uint32Array(count);
  const costToA = new Float64Array(count);
  const costToB = new Float64Array(count);
  const accessMeters = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const s = snap.segment[i] as number;
    if (s < 0) continue;
    const j = start[s] as number;
    start[s] = j + 1;
    order[j] = i;
    segment[j] = s;
    costToA[j] = snap.costToA[i] as number;
    costToB[j] = snap.costToB[i] as number;
    accessMeters[j] = snap.accessMeters[i] as number;
  }
  return { snap, order, segment, costToA, costToB, accessMeters };
}

/** First position in the sorted `values` holding a value ≥ `x`. */
function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
