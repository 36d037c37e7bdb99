/**
 * Hand-made OSM PBF files for the readers' tests: the file framing (BlobHeader length, BlobHeader,
 * Blob), a zlib Blob that may claim a wrong raw size (a decompression bomb claims a small one), and
 * the message of the refusal a reader throws.
 */
import { zlibSync } from 'fflate';
import { PbfWriter } from 'pbf';
import { expect } from 'vitest';
import { OsmFormatError } from '../../src/io/osm/osm-elements';
import { concatBytes } from './bytes';

/** A PBF file of the given blobs: `[type, Blob message bytes]` (`OSMHeader`, `OSMData`). */
export function pbfFile(blobs: [string, Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [type, blob] of blobs) {
    const h = new PbfWriter();
    h.writeStringField(1, type);
    h.writeVarintField(3, blob.length);
    const header = h.finish();
    const len = new Uint8Array(4);
    new DataView(len.buffer).setUint32(0, header.length);
    parts.push(len, header, blob);
  }
  return concatBytes(parts);
}

/** A Blob message holding `raw` zlib-compressed and claiming `claimedSize` raw bytes. */
export function zlibBlob(raw: Uint8Array, claimedSize = raw.length): Uint8Array {
  const w = new PbfWriter();
  w.writeVarintField(2, claimedSize);
  w.writeBytesField(3, zlibSync(raw));
  return w.finish();
}

/** A HeaderBlock that requires only what every reader has (`OsmSchema-V0.6`, `DenseNodes`). */
export function osmHeaderBlock(): Uint8Array {
  const w = new PbfWriter();
  w.writeStringField(4, 'OsmSchema-V0.6');
  w.writeStringField(4, 'DenseNodes');
  return w.finish();
}

/**
 * A file whose data blob claims 100 raw bytes and inflates to 64 MiB of zeros (a decompression
 * bomb in 64 KiB).
 */
export function pbfBomb(): Uint8Array {
  return pbfFile([
    ['OSMHeader', zlibBlob(osmHeaderBlock())],
    ['OSMData', zlibBlob(new Uint8Array(64 * 1024 * 1024), 100)],
  ]);
}

/** The message of the OsmFormatError a call throws (the test fails when it throws none or another). */
export function osmRefusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(OsmFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}
