import Flatbush from 'flatbush';
import { type LocalProjection, projectionForBBox, projectX, projectY } from './local-projection';
import { createPointGrid, type PointGrid } from './point-grid';

const RAD = Math.PI / 180;

/** A static index of WGS84 points for exact nearest-neighbour queries by haversine distance. */
export interface PointIndex {
  lon: Float64Array;
  lat: Float64Array;
  /** `Math.cos(lat × π / 180)` of each point (for `haversineMetersCos2`). */
  cosLat: Float64Array;
  projection: LocalProjection;
  /** Flatbush over the projected points (item id = point position); null when empty. */
  index: Flatbush | null;
  /** The same projected points in a uniform grid, for many small box searches (see `sweepCells`). */
  grid: PointGrid;
  /** Largest |latitude| of the points, degrees. */
  maxAbsLat: number;
  /** Southernmost and northernmost latitude of the points, degrees (0 when empty). */
  minLat: number;
  maxLat: number;
}

/**
 * Indexes points (Flatbush in a local projection, by default centred on their bounding box).
 *
 * @param lon longitudes, degrees (finite)
 * @param lat latitudes, degrees (finite)
 * @param projection the projection to index in (e.g. one shared by several indexes, so one
 *   `ProjectedQueries` serves them all); default: centred on the points
 * @throws RangeError on mismatched lengths or a non-finite coordinate
 */
export function createPointIndex(lon: Float64Array, lat: Float64Array, projection?: LocalProjection): PointIndex {
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
  const proj = projection ?? (n > 0 ? projectionForBBox(minLon, minLat, maxLon, maxLat) : projectionForBBox(0, 0, 0, 0));
  let index: Flatbush | null = null;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = projectX(proj, lon[i] as number);
    py[i] = projectY(proj, lat[i] as number);
  }
  if (n > 0) {
    index = new Flatbush(n, 8);
    for (let i = 0; i < n; i++) index.add(px[i] as number, py[i] as number, px[i] as number, py[i] as number);
    index.finish();
  }
  const grid = createPointGrid(px, py);
  const cosLat = Float64Array.from(lat, (y) => Math.cos(y * RAD));
  return { lon, lat, cosLat, projection: proj, index, grid, maxAbsLat, minLat: n > 0 ? minLat : 0, maxLat: n > 0 ? maxLat : 0 };
}
