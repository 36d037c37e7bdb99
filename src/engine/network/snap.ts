import { haversineMeters } from '../geo/haversine';
import { haversineLowerBoundFactor, projectX, projectY } from '../geo/local-projection';
import type { RoadGraph } from './graph-builder';
import { getSegmentIndex } from './segment-index';

/** Where each point meets the network (struct of arrays, one entry per point). */
export interface SnapResult {
  /** Segment id of the nearest usable segment, or -1 when off-network (farther than `maxSnapMeters`). */
  segment: Int32Array;
  /** Position of the snap point on the segment, 0 at `segA` to 1 at `segB`. */
  t: Float64Array;
  /** Straight (haversine) distance from the point to its snap point, metres; never speed-scaled. */
  accessMeters: Float64Array;
  /** Effort metres along the segment from the snap point to `segA` (`t × segCost`). */
  costToA: Float64Array;
  /** Effort metres along the segment from the snap point to `segB` (`(1 − t) × segCost`). */
  costToB: Float64Array;
}

const RAD = Math.PI / 180;
const FIRST_CANDIDATES = 4;

/**
 * Snaps points to the nearest point of the nearest segment. The snap point on a segment minimises
 * the distance in the point's local tangent plane (segments are straight in lon/lat); the segment
 * chosen is the one whose snap point is nearest by haversine, exactly: Flatbush `neighbors` gives
 * candidates by box distance and the search continues until a safe lower bound (see
 * `haversineLowerBoundFactor`) proves no other segment can be nearer. Ties go to the lower id.
 * Points with non-finite coordinates are off-network.
 *
 * @param graph the road graph
 * @param lon point longitudes, degrees
 * @param lat point latitudes, degrees
 * @param maxSnapMeters a point farther than this from every segment is off-network (segment -1)
 */
export function snapPoints(graph: RoadGraph, lon: Float64Array, lat: Float64Array, maxSnapMeters: number): SnapResult {
  if (lon.length !== lat.length) throw new RangeError(`snapPoints: lon has ${lon.length} values, lat ${lat.length}`);
  if (!(maxSnapMeters >= 0)) throw new RangeError(`snapPoints: bad maxSnapMeters ${maxSnapMeters}`);
  const count = lon.length;
  const out: SnapResult = {
    segment: new Int32Array(count).fill(-1),
    t: new Float64Array(count),
    accessMeters: new Float64Array(count).fill(Infinity),
    costToA: new Float64Array(count).fill(Infinity),
    costToB: new Float64Array(count).fill(Infinity),
  };
  const { projection, nodeX, nodeY, index, maxAbsLat } = getSegmentIndex(graph);
  if (!index) return out;
  const { segA, segB, nodeLon, nodeLat, segCost } = graph;
  const cosLat0 = Math.cos(projection.lat0 * RAD);

  let bestSeg = -1;
  let bestT = 0;
  let bestMeters = Infinity;
  let px = 0;
  let py = 0;
  let plon = 0;
  let plat = 0;
  let xScale = 1;

  const consider = (s: number): void => {
    const a = segA[s] as number;
    const b = segB[s] as number;
    // local tangent plane at the point: x rescaled from the projection's latitude to the point's
    const ax = ((nodeX[a] as number) - px) * xScale;
    const ay = (nodeY[a] as number) - py;
    const dx = ((nodeX[b] as number) - px) * xScale - ax;
    const dy = (nodeY[b] as number) - py - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const aLon = nodeLon[a] as number;
    const aLat = nodeLat[a] as number;
    const meters = haversineMeters(plon, plat, aLon + t * ((nodeLon[b] as number) - aLon), aLat + t * ((nodeLat[b] as number) - aLat));
    if (meters < bestMeters || (meters === bestMeters && s < bestSeg)) {
      bestMeters = meters;
      bestSeg = s;
      bestT = t;
    }
  };
  const boxDistance = (s: number): number => {
    const a = segA[s] as number;
    const b = segB[s] as number;
    const ax = nodeX[a] as number;
    const bx = nodeX[b] as number;
    const ay = nodeY[a] as number;
    const by = nodeY[b] as number;
    const dx = Math.max(Math.min(ax, bx) - px, px - Math.max(ax, bx), 0);
    const dy = Math.max(Math.min(ay, by) - py, py - Math.max(ay, by), 0);
    return Math.sqrt(dx * dx + dy * dy);
  };

  for (let i = 0; i < count; i++) {
    plon = lon[i] as number;
    plat = lat[i] as number;
    if (!Number.isFinite(plon) || !Number.isFinite(plat) || Math.abs(plat) > 90) continue;
    px = projectX(projection, plon);
    py = projectY(projection, plat);
    xScale = Math.cos(plat * RAD) / cosLat0;
    const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(plat)));
    bestSeg = -1;
    bestMeters = Infinity;
    const first = index.neighbors(px, py, FIRST_CANDIDATES, maxSnapMeters / bound);
    for (const s of first) consider(s);
    const last = first[first.length - 1];
    if (first.length === FIRST_CANDIDATES && last !== undefined && boxDistance(last) * bound <= bestMeters) {
      for (const s of index.neighbors(px, py, Infinity, Math.min(bestMeters, maxSnapMeters) / bound)) consider(s);
    }
    if (bestSeg < 0 || bestMeters > maxSnapMeters) continue;
    const cost = segCost[bestSeg] as number;
    out.segment[i] = bestSeg;
    out.t[i] = bestT;
    out.accessMeters[i] = bestMeters;
    out.costToA[i] = bestT * cost;
    out.costToB[i] = (1 - bestT) * cost;
  }
  return out;
}
