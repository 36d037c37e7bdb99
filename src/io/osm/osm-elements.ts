/**
 * The elements an OpenStreetMap reader hands to its visitor, the same for PBF and XML.
 * Ids are float64 numbers (OSM ids stay far below 2^53).
 */

/** Tags of one element, key → value. */
export type OsmTags = Record<string, string>;

/** A relation member: `n`, `w` or `r` with its id and role. */
export interface OsmMember {
  type: 'n' | 'w' | 'r';
  ref: number;
  role: string;
}

/** What to decode in one pass; skipping a kind skips its bytes without decoding them. */
export interface OsmVisitor {
  /** A node: lon/lat in degrees, tags null when it has none. */
  node?: (id: number, lon: number, lat: number, tags: OsmTags | null) => void;
  /** A way with its node refs in order. */
  way?: (id: number, refs: readonly number[], tags: OsmTags) => void;
  /** A relation with its members in order. */
  relation?: (id: number, members: readonly OsmMember[], tags: OsmTags) => void;
}

/** Options of a decoding pass. */
export interface OsmScanOptions {
  /** Called with the bytes read so far (0..total) now and then. */
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /** Stops the pass with an `AbortError`. */
  signal?: AbortSignal;
  /**
   * Largest inflated block in bytes (default 32 MiB, the PBF limit): a blob that claims or
   * inflates past it is refused (a decompression bomb), and an XML file past 64× it.
   */
  maxBlobBytes?: number;
  /**
   * Shared by the passes of one import over the same PBF bytes: filled with the kinds each data blob
   * holds (bits: 1 nodes, 2 ways, 4 relations), so that later passes do not inflate the blobs
   * without the kinds they want (in a sorted file, the way pass skips the node blobs and back).
   */
  blobKinds?: number[];
  /**
   * Inflates a PBF blob's zlib data to at most `maxBytes` bytes, throwing {@link OsmFormatError}
   * past it or on corrupt data (default: fflate, in JS, everywhere; the CLI passes Node's native
   * zlib, about three times faster).
   */
  inflate?: ZlibInflate;
}

/** Inflate zlib data to at most `maxBytes` bytes (see {@link OsmScanOptions.inflate}). */
export type ZlibInflate = (data: Uint8Array, maxBytes: number) => Uint8Array;

/** A file the reader refuses: the message says why, for the user (the caller adds the file name). */
export class OsmFormatError extends Error {
  override name = 'OsmFormatError';
}

/** The default of {@link OsmScanOptions.maxBlobBytes}: 32 MiB. */
export const DEFAULT_MAX_BLOB_BYTES = 32 * 1024 * 1024;

/** Throws an `AbortError` DOMException when the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('Aborted', 'AbortError');
}
