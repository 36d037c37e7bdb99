import { Gunzip, Unzlib } from 'fflate';
import { OsmFormatError } from './osm-elements';

/** Input slice fed to the inflater at a time: bounds what one step can produce (≈ 1032 × this). */
const SLICE = 16 * 1024;

/**
 * Inflate zlib (`format: 'zlib'`) or gzip data, refusing output past `maxBytes` (a decompression
 * bomb stops after one slice's worth, not after filling memory).
 *
 * @param data compressed bytes
 * @param format container: zlib (PBF blobs) or gzip (`.osm.gz`)
 * @param maxBytes largest output in bytes
 * @param onChunk receives the output piece by piece; when absent, the whole output is returned
 * @returns the inflated bytes (empty when `onChunk` is given)
 */
export function inflateBounded(
  data: Uint8Array,
  format: 'zlib' | 'gzip',
  maxBytes: number,
  onChunk?: (chunk: Uint8Array) => void,
): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const sink = (chunk: Uint8Array, final: boolean): void => {
    total += chunk.length;
    if (total > maxBytes)
      throw new OsmFormatError(`a block inflates past the limit of ${maxBytes} bytes (refused as a decompression bomb)`);
    if (onChunk) onChunk(chunk);
    else parts.push(chunk);
    if (final) ended = true;
  };
  const inflater = format === 'zlib' ? new Unzlib(sink) : new Gunzip(sink);
  try {
    for (let at = 0; at < data.length; at += SLICE) {
      inflater.push(data.subarray(at, Math.min(data.length, at + SLICE)), at + SLICE >= data.length);
    }
  } catch (e) {
    if (e instanceof OsmFormatError) throw e;
    throw new OsmFormatError(`compressed data is corrupt or truncated (${(e as Error).message})`);
  }
  if (!ended) throw new OsmFormatError('compressed data is truncated');
  if (onChunk) return new Uint8Array(0);
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
