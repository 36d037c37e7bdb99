import { unzlibSync } from 'fflate';
import { inflateBounded } from './inflate-bounded';
import { OsmFormatError, type ZlibInflate } from './osm-elements';

/**
 * Largest compressed blob inflated in one call into the reused buffer (bytes). Deflate expands at
 * most 1032:1, so a decompression bomb this size costs at most about 1 GB of discarded output work
 * (about a second) before it is refused; a larger blob is inflated slice by slice
 * ({@link inflateBounded}), which stops a bomb after one slice. Real PBF blobs (8000 elements) are
 * well under it.
 */
const ONE_SHOT_MAX_INPUT = 1 << 20;

/**
 * A zlib inflater for PBF blobs in JS (fflate) that writes every blob into one output buffer,
 * reused from blob to blob and grown only when a blob needs more: no allocation, zero-fill or copy
 * per blob. The streaming inflater allocated and copied its growing output several times per 16 KiB
 * slice, which costs several times more in a browser's worker than in Node. Output past `maxBytes`
 * is never kept (the buffer is `maxBytes + 1` long: filling it means the blob inflates past the
 * limit, refused as a decompression bomb).
 *
 * @returns the inflater; the bytes it returns are valid only until its next call (a PBF decoder
 *   reads each blob before it inflates the next)
 */
export function reusingZlibInflater(): ZlibInflate {
  let buffer = new Uint8Array(0);
  return (data, maxBytes) => {
    if (data.length > ONE_SHOT_MAX_INPUT) return inflateBounded(data, 'zlib', maxBytes);
    const need = maxBytes + 1;
    if (buffer.length < need) buffer = new Uint8Array(Math.max(need, Math.ceil(buffer.length * 1.5)));
    let out: Uint8Array;
    try {
      // a given output buffer is written in place, never grown (writes past its end are dropped)
      out = unzlibSync(data, { out: buffer.subarray(0, need) });
    } catch (e) {
      throw new OsmFormatError(`compressed data is corrupt or truncated (${(e as Error).message})`);
    }
    if (out.length > maxBytes)
      throw new OsmFormatError(`a block inflates past the limit of ${maxBytes} bytes (refused as a decompression bomb)`);
    return out;
  };
}
