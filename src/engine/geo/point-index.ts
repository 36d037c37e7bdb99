import Flatbush from 'flatbush';
import { type LocalProjection, projectionForBBox, projectX, projectY } from './local-projection';
import { bboxOf } from './bbox';
import type { ItemBounds } from './cell-sweep';
import { createPointGrid, type PointGrid } from './point-grid';

const RAD = Math.PI / 180;

/** A static index of WGS84 points for exact nearest-neighbour queries by haversine distance. */
export interface PointIndex {
  lon: Float64Array;
  lat: Float64Array;
  /** `Math.cos(lat × π / 180)` of each point (for `haversineMetersCos2`). */
  cosLat: Float64Array;
  projection: LocalProjection;
  /** Projected bounding box of the points, metres, and their number (all 0 when empty). */
  bounds: ItemBounds;
  /** The projected points in a uniform grid, for many small box searches (see `sweepCells`). */
  grid: PointGrid;
  /**
   * Flatbush over the projected points (item id = point position), for nearest-neighbour walks;
   * made on first use by {@link pointTree} (most batches never need it), null until then.
   */
  tree: Flatbush | null;
  /** Largest |latitude| of the points, degrees. */
  maxAbsLat: number;
  /** Southernmost and northernmost latitude of the points, degrees (0 when empty). */
  minLat: number;
  maxLat: number;
}

/**
 * Indexes points (a uniform grid in a local projection, by default centred on their bounding box;
 * Flatbush on demand, see {@link pointTree}).
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
  for (let i = 0; i < n; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RangeError(`createPointIndex: point ${i} is [${x}, ${y}]`);
  }
  const [minLon, minLat, maxLon, maxLat] = bboxOf(lon, lat) ?? [0, 0, 0, 0];
  const maxAbsLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const proj = projection ?? projectionForBBox(minLon, minLat, maxLon, maxLat);
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = projectX(proj, lon[i] as number);
    py[i] = projectY(proj, lat[i] as number);
  }
  const [minX, minY, maxX, maxY] = bboxOf(px, py) ?? [0, 0, 0, 0];
  const bounds: ItemBounds = { minX, minY, maxX, maxY, numItems: n };
  const grid = createPointGrid(px, py);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) cosLat[i] = Math.cos((lat[i] as number) * RAD);
  return { lon, lat, cosLat, projection: proj, bounds, grid, tree: null, maxAbsLat, minLat, maxLat };
}

/**
 * The Flatbush index of `points` (node size 8, items in input order), made on first use and kept
 * in `points.tree`; null when there are no points.
 *
 * @param points from {@link createPointIndex}
 */
export function pointTree(points: PointIndex): Flatbush | null {
  const n = points.bounds.numItems;
  if (n === 0) return null;
  if (!points.tree) {
    const tree = new Flatbush(n, 8);
    const { projection, lon, lat } = points;
    for (let i = 0; i < n; i++) {
      const x = projectX(projection, lon[i] as number);
      const y = projectY(projection, lat[i] as number);
      tree.add(x, y, x, y);
    }
    tree.finish();
    points.tree = tree;
  }
  return points.tree;
}
