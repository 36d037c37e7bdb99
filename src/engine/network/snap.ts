import { haversineMeters, haversineMetersCos } from '../geo/haversine';
import { orderByKey } from '../geo/order-by-key';
import { itemSpacingMeters, planGroups, sweepExtent, sweepPoints } from '../geo/cell-sweep';
import { haversineLowerBoundFactor, projectX, projectY, unprojectLat } from '../geo/local-projection';
import { projectQueries } from '../geo/projected-queries';
import { tangentPlaneWindowMeters } from '../geo/tangent-plane-window';
import type { RoadGraph } from './graph-builder';
import { getSegmentIndex, type SegmentIndex } from './segment-index';

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
/** Group side in segment spacings (see `planGroups`). */
const ITEM_GROUP_FACTOR = 2;

/**
 * Snaps points to the nearest point of the nearest segment. The snap point on a segment minimises
 * the distance in the point's local tangent plane (segments are straight in lon/lat); the segment
 * chosen is the one whose snap point is nearest by haversine, exactly. Points are batched by grid
 * cell with one Flatbush box search per cell (see `sweepCells`); candidates are ranked by their
 * tangent-plane distance, only those within `tangentPlaneWindowMeters` of the best get the
 * haversine, and an answer stands only when a safe lower bound (`haversineLowerBoundFactor`)
 * proves that no segment outside the searched box can be nearer (or within `maxSnapMeters`).
 * Points the batch cannot prove cheaply are answered one by one with Flatbush `neighbors`.
 * Ties go to the lower id. Points with non-finite coordinates are off-network.
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
  const segmentIndex = getSegmentIndex(graph);
  const { projection, nodeX, nodeY, index, maxAbsLat } = segmentIndex;
  if (!index) return out;
  const { segA, segB, nodeLon, nodeLat, segCost } = graph;
  const cosLat0 = Math.cos(projection.lat0 * RAD);
  const record = (q: number, seg: number, t: number, meters: number): void => {
    const cost = segCost[seg] as number;
    out.segment[q] = seg;
    out.t[q] = t;
    out.accessMeters[q] = meters;
    out.costToA[q] = t * cost;
    out.costToB[q] = (1 - t) * cost;
  };

  // cells at most two segment spacings wide: when the points are sparse (facilities), a cell's search stays small
  const cells = projectQueries(projection, lon, lat, sweepExtent(index), 2 * itemSpacingMeters(index));
  const { order, lon: sLon, lat: sLat, cosLat: sCos } = cells;
  // batch answers in cell order (sequential writes), copied out after the sweep; -2 = answered by `single`
  const bSeg = new Int32Array(order.length).fill(-1);
  const bT = new Float64Array(order.length);
  const bMeters = new Float64Array(order.length);

  // candidates of the current group: segment id, projected ends and box, lon/lat ends; per point: t and d²
  let candCount = 0;
  let cSeg = new Int32Array(256);
  let cAx = new Float64Array(256);
  let cAy = new Float64Array(256);
  let cBx = new Float64Array(256);
  let cBy = new Float64Array(256);
  let cMinX = new Float64Array(256);
  let cMinY = new Float64Array(256);
  let cMaxX = new Float64Array(256);
  let cMaxY = new Float64Array(256);
  let cALon = new Float64Array(256);
  let cALat = new Float64Array(256);
  let cBLon = new Float64Array(256);
  let cBLat = new Float64Array(256);
  let cGap2 = new Float64Array(256);
  let cT = new Float64Array(256);
  let cD2 = new Float64Array(256);
  let gap2 = new Float64Array(256);
  let perm = new Uint32Array(256);
  let tanAbsLat = 0;

  sweepPoints(index, cells, planGroups(index, cells.cellSizeMeters, ITEM_GROUP_FACTOR), {
    beginGroup(_minX, minY, _maxX, maxY) {
      const absLat = Math.max(Math.abs(unprojectLat(projection, minY)), Math.abs(unprojectLat(projection, maxY)));
      tanAbsLat = Math.tan(Math.min(89.9, absLat) * RAD);
      return haversineLowerBoundFactor(projection, Math.max(maxAbsLat, absLat));
    },
    load(ids, minX, minY, maxX, maxY) {
      candCount = ids.length;
      if (cSeg.length < candCount) {
        const size = Math.max(candCount, 2 * cSeg.length);
        cSeg = new Int32Array(size);
        cAx = new Float64Array(size);
        cAy = new Float64Array(size);
        cBx = new Float64Array(size);
        cBy = new Float64Array(size);
        cMinX = new Float64Array(size);
        cMinY = new Float64Array(size);
        cMaxX = new Float64Array(size);
        cMaxY = new Float64Array(size);
        cALon = new Float64Array(size);
        cALat = new Float64Array(size);
        cBLon = new Float64Array(size);
        cBLat = new Float64Array(size);
        cGap2 = new Float64Array(size);
        cT = new Float64Array(size);
        cD2 = new Float64Array(size);
        gap2 = new Float64Array(size);
        perm = new Uint32Array(size);
      }
      // candidates nearest the group first, so a point can stop at the first one beyond its window
      for (let k = 0; k < candCount; k++) {
        const s = ids[k] as number;
        const ax = nodeX[segA[s] as number] as number;
        const ay = nodeY[segA[s] as number] as number;
        const bx = nodeX[segB[s] as number] as number;
        const by = nodeY[segB[s] as number] as number;
        const gx = Math.max(0, Math.min(ax, bx) - maxX, minX - Math.max(ax, bx));
        const gy = Math.max(0, Math.min(ay, by) - maxY, minY - Math.max(ay, by));
        gap2[k] = gx * gx + gy * gy;
      }
      orderByKey(gap2, candCount, perm);
      for (let k = 0; k < candCount; k++) {
        const from = perm[k] as number;
        const s = ids[from] as number;
        const a = segA[s] as number;
        const b = segB[s] as number;
        cSeg[k] = s;
        cGap2[k] = gap2[from] as number;
        const ax = nodeX[a] as number;
        const ay = nodeY[a] as number;
        const bx = nodeX[b] as number;
        const by = nodeY[b] as number;
        cALon[k] = nodeLon[a] as number;
        cALat[k] = nodeLat[a] as number;
        cBLon[k] = nodeLon[b] as number;
        cBLat[k] = nodeLat[b] as number;
        cAx[k] = ax;
        cAy[k] = ay;
        cBx[k] = bx;
        cBy[k] = by;
        cMinX[k] = Math.min(ax, bx);
        cMinY[k] = Math.min(ay, by);
        cMaxX[k] = Math.max(ax, bx);
        cMaxY[k] = Math.max(ay, by);
      }
    },
    evaluate(at) {
      const n = candCount;
      if (n === 0) return maxSnapMeters;
      const Ax = cAx;
      const Ay = cAy;
      const Bx = cBx;
      const By = cBy;
      const MinX = cMinX;
      const MinY = cMinY;
      const MaxX = cMaxX;
      const MaxY = cMaxY;
      const T = cT;
      const D2 = cD2;
      const px = projectX(projection, sLon[at] as number);
      const py = projectY(projection, sLat[at] as number);
      const plon = sLon[at] as number;
      const plat = sLat[at] as number;
      const cosLat = sCos[at] as number;
      const xScale = cosLat / cosLat0;
      // the tangent-plane distance is at least min(1, xScale) × the projected one
      const minScale2 = Math.min(1, xScale) * Math.min(1, xScale);
      let minD2 = Infinity;
      // candidates whose box is already farther than the window of the best so far cannot win
      let window2 = Infinity;
      let evaluated = 0;
      for (let k = 0; k < n; k++) {
        // candidates come nearest-to-the-group first: once one's gap exceeds the window, all later ones do
        if ((cGap2[k] as number) * minScale2 > window2) break;
        evaluated = k + 1;
        const gx = Math.max(0, Math.max((MinX[k] as number) - px, px - (MaxX[k] as number))) * xScale;
        const gy = Math.max(0, Math.max((MinY[k] as number) - py, py - (MaxY[k] as number)));
        if (gx * gx + gy * gy > window2) {
          D2[k] = Infinity;
          continue;
        }
        // the same operations as `consider` in `snapOne`, so t is bit-identical
        const ax = ((Ax[k] as number) - px) * xScale;
        const ay = (Ay[k] as number) - py;
        const dx = ((Bx[k] as number) - px) * xScale - ax;
        const dy = (By[k] as number) - py - ay;
        const len2 = dx * dx + dy * dy;
        let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = ax + t * dx;
        const ey = ay + t * dy;
        const d2 = ex * ex + ey * ey;
        T[k] = t;
        D2[k] = d2;
        if (d2 < minD2) {
          minD2 = d2;
          const window = tangentPlaneWindowMeters(tanAbsLat, Math.sqrt(d2));
          window2 = window * window;
        }
      }
      let bestSeg = -1;
      let bestT = 0;
      let bestMeters = Infinity;
      for (let k = 0; k < evaluated; k++) {
        if ((D2[k] as number) > window2) continue;
        const s = cSeg[k] as number;
        const t = T[k] as number;
        const aLon = cALon[k] as number;
        const aLat = cALat[k] as number;
        const meters = haversineMetersCos(plon, plat, cosLat, aLon + t * ((cBLon[k] as number) - aLon), aLat + t * ((cBLat[k] as number) - aLat));
        if (meters < bestMeters || (meters === bestMeters && s < bestSeg)) {
          bestMeters = meters;
          bestSeg = s;
          bestT = t;
        }
      }
      bSeg[at] = bestMeters <= maxSnapMeters ? bestSeg : -1;
      bT[at] = bestT;
      bMeters[at] = bestMeters;
      return Math.min(bestMeters, maxSnapMeters);
    },
    single(q, at) {
      if (at >= 0) bSeg[at] = -2;
      const plon = lon[q] as number;
      const plat = lat[q] as number;
      snapOne(graph, segmentIndex, plon, plat, projectX(projection, plon), projectY(projection, plat), maxSnapMeters, q, record);
    },
  });
  for (let k = 0; k < order.length; k++) {
    const seg = bSeg[k] as number;
    if (seg >= 0) record(order[k] as number, seg, bT[k] as number, bMeters[k] as number);
  }
  return out;
}

/** One point by Flatbush `neighbors`, extended until the lower bound proves the answer exact. */
function snapOne(
  graph: RoadGraph, segmentIndex: SegmentIndex, plon: number, plat: number, px: number, py: number,
  maxSnapMeters: number, q: number, record: (q: number, seg: number, t: number, meters: number) => void,
): void {
  const { projection, nodeX, nodeY, index, maxAbsLat } = segmentIndex;
  if (!index) return;
  const { segA, segB, nodeLon, nodeLat } = graph;
  const xScale = Math.cos(plat * RAD) / Math.cos(projection.lat0 * RAD);
  let bestSeg = -1;
  let bestT = 0;
  let bestMeters = Infinity;

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

  const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(plat)));
  const first = index.neighbors(px, py, FIRST_CANDIDATES, maxSnapMeters / bound);
  for (const s of first) consider(s);
  const last = first[first.length - 1];
  if (first.length === FIRST_CANDIDATES && last !== undefined && boxDistance(last) * bound <= bestMeters) {
    for (const s of index.neighbors(px, py, Infinity, Math.min(bestMeters, maxSnapMeters) / bound)) consider(s);
  }
  if (bestSeg < 0 || bestMeters > maxSnapMeters) return;
  record(q, bestSeg, bestT, bestMeters);
}
