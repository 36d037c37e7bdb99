/**
 * A tiny ESRI Shapefile writer for tests (ESRI Shapefile Technical Description, 1998): points or
 * polygons, .shp/.shx/.dbf with character and numeric fields, null shapes. Polygon rings are given
 * in GeoJSON order (outer first) and written clockwise for outer rings, counter-clockwise for holes,
 * as the format requires.
 */
import { concatBytes } from '../../helpers/bytes';

type XY = [number, number];

/** A dBASE field: C (text) or N (number). */
export interface DbfField {
  /** At most 10 bytes once encoded. */
  name: string;
  type: 'C' | 'N';
  length: number;
  decimals?: number;
}

/** What {@link writeShapefile} writes. */
export interface ShapefileSpec {
  kind: 'point' | 'polygon';
  /** Per record: a point `[x, y]`, polygon rings, or null for a null shape. */
  shapes: ReadonlyArray<XY | XY[][] | null>;
  fields: readonly DbfField[];
  records: ReadonlyArray<ReadonlyArray<string | number | null>>;
  /** Encodes .dbf text (field names and values), e.g. UTF-8 or GBK via iconv-lite. */
  encode: (text: string) => Uint8Array;
  /** dBASE language-driver id at byte 29 (0x4D = code page 936), default 0. */
  languageDriver?: number;
}

const signedArea = (ring: XY[]): number =>
  ring.reduce((s, p, i) => {
    const q = ring[(i + 1) % ring.length] as XY;
    return s + (p[0] * q[1] - q[0] * p[1]);
  }, 0) / 2;

function shapeContent(kind: 'point' | 'polygon', shape: XY | XY[][] | null): Uint8Array {
  if (shape === null) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, 0, true);
    return b;
  }
  if (kind === 'point') {
    const [x, y] = shape as XY;
    const b = new Uint8Array(20);
    const v = new DataView(b.buffer);
    v.setInt32(0, 1, true);
    v.setFloat64(4, x, true);
    v.setFloat64(12, y, true);
    return b;
  }
  const rings = (shape as XY[][]).map((r, i) => {
    const cw = signedArea(r) < 0;
    return (i === 0) === cw ? r : [...r].reverse();
  });
  const pts = rings.flat();
  const b = new Uint8Array(44 + 4 * rings.length + 16 * pts.length);
  const v = new DataView(b.buffer);
  v.setInt32(0, 5, true);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((c, i) => v.setFloat64(4 + 8 * i, c, true));
  v.setInt32(36, rings.length, true);
  v.setInt32(40, pts.length, true);
  let start = 0;
  rings.forEach((r, i) => {
    v.setInt32(44 + 4 * i, start, true);
    start += r.length;
  });
  pts.forEach((p, i) => {
    v.setFloat64(44 + 4 * rings.length + 16 * i, p[0], true);
    v.setFloat64(52 + 4 * rings.length + 16 * i, p[1], true);
  });
  return b;
}

function header(fileBytes: number, shapeType: number, bbox: number[]): Uint8Array {
  const b = new Uint8Array(100);
  const v = new DataView(b.buffer);
  v.setInt32(0, 9994, false);
  v.setInt32(24, fileBytes / 2, false);
  v.setInt32(28, 1000, true);
  v.setInt32(32, shapeType, true);
  bbox.forEach((c, i) => v.setFloat64(36 + 8 * i, c, true));
  return b;
}

function writeDbf(spec: ShapefileSpec): Uint8Array {
  const n = spec.records.length;
  const recLen = 1 + spec.fields.reduce((s, f) => s + f.length, 0);
  const headLen = 32 + 32 * spec.fields.length + 1;
  const b = new Uint8Array(headLen + n * recLen + 1).fill(0x20, headLen);
  const v = new DataView(b.buffer);
  v.setUint8(0, 3);
  v.setUint8(1, 124);
  v.setUint8(2, 1);
  v.setUint8(3, 1);
  v.setUint32(4, n, true);
  v.setUint16(8, headLen, true);
  v.setUint16(10, recLen, true);
  v.setUint8(29, spec.languageDriver ?? 0);
  spec.fields.forEach((f, i) => {
    const name = spec.encode(f.name);
    if (name.length > 10) throw new Error(`field name ${f.name} longer than 10 bytes`);
    b.set(name, 32 + 32 * i);
    b[32 + 32 * i + 11] = f.type.charCodeAt(0);
    b[32 + 32 * i + 16] = f.length;
    b[32 + 32 * i + 17] = f.decimals ?? 0;
  });
  b[headLen - 1] = 0x0d;
  spec.records.forEach((rec, r) => {
    let o = headLen + r * recLen + 1;
    spec.fields.forEach((f, i) => {
      const val = rec[i];
      let bytes: Uint8Array;
      if (f.type === 'N') {
        const text = val === null || val === undefined ? '' : (val as number).toFixed(f.decimals ?? 0);
        bytes = new TextEncoder().encode(text.padStart(f.length, ' '));
      } else bytes = spec.encode(String(val ?? ''));
      if (bytes.length > f.length) throw new Error(`value ${String(val)} longer than ${f.length} bytes`);
      b.set(bytes, o);
      o += f.length;
    });
  });
  b[b.length - 1] = 0x1a;
  return b;
}

/** Writes the .shp, .shx and .dbf bytes of a point or polygon layer. */
export function writeShapefile(spec: ShapefileSpec): { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array } {
  const shapeType = spec.kind === 'point' ? 1 : 5;
  const contents = spec.shapes.map((s) => shapeContent(spec.kind, s));
  const all = spec.shapes.flatMap((s) => (s === null ? [] : spec.kind === 'point' ? [s as XY] : (s as XY[][]).flat()));
  const bbox = all.length
    ? [
        Math.min(...all.map((p) => p[0])),
        Math.min(...all.map((p) => p[1])),
        Math.max(...all.map((p) => p[0])),
        Math.max(...all.map((p) => p[1])),
      ]
    : [0, 0, 0, 0];
  const records: Uint8Array[] = [];
  const index: Uint8Array[] = [];
  let offset = 100;
  contents.forEach((c, i) => {
    const rh = new Uint8Array(8);
    const v = new DataView(rh.buffer);
    v.setInt32(0, i + 1, false);
    v.setInt32(4, c.length / 2, false);
    records.push(rh, c);
    const ix = new Uint8Array(8);
    const iv = new DataView(ix.buffer);
    iv.setInt32(0, offset / 2, false);
    iv.setInt32(4, c.length / 2, false);
    index.push(ix);
    offset += 8 + c.length;
  });
  const shp = concatBytes([header(offset, shapeType, bbox), ...records]);
  const shx = concatBytes([header(100 + 8 * contents.length, shapeType, bbox), ...index]);
  return { shp, shx, dbf: writeDbf(spec) };
}
