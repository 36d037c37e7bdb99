// Test helpers: synthetic elevation grids.
import type { ElevationGrid } from '../../../src/engine/terrain/elevation-grid';

/** A grid over [west, east] × [south, north] with `step` degrees between samples and z = f(lon, lat) metres. */
export function syntheticGrid(
  name: string,
  west: number,
  south: number,
  east: number,
  north: number,
  step: number,
  f: (lon: number, lat: number) => number,
): ElevationGrid {
  const width = Math.round((east - west) / step) + 1;
  const height = Math.round((north - south) / step) + 1;
  const z = new Float32Array(width * height);
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) z[r * width + c] = f(west + c * step, north - r * step);
  return { name, width, height, lon0: west, lat0: north, dLon: step, dLat: step, z };
}
