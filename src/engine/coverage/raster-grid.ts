import { EARTH_RADIUS_METERS } from '../geo/haversine';

/** Metres per degree of latitude on the mean sphere. */
export const METERS_PER_DEGREE = (Math.PI * EARTH_RADIUS_METERS) / 180;

/**
 * A regular lon/lat raster over a bounding box, cells about `cellMeters` wide, used for gap zones and
 * the travel-time surface. Cell `(x, y)` covers lon `[lon0 + x·dLon, lon0 + (x+1)·dLon]` and lat
 * `[lat0 + y·dLat, …]`; index `x + y·width` (the layout of d3-contour).
 */
export interface RasterGrid {
  lon0: number;
  lat0: number;
  dLon: number;
  dLat: number;
  width: number;
  height: number;
  /** Actual cell size in metres (larger than asked when the cell cap forced it). */
  cellMeters: number;
}

/**
 * Grid over the bbox `[minLon, minLat, maxLon, maxLat]` padded by one cell, with at most `maxCells` cells.
 *
 * @param bbox WGS84 degrees
 * @param cellMeters wanted cell size in metres
 * @param maxCells cap on width × height (default 4,000,000); the cell grows to respect it
 */
export function makeRasterGrid(bbox: readonly [number, number, number, number], cellMeters: number, maxCells = 4_000_000): RasterGrid {
  if (!(cellMeters > 0)) throw new Error(`makeRasterGrid: cellMeters must be > 0, got ${cellMeters}`);
  const [minLon, minLat, maxLon, maxLat] = bbox;
  if (!(maxLon >= minLon && maxLat >= minLat)) throw new Error(`makeRasterGrid: empty bbox ${bbox.join(',')}`);
  const cos = Math.max(Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180), 1e-6);
  const spanX = (maxLon - minLon) * cos * METERS_PER_DEGREE;
  const spanY = (maxLat - minLat) * METERS_PER_DEGREE;
  let cell = cellMeters;
  while ((spanX / cell + 3) * (spanY / cell + 3) > maxCells) cell *= 1.25;
  const dLat = cell / METERS_PER_DEGREE;
  const dLon = dLat / cos;
  const width = Math.floor((maxLon - minLon) / dLon) + 3;
  const height = Math.floor((maxLat - minLat) / dLat) + 3;
  return { lon0: minLon - dLon, lat0: minLat - dLat, dLon, dLat, width, height, cellMeters: cell };
}

/** The cell index containing a point, or -1 outside the grid. */
export function cellOf(grid: RasterGrid, lon: number, lat: number): number {
  const x = Math.floor((lon - grid.lon0) / grid.dLon);
  const y = Math.floor((lat - grid.lat0) / grid.dLat);
  if (x < 0 || y < 0 || x >= grid.width || y >= grid.height) return -1;
  return x + y * grid.width;
}
