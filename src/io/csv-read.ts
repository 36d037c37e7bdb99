/**
 * Reading point tables (CSV/TSV from Excel, WPS, Amap/Baidu POI exports) into GeoJSON point features
 * in WGS84.
 *
 * The encoding is detected ({@link decodeText}: UTF-8 with or without BOM, else GBK/GB18030), the
 * delimiter is the most frequent of `,` `\t` `;` `|` in the header line, the coordinate columns are
 * found by name ({@link COORDINATE_COLUMN_PAIRS}, case-insensitive, spaces ignored) unless given.
 * Every other column becomes a string property under its header name as written. A row whose
 * coordinates are missing, not numbers or out of range is skipped and named in `errors` (0-based
 * data-row index, and the 1-based line in the file). Coordinate-system mistakes (swapped columns,
 * metres read as degrees) are reported as file-level warnings by {@link detectCrsIssues}.
 * A file holding NUL bytes (not UTF-16 with a byte-order mark) is refused as not text, and one with
 * more than {@link MAX_CSV_LINES} lines or {@link MAX_CSV_CELLS} cells before it is parsed (so a
 * huge sparse file cannot exhaust memory).
 */
import Papa from 'papaparse';
import type { Problem, ReadResult } from '../engine/model';
import { assertCrs, isGeographicCrs, toWgs84 } from './crs';
import { crsLabel, type CrsId } from './crs-id';
import { detectCrsIssues } from './crs-detect';
import type { RoadDistances } from './crs-offset';
import { decodeText, type TextEncodingName } from './text-decode';

/** A point feature read from a CSV row. */
export interface CsvPointFeature {
  type: 'Feature';
  /** Every non-coordinate column, as text (trimmed of nothing: values as written). */
  properties: Record<string, string>;
  geometry: { type: 'Point'; coordinates: [number, number] };
}

/** Most lines a CSV may have (blank lines included): 2,000,000. More is refused before parsing. */
const MAX_CSV_LINES = 2_000_000;

/** Most cells (values, empty ones included) a CSV may have: 20,000,000. More is refused before parsing. */
export const MAX_CSV_CELLS = 20_000_000;

/** Line breaks (LF, or CR not followed by LF) in `bytes`, counting stops once past `stopAfter`. */
function countLines(bytes: Uint8Array, stopAfter: number): number {
  let n = 1;
  for (let i = 0; i < bytes.length && n <= stopAfter; i++) {
    const b = bytes[i];
    if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) n++;
  }
  return n;
}

/** Options of {@link readCsvPoints}. */
export interface CsvReadOptions {
  /** Header of the longitude / easting column (default: detected). */
  lonField?: string;
  /** Header of the latitude / northing column (default: detected). */
  latField?: string;
  /** CRS of the coordinates (default WGS84, or what the column names say, e.g. `gcj02_lng`). */
  crs?: CrsId;
  /** Metres from WGS84 points to the nearest road (a batch), for the GCJ-02/BD-09 offset check. */
  nearestRoadMeters?: RoadDistances;
}

/** What {@link readCsvPoints} returns. */
export interface CsvPoints {
  features: CsvPointFeature[];
  /** For each feature, its 0-based data-row index in the file. */
  rows: number[];
  /** Header names in file order (duplicates renamed `name_2`, blanks `column_<n>`). */
  fields: string[];
  /** The coordinate columns used ('' when none was found). */
  lonField: string;
  latField: string;
  encoding: TextEncodingName;
  /** The CRS the coordinates were read in. */
  crs: CrsId;
}

/**
 * Recognised (x, y) column-name pairs, lower case, in order of preference; the optional third entry
 * is the CRS the names imply.
 */
const COORDINATE_COLUMN_PAIRS: ReadonlyArray<readonly [string, string, CrsId?]> = [
  ['lon', 'lat'],
  ['lng', 'lat'],
  ['long', 'lat'],
  ['longitude', 'latitude'],
  ['经度', '纬度'],
  ['东经', '北纬'],
  ['x', 'y'],
  ['point_x', 'point_y'],
  ['x坐标', 'y坐标'],
  ['wgs84_lng', 'wgs84_lat'],
  ['wgs84_lon', 'wgs84_lat'],
  ['lng_wgs84', 'lat_wgs84'],
  ['lon_wgs84', 'lat_wgs84'],
  ['wgs84经度', 'wgs84纬度'],
  ['wgs_lng', 'wgs_lat'],
  ['gcj02_lng', 'gcj02_lat', 'GCJ02'],
  ['gcj_lng', 'gcj_lat', 'GCJ02'],
  ['lng_gcj02', 'lat_gcj02', 'GCJ02'],
  ['bd09_lng', 'bd09_lat', 'BD09'],
  ['bd_lng', 'bd_lat', 'BD09'],
  ['baidu_lng', 'baidu_lat', 'BD09'],
];

const normalizeName = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, '');

/**
 * Parses a coordinate written by a person: `121.5`, ` 121.5 `, full-width `１２１．５`, `121.5°E`,
 * `29°52'30"N`, `29度52分30秒`. Western and southern hemispheres (W, S, 西, 南) are negative.
 * @returns the value in degrees (or the plain number), or null when it is not a number
 */
export function parseCoordinate(text: string): number | null {
  const s = text
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .trim();
  if (!s) return null;
  const plain = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*°?\s*([NSEW东西南北])?$/i.exec(s);
  if (plain) return hemisphere(Number(plain[1]), plain[2]);
  const dms =
    /^([-+]?)(\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′分]\s*(?:(\d+(?:\.\d+)?)\s*(?:["″秒]|'')?)?)?\s*([NSEW东西南北])?$/i.exec(s);
  if (!dms) return null;
  const minutes = Number(dms[3] ?? 0);
  const seconds = Number(dms[4] ?? 0);
  if (minutes >= 60 || seconds >= 60) return null;
  const value = Number(dms[2]) + minutes / 60 + seconds / 3600;
  return hemisphere(dms[1] === '-' ? -value : value, dms[5]);
}

function hemisphere(value: number, letter: string | undefined): number | null {
  if (!Number.isFinite(value)) return null;
  if (!letter) return value;
  return /[SW西南]/i.test(letter) ? -Math.abs(value) : Math.abs(value);
}

/** Finds the coordinate columns among `fields`; null when no known pair is there. */
function detectCoordinateColumns(fields: readonly string[]): { lonField: string; latField: string; crs?: CrsId } | null {
  const byName = new Map<string, string>();
  for (const f of fields) if (!byName.has(normalizeName(f))) byName.set(normalizeName(f), f);
  for (const [x, y, crs] of COORDINATE_COLUMN_PAIRS) {
    const lonField = byName.get(x);
    const latField = byName.get(y);
    if (lonField !== undefined && latField !== undefined) return crs ? { lonField, latField, crs } : { lonField, latField };
  }
  const lon = fields.filter((f) => f.includes('经度'));
  const lat = fields.filter((f) => f.includes('纬度'));
  if (lon.length === 1 && lat.length === 1) return { lonField: lon[0] as string, latField: lat[0] as string };
  return null;
}

function chooseDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';', '|']) {
    const c = firstLine.split(d).length - 1;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

function uniqueFields(raw: string[], file: string, warnings: Problem[]): string[] {
  const seen = new Set<string>();
  return raw.map((name, i) => {
    let f = name.trim() === '' ? `column_${i + 1}` : name;
    if (f !== name) warnings.push({ file, index: -1, line: 1, reason: `column ${i + 1} has no header; named it "${f}"` });
    if (seen.has(f)) {
      let k = 2;
      while (seen.has(`${f}_${k}`)) k++;
      warnings.push({ file, index: -1, line: 1, reason: `header "${f}" appears twice; the second is named "${f}_${k}"` });
      f = `${f}_${k}`;
    }
    seen.add(f);
    return f;
  });
}

/** A whole file refused before parsing: no features, one error naming the file and the reason. */
function refused(file: string, encoding: CsvPoints['encoding'], crs: CsvPoints['crs'], reason: string): ReadResult<CsvPoints> {
  const value: CsvPoints = { features: [], rows: [], fields: [], lonField: '', latField: '', encoding, crs };
  return { value, warnings: [], errors: [{ file, index: -1, reason }] };
}

/**
 * Reads a CSV (or TSV) of points.
 * @param bytes the file's bytes (UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16 with BOM)
 * @param file file name used in problems
 * @param options coordinate columns and CRS (default: detected, WGS84)
 * @returns features in WGS84 with every skipped row and caveat named; never throws on bad data
 */
export function readCsvPoints(bytes: Uint8Array, file: string, options: CsvReadOptions = {}): ReadResult<CsvPoints> {
  if (options.crs) assertCrs(options.crs);
  const valueCrs = options.crs ?? 'WGS84';
  const nul = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? -1 : bytes.indexOf(0);
  if (nul >= 0) {
    return refused(
      file,
      'utf-8',
      valueCrs,
      `byte ${nul} is a NUL byte: this is not a text table (a binary or spreadsheet file, or UTF-16 without a byte-order mark); save it as "CSV UTF-8"`,
    );
  }
  const lines = countLines(bytes, MAX_CSV_LINES);
  if (lines > MAX_CSV_LINES) {
    return refused(
      file,
      'utf-8',
      valueCrs,
      `the file has more than ${MAX_CSV_LINES.toLocaleString('en')} lines (blank ones included), more than a point table may have; remove blank lines or split the file`,
    );
  }
  const { text: raw, encoding } = decodeText(bytes);
  const text = raw.replace(/\r\n?/g, '\n');
  const delimiter = chooseDelimiter(text);
  let cells = lines;
  for (let i = text.indexOf(delimiter); i >= 0 && cells <= MAX_CSV_CELLS; i = text.indexOf(delimiter, i + 1)) cells++;
  if (cells > MAX_CSV_CELLS) {
    return refused(
      file,
      encoding,
      valueCrs,
      `the file has more than ${MAX_CSV_CELLS.toLocaleString('en')} cells (values between ${JSON.stringify(delimiter)}), more than a point table may have`,
    );
  }
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: CsvPoints = { features: [], rows: [], fields: [], lonField: '', latField: '', encoding, crs: options.crs ?? 'WGS84' };

  const records: { data: string[]; line: number; errors: Papa.ParseError[] }[] = [];
  let consumed = 0;
  let line = 1;
  const lineAt = (pos: number): number => {
    for (; consumed < pos; consumed++) if (text.charCodeAt(consumed) === 10) line++;
    return line;
  };
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    skipEmptyLines: 'greedy',
    dynamicTyping: false,
    step: (r) => {
      const cursor = r.meta.cursor;
      const end = text.charCodeAt(cursor - 1) === 10 ? cursor - 1 : cursor;
      const inner = r.data.reduce((c, f) => c + (f.split('\n').length - 1), 0);
      records.push({ data: r.data, line: lineAt(end) - inner, errors: r.errors });
    },
  });
  const header = records.shift();
  if (!header) {
    errors.push({ file, index: -1, reason: 'the file is empty: no header row' });
    return { value, warnings, errors };
  }
  const fields = uniqueFields(header.data, file, warnings);
  value.fields = fields;
  const detected = detectCoordinateColumns(fields);
  const pick = (given: string | undefined, auto: string | undefined): string | undefined =>
    given === undefined ? auto : (fields.find((f) => f === given) ?? fields.find((f) => normalizeName(f) === normalizeName(given)));
  const lonField = pick(options.lonField, detected?.lonField);
  const latField = pick(options.latField, detected?.latField);
  if (lonField === undefined || latField === undefined) {
    const which =
      options.lonField !== undefined || options.latField !== undefined
        ? `column ${JSON.stringify(lonField === undefined ? options.lonField : options.latField)} is not in the header`
        : 'no longitude/latitude columns found (expected e.g. lon/lat, lng/lat, longitude/latitude, x/y, 经度/纬度)';
    errors.push({ file, index: -1, line: header.line, reason: `${which}; columns: ${fields.join(', ')}` });
    return { value, warnings, errors };
  }
  value.lonField = lonField;
  value.latField = latField;
  if (!options.crs && detected?.crs && lonField === detected.lonField) {
    value.crs = detected.crs;
    warnings.push({
      file,
      index: -1,
      reason: `columns "${lonField}"/"${latField}" are named as ${detected.crs} coordinates; reading them as ${detected.crs}`,
    });
  }
  const crs = value.crs;
  const lonCol = fields.indexOf(lonField);
  const latCol = fields.indexOf(latField);
  const idCol = fields.findIndex((f) => /^(id|fid|objectid|编号|序号)$/i.test(f.trim()));
  const rawX: number[] = [];
  const rawY: number[] = [];

  records.forEach((rec, index) => {
    const where = `row ${index + 1} (line ${rec.line})`;
    const idText = idCol >= 0 ? rec.data[idCol]?.trim() : undefined;
    const problem = (reason: string): Problem => ({
      file,
      index,
      line: rec.line,
      reason: `${where}: ${reason}`,
      ...(idText ? { id: idText } : {}),
    });
    if (rec.errors.length > 0) {
      errors.push(problem(`cannot be parsed: ${rec.errors.map((e) => e.message).join('; ')}`));
      return;
    }
    if (rec.data.length !== fields.length) {
      warnings.push(
        problem(
          `has ${rec.data.length} values but the header has ${fields.length} columns` +
            (rec.data.length > fields.length ? '; extra values dropped' : '; missing values left empty'),
        ),
      );
    }
    const xs = rec.data[lonCol] ?? '';
    const ys = rec.data[latCol] ?? '';
    const x = parseCoordinate(xs);
    const y = parseCoordinate(ys);
    if (x === null || y === null) {
      const [col, s] = x === null ? [lonField, xs] : [latField, ys];
      errors.push(problem(s.trim() === '' ? `"${col}" is empty` : `"${col}" value ${JSON.stringify(s)} is not a number`));
      return;
    }
    rawX.push(x);
    rawY.push(y);
    if (isGeographicCrs(crs) && (Math.abs(x) > 180 || Math.abs(y) > 90)) {
      errors.push(problem(`coordinates ${x}, ${y} are out of range for ${crsLabel(crs)} (longitude −180…180, latitude −90…90)`));
      return;
    }
    const [lon, lat] = toWgs84(x, y, crs);
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      errors.push(problem(`coordinates ${x}, ${y} cannot be converted from ${crsLabel(crs)} to longitude/latitude`));
      return;
    }
    const properties: Record<string, string> = {};
    fields.forEach((f, c) => {
      if (c !== lonCol && c !== latCol) properties[f] = rec.data[c] ?? '';
    });
    value.features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
    value.rows.push(index);
  });
  if (records.length === 0) warnings.push({ file, index: -1, reason: 'the file has a header but no data rows' });
  warnings.unshift(
    ...detectCrsIssues(
      { lon: rawX, lat: rawY },
      { file, chosen: crs, ...(options.nearestRoadMeters ? { nearestRoadMeters: options.nearestRoadMeters } : {}) },
    ),
  );
  return { value, warnings, errors };
}
