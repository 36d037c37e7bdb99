import { planGroups, sweepCells, sweepExtent } from './cell-sweep';
import { haversineMeters, haversineMetersCos2 } from './haversine';
import { haversineLowerBoundFactor, haversineUpperBoundFactor, projectX, projectY, unprojectLat } from './local-projection';
import { orderByKey } from './order-by-key';
import { type PointIndex, pointTree } from './point-index';
import { answerSlots, type ProjectedQueries, projectQueries } from './projected-queries';
import { tangentPlaneWindowMeters } from './tangent-plane-window';

const FIRST_CANDIDATES = 4;
const RAD = Math.PI / 180;
/** Group side in item spacings (see `planGroups`): measured best at 1M samples and 8k–30k items. */
const ITEM_GROUP_FACTOR = 1;

/** Answers of {@link nearestPoints}. */
export interface NearestResult {
  /** Position of the nearest indexed point, or -1 (empty index, non-finite query). */
  nearest: Int32Array;
  /** Haversine distance to it, metres (`Infinity` with -1). */
  meters: Float64Array;
}

/**
 * For each query point, the indexed point nearest by haversine, exactly. Query points are
 * bucketed by a grid and each group of cells shares one box search (see `sweepCells`),
 * which keeps only the candidates that can still win anywhere in the group; each point ranks those
 * by their distance in its tangent plane (no trigonometry), and only those within
 * `tangentPlaneWindowMeters` of the best (or within a bound of it made per group, see `load`) get
 * the haversine. Points the batch cannot settle cheaply fall back to Flatbush `neighbors` one by
 * one. Ties go to the lower index. Non-finite query points get -1 / `Infinity`.
 *
 * @param points index from {@link createPointIndex}
 * @param qLon query longitudes, degrees
 * @param qLat query latitudes, degrees
 * @param queries the same points already projected and bucketed in `points.projection` (to share
 *   that work between indexes); default: done here
 * @param out arrays to write the answers into (length = number of queries), e.g. reused scratch
 * @returns `nearest` (position in the indexed arrays) and `meters`
 */
export function nearestPoints(
  points: PointIndex,
  qLon: Float64Array,
  qLat: Float64Array,
  queries?: ProjectedQueries,
  out?: NearestResult,
): NearestResult {
  const n = qLon.length;
  if (qLat.length !== n) throw new RangeError(`nearestPoints: lon has ${n} values, lat ${qLat.length}`);
  if (out && (out.nearest.length !== n || out.meters.length !== n))
    throw new RangeError(`nearestPoints: out arrays do not hold ${n} values`);
  const nearest = out ? out.nearest.fill(-1) : new Int32Array(n).fill(-1);
  const meters = out ? out.meters.fill(Infinity) : new Float64Array(n).fill(Infinity);
  if (points.bounds.numItems === 0) return { nearest, meters };
  if (queries && (queries.projection !== points.projection || queries.inputLon !== qLon || queries.inputLat !== qLat)) {
    throw new RangeError('nearestPoints: the projected queries are of other points or another projection');
  }
  const cells = queries ?? projectQueries(points.projection, qLon, qLat, sweepExtent(points.bounds));
  const answers = nearestPointsInSlots(points, cells);
  const { input } = answerSlots(cells);
  for (let s = 0; s < input.length; s++) {
    const q = input[s] as number;
    nearest[q] = answers.nearest[s] as number;
    meters[q] = answers.meters[s] as number;
  }
  return { nearest, meters };
}

/**
 * {@link nearestPoints}, with the answers by slot (see `answerSlots`): slot `s` answers input
 * point `answerSlots(cells).input[s]`. The arrays are `cells.work`, made once and overwritten by
 * the next search on the same `cells`: copy what must be kept. A caller that turns metres into
 * something else (seconds) does it in the pass that puts the answers in input order.
 *
 * @param points index from {@link createPointIndex}
 * @param cells the query points projected and bucketed in `points.projection` (`projectQueries`)
 * @returns `nearest` (position in the indexed arrays, or -1) and `meters` (`Infinity` with -1)
 */
export function nearestPointsInSlots(points: PointIndex, cells: ProjectedQueries): NearestResult {
  const { projection, lon, lat, cosLat: cos, minLat, maxLat } = points;
  if (cells.projection !== projection) throw new RangeError('nearestPointsInSlots: the projected queries are in another projection');
  const { slotOf } = answerSlots(cells);
  const answerCount = slotOf.length;
  if (!cells.work || cells.work.nearest.length !== answerCount) {
    cells.work = { nearest: new Int32Array(answerCount), meters: new Float64Array(answerCount) };
  }
  // every slot is written below (by `evaluate` or `single`)
  const bNearest = cells.work.nearest;
  const bMeters = cells.work.meters;
  if (points.bounds.numItems === 0) {
    bNearest.fill(-1);
    bMeters.fill(Infinity);
    return cells.work;
  }
  const qLon = cells.inputLon;
  const qLat = cells.inputLat;
  const { lon: sLon, lat: sLat, cosLat: sCos } = cells;
  const cosLat0 = Math.cos(projection.lat0 * RAD);

  // candidates of the current group (after `keep`, the first `candCount` entries)
  let candCount = 0;
  let cId = new Int32Array(256);
  let cX = new Float64Array(256);
  let cY = new Float64Array(256);
  let cGap2 = new Float64Array(256);
  let cD2 = new Float64Array(256);
  // the kept ones, in gap order
  let kId = new Int32Array(256);
  let kX = new Float64Array(256);
  let kY = new Float64Array(256);
  let kGap2 = new Float64Array(256);
  let keptGap2 = new Float64Array(256);
  let keptFrom = new Uint32Array(256);
  let perm = new Uint32Array(256);
  let tanAbsLat = 0;
  // per group: largest x scale of its points' tangent planes; window bound (see `load`)
  let maxXScale = 1;
  let windowReach2 = -1;
  let windowRatio2 = Infinity;
  let windowSlack2 = 0;

  sweepCells(
    points.grid,
    cells,
    { ...planGroups(points.bounds, cells.cellSizeMeters, ITEM_GROUP_FACTOR) },
    {
      beginGroup(_minX, minY, _maxX, maxY) {
        const latLo = Math.min(unprojectLat(projection, minY), minLat);
        const latHi = Math.max(unprojectLat(projection, maxY), maxLat);
        const absLat = Math.max(Math.abs(unprojectLat(projection, minY)), Math.abs(unprojectLat(projection, maxY)));
        tanAbsLat = Math.tan(Math.min(89.9, absLat) * RAD);
        const gLo = unprojectLat(projection, minY);
        const gHi = unprojectLat(projection, maxY);
        const absLo = gLo <= 0 && gHi >= 0 ? 0 : Math.min(Math.abs(gLo), Math.abs(gHi));
        maxXScale = Math.max(1, Math.cos(absLo * RAD) / cosLat0);
        return {
          lower: haversineLowerBoundFactor(projection, Math.max(Math.abs(latLo), Math.abs(latHi))),
          upper: haversineUpperBoundFactor(projection, latLo, latHi),
        };
      },
      load(ids, idCount, minX, minY, maxX, maxY) {
        candCount = idCount;
        if (cId.length < candCount) {
          const size = Math.max(candCount, 2 * cId.length);
          cId = new Int32Array(size);
          cX = new Float64Array(size);
          cY = new Float64Array(size);
          cGap2 = new Float64Array(size);
          cD2 = new Float64Array(size);
          kId = new Int32Array(size);
          kX = new Float64Array(size);
          kY = new Float64Array(size);
          kGap2 = new Float64Array(size);
          keptGap2 = new Float64Array(size);
          keptFrom = new Uint32Array(size);
          perm = new Uint32Array(size);
        }
        // squared distances here, one square root at the end (it is monotonic)
        let farthest2 = Infinity;
        for (let k = 0; k < candCount; k++) {
          const i = ids[k] as number;
          const px = projectX(projection, lon[i] as number);
          const py = projectY(projection, lat[i] as number);
          cId[k] = i;
          cX[k] = px;
          cY[k] = py;
          const gx = Math.max(0, minX - px, px - maxX);
          const gy = Math.max(0, minY - py, py - maxY);
          cGap2[k] = gx * gx + gy * gy;
          const fx = Math.max(px - minX, maxX - px);
          const fy = Math.max(py - minY, maxY - py);
          const far2 = fx * fx + fy * fy;
          if (far2 < farthest2) farthest2 = far2;
        }
        const farthest = Math.sqrt(farthest2);
        // every point of the group has a candidate within maxXScale × farthest in its tangent plane;
        // up to that distance the window is at most d × ratio + 1e-6 (the ratio grows with d), so
        // (d × ratio + 1e-6)² ≤ d² × ratio² + slack: a bound without square root or division
        const reach = maxXScale * farthest;
        const ratio = reach > 0 ? ((tangentPlaneWindowMeters(tanAbsLat, reach) - 1e-6) / reach) * (1 + 1e-9) : Infinity;
        windowReach2 = ratio < Infinity ? reach * reach : -1;
        windowRatio2 = ratio * ratio;
        windowSlack2 = 2 * reach * ratio * 1e-6 * (1 + 1e-9) + 1e-12;
        return farthest;
      },
      keep(limitMeters) {
        // the kept candidates, nearest to the group first (a point stops at the first one beyond its window)
        // squared, with a relative slack above the rounding of the square (keeping more is safe)
        const limit2 = limitMeters * limitMeters * (1 + 1e-12);
        let kept = 0;
        for (let k = 0; k < candCount; k++) {
          if ((cGap2[k] as number) > limit2) continue;
          keptGap2[kept] = cGap2[k] as number;
          keptFrom[kept++] = k;
        }
        orderByKey(keptGap2, kept, perm);
        for (let j = 0; j < kept; j++) {
          const k = keptFrom[perm[j] as number] as number;
          kId[j] = cId[k] as number;
          kX[j] = cX[k] as number;
          kY[j] = cY[k] as number;
          kGap2[j] = cGap2[k] as number;
        }
        candCount = kept;
      },
      evaluate(pending, pointCount) {
        const count = candCount;
        if (count === 0) {
          for (let j = 0; j < pointCount; j++) {
            const slot = slotOf[pending[j] as number] as number;
            bNearest[slot] = -1;
            bMeters[slot] = Infinity;
          }
          return;
        }
        if (count === 1) {
          const only = kId[0] as number;
          const oLon = lon[only] as number;
          const oLat = lat[only] as number;
          const oCos = cos[only] as number;
          for (let j = 0; j < pointCount; j++) {
            const k0 = pending[j] as number;
            const slot = slotOf[k0] as number;
            bNearest[slot] = only;
            bMeters[slot] = haversineMetersCos2(sLon[k0] as number, sLat[k0] as number, sCos[k0] as number, oLon, oLat, oCos);
          }
          return;
        }
        const X = kX;
        const Y = kY;
        const G2 = kGap2;
        const ids = kId;
        const D2 = cD2;
        const reach2 = windowReach2;
        const ratio2 = windowRatio2;
        const slack2 = windowSlack2;
        const tanLat = tanAbsLat;
        const { lon0, lat0, metersPerDegLon, metersPerDegLat } = projection;
        for (let j = 0; j < pointCount; j++) {
          const k0 = pending[j] as number;
          const plon = sLon[k0] as number;
          const plat = sLat[k0] as number;
          const cosLat = sCos[k0] as number;
          const px = (plon - lon0) * metersPerDegLon;
          const py = (plat - lat0) * metersPerDegLat;
          const xScale = cosLat / cosLat0;
          // the tangent-plane distance is at least min(1, xScale) × the projected one
          const minScale2 = Math.min(1, xScale) * Math.min(1, xScale);
          let minD2 = Infinity;
          // an upper bound of the window of the best so far (see `load`), for the early stop
          let bound2 = Infinity;
          let evaluated = 0;
          for (let k = 0; k < count; k++) {
            if ((G2[k] as number) * minScale2 > bound2) break;
            evaluated = k + 1;
            const dx = ((X[k] as number) - px) * xScale;
            const dy = (Y[k] as number) - py;
            const d2 = dx * dx + dy * dy;
            D2[k] = d2;
            if (d2 < minD2) {
              minD2 = d2;
              bound2 = d2 <= reach2 ? d2 * ratio2 + slack2 : Infinity;
            }
          }
          // bound2 (finite) is already at least the window of the best squared: no square root needed
          const window = bound2 < Infinity ? 0 : tangentPlaneWindowMeters(tanLat, Math.sqrt(minD2));
          const window2 = bound2 < Infinity ? bound2 : window * window;
          let best = -1;
          let bestMeters = Infinity;
          for (let k = 0; k < evaluated; k++) {
            if ((D2[k] as number) > window2) continue;
            const i = ids[k] as number;
            const d = haversineMetersCos2(plon, plat, cosLat, lon[i] as number, lat[i] as number, cos[i] as number);
            if (d < bestMeters || (d === bestMeters && i < best)) {
              bestMeters = d;
              best = i;
            }
          }
          const slot = slotOf[k0] as number;
          bNearest[slot] = best;
          bMeters[slot] = bestMeters;
        }
      },
      single(q, k) {
        const plon = qLon[q] as number;
        const plat = qLat[q] as number;
        nearestOne(points, plon, plat, projectX(projection, plon), projectY(projection, plat), bNearest, bMeters, slotOf[k] as number);
      },
    },
  );
  return cells.work;
}

/** One query by Flatbush `neighbors`, extended until the lower bound proves the answer exact. */
function nearestOne(
  points: PointIndex,
  x: number,
  y: number,
  px: number,
  py: number,
  nearest: Int32Array,
  meters: Float64Array,
  at: number,
): void {
  const { projection, lon, lat, maxAbsLat } = points;
  const index = pointTree(points);
  if (!index) return;
  const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(y)));
  let best = -1;
  let bestMeters = Infinity;
  const first = index.neighbors(px, py, FIRST_CANDIDATES);
  for (const i of first) {
    const d = haversineMeters(x, y, lon[i] as number, lat[i] as number);
    if (d < bestMeters || (d === bestMeters && i < best)) {
      bestMeters = d;
      best = i;
    }
  }
  const last = first[first.length - 1];
  if (first.length === FIRST_CANDIDATES && last !== undefined) {
    const dx = projectX(projection, lon[last] as number) - px;
    const dy = projectY(projection, lat[last] as number) - py;
    if (Math.sqrt(dx * dx + dy * dy) * bound <= bestMeters) {
      for (const i of index.neighbors(px, py, Infinity, bestMeters / bound)) {
        const d = haversineMeters(x, y, lon[i] as number, lat[i] as number);
        if (d < bestMeters || (d === bestMeters && i < best)) {
          bestMeters = d;
          best = i;
        }
      }
    }
  }
  nearest[at] = best;
  meters[at] = bestMeters;
}
