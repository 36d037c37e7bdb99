/**
 * Writes a PMTiles v3 archive (spec: protomaps/PMTiles spec/v3/spec.md) from tiles in memory: the
 * 127-byte header, the root directory right after it, the JSON metadata, then the tile data in
 * tile-id order (clustered). Only for small archives: every entry goes into the root directory
 * (no leaf directories), so header + root directory must stay within the first 16,384 bytes.
 * Internal (directory, metadata) and tile compression are both gzip, as in the public builds.
 */
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile: its z/x/y (XYZ, y down) and its bytes, uncompressed. */
export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** PMTiles v3 tile type codes (header byte 99). */
export const PMTILES_TILE_TYPE = { mvt: 1, png: 2, jpeg: 3, webp: 4 } as const;

/** What goes into the header and metadata besides the tiles. */
export interface PmtilesArchiveInfo {
  tileType: (typeof PMTILES_TILE_TYPE)[keyof typeof PMTILES_TILE_TYPE];
  /** Bounds in WGS84 degrees: [west, south, east, north]. */
  bounds: readonly [number, number, number, number];
  /** Centre [lon, lat] in degrees and zoom the viewer should start at. */
  center: readonly [number, number, number];
  /** JSON metadata (e.g. `vector_layers`, `attribution`). */
  metadata: Record<string, unknown>;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT_BYTES = 16384;
const GZIP = 2;

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** The directory encoding of the spec: count, then tile-id deltas, run lengths, lengths, offsets (0 = contiguous). */
function serializeDirectory(entries: readonly DirEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, i > 0 && prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/**
 * Builds the archive bytes.
 *
 * @param tiles tiles of any zooms, uncompressed (each is gzipped here); duplicates of a z/x/y are refused
 * @param info tile type, bounds and centre in degrees, metadata
 * @returns the whole `.pmtiles` file
 */
export function writePmtiles(tiles: readonly PmtilesTile[], info: PmtilesArchiveInfo): Uint8Array {
  const sorted = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), tile: t })).sort((a, b) => a.id - b.id);
  const chunks: Uint8Array[] = [];
  const entries: DirEntry[] = [];
  let offset = 0;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.id === item.id)
      throw new RangeError(`writePmtiles: tile ${item.tile.z}/${item.tile.x}/${item.tile.y} given twice`);
    const bytes = new Uint8Array(gzipSync(item.tile.data));
    entries.push({ tileId: item.id, offset, length: bytes.length, runLength: 1 });
    chunks.push(bytes);
    offset += bytes.length;
  }
  const root = new Uint8Array(gzipSync(serializeDirectory(entries)));
  if (HEADER_BYTES + root.length > ROOT_LIMIT_BYTES)
    throw new RangeError(`writePmtiles: root directory of ${root.length} bytes needs leaf directories`);
  const metadata = new Uint8Array(gzipSync(Buffer.from(JSON.stringify(info.metadata), 'utf8')));
  const zooms = tiles.map((t) => t.z);

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const tileDataOffset = metadataOffset + metadata.length;
  const total = tileDataOffset + offset;
  const file = new Uint8Array(total);
  const view = new DataView(file.buffer);
  file.set(new TextEncoder().encode('PMTiles'), 0);
  file[7] = 3;
  const u64 = (at: number, v: number) => view.setBigUint64(at, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileDataOffset); // no leaf directories: offset where they would start, length 0
  u64(48, 0);
  u64(56, tileDataOffset);
  u64(64, offset);
  u64(72, entries.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, entries.length); // tile contents
  file[96] = 1; // clustered
  file[97] = GZIP;
  file[98] = GZIP;
  file[99] = info.tileType;
  file[100] = zooms.length ? Math.min(...zooms) : 0;
  file[101] = zooms.length ? Math.max(...zooms) : 0;
  const e7 = (at: number, deg: number) => view.setInt32(at, Math.round(deg * 1e7), true);
  e7(102, info.bounds[0]);
  e7(106, info.bounds[1]);
  e7(110, info.bounds[2]);
  e7(114, info.bounds[3]);
  file[118] = info.center[2];
  e7(119, info.center[0]);
  e7(123, info.center[1]);
  file.set(root, rootOffset);
  file.set(metadata, metadataOffset);
  let at = tileDataOffset;
  for (const c of chunks) {
    file.set(c, at);
    at += c.length;
  }
  return file;
}
