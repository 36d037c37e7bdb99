import type { Problem, ReadResult } from '../../engine/model';
import { gridBounds, type ElevationGrid } from '../../engine/terrain/elevation-grid';
import { fillNoData } from '../../engine/terrain/fill-no-data';
import { readHgt, readHgtZip } from './read-hgt';
import { isTiff, readGeoTiffDem } from './read-geotiff';

/** The DEM formats the app reads. */
export type DemFormat = 'hgt' | 'geotiff';

/** Which format a DEM file is, from its name and first bytes, or null when it is none of them. */
export function demFormatOf(name: string, bytes: Uint8Array): DemFormat | null {
  if (/\.hgt(\.zip)?$/i.test(name)) return 'hgt';
  if (isTiff(bytes)) return 'geotiff';
  return null;
}

/** What {@link readDemFile} returns: the grid (or null with an error) and its no-data samples. */
export interface DemRead extends ReadResult<ElevationGrid | null> {
  /** Single no-data samples filled from their neighbours, and samples in larger voids left without data (roads over them cost flat). */
  noData: { filled: number; leftFlat: number };
}

/**
 * Reads one DEM file: an SRTM tile (`.hgt`, `.hgt.zip`) or a GeoTIFF (EPSG:4326). Single no-data
 * samples are filled from their neighbours and a warning says how many (and how many larger voids
 * were left without data, costed flat). Never throws: a file that is not a DEM, a `.hgt` of the
 * wrong size, a projected GeoTIFF are one error each, naming the file.
 *
 * @param name file name (SRTM tiles are placed by it)
 * @param bytes the file's bytes
 * @returns the grid, or null with an error
 */
export async function readDemFile(name: string, bytes: Uint8Array): Promise<DemRead> {
  const problem = (reason: string): Problem => ({ file: name, index: -1, reason });
  const format = demFormatOf(name, bytes);
  if (format === null) {
    return {
      value: null,
      noData: { filled: 0, leftFlat: 0 },
      warnings: [],
      errors: [problem(`"${name}" is not an elevation model: expected an SRTM tile (.hgt or .hgt.zip) or a GeoTIFF (.tif) in EPSG:4326`)],
    };
  }
  const read =
    format === 'geotiff' ? await readGeoTiffDem(name, bytes) : /\.zip$/i.test(name) ? readHgtZip(name, bytes) : readHgt(name, bytes);
  if ('error' in read) return { value: null, noData: { filled: 0, leftFlat: 0 }, warnings: [], errors: [problem(read.error)] };
  const [west, south, east, north] = gridBounds(read.grid);
  if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90)) {
    return {
      value: null,
      noData: { filled: 0, leftFlat: 0 },
      warnings: [],
      errors: [problem(`"${name}" lies outside longitude/latitude bounds (${west}, ${south} – ${east}, ${north}): not a DEM in EPSG:4326`)],
    };
  }
  const fill = fillNoData(read.grid);
  const warnings: Problem[] = [];
  if (fill.filled > 0 || fill.leftFlat > 0) {
    warnings.push(
      problem(
        `${fill.filled} no-data samples filled with the mean of their neighbours` +
          (fill.leftFlat > 0 ? `; ${fill.leftFlat} samples in larger voids left without data (roads over them keep flat costs)` : ''),
      ),
    );
  }
  return { value: fill.grid, noData: { filled: fill.filled, leftFlat: fill.leftFlat }, warnings, errors: [] };
}
