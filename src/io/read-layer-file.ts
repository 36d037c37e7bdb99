import type { Problem } from '../engine/model';
import { isGeographicCrs, reprojectGeometry, type CrsId } from './crs';
import { detectCrsIssues } from './crs-detect';
import type { RoadDistances } from './crs-offset';
import { readCsvPoints } from './csv-read';
import type { FeatureLike } from './feature-helpers';
import { parseGeoJsonText } from './geojson-parse';
import { readZippedShapefile } from './shapefile';
import { nonDataReason, sniffNonData } from './sniff';
import { decodeText, undecodableTextWarnings } from './text-decode';

/**
 * Largest layer file read: 256 MiB. Parsing takes several times a file's size in memory, so a larger
 * file would not fit in 2 GB; it is refused with an error saying so (clip it to the study area).
 * Callers that read from disk should compare the file size with this before reading the bytes.
 */
export const MAX_LAYER_FILE_BYTES = 256 * 1024 * 1024;

/** The file formats a layer can come in. */
export type LayerFormat = 'geojson' | 'csv' | 'shapefile' | 'osm';

/** How to read a file: its CRS and, for CSV, its coordinate columns. */
export interface LayerFileOptions {
  /** CRS of the coordinates (default WGS84; a Shapefile's .prj wins; a CSV's column names may say). */
  crs?: CrsId;
  lonField?: string;
  latField?: string;
  /** Metres from WGS84 points to the nearest road (a batch), for the GCJ-02/BD-09 offset check. */
  nearestRoadMeters?: RoadDistances;
  /** Largest file accepted, bytes (default {@link MAX_LAYER_FILE_BYTES}). */
  maxBytes?: number;
}

/** A layer file read into WGS84 features, not yet validated as facilities/communities/roads. */
export interface LayerFile {
  file: string;
  format: LayerFormat;
  /** Features in WGS84; null when the file is unusable (then `errors` holds a whole-file error). */
  features: FeatureLike[] | null;
  /** Property names seen (CSV header order; else the union over the first features). */
  fields: string[];
  encoding: string | null;
  crs: CrsId;
  /** CSV coordinate columns used. */
  lonField?: string;
  latField?: string;
  /** Shapefile: the CRS its .prj names (then `crs` is the same). */
  prjCrs?: CrsId;
  warnings: Problem[];
  errors: Problem[];
}

/** The format of a file, from its name, else its first bytes (zip magic, JSON brace). */
export function detectFormat(name: string, bytes: Uint8Array): LayerFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'shapefile';
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (/\.(geo)?json$/.test(lower)) return 'geojson';
  let i = 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 ||
      bytes[i] === 0x0a ||
      bytes[i] === 0x0d ||
      bytes[i] === 0x09 ||
      bytes[i] === 0xef ||
      bytes[i] === 0xbb ||
      bytes[i] === 0xbf)
  )
    i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b ? 'geojson' : 'csv';
}

function fieldsOf(features: readonly FeatureLike[]): string[] {
  const seen = new Set<string>();
  for (const f of features.slice(0, 200)) {
    const p = f && typeof f === 'object' ? (f as { properties?: unknown }).properties : null;
    if (p && typeof p === 'object') for (const k of Object.keys(p)) seen.add(k);
  }
  return [...seen];
}

/** Append the first position of a geometry, if it has a numeric one, to `lon`/`lat` (for CRS checks). No recursion. */
function pushFirstPosition(g: unknown, lon: number[], lat: number[]): void {
  let c: unknown = g !== null && typeof g === 'object' ? (g as { coordinates?: unknown }).coordinates : null;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  if (!Array.isArray(c)) return;
  const x: unknown = c[0];
  const y: unknown = c[1];
  if (typeof x === 'number' && typeof y === 'number') {
    lon.push(x);
    lat.push(y);
  }
}

/**
 * Read a layer file of any supported format (GeoJSON, CSV with coordinate columns in UTF-8 or GBK,
 * zipped Shapefile) into WGS84 features, converting from the chosen CRS and warning when the
 * coordinates look like another system (swapped axes, projected metres, a GCJ-02/BD-09 offset
 * against the roads). Never throws on bad data.
 *
 * @param name file name (for the format and for problems)
 * @param bytes file contents
 */
export async function readLayerFile(name: string, bytes: Uint8Array, options: LayerFileOptions = {}): Promise<LayerFile> {
  const format = detectFormat(name, bytes);
  const crs: CrsId = options.crs ?? 'WGS84';
  const base: LayerFile = { file: name, format, features: null, fields: [], encoding: null, crs, warnings: [], errors: [] };
  const maxBytes = options.maxBytes ?? MAX_LAYER_FILE_BYTES;
  if (bytes.length > maxBytes) {
    const mib = (n: number): string => `${(n / 1048576).toFixed(n < 1048576 ? 3 : 0)} MiB`;
    return {
      ...base,
      errors: [
        {
          file: name,
          index: -1,
          reason: `the file is ${mib(bytes.length)}, more than the ${mib(maxBytes)} a layer may have; clip it to the study area`,
        },
      ],
    };
  }
  const what = sniffNonData(bytes);
  if (what) return { ...base, errors: [{ file: name, index: -1, reason: nonDataReason(what) }] };
  const done = (r: LayerFile): LayerFile =>
    r.features ? { ...r, warnings: [...r.warnings, ...undecodableTextWarnings(r.features, name)] } : r;
  if (format === 'csv') {
    const res = readCsvPoints(bytes, name, {
      ...(options.crs ? { crs: options.crs } : {}),
      ...(options.lonField ? { lonField: options.lonField } : {}),
      ...(options.latField ? { latField: options.latField } : {}),
      ...(options.nearestRoadMeters ? { nearestRoadMeters: options.nearestRoadMeters } : {}),
    });
    const v = res.value;
    const unusable = res.errors.some((e) => e.index === -1);
    return done({
      ...base,
      features: unusable ? null : v.features,
      fields: v.fields,
      encoding: v.encoding,
      crs: v.crs,
      lonField: v.lonField,
      latField: v.latField,
      warnings: res.warnings,
      errors: res.errors,
    });
  }
  if (format === 'shapefile') {
    const res = await readZippedShapefile(bytes, name, {
      ...(options.crs ? { crs: options.crs } : {}),
      ...(options.nearestRoadMeters ? { nearestRoadMeters: options.nearestRoadMeters } : {}),
    });
    const unusable = res.errors.some((e) => e.index === -1);
    return done({
      ...base,
      features: unusable ? null : res.value,
      fields: fieldsOf(res.value),
      ...(res.prjCrs ? { crs: res.prjCrs, prjCrs: res.prjCrs } : {}),
      warnings: res.warnings,
      errors: res.errors,
    });
  }
  const { text, encoding } = decodeText(bytes);
  const parsed = parseGeoJsonText(text, name);
  if (!parsed.value) return { ...base, encoding, warnings: parsed.warnings, errors: parsed.errors };
  const warnings = [...parsed.warnings];
  const lon: number[] = [];
  const lat: number[] = [];
  const features0 = parsed.value;
  for (let i = 0; i < features0.length && i < 5000; i++) {
    const f = features0[i];
    if (f !== null && typeof f === 'object') pushFirstPosition((f as { geometry?: unknown }).geometry, lon, lat);
  }
  if (lon.length > 0)
    warnings.push(
      ...detectCrsIssues(
        { lon, lat },
        { file: name, chosen: crs, ...(options.nearestRoadMeters ? { nearestRoadMeters: options.nearestRoadMeters } : {}) },
      ),
    );
  let features = parsed.value;
  if (crs !== 'WGS84' && !(crs === 'CGCS2000' && isGeographicCrs(crs))) {
    features = parsed.value.map((f) => {
      const g = f && typeof f === 'object' ? (f as { geometry?: unknown }).geometry : null;
      if (!g || typeof g !== 'object') return f;
      try {
        return { ...(f as object), geometry: reprojectGeometry(g as never, crs, 'WGS84') };
      } catch {
        return f; // malformed geometry: the layer reader names it
      }
    });
  }
  const result = { ...base, features, fields: fieldsOf(features), encoding, warnings, errors: parsed.errors };
  return hasReplacementCharacter(text) ? done(result) : result;
}

/**
 * True when the decoded text holds U+FFFD (for UTF-8, decoded strictly, every U+FFFD was in the file
 * as the bytes EF BF BD). A string search: for text that is all Latin-1, the usual GeoJSON, the
 * engine answers without reading it (U+FFFD cannot be in a one-byte string); else a fast scan.
 */
function hasReplacementCharacter(text: string): boolean {
  return text.includes('\uFFFD');
}
