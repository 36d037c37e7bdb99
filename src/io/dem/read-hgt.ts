import { unzipSync } from 'fflate';
import type { ElevationGrid } from '../../engine/terrain/elevation-grid';

/** SRTM void marker in `.hgt` files. */
const HGT_NO_DATA = -32768;
/** Samples per side of the two SRTM resolutions: 3 arc-seconds (1201) and 1 arc-second (3601). */
const HGT_SIDES = [1201, 3601] as const;

/** The tile a `.hgt` name stands for: its south-west corner in whole degrees. */
function hgtTileCorner(name: string): { lon: number; lat: number } | null {
  const m = /(?:^|[/\\])([NS])(\d{2})([EW])(\d{3})\.hgt(?:\.zip)?$/i.exec(name);
  if (!m) return null;
  const lat = Number(m[2]) * ((m[1] as string).toUpperCase() === 'S' ? -1 : 1);
  const lon = Number(m[4]) * ((m[3] as string).toUpperCase() === 'W' ? -1 : 1);
  if (lat > 89 || lat < -90 || lon > 179 || lon < -180) return null;
  return { lon, lat };
}

/**
 * Reads an SRTM `.hgt` tile: 1201² (3″) or 3601² (1″) big-endian int16 metres, row 0 the north
 * edge, samples on the whole-degree edges (the tile `N49E011` spans 49–50 N, 11–12 E and its
 * corner samples sit exactly on those lines); −32768 = no data (`NaN`).
 *
 * @param name the file name (it alone gives the tile's position, e.g. `N49E011.hgt`)
 * @param bytes the file's bytes
 * @returns the grid, or an error in words (the file, the reason)
 */
export function readHgt(name: string, bytes: Uint8Array): { grid: ElevationGrid } | { error: string } {
  const corner = hgtTileCorner(name);
  if (!corner) return { error: `"${name}" is not named like an SRTM tile (N49E011.hgt): the name gives the tile's position` };
  const side = HGT_SIDES.find((n) => n * n * 2 === bytes.length);
  if (side === undefined) {
    return {
      error: `"${name}" has ${bytes.length} bytes: an SRTM .hgt tile has 1201 × 1201 (2,884,802 bytes) or 3601 × 3601 (25,934,402 bytes) 16-bit samples`,
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const z = new Float32Array(side * side);
  for (let i = 0; i < z.length; i++) {
    const v = view.getInt16(2 * i, false);
    z[i] = v === HGT_NO_DATA ? NaN : v;
  }
  const step = 1 / (side - 1);
  return { grid: { name, width: side, height: side, lon0: corner.lon, lat0: corner.lat + 1, dLon: step, dLat: step, z } };
}

/**
 * Reads a zipped SRTM tile (`N49E011.hgt.zip`, as GraphHopper and USGS ship them): the one `.hgt`
 * entry inside, no larger than a 1″ tile.
 *
 * @param name the zip's name (the entry's own name is used when it is a tile name)
 * @param bytes the zip's bytes
 */
export function readHgtZip(name: string, bytes: Uint8Array): { grid: ElevationGrid } | { error: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.hgt$/i.test(f.name) && f.originalSize <= 3601 * 3601 * 2 });
  } catch (e) {
    return { error: `"${name}" is not a readable zip file: ${e instanceof Error ? e.message : String(e)}` };
  }
  const found = Object.keys(entries);
  if (found.length === 0) return { error: `"${name}" holds no SRTM .hgt tile` };
  const entry = found[0] as string;
  const read = readHgt(hgtTileCorner(entry) ? entry : name.replace(/\.zip$/i, ''), entries[entry] as Uint8Array);
  return 'grid' in read ? { grid: { ...read.grid, name } } : read;
}
