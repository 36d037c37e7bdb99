import { type LocalProjection, projectX, projectY } from './local-projection';
import { bucketQueryCells, type QueryCells } from './query-cells';

/**
 * Query points (e.g. demand samples) projected once and bucketed by a grid, ready for batched
 * nearest searches against any index built in the same projection (see `sweepCells`): build it
 * once per point set and reuse it for every category.
 */
export interface ProjectedQueries {
  projection: LocalProjection;
  /** The input longitudes and latitudes, degrees (not copied). */
  lon: Float64Array;
  lat: Float64Array;
  /** Projected x and y in input order, metres (NaN for a point with a non-finite coordinate). */
  x: Float64Array;
  y: Float64Array;
  /** The points bucketed by grid cell, carrying `[lon, lat]`. */
  cells: QueryCells;
}

/** Target number of points per grid cell: small cells, grouped per index by `planGroups`. */
const POINTS_PER_CELL = 4;

/**
 * Projects points and buckets them by a square grid of about four points per cell (over the part
 * of their bounding box inside `extent`). Points outside `extent` go to `cells.outside` (answered
 * one by one), points with a non-finite coordinate or |lat| > 90 are left out.
 *
 * @param projection the projection of the indexes the points will be matched against
 * @param lon longitudes, degrees; not mutated
 * @param lat latitudes, degrees; not mutated
 * @param extent `[minX, minY, maxX, maxY]` in projected metres where a shared grid pays off (e.g.
 *   the indexed items' box with a margin)
 * @throws RangeError on mismatched lengths
 */
export function projectQueries(
  projection: LocalProjection, lon: Float64Array, lat: Float64Array, extent: readonly [number, number, number, number],
): ProjectedQueries {
  const n = lon.length;
  if (lat.length !== n) throw new RangeError(`projectQueries: lon has ${n} values, lat ${lat.length}`);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let inside = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let q = 0; q < n; q++) {
    const plon = lon[q] as number;
    const plat = lat[q] as number;
    if (!(Number.isFinite(plon) && Number.isFinite(plat) && Math.abs(plat) <= 90)) {
      x[q] = y[q] = NaN;
      continue;
    }
    const px = projectX(projection, plon);
    const py = projectY(projection, plat);
    x[q] = px;
    y[q] = py;
    if (!(px >= extent[0] && px <= extent[2] && py >= extent[1] && py <= extent[3])) continue;
    inside++;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  const area = inside > 0 ? Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1) : 1;
  const cellSizeMeters = Math.max(1, Math.sqrt((POINTS_PER_CELL * area) / Math.max(1, inside)));
  const cells = bucketQueryCells(x, y, extent, cellSizeMeters, [lon, lat]);
  return { projection, lon, lat, x, y, cells };
}
