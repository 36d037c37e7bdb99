/**
 * Reading a zipped ESRI Shapefile (what planners e-mail: .shp + .shx + .dbf + .prj + .cpg in one zip)
 * into GeoJSON features in WGS84.
 *
 * - Geometry and attributes are decoded by shpjs (`parseShp`, `parseDbf`); the zip by but-unzip.
 * - The .prj is read by {@link parsePrj} (not by shpjs) so CGCS2000 Gauss–Krüger zones, GCJ-free
 *   geographic CGCS2000 and unknown-but-parseable WKT are all handled the same way, and a .prj proj4
 *   cannot read becomes a named error instead of an exception. No .prj: the coordinates are taken
 *   as `options.crs` (default WGS84) with a warning, and {@link detectCrsIssues} flags metres.
 * - Attribute text: the .cpg names the code page (`GBK`, `936`, `ANSI 936`, `UTF-8`, …); without
 *   one, the dBASE language-driver byte 0x4D (code page 936) or invalid UTF-8 means GBK. A .cpg
 *   saying UTF-8 over bytes that are not UTF-8 is overruled, with a warning.
 * - Several layers in one zip: the features of all of them, in layer-name order, with a warning
 *   naming the layers. Null shapes are skipped and named. Dates become `YYYY-MM-DD` text and empty
 *   numbers null, so properties stay plain JSON.
 * - Broken zips never throw: a truncated zip, an entry with a compression method other than stored
 *   or deflate, a corrupt deflate stream or an entry unzipping to more than {@link MAX_ZIP_ENTRY_BYTES}
 *   is an error naming the zip, the entry and the reason. A
 *   .dbf whose header claims more records than its bytes hold is read up to what is there, with a
 *   warning ({@link checkDbfHeader}).
 */
import { iter } from 'but-unzip';
// @ts-expect-error shpjs ships no type declarations; the two functions used are typed below.
import { parseShp as shpjsParseShp, parseDbf as shpjsParseDbf } from 'shpjs';
import type { Geometry } from 'geojson';
import type { Problem, ReadResult } from '../engine/model';
import { assertCrs, parsePrj, reprojectGeometry } from './crs';
import { crsLabel, type CrsId } from './crs-id';
import { detectCrsIssues } from './crs-detect';
import type { RoadDistances } from './crs-offset';
import { decodeText, isValidUtf8 } from './text-decode';

const parseShp = shpjsParseShp as (shp: Uint8Array) => (Geometry | null)[];
const parseDbf = shpjsParseDbf as (dbf: Uint8Array, encoding: string) => Record<string, unknown>[];

/** A property value of a Shapefile feature. */
export type ShapefileValue = string | number | boolean | null;

/** A feature read from a Shapefile, in WGS84. */
export interface ShapefileFeature {
  type: 'Feature';
  properties: Record<string, ShapefileValue>;
  geometry: Geometry;
}

/** Options of {@link readZippedShapefile}. */
export interface ShapefileReadOptions {
  /** CRS of layers that have no .prj (default WGS84). A .prj always wins. */
  crs?: CrsId;
  /** Largest unzipped entry, bytes (default {@link MAX_ZIP_ENTRY_BYTES}). */
  maxEntryBytes?: number;
  /** Metres from WGS84 points to the nearest road (a batch), for the GCJ-02/BD-09 offset check. */
  nearestRoadMeters?: RoadDistances;
}

/** Largest unzipped zip entry: 512 MiB; a larger one (a zip bomb, or a whole country) is refused. */
const MAX_ZIP_ENTRY_BYTES = 512 * 1024 * 1024;

class EntryTooLarge extends Error {}

/** Inflates a raw deflate stream (DecompressionStream: Node ≥ 18 and browsers), stopping past `limit` bytes. */
async function inflateBounded(raw: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([raw as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new EntryTooLarge(`it unzips to more than ${Math.round(limit / 1048576)} MiB`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

interface Layer {
  name: string;
  parts: Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', { entry: string; read: () => Promise<Uint8Array> | Uint8Array }>>;
}

/** Most attribute cells (records × fields) a .dbf may hold before it is refused as implausible. */
const MAX_DBF_CELLS = 50_000_000;

/** Why a zip could not be read, in words, from but-unzip's terse error codes and zlib's messages. */
function zipReason(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (m === 'but-unzip~1')
    return 'it uses a compression method other than "stored" or "deflate" (e.g. deflate64, bzip2, LZMA or encryption); re-zip it with ordinary zip compression';
  if (m === 'but-unzip~2') return 'no zip directory at its end: the file is truncated or not a zip';
  if (m === 'but-unzip~3') return 'it is a multi-part (split) zip; join the parts into one zip';
  if (e instanceof RangeError || /out of (range|bounds)|outside the bounds/i.test(m))
    return `the zip directory points past the end of the file: the file is truncated (${m})`;
  return m;
}

/**
 * True when the zip's end-of-central-directory record is where but-unzip looks for it (the last
 * 64 KiB). Checked first because but-unzip, not finding it in a small file, searches forever.
 */
function hasZipDirectory(u8: Uint8Array): boolean {
  for (let p = u8.length - 22; p >= 0 && p > u8.length - 21 - 65536; p--) {
    if (u8[p] === 0x50 && u8[p + 1] === 0x4b && u8[p + 2] === 0x05 && u8[p + 3] === 0x06) return true;
  }
  return false;
}

/** Reads one zip entry, turning a failure into a reason that names the entry. */
async function readEntry(part: { entry: string; read: () => Promise<Uint8Array> | Uint8Array }): Promise<Uint8Array | string> {
  try {
    return await part.read();
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const why = e instanceof EntryTooLarge ? m : m.startsWith('but-unzip~') ? zipReason(e) : `its compressed data is corrupt (${m})`;
    return `entry "${part.entry}" cannot be unzipped: ${why}`;
  }
}

/** Result of {@link checkDbfHeader}. */
export type DbfCheck = { dbf: Uint8Array; records: number; note: string | null } | { error: string };

/**
 * Checks a .dbf header against the file's length before parsing, so a header claiming 10⁹ records
 * cannot make the parser loop for minutes: the record count becomes what the bytes can hold (a copy
 * with the corrected count is returned; the input is not changed) with a note, and a header with no
 * room for records, a zero record length or an implausible number of cells is an error.
 *
 * @param dbf the .dbf bytes
 * @returns the bytes to parse (maybe a corrected copy), the record count and a note, or an error reason
 */
export function checkDbfHeader(dbf: Uint8Array): DbfCheck {
  if (dbf.length < 32) return { error: `the header is ${dbf.length} bytes, a .dbf header needs 32` };
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const claimed = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recLen = view.getUint16(10, true);
  if (headerLen < 33 || headerLen > dbf.length)
    return { error: `the header length ${headerLen} does not fit the file (${dbf.length} bytes)` };
  if (recLen === 0) return { error: 'the header gives a record length of 0' };
  const fields = Math.max(1, Math.floor((headerLen - 33) / 32));
  const fit = Math.floor((dbf.length - headerLen) / recLen);
  const records = Math.min(claimed, fit);
  if (records * fields > MAX_DBF_CELLS)
    return { error: `${records} records × ${fields} fields is more than ${MAX_DBF_CELLS.toLocaleString('en')} cells` };
  if (claimed <= fit) return { dbf, records, note: null };
  const copy = dbf.slice();
  new DataView(copy.buffer).setUint32(4, records, true);
  return { dbf: copy, records, note: `the .dbf header claims ${claimed} records but the file holds only ${records}; read ${records}` };
}

const ID_FIELDS = ['id', 'ID', 'Id', 'FID', 'fid', 'OBJECTID', '编号'];

/**
 * Maps a .cpg text to a TextDecoder label, or null when it names nothing known.
 * @param cpg e.g. `GBK`, `936`, `ANSI 936`, `CP936`, `UTF-8`, `65001`, `1252`
 */
export function cpgToEncoding(cpg: string): string | null {
  const s = cpg
    .trim()
    .toLowerCase()
    .replace(/^ansi\s*/, '')
    .replace(/^(cp|windows-?)(?=\d)/, '');
  if (/^(936|gbk|gb2312|gb_2312-80|gb18030|54936|x-gbk)$/.test(s)) return 'gb18030';
  if (/^(utf-?8|65001)$/.test(s)) return 'utf-8';
  if (/^(950|big5)$/.test(s)) return 'big5';
  if (/^125\d$/.test(s)) return `windows-${s}`;
  if (/^\d+$/.test(s)) return null;
  try {
    return new TextDecoder(s).encoding;
  } catch {
    return null;
  }
}

function dbfEncoding(cpg: string | undefined, dbf: Uint8Array, note: (reason: string) => void): string {
  // the records start after the field descriptors (header length, bytes 8–9): a descriptor holds
  // binary bytes (a field length of 254 is 0xFE) that are never valid UTF-8
  const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : 32;
  const records = dbf.subarray(Math.min(dbf.length, Math.max(32, headerLength)));
  if (cpg !== undefined && cpg.trim() !== '') {
    const label = cpgToEncoding(cpg);
    if (label === 'utf-8' && !isValidUtf8(records)) {
      note(`.cpg says ${cpg.trim()} but the attribute text is not valid UTF-8; read it as GBK`);
      return 'gb18030';
    }
    if (label) return label;
    note(`.cpg names an unknown code page ${JSON.stringify(cpg.trim())}; guessed from the bytes`);
  }
  if (dbf[29] === 0x4d) return 'gb18030';
  if (isValidUtf8(records)) return 'utf-8';
  note('no .cpg and the attribute text is not UTF-8; read it as GBK (code page 936)');
  return 'gb18030';
}

function plainValue(v: unknown): ShapefileValue {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${v.getFullYear()}-${p(v.getMonth() + 1)}-${p(v.getDate())}`;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return v === null || v === undefined ? null : String(v);
}

function firstXY(g: Geometry): [number, number] | null {
  if (g.type === 'GeometryCollection') return g.geometries[0] ? firstXY(g.geometries[0]) : null;
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
}

/** True when every position is finite lon/lat within ±180/±90. */
function isLonLatGeometry(g: Geometry): boolean {
  if (g.type === 'GeometryCollection') return g.geometries.every(isLonLatGeometry);
  const ok = (c: unknown): boolean => {
    if (!Array.isArray(c)) return false;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x as number) <= 180 && Math.abs(y as number) <= 90;
    }
    return c.every(ok);
  };
  return ok(g.coordinates);
}

/**
 * Reads every layer of a zipped Shapefile.
 * @param bytes the zip file's bytes
 * @param file file name used in problems
 * @param options CRS for layers without a .prj
 * @returns features in WGS84; a problem's index counts shapes across all layers in layer-name order
 */
export async function readZippedShapefile(
  bytes: ArrayBuffer | Uint8Array,
  file: string,
  options: ShapefileReadOptions = {},
): Promise<ReadResult<ShapefileFeature[]> & { prjCrs?: CrsId }> {
  if (options.crs) assertCrs(options.crs);
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: ShapefileFeature[] = [];
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const layers = new Map<string, Layer>();
  const names: string[] = [];
  let shapeCount = 0;
  /** CRS of the first layer's .prj (for the load report). */
  let prjCrs: CrsId | undefined;
  try {
    if (!hasZipDirectory(u8)) throw new Error('but-unzip~2');
    const maxEntryBytes = options.maxEntryBytes ?? MAX_ZIP_ENTRY_BYTES;
    for (const entry of iter(u8, (raw) => inflateBounded(raw, maxEntryBytes))) {
      names.push(entry.filename);
      const m = /^(.*)\.(shp|dbf|prj|cpg)$/i.exec(entry.filename);
      if (!m || entry.filename.includes('__MACOSX') || /(^|\/)\._/.test(entry.filename)) continue;
      const base = m[1] as string;
      const layer = layers.get(base) ?? { name: base, parts: {} };
      layer.parts[(m[2] as string).toLowerCase() as 'shp'] = { entry: entry.filename, read: () => entry.read() };
      layers.set(base, layer);
    }
  } catch (e) {
    errors.push({ file, index: -1, reason: `not a readable zip file: ${zipReason(e)}` });
    return { value, warnings, errors };
  }
  const withShp = [...layers.values()].filter((l) => l.parts.shp).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (withShp.length === 0) {
    errors.push({ file, index: -1, reason: `the zip holds no .shp file (files: ${names.join(', ') || 'none'})` });
    return { value, warnings, errors };
  }
  if (withShp.length > 1) {
    warnings.push({
      file,
      index: -1,
      reason: `the zip holds ${withShp.length} layers (${withShp.map((l) => l.name).join(', ')}); the features of all of them were read`,
    });
  }
  for (const layer of withShp) {
    const where = `${file}: ${layer.name}`;
    const read = async (k: 'shp' | 'dbf' | 'prj' | 'cpg'): Promise<Uint8Array | string | undefined> => {
      const part = layer.parts[k];
      return part ? readEntry(part) : undefined;
    };
    const [shp, dbfRead, prjRead, cpgRead] = await Promise.all([read('shp'), read('dbf'), read('prj'), read('cpg')]);
    if (typeof shp === 'string' || shp === undefined) {
      errors.push({ file, index: -1, reason: `${layer.name}: layer skipped: ${shp ?? 'no .shp'}` });
      continue;
    }
    const side = (k: string, r: Uint8Array | string | undefined): Uint8Array | undefined => {
      if (typeof r !== 'string') return r;
      warnings.push({ file, index: -1, reason: `${layer.name}: ${r}; read the layer without its .${k}` });
      return undefined;
    };
    const prj = side('prj', prjRead);
    const cpg = side('cpg', cpgRead);
    const dbf = side('dbf', dbfRead);
    const dbfMissing = dbfRead === undefined;
    let crs: CrsId = options.crs ?? 'WGS84';
    if (prj) {
      const prjText = decodeText(prj).text;
      const parsed = parsePrj(prjText);
      if (!parsed) {
        errors.push({ file, index: -1, reason: `${layer.name}.prj: unknown coordinate system, layer skipped: ${prjText.slice(0, 120)}` });
        continue;
      }
      crs = parsed;
      prjCrs ??= parsed;
    } else {
      warnings.push({ file, index: -1, reason: `${layer.name} has no .prj; its coordinates were taken as ${crs}` });
    }
    const crsName = crsLabel(crs);
    let geometries: (Geometry | null)[];
    try {
      geometries = parseShp(shp);
    } catch (e) {
      errors.push({ file, index: -1, reason: `${layer.name}.shp cannot be read, layer skipped: ${(e as Error).message}` });
      continue;
    }
    let records: Record<string, unknown>[] = [];
    const checked = dbf ? checkDbfHeader(dbf) : null;
    if (checked && 'error' in checked) {
      warnings.push({ file, index: -1, reason: `${layer.name}.dbf cannot be read; features have no attributes: ${checked.error}` });
    } else if (checked) {
      if (checked.note) warnings.push({ file, index: -1, reason: `${layer.name}: ${checked.note}` });
      const encoding = dbfEncoding(cpg ? decodeText(cpg).text : undefined, checked.dbf, (reason) =>
        warnings.push({ file, index: -1, reason: `${layer.name}: ${reason}` }),
      );
      try {
        records = parseDbf(checked.dbf, encoding);
      } catch (e) {
        warnings.push({
          file,
          index: -1,
          reason: `${layer.name}.dbf cannot be read; features have no attributes: ${(e as Error).message}`,
        });
      }
      if (records.length !== geometries.length && records.length > 0) {
        warnings.push({
          file,
          index: -1,
          reason: `${layer.name}: ${geometries.length} shapes but ${records.length} attribute rows; matched by position`,
        });
      }
    } else if (dbfMissing) warnings.push({ file, index: -1, reason: `${layer.name} has no .dbf; features have no attributes` });

    const rawFirst: { lon: number; lat: number }[] = [];
    geometries.forEach((g, i) => {
      const index = shapeCount++;
      const properties: Record<string, ShapefileValue> = {};
      for (const [k, v] of Object.entries(records[i] ?? {})) properties[k] = plainValue(v);
      const idKey = ID_FIELDS.find((k) => properties[k] !== undefined && properties[k] !== null && properties[k] !== '');
      const id = idKey ? { id: String(properties[idKey]) } : {};
      if (!g) {
        errors.push({ file, index, ...id, reason: `${where} shape ${i}: null shape (no geometry)` });
        return;
      }
      const first = firstXY(g);
      if (first) rawFirst.push({ lon: first[0], lat: first[1] });
      let geometry: Geometry;
      try {
        geometry = reprojectGeometry(g, crs, 'WGS84');
      } catch (e) {
        errors.push({ file, index, ...id, reason: `${where} shape ${i}: ${(e as Error).message}` });
        return;
      }
      if (!isLonLatGeometry(geometry)) {
        errors.push({
          file,
          index,
          ...id,
          reason: `${where} shape ${i}: coordinates ${JSON.stringify(first)} in ${crsName} do not give longitude/latitude within ±180/±90`,
        });
        return;
      }
      value.push({ type: 'Feature', properties, geometry });
    });
    const road = options.nearestRoadMeters ? { nearestRoadMeters: options.nearestRoadMeters } : {};
    warnings.push(
      ...detectCrsIssues(rawFirst, { file, chosen: crs, ...road }).map((p) => ({ ...p, reason: `${layer.name}: ${p.reason}` })),
    );
  }
  return { value, warnings, errors, ...(prjCrs ? { prjCrs } : {}) };
}
