import Flatbush from 'flatbush';
import { EARTH_RADIUS_METERS, haversineMeters } from './haversine';
import { planCellSweep, sweepCells } from './cell-sweep';
import {
  type LocalProjection, haversineLowerBoundFactor, projectionForBBox, projectX, projectY, unprojectLat,
} from './local-projection';
import { bucketQueryCells } from './query-cells';
import { tangentPlaneWindowMeters } from './tangent-plane-window';

/** A static index of WGS84 points for exact nearest-neighbour queries by haversine distance. */
export interface PointIndex {
  lon: Float64Array;
  lat: Float64Array;
  projection: LocalProjection;
  /** Flatbush over the projected points (item id = point position); null when empty. */
  index: Flatbush | null;
  /** Largest |latitude| of the points, degrees. */
  maxAbsLat: number;
}

/**
 * Indexes points (Flatbush in a local projection centred on their bounding box).
 *
 * @param lon longitudes, degrees (finite)
 * @param lat latitudes, degrees (finite)
 * @throws RangeError on mismatched lengths or a non-finite coordinate
 */
export function createPointIndex(lon: Float64Array, lat: Float64Array): PointIndex {
  const n = lon.length;
  if (lat.length !== n) throw new RangeError(`createPointIndex: lon has ${n} values, lat ${lat.length}`);
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity, maxAbsLat = 0;
  for (let i = 0; i < n; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`createPointIndex: point ${i} is [${x}, ${y}]`);
    minLon = Math.min(minLon, x);
    maxLon = Math.max(maxLon, x);
    minLat = Math.min(minLat, y);
    maxLat = Math.max(maxLat, y);
    maxAbsLat = Math.max(maxAbsLat, Math.abs(y));
  }
  const projection = n > 0 ? projectionForBBox(minLon, minLat, maxLon, maxLat) : projectionForBBox(0, 0, 0, 0);
  let index: Flatbush | null = null;
  if (n > 0) {
    index = new Flatbush(n, 8);
    for (let i = 0; i < n; i++) {
      const x = projectX(projection, lon[i] as number);
      const y = projectY(projection, lat[i] as number);
      index.add(x, y, x, y);
    }
    index.finish();
  }
  return { lon, lat, projection, index, maxAbsLat };
}

const FIRST_CANDIDATES = 4;
const RAD = Math.PI / 180;

/**
 * For each query point, the indexed point nearest by haversine, exactly. Query points are
 * bucketed by grid cell and each cell shares one Flatbush box search (see `sweepCells`); every
 * candidate is ranked by its distance in the query point's tangent plane (no trigonometry), only
 * those within `tangentPlaneWindowMeters` of the best get the haversine, and an answer stands only
 * when `haversineLowerBoundFactor` proves nothing outside the searched box is as near. Points the
 * batch cannot prove cheaply fall back to Flatbush `neighbors` one by one. Ties go to the lower
 * index. Non-finite query points get -1 / `Infinity`.
 *
 * @param points index from {@link createPointIndex}
 * @param qLon query longitudes, degrees
 * @param qLat query latitudes, degrees
 * @returns `nearest` (position in the indexed arrays, -1 when the index is empty) and `meters`
 */
export function nearestPoints(points: PointIndex, qLon: Float64Array, qLat: Float64Array): { nearest: Int32Array; meters: Float64Array } {
  const n = qLon.length;
  if (qLat.length !== n) throw new RangeError(`nearestPoints: lon has ${n} values, lat ${qLat.length}`);
  const nearest = new Int32Array(n).fill(-1);
  const meters = new Float64Array(n).fill(Infinity);
  const { index, projection, lon, lat, maxAbsLat } = points;
  if (!index) return { nearest, meters };
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let finite = 0;
  for (let q = 0; q < n; q++) {
    const qx = qLon[q] as number;
    const qy = qLat[q] as number;
    if (Number.isFinite(qx) && Number.isFinite(qy)) {
      finite++;
      x[q] = projectX(projection, qx);
      y[q] = projectY(projection, qy);
    } else {
      x[q] = y[q] = NaN;
    }
  }
  const layout = planCellSweep(index, x, y, finite, { itemCellFactor: 1.5, queryCellFactor: 4 });
  const cells = bucketQueryCells(x, y, layout.extent, layout.cellSizeMeters, [qLon, qLat]);
  const { order, x: sX, y: sY } = cells;
  const sLon = cells.carried[0] as Float64Array;
  const sLat = cells.carried[1] as Float64Array;
  const cosLat0 = Math.cos(projection.lat0 * RAD);

  let candCount = 0;
  let cId = new Int32Array(256);
  let cX = new Float64Array(256);
  let cY = new Float64Array(256);
  let cLon = new Float64Array(256);
  let cLat = new Float64Array(256);
  let cD2 = new Float64Array(256);
  let cCosLat = new Float64Array(256);
  let tanAbsLat = 0;

  sweepCells(index, cells, { firstRadiusMeters: layout.firstRadiusMeters }, {
    beginCell(cell) {
      const row = Math.floor(cell / cells.cols);
      const absLat = Math.max(
        Math.abs(unprojectLat(projection, cells.minY + row * cells.cellSizeMeters)),
        Math.abs(unprojectLat(projection, cells.minY + (row + 1) * cells.cellSizeMeters)),
      );
      tanAbsLat = Math.tan(Math.min(89.9, absLat) * RAD);
      return haversineLowerBoundFactor(projection, Math.max(maxAbsLat, absLat));
    },
    load(ids) {
      candCount = ids.length;
      if (cId.length < candCount) {
        const size = Math.max(candCount, 2 * cId.length);
        cId = new Int32Array(size);
        cX = new Float64Array(size);
        cY = new Float64Array(size);
        cLon = new Float64Array(size);
        cLat = new Float64Array(size);
        cD2 = new Float64Array(size);
        cCosLat = new Float64Array(size);
      }
      for (let k = 0; k < candCount; k++) {
        const i = ids[k] as number;
        cId[k] = i;
        cLon[k] = lon[i] as number;
        cLat[k] = lat[i] as number;
        cCosLat[k] = Math.cos((lat[i] as number) * RAD);
        cX[k] = projectX(projection, lon[i] as number);
        cY[k] = projectY(projection, lat[i] as number);
      }
    },
    evaluate(k0) {
      const count = candCount;
      if (count === 0) return Infinity;
      const X = cX;
      const Y = cY;
      const D2 = cD2;
      const plon = sLon[k0] as number;
      const plat = sLat[k0] as number;
      const px = sX[k0] as number;
      const py = sY[k0] as number;
      const cosLat = Math.cos(plat * RAD);
      const xScale = cosLat / cosLat0;
      let minD2 = Infinity;
      for (let k = 0; k < count; k++) {
        const dx = ((X[k] as number) - px) * xScale;
        const dy = (Y[k] as number) - py;
        const d2 = dx * dx + dy * dy;
        D2[k] = d2;
        if (d2 < minD2) minD2 = d2;
      }
      const window = tangentPlaneWindowMeters(tanAbsLat, Math.sqrt(minD2));
      const window2 = window * window;
      let best = -1;
      let bestMeters = Infinity;
      for (let k = 0; k < count; k++) {
        if ((D2[k] as number) > window2) continue;
        const i = cId[k] as number;
        // haversineMeters(plon, plat, lon, lat) with both cosines known (same operations, same result)
        const sinDLat = Math.sin((((cLat[k] as number) - plat) * RAD) / 2);
        const sinDLon = Math.sin((((cLon[k] as number) - plon) * RAD) / 2);
        const a = sinDLat * sinDLat + cosLat * (cCosLat[k] as number) * sinDLon * sinDLon;
        const d = 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
        if (d < bestMeters || (d === bestMeters && i < best)) {
          bestMeters = d;
          best = i;
        }
      }
      const q = order[k0] as number;
      nearest[q] = best;
      meters[q] = bestMeters;
      return bestMeters;
    },
    single(q) {
      nearestOne(points, qLon[q] as number, qLat[q] as number, x[q] as number, y[q] as number, nearest, meters, q);
    },
  });
  return { nearest, meters };
}

/** One query by Flatbush `neighbors`, extended until the lower bound proves the answer exact. */
function nearestOne(
  points: PointIndex, x: number, y: number, px: number, py: number, nearest: Int32Array, meters: Float64Array, q: number,
): void {
  const { index, projection, lon, lat, maxAbsLat } = points;
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
  nearest[q] = best;
  meters[q] = bestMeters;
}
