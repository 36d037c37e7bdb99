import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { basename } from 'node:path';
import type { Dataset, Problem, ReadResult, Road, Settings } from '../engine/model';
import { assertCrs, type CrsId } from '../io/crs';
import type { ElevationGrid } from '../engine/terrain/elevation-grid';
import { appendAll, loadDataset } from '../io/load-dataset';
import type { RoadDistances } from '../io/crs-offset';
import { MAX_LAYER_FILE_BYTES, readLayerFile, type LayerFile } from '../io/read-layer-file';
import { readOsmImportSettings, type OsmImportSettings } from '../io/osm/osm-import-settings';
import { isOsmFile } from '../io/osm/is-osm-file';
import { readRoads } from '../io/read-roads';
import { roadDistancesOf } from '../io/road-distances';
import { describeInputFile, type InputFileMeta } from '../io/report-metadata';
import { parseSettingsText, resolveSettings } from '../io/settings';
import { decodeText } from '../io/text-decode';

/** Paths and options the analysis commands share. */
export interface InputOptions {
  facilities: string;
  communities: string;
  roads?: string;
  preset?: string;
  settings?: string;
  model?: string;
  /** CRS of the input coordinates (WGS84, CGCS2000, GCJ02, BD09, EPSG:4491–4554); a Shapefile's .prj wins. */
  crs?: string;
  /** CRS of the facilities file only (overrides `crs`), e.g. GCJ02 for Amap points. */
  facilitiesCrs?: string;
  /** CRS of the communities file only (overrides `crs`). */
  communitiesCrs?: string;
  /** Property of the communities holding their district (区县 / 街道 / 乡镇); default: the usual names (io/read-communities). */
  groupBy?: string;
  /** Elevation files (SRTM .hgt/.hgt.zip, GeoTIFF in EPSG:4326) for slope-dependent walking times. */
  dem?: string[];
}

/** What the commands work on, or the reasons they cannot. */
export interface LoadedInputs {
  dataset: Dataset | null;
  settings: Settings | null;
  warnings: Problem[];
  errors: Problem[];
  /** Reasons the input is unusable (exit code 2); empty when the analysis can run. */
  fatal: string[];
  /** The files read (name, size, SHA-256, feature counts) for the report's provenance. */
  inputs: InputFileMeta[];
  /** Metres to the nearest road of the roads file, for checking further point files (candidates). */
  nearestRoadMeters?: RoadDistances;
}

/** What a path that is not a regular file is, for the message. */
function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

/**
 * The bytes of an input file. Only regular files are read: a directory, a FIFO (which would block
 * forever) or a device such as /dev/zero (endless) is refused, and so is a file larger than
 * `maxBytes` (default {@link MAX_LAYER_FILE_BYTES}, 256 MiB), before a byte is read.
 *
 * @throws Error saying why (missing, not a regular file, too large, unreadable); callers name the path
 */
export function readInputFile(path: string, maxBytes = MAX_LAYER_FILE_BYTES): Uint8Array {
  const st = statSync(path);
  if (!st.isFile()) throw new Error(`not a regular file: it is ${kindOf(st)}`);
  const mib = (n: number): number => Math.ceil(n / 2 ** 20);
  if (st.size > maxBytes)
    throw new Error(`it is ${mib(st.size)} MiB, more than the ${mib(maxBytes)} MiB a layer may have; clip it to the study area`);
  const buf = readFileSync(path);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength); // a plain Uint8Array view, no copy
}

/** SHA-256 of a file's bytes with Node's crypto (hex), the same digest as io/sha256.ts, faster. */
const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function readText(path: string, errors: Problem[], bytesOut?: (bytes: Uint8Array) => void): string | null {
  try {
    const bytes = readInputFile(path);
    bytesOut?.(bytes);
    return decodeText(bytes).text;
  } catch (e) {
    errors.push({ file: basename(path), index: -1, reason: `cannot read ${path}: ${(e as Error).message}` });
    return null;
  }
}

/**
 * Read the settings file (if any) with the preset and model options laid over it, and its
 * `osmImport` part (the foot profile an OpenStreetMap `--roads` file is read with).
 */
function loadSettings(
  opts: InputOptions,
  errors: Problem[],
  warnings: Problem[],
  inputs: InputFileMeta[],
): { settings: Settings; osm: OsmImportSettings } | null {
  const file = opts.settings ? basename(opts.settings) : '(command line)';
  const text = opts.settings
    ? readText(opts.settings, errors, (b) => inputs.push(describeInputFile('settings', file, b, 'json', null, null, nodeSha256)))
    : '';
  if (text === null) return null;
  let res = parseSettingsText(text, file);
  if (res.value && (opts.preset || opts.model)) {
    // valid JSON object (or empty): lay the command-line options over it and resolve again
    const raw = text.trim() === '' ? {} : (JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>);
    res = resolveSettings({ ...raw, ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.model ? { model: opts.model } : {}) }, file);
  }
  warnings.push(...res.warnings);
  errors.push(...res.errors);
  if (!res.value) return null;
  const raw: unknown = text.trim() === '' ? {} : JSON.parse(text.replace(/^\uFEFF/, ''));
  const osm = readOsmImportSettings(raw, file);
  errors.push(...osm.errors);
  return osm.errors.length > 0 ? null : { settings: res.value, osm: osm.value };
}

/**
 * Read settings, facilities, communities and roads from files (GeoJSON, CSV with coordinate columns in
 * UTF-8 or GBK, zipped Shapefile; coordinates in `crs`, WGS84 by default). Bad features are skipped
 * and reported; the input is unusable (fatal) only when the settings are invalid, a file cannot be read
 * or parsed, or no valid facility or community remains.
 */
export async function loadInputs(opts: InputOptions): Promise<LoadedInputs> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const fatal: string[] = [];
  const inputs: InputFileMeta[] = [];
  const loaded = loadSettings(opts, errors, warnings, inputs);
  if (!loaded) return { dataset: null, settings: null, warnings, errors, fatal: ['the settings are not usable'], inputs };
  const { settings, osm } = loaded;
  const crsOf: Partial<Record<'facilities' | 'communities' | 'roads', CrsId>> = {};
  for (const [layer, value, flag] of [
    ['roads', opts.crs, '--crs'],
    ['facilities', opts.facilitiesCrs ?? opts.crs, opts.facilitiesCrs ? '--facilities-crs' : '--crs'],
    ['communities', opts.communitiesCrs ?? opts.crs, opts.communitiesCrs ? '--communities-crs' : '--crs'],
  ] as const) {
    if (!value) continue;
    try {
      assertCrs(value as CrsId);
      crsOf[layer] = value as CrsId;
    } catch (e) {
      return { dataset: null, settings, warnings, errors, fatal: [`${flag}: ${(e as Error).message}`], inputs };
    }
  }
  const layers: Partial<Record<'facilities' | 'communities' | 'roads', { read: LayerFile; bytes: Uint8Array }>> = {};
  // problems are reported in the usual layer order (facilities, communities, roads)
  const found: Record<'facilities' | 'communities' | 'roads', { warnings: Problem[]; errors: Problem[]; fatal: string[] }> = {
    facilities: { warnings: [], errors: [], fatal: [] },
    communities: { warnings: [], errors: [], fatal: [] },
    roads: { warnings: [], errors: [], fatal: [] },
  };
  // roads first: the points are checked against them for a GCJ-02/BD-09 offset
  let nearestRoadMeters: RoadDistances | undefined;
  // the roads read once: for the offset check, then as the dataset's roads (one graph for both)
  let roadsRead: ReadResult<Road[]> | undefined;
  for (const layer of ['roads', 'facilities', 'communities'] as const) {
    const path = opts[layer];
    if (!path) continue;
    let bytes: Uint8Array;
    try {
      bytes = readInputFile(path);
    } catch (e) {
      found[layer].errors.push({ file: basename(path), index: -1, reason: `cannot read ${path}: ${(e as Error).message}` });
      found[layer].fatal.push(`${basename(path)}: cannot be read`);
      continue;
    }
    const crs = crsOf[layer];
    // the OSM reader (and its dependencies) is loaded only for an OSM file: not at every start
    const read =
      layer === 'roads' && isOsmFile(basename(path), bytes)
        ? await readOsmRoads(basename(path), bytes, osm.footProfile)
        : await readLayerFile(basename(path), bytes, {
            ...(crs ? { crs } : {}),
            ...(layer !== 'roads' && nearestRoadMeters ? { nearestRoadMeters } : {}),
          });
    found[layer].warnings = read.warnings;
    appendAll(found[layer].errors, read.errors);
    if (!read.features) found[layer].fatal.push(...read.errors.filter((e) => e.index === -1).map((e) => `${e.file}: ${e.reason}`));
    else if (layer === 'roads') {
      roadsRead = readRoads(read.features, read.file);
      nearestRoadMeters = roadDistancesOf(roadsRead.value);
    }
    layers[layer] = { read, bytes };
  }
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    appendAll(warnings, found[layer].warnings);
    appendAll(errors, found[layer].errors);
    fatal.push(...found[layer].fatal);
  }
  if (fatal.length > 0) return { dataset: null, settings, warnings, errors, fatal, inputs };
  const input = (l: 'facilities' | 'communities' | 'roads') => ({ features: layers[l]!.read.features!, file: layers[l]!.read.file });
  const res = loadDataset(
    { facilities: input('facilities'), communities: input('communities'), ...(layers.roads ? { roads: input('roads') } : {}) },
    settings,
    { ...(roadsRead ? { roadsRead } : {}), ...(opts.groupBy ? { communities: { districtField: opts.groupBy } } : {}) },
  );
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    const l = layers[layer];
    if (l) inputs.push(describeInputFile(layer, l.read.file, l.bytes, l.read.format, l.read.crs, res.counts[layer], nodeSha256));
  }
  appendAll(warnings, res.warnings);
  appendAll(errors, res.errors);
  for (const e of res.errors) if (e.index === -1) fatal.push(`${e.file}: ${e.reason}`);
  const elevation = await loadElevation(opts.dem ?? [], warnings, errors, inputs);
  if (elevation.length > 0) res.dataset.elevation = elevation;
  if (res.dataset.communities.length === 0) fatal.push(`${input('communities').file}: no valid community`);
  if (res.dataset.facilities.length === 0) fatal.push(`${input('facilities').file}: no valid facility of the preset's categories`);
  return { dataset: res.dataset, settings, warnings, errors, fatal, inputs, ...(nearestRoadMeters ? { nearestRoadMeters } : {}) };
}

/** An OpenStreetMap roads file read with Node's zlib; the OSM reader is imported on the first call. */
async function readOsmRoads(name: string, bytes: Uint8Array, footProfile: OsmImportSettings['footProfile']): Promise<LayerFile> {
  const [{ readOsmRoadsLayer }, { nodeInflateZlib }] = await Promise.all([import('../io/osm/read-osm-roads'), import('./node-inflate')]);
  return readOsmRoadsLayer(name, bytes, footProfile, nodeInflateZlib);
}

/**
 * Reads the DEM files; one that cannot be read or is not a DEM is an error (the analysis runs on
 * the others, or flat), each one read is listed in the provenance (name, size, SHA-256).
 */
async function loadElevation(
  paths: readonly string[],
  warnings: Problem[],
  errors: Problem[],
  inputs: InputFileMeta[],
): Promise<ElevationGrid[]> {
  const grids: ElevationGrid[] = [];
  if (paths.length === 0) return grids;
  // the DEM readers (GeoTIFF and its codecs) are loaded only when elevation files are given
  const { demFormatOf, readDemFile } = await import('../io/dem/read-dem');
  for (const path of paths) {
    const name = basename(path);
    let bytes: Uint8Array;
    try {
      bytes = readInputFile(path);
    } catch (e) {
      errors.push({ file: name, index: -1, reason: `cannot read ${path}: ${(e as Error).message}` });
      continue;
    }
    const read = await readDemFile(name, bytes);
    appendAll(warnings, read.warnings);
    appendAll(errors, read.errors);
    if (!read.value) continue;
    grids.push(read.value);
    inputs.push(describeInputFile('dem', name, bytes, demFormatOf(name, bytes) ?? 'geotiff', 'WGS84', null, nodeSha256));
  }
  return grids;
}

/** One line per problem: `file #index (id): reason`. */
export function formatProblem(p: Problem): string {
  const where = p.index >= 0 ? ` #${p.index}${p.id ? ` (${p.id})` : ''}` : '';
  const at = p.line ? ` line ${p.line}, column ${p.column ?? 0}` : '';
  return `${p.file}${where}${at}: ${p.reason}`;
}
