/**
 * A digital elevation model as a regular grid of samples in WGS84 degrees: sample `(row, col)`
 * lies at `lon = lon0 + col × dLon`, `lat = lat0 − row × dLat` (row 0 is the north edge), with
 * its elevation in metres at `z[row × width + col]`, `NaN` where the DEM has no data. SRTM `.hgt`
 * samples lie on the tile's whole-degree edges (pixel is point); a GeoTIFF's samples are its pixel
 * centres.
 */
export interface ElevationGrid {
  /** File name the grid was read from (for warnings and provenance). */
  name: string;
  width: number;
  height: number;
  /** Longitude of column 0, degrees. */
  lon0: number;
  /** Latitude of row 0 (the northernmost row), degrees. */
  lat0: number;
  /** Column spacing, degrees (> 0). */
  dLon: number;
  /** Row spacing, degrees (> 0; rows go south). */
  dLat: number;
  /** Elevation of each sample, metres, row-major; `NaN` = no data. */
  z: Float32Array;
}

/** The bounds of a grid's samples, degrees: `[west, south, east, north]`. */
export function gridBounds(g: ElevationGrid): [number, number, number, number] {
  return [g.lon0, g.lat0 - (g.height - 1) * g.dLat, g.lon0 + (g.width - 1) * g.dLon, g.lat0];
}

/**
 * Bilinear elevation at a point from the first grid whose samples surround it.
 *
 * @param grids DEM grids, searched in order
 * @param lon longitude, degrees
 * @param lat latitude, degrees
 * @returns metres; `NaN` outside every grid or when one of the four samples around it has no data
 *   (so a no-data cell is never averaged with real ground)
 */
export function elevationAt(grids: readonly ElevationGrid[], lon: number, lat: number): number {
  for (let k = 0; k < grids.length; k++) {
    const g = grids[k] as ElevationGrid;
    const fx = (lon - g.lon0) / g.dLon;
    const fy = (g.lat0 - lat) / g.dLat;
    const w = g.width;
    if (!(fx >= 0 && fy >= 0 && fx <= w - 1 && fy <= g.height - 1)) continue;
    // the last row/column uses the cell before it (weight 1 on its far edge)
    const c = Math.min(Math.floor(fx), w - 2);
    const r = Math.min(Math.floor(fy), g.height - 2);
    if (c < 0 || r < 0) return w === 1 || g.height === 1 ? nearest(g, fx, fy) : NaN;
    const tx = fx - c;
    const ty = fy - r;
    const i = r * w + c;
    const z = g.z;
    const z00 = z[i] as number;
    const z01 = z[i + 1] as number;
    const z10 = z[i + w] as number;
    const z11 = z[i + w + 1] as number;
    const top = z00 + (z01 - z00) * tx;
    const bottom = z10 + (z11 - z10) * tx;
    return top + (bottom - top) * ty;
  }
  return NaN;
}

/** Degenerate one-row or one-column grids: the nearest sample. */
function nearest(g: ElevationGrid, fx: number, fy: number): number {
  return g.z[Math.round(fy) * g.width + Math.round(fx)] as number;
}
