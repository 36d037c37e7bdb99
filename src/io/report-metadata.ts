/**
 * What produced a report (provenance) and in which coordinate system its coordinates are: the
 * `"lifecircle"` member of every exported GeoJSON and `"provenance"` of summary.json. Enough to run
 * the same analysis again: the app version, the resolved settings, the travel model and every input
 * file's name, size and SHA-256 with its feature counts. See docs/report-schema.md.
 */
import { version as APP_VERSION } from '../../package.json';
import type { Settings } from '../engine/model';
import type { ModeId } from '../engine/presets/mode-profiles';
import { categoryLegs } from '../engine/travel/category-modes';
import { isGeographicCrs } from './crs';
import { crsLabel, type CrsId } from './crs-id';
import { sha256Hex } from './sha256';

export { APP_VERSION };

/** Version of the report schema (docs/report-schema.md); raised when a field changes meaning. */
const REPORT_SCHEMA_VERSION = 1;

/** Features read, kept and skipped in one layer (`read = kept + skipped`). */
export interface FeatureCounts {
  read: number;
  kept: number;
  skipped: number;
}

/** One input file of an analysis, as listed in the provenance. */
export interface InputFileMeta {
  /** `dem`: an elevation file (SRTM tile or GeoTIFF) whose slopes the network costs follow. */
  layer: 'facilities' | 'communities' | 'roads' | 'settings' | 'dem';
  /** File name without folders. */
  file: string;
  format: 'geojson' | 'csv' | 'shapefile' | 'osm' | 'json' | 'hgt' | 'geotiff';
  /** Size in bytes. */
  bytes: number;
  /** SHA-256 of the file's bytes, 64 lower-case hex digits (as `sha256sum` prints). */
  sha256: string;
  /** CRS the file was read in (`WGS84`, `GCJ02`, `EPSG:4527` …); null for the settings file. */
  crs: string | null;
  /** Feature counts of the layer; null for the settings file. */
  features: FeatureCounts | null;
}

/** The coordinate system of an export, as stated in its metadata. */
export interface ExportCrsInfo {
  /** The CRS id (see io/crs.ts): `WGS84`, `CGCS2000`, `GCJ02`, `BD09`, `EPSG:<n>` or `PROJ:<definition>`. */
  id: CrsId;
  /** A readable name. */
  name: string;
  /** EPSG code, or null (GCJ-02, BD-09 and custom definitions have none). */
  epsg: number | null;
  /** True only for WGS84 lon/lat: the file is RFC 7946 GeoJSON. */
  rfc7946: boolean;
  /** `degree` (lon, lat) or `metre` (easting, northing). */
  units: 'degree' | 'metre';
  /** Decimals coordinates are rounded to: 6 for degrees (≈ 0.1 m), 2 for metres (0.01 m). */
  decimals: number;
  /** What a reader must know (no EPSG code, not RFC 7946), or null. */
  note: string | null;
}

/** The provenance of a report: the `"lifecircle"` member of GeoJSON, `"provenance"` of summary.json. */
export interface ReportProvenance {
  schema_version: number;
  app: { name: 'lifecircle'; version: string };
  /** When the report was written, ISO 8601 UTC (`2025-01-01T00:00:00.000Z`). */
  generated_at: string;
  /** Travel model actually used (`straight` when the network was asked for without roads). */
  model: 'network' | 'straight';
  preset: string;
  /** Service-circle thresholds in minutes per category and community kind. */
  thresholds_min: Record<string, { urban: number; rural: number }>;
  walk_speed_kmh: { urban: number; rural: number };
  /** Per category and kind: the travel mode and the speed its effort is divided by (walking pace, or the riding mode's default speed). */
  travel_by_category: Record<string, { urban: { mode: ModeId; speed_kmh: number }; rural: { mode: ModeId; speed_kmh: number } }>;
  detour_factor: number;
  sample_spacing_m: number;
  max_snap_m: number;
  /** The resolved settings, valid as a settings file (`analyze --settings`). */
  settings: Settings;
  inputs: InputFileMeta[];
  /** Coordinate system of the report's coordinates. */
  crs: ExportCrsInfo;
}

/**
 * Describe an input file for the provenance, hashing its bytes (SHA-256).
 * @param bytes the file's bytes exactly as read (before any decoding)
 * @param hash SHA-256 as 64 lower-case hex digits (default: the pure-TS {@link sha256Hex}; the CLI
 *   passes Node's `crypto`, several times faster on large files)
 */
export function describeInputFile(
  layer: InputFileMeta['layer'],
  file: string,
  bytes: Uint8Array,
  format: InputFileMeta['format'],
  crs: string | null = null,
  features: FeatureCounts | null = null,
  hash: (bytes: Uint8Array) => string = sha256Hex,
): InputFileMeta {
  return {
    layer,
    file,
    format,
    bytes: bytes.length,
    sha256: hash(bytes),
    crs,
    features: features ? { read: features.read, kept: features.kept, skipped: features.skipped } : null,
  };
}

const NAMES: Record<string, string> = {
  WGS84: 'WGS 84 longitude/latitude',
  CGCS2000: 'CGCS2000 longitude/latitude',
  GCJ02: 'GCJ-02 longitude/latitude (Amap/Tencent "Mars" coordinates)',
  BD09: 'BD-09 longitude/latitude (Baidu coordinates)',
};

/**
 * The metadata of an export CRS: name, EPSG code, units, rounding and what a reader must know.
 * @throws on a CRS id proj4 cannot use (a programmer error: ids come from io/crs.ts)
 */
export function exportCrsInfo(crs: CrsId): ExportCrsInfo {
  const wgs = crs === 'WGS84' || crs === 'EPSG:4326';
  if (wgs) return { id: 'WGS84', name: NAMES.WGS84!, epsg: 4326, rfc7946: true, units: 'degree', decimals: 6, note: null };
  if (crs === 'GCJ02' || crs === 'BD09') {
    return {
      id: crs,
      name: NAMES[crs]!,
      epsg: null,
      rfc7946: false,
      units: 'degree',
      decimals: 6,
      note: `${crs === 'GCJ02' ? 'GCJ-02' : 'BD-09'} has no EPSG code: GIS software that reads this file takes its coordinates as WGS 84, offset by up to several hundred metres in China. Not RFC 7946 GeoJSON.`,
    };
  }
  const geographic = isGeographicCrs(crs);
  const epsg = crs === 'CGCS2000' ? 4490 : crs.startsWith('EPSG:') ? Number(crs.slice(5)) : null;
  return {
    id: crs,
    name: NAMES[crs] ?? (epsg !== null ? `EPSG:${epsg}` : `custom definition ${crsLabel(crs)}`),
    epsg,
    rfc7946: false,
    units: geographic ? 'degree' : 'metre',
    decimals: geographic ? 6 : 2,
    note:
      epsg === null
        ? 'Custom coordinate system without an EPSG code (definition in "id"); not RFC 7946 GeoJSON.'
        : `Coordinates in EPSG:${epsg}${geographic ? '' : ' (easting, northing in metres)'}; stated in the legacy "crs" member for GDAL/QGIS. Not RFC 7946 GeoJSON.`,
  };
}

/**
 * The legacy GeoJSON 2008 `crs` member GDAL and QGIS read, or null when none applies (WGS 84 is
 * the RFC 7946 default; GCJ-02/BD-09 and custom definitions have no EPSG code).
 */
export function legacyCrsMember(info: ExportCrsInfo): { type: 'name'; properties: { name: string } } | null {
  if (info.rfc7946 || info.epsg === null) return null;
  return { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${info.epsg}` } };
}

/**
 * The report time from `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) when it is set, else from `now`.
 * @returns ISO 8601 UTC
 * @throws when `sourceDateEpoch` is set but not a non-negative integer
 */
export function reportTime(sourceDateEpoch: string | undefined, now: Date = new Date()): string {
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return now.toISOString();
  if (!/^\d+$/.test(sourceDateEpoch))
    throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got ${JSON.stringify(sourceDateEpoch)}`);
  return new Date(Number(sourceDateEpoch) * 1000).toISOString();
}

/** What {@link buildProvenance} needs. */
export interface ProvenanceInput {
  settings: Settings;
  model: 'network' | 'straight';
  inputs?: readonly InputFileMeta[];
  /** ISO 8601 time; default now. */
  generatedAt?: string;
  /** Export CRS; default WGS84. */
  crs?: CrsId;
}

/**
 * The provenance of a report.
 * @throws when `generatedAt` is not an ISO 8601 date-time
 */
export function buildProvenance(p: ProvenanceInput): ReportProvenance {
  const generatedAt = p.generatedAt ?? new Date().toISOString();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(generatedAt) || Number.isNaN(Date.parse(generatedAt))) {
    throw new Error(`buildProvenance: generatedAt must be an ISO 8601 date-time, got ${JSON.stringify(generatedAt)}`);
  }
  const s = p.settings;
  const thresholds: ReportProvenance['thresholds_min'] = {};
  for (const c of s.categories) thresholds[c.id] = { urban: c.thresholdMinutes.urban, rural: c.thresholdMinutes.rural };
  const travel: ReportProvenance['travel_by_category'] = {};
  for (const c of s.categories) {
    const legs = categoryLegs(s, c);
    travel[c.id] = {
      urban: { mode: legs.urban.mode, speed_kmh: legs.urban.speedKmh },
      rural: { mode: legs.rural.mode, speed_kmh: legs.rural.speedKmh },
    };
  }
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    app: { name: 'lifecircle', version: APP_VERSION },
    generated_at: generatedAt,
    model: p.model,
    preset: s.preset,
    thresholds_min: thresholds,
    walk_speed_kmh: { urban: s.walkSpeedKmh.urban, rural: s.walkSpeedKmh.rural },
    travel_by_category: travel,
    detour_factor: s.detourFactor,
    sample_spacing_m: s.sampleSpacingMeters,
    max_snap_m: s.maxSnapMeters,
    settings: structuredClone(s),
    inputs: (p.inputs ?? []).map((f) => ({ ...f, features: f.features ? { ...f.features } : null })),
    crs: exportCrsInfo(p.crs ?? 'WGS84'),
  };
}
