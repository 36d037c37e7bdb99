import Flatbush from 'flatbush';
import { haversineMeters } from './haversine';
import { type LocalProjection, haversineLowerBoundFactor, projectionForBBox, projectX, projectY } from './local-projection';

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

/**
 * For each query point, the indexed point nearest by haversine, exactly: Flatbush `neighbors`
 * candidates in the projection, extended until `haversineLowerBoundFactor` proves no other point
 * can be nearer. Ties go to the lower index. Non-finite query points get -1 / `Infinity`.
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
  for (let q = 0; q < n; q++) {
    const x = qLon[q] as number;
    const y = qLat[q] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const px = projectX(projection, x);
    const py = projectY(projection, y);
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
  return { nearest, meters };
}
