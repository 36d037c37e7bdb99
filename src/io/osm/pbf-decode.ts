import { PbfReader as Pbf } from 'pbf';
import { reusingZlibInflater } from './blob-inflater';
import {
  DEFAULT_MAX_BLOB_BYTES,
  OsmFormatError,
  throwIfAborted,
  type OsmMember,
  type OsmScanOptions,
  type OsmTags,
  type OsmVisitor,
  type ZlibInflate,
} from './osm-elements';

/** Features of the PBF format this decoder reads; a file requiring others is refused. */
const SUPPORTED_FEATURES = new Set(['OsmSchema-V0.6', 'DenseNodes', 'HistoricalInformation']);
/** Largest BlobHeader (the format's own limit is 64 KiB). */
const MAX_HEADER_BYTES = 64 * 1024;
const MEMBER_TYPES = ['n', 'w', 'r'] as const;

/**
 * Whether bytes start like an OSM PBF file: a big-endian header length, then a BlobHeader whose
 * first field is the type string `OSMHeader`.
 */
export function looksLikePbf(bytes: Uint8Array): boolean {
  if (bytes.length < 14) return false;
  const len = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (len === 0 || len > MAX_HEADER_BYTES) return false;
  // field 1, wire type 2 (0x0a), length 9, "OSMHeader"
  const want = [0x0a, 9, 0x4f, 0x53, 0x4d, 0x48, 0x65, 0x61, 0x64, 0x65, 0x72];
  return want.every((b, i) => bytes[4 + i] === b);
}

interface BlobHeader {
  type: string;
  datasize: number;
}

function readBlobHeader(tag: number, h: BlobHeader, pbf: Pbf): void {
  if (tag === 1) h.type = pbf.readString();
  else if (tag === 3) h.datasize = pbf.readVarint();
}

interface Blob {
  raw: Uint8Array | null;
  rawSize: number;
  zlib: Uint8Array | null;
  other: number;
}

function readBlob(tag: number, b: Blob, pbf: Pbf): void {
  if (tag === 1) b.raw = pbf.readBytes();
  else if (tag === 2) b.rawSize = pbf.readVarint();
  else if (tag === 3) b.zlib = pbf.readBytes();
  else if (tag >= 4 && tag <= 7) {
    b.other = tag;
    pbf.readBytes();
  }
}

const COMPRESSION_NAMES: Record<number, string> = { 4: 'LZMA', 5: 'bzip2', 6: 'LZ4', 7: 'Zstandard' };

/**
 * Decode an OSM PBF file, handing its elements to the visitor. Kinds the visitor does not take are
 * skipped without decoding. Throws {@link OsmFormatError} on a truncated file, a bad header, an
 * unsupported feature or compression, or a blob that claims or inflates past the size limit.
 *
 * @param bytes the whole file
 * @param visitor what to do with nodes, ways, relations
 * @param options progress, cancel, blob size limit (bytes)
 */
export function decodePbf(bytes: Uint8Array, visitor: OsmVisitor, options: OsmScanOptions = {}): void {
  const maxBlob = options.maxBlobBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  let first = true;
  let blobIndex = 0;
  const want = (visitor.node ? KIND_NODES : 0) | (visitor.way ? KIND_WAYS : 0) | (visitor.relation ? KIND_RELATIONS : 0);
  const memo = options.blobKinds;
  // the JS inflater reuses its output buffer: each blob is decoded before the next is inflated
  const inflate = options.inflate ?? reusingZlibInflater();
  while (at < bytes.length) {
    throwIfAborted(options.signal);
    if (at + 4 > bytes.length) throw new OsmFormatError(`truncated PBF: ${bytes.length - at} stray bytes at the end`);
    const headerLen = view.getUint32(at);
    at += 4;
    if (headerLen === 0 || headerLen > MAX_HEADER_BYTES) {
      throw new OsmFormatError(`not an OSM PBF file (blob header ${blobIndex} claims ${headerLen} bytes)`);
    }
    if (at + headerLen > bytes.length) throw new OsmFormatError(`truncated PBF: blob header ${blobIndex} is cut off`);
    const header = new Pbf(bytes.subarray(at, at + headerLen)).readFields(readBlobHeader, { type: '', datasize: -1 });
    at += headerLen;
    if (first && header.type !== 'OSMHeader') throw new OsmFormatError('not an OSM PBF file (no OSMHeader block first)');
    if (header.datasize < 0) throw new OsmFormatError(`not an OSM PBF file (blob ${blobIndex} has no size)`);
    if (header.datasize > maxBlob) {
      throw new OsmFormatError(`blob ${blobIndex} claims ${header.datasize} bytes, past the limit of ${maxBlob}`);
    }
    if (at + header.datasize > bytes.length) throw new OsmFormatError(`truncated PBF: blob ${blobIndex} is cut off`);
    const blobBytes = bytes.subarray(at, at + header.datasize);
    at += header.datasize;
    const known = memo?.[blobIndex];
    // a data blob an earlier pass found without the kinds this pass wants is not inflated again
    const wanted = header.type === 'OSMHeader' || (header.type === 'OSMData' && (known === undefined || (known & want) !== 0));
    if (wanted) {
      const data = inflateBlob(blobBytes, blobIndex, maxBlob, inflate);
      if (header.type === 'OSMHeader') checkHeaderBlock(data);
      else {
        const kinds = decodePrimitiveBlock(data, visitor);
        if (memo) memo[blobIndex] = kinds;
      }
    }
    first = false;
    blobIndex++;
    options.onProgress?.(at, bytes.length);
  }
  if (first) throw new OsmFormatError('empty file');
}

function inflateBlob(blobBytes: Uint8Array, blobIndex: number, maxBlob: number, inflate: ZlibInflate): Uint8Array {
  const blob = new Pbf(blobBytes).readFields(readBlob, { raw: null, rawSize: -1, zlib: null, other: 0 });
  if (blob.raw) return blob.raw;
  if (blob.zlib) {
    if (blob.rawSize > maxBlob) {
      throw new OsmFormatError(`blob ${blobIndex} claims ${blob.rawSize} bytes inflated, past the limit of ${maxBlob}`);
    }
    const limit = blob.rawSize >= 0 ? blob.rawSize : maxBlob;
    return inflate(blob.zlib, limit);
  }
  if (blob.other) throw new OsmFormatError(`blob ${blobIndex} uses ${COMPRESSION_NAMES[blob.other]} compression, which is not supported`);
  throw new OsmFormatError(`blob ${blobIndex} holds no data`);
}

function checkHeaderBlock(data: Uint8Array): void {
  const required: string[] = [];
  new Pbf(data).readFields((tag, acc: string[], pbf) => {
    if (tag === 4) acc.push(pbf.readString());
  }, required);
  const missing = required.filter((f) => !SUPPORTED_FEATURES.has(f));
  if (missing.length > 0) throw new OsmFormatError(`the file requires unsupported features: ${missing.join(', ')}`);
}

interface Block {
  strings: string[];
  granularity: number;
  latOffset: number;
  lonOffset: number;
  groups: [number, number][];
}

/** Bits of {@link OsmScanOptions.blobKinds}. */
const KIND_NODES = 1;
const KIND_WAYS = 2;
const KIND_RELATIONS = 4;

/** Decode a PrimitiveBlock; returns the kinds it holds (KIND_* bits). */
function decodePrimitiveBlock(data: Uint8Array, visitor: OsmVisitor): number {
  const pbf = new Pbf(data);
  const block: Block = { strings: [], granularity: 100, latOffset: 0, lonOffset: 0, groups: [] };
  pbf.readFields((tag, b: Block, p) => {
    if (tag === 1) {
      const end = p.readVarint() + p.pos;
      while (p.pos < end) {
        const key = p.readVarint();
        if (key >> 3 === 1) b.strings.push(p.readString());
        else p.skip(key);
      }
    } else if (tag === 2) {
      const len = p.readVarint();
      b.groups.push([p.pos, p.pos + len]);
      p.pos += len;
    } else if (tag === 17) b.granularity = p.readVarint();
    else if (tag === 19) b.latOffset = p.readVarint(true);
    else if (tag === 20) b.lonOffset = p.readVarint(true);
  }, block);
  let kinds = 0;
  for (const [start, end] of block.groups) {
    pbf.pos = start;
    while (pbf.pos < end) {
      const key = pbf.readVarint();
      const tag = key >> 3;
      const len = pbf.readVarint();
      const stop = pbf.pos + len;
      kinds |= tag === 1 || tag === 2 ? KIND_NODES : tag === 3 ? KIND_WAYS : tag === 4 ? KIND_RELATIONS : 0;
      if (tag === 2 && visitor.node) readDense(pbf, stop, block, visitor.node);
      else if (tag === 1 && visitor.node) readNode(pbf, stop, block, visitor.node);
      else if (tag === 3 && visitor.way) readWay(pbf, stop, block.strings, visitor.way);
      else if (tag === 4 && visitor.relation) readRelation(pbf, stop, block.strings, visitor.relation);
      pbf.pos = stop;
    }
  }
  return kinds;
}

type NodeFn = NonNullable<OsmVisitor['node']>;

/**
 * A DenseNodes group: the packed id, lat, lon and key/value streams are read side by side with one
 * cursor each, straight from the block's bytes (no intermediate arrays); tags are made only for the
 * nodes that have some.
 */
function readDense(pbf: Pbf, end: number, b: Block, fn: NodeFn): void {
  const buf = pbf.buf;
  const ids = new Pbf(buf);
  const lats = new Pbf(buf);
  const lons = new Pbf(buf);
  const kv = new Pbf(buf);
  let idsEnd = 0;
  let latsEnd = 0;
  let lonsEnd = 0;
  let kvEnd = 0;
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const tag = key >> 3;
    if (tag === 1 || tag === 8 || tag === 9 || tag === 10) {
      const len = pbf.readVarint();
      const cursor = tag === 1 ? ids : tag === 8 ? lats : tag === 9 ? lons : kv;
      cursor.pos = pbf.pos;
      pbf.pos += len;
      if (tag === 1) idsEnd = pbf.pos;
      else if (tag === 8) latsEnd = pbf.pos;
      else if (tag === 9) lonsEnd = pbf.pos;
      else kvEnd = pbf.pos;
    } else pbf.skip(key);
  }
  const { strings, lonOffset, latOffset, granularity } = b;
  let id = 0;
  let lat = 0;
  let lon = 0;
  while (ids.pos < idsEnd) {
    id += ids.readSVarint();
    // a node without lat/lon is malformed: it reads as NaN (never a valid position)
    lat = lats.pos < latsEnd ? lat + lats.readSVarint() : NaN;
    lon = lons.pos < lonsEnd ? lon + lons.readSVarint() : NaN;
    let tags: OsmTags | null = null;
    if (kv.pos < kvEnd) {
      let k = kv.readVarint();
      while (k !== 0 && kv.pos < kvEnd) {
        tags ??= {};
        tags[strings[k]!] = strings[kv.readVarint()]!;
        k = kv.pos < kvEnd ? kv.readVarint() : 0;
      }
    }
    fn(id, (lonOffset + granularity * lon) / 1e9, (latOffset + granularity * lat) / 1e9, tags);
  }
}

function readNode(pbf: Pbf, end: number, b: Block, fn: NodeFn): void {
  let id = 0;
  let lat = 0;
  let lon = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const tag = key >> 3;
    if (tag === 1) id = pbf.readSVarint();
    else if (tag === 2) keys = pbf.readPackedVarint();
    else if (tag === 3) vals = pbf.readPackedVarint();
    else if (tag === 8) lat = pbf.readSVarint();
    else if (tag === 9) lon = pbf.readSVarint();
    else pbf.skip(key);
  }
  const tags = keys.length > 0 ? makeTags(keys, vals, b.strings) : null;
  fn(id, (b.lonOffset + b.granularity * lon) / 1e9, (b.latOffset + b.granularity * lat) / 1e9, tags);
}

function makeTags(keys: number[], vals: number[], strings: string[]): OsmTags {
  const tags: OsmTags = {};
  for (let i = 0; i < keys.length; i++) tags[strings[keys[i]!]!] = strings[vals[i]!]!;
  return tags;
}

function readWay(pbf: Pbf, end: number, strings: string[], fn: NonNullable<OsmVisitor['way']>): void {
  let id = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  let refs: number[] = [];
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const tag = key >> 3;
    if (tag === 1) id = pbf.readVarint();
    else if (tag === 2) keys = pbf.readPackedVarint();
    else if (tag === 3) vals = pbf.readPackedVarint();
    else if (tag === 8) refs = pbf.readPackedSVarint();
    else pbf.skip(key);
  }
  for (let i = 1; i < refs.length; i++) refs[i]! += refs[i - 1]!;
  fn(id, refs, makeTags(keys, vals, strings));
}

function readRelation(pbf: Pbf, end: number, strings: string[], fn: NonNullable<OsmVisitor['relation']>): void {
  let id = 0;
  let keys: number[] = [];
  let vals: number[] = [];
  let roles: number[] = [];
  let memids: number[] = [];
  let types: number[] = [];
  while (pbf.pos < end) {
    const key = pbf.readVarint();
    const tag = key >> 3;
    if (tag === 1) id = pbf.readVarint();
    else if (tag === 2) keys = pbf.readPackedVarint();
    else if (tag === 3) vals = pbf.readPackedVarint();
    else if (tag === 8) roles = pbf.readPackedVarint();
    else if (tag === 9) memids = pbf.readPackedSVarint();
    else if (tag === 10) types = pbf.readPackedVarint();
    else pbf.skip(key);
  }
  const members: OsmMember[] = [];
  let ref = 0;
  for (let i = 0; i < memids.length; i++) {
    ref += memids[i]!;
    members.push({ type: MEMBER_TYPES[types[i] ?? 0] ?? 'n', ref, role: strings[roles[i] ?? 0] ?? '' });
  }
  fn(id, members, makeTags(keys, vals, strings));
}
