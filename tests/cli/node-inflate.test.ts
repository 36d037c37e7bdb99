import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeInflateZlib } from '../../src/cli/node-inflate';
import { OsmFormatError } from '../../src/io/osm/osm-elements';
import { scanOsm } from '../../src/io/osm/scan-osm';

const PBF = new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/real/osm/north-bayreuth.osm.pbf')));

/** Every element of a pass, as one line each (ids, coordinates, refs, members, tags). */
function elements(inflate?: typeof nodeInflateZlib): string[] {
  const out: string[] = [];
  scanOsm(
    PBF,
    {
      node: (id, lon, lat, tags) => void out.push(`n${id} ${lon} ${lat} ${JSON.stringify(tags)}`),
      way: (id, refs, tags) => void out.push(`w${id} ${refs.join(',')} ${JSON.stringify(tags)}`),
      relation: (id, members, tags) => void out.push(`r${id} ${JSON.stringify(members)} ${JSON.stringify(tags)}`),
    },
    inflate ? { inflate } : {},
  );
  return out;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(OsmFormatError);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

describe("the CLI's native zlib for PBF blobs", () => {
  it('reads the same elements as the JS inflater the browser uses', () => {
    const native = elements(nodeInflateZlib);
    expect(native.length).toBe(58631 + 7801 + 179);
    expect(native).toEqual(elements());
  });

  it('refuses a decompression bomb and corrupt data as the JS inflater does', () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    expect(refusal(() => nodeInflateZlib(bomb, 100))).toMatch(/inflates past the limit of 100 bytes .*decompression bomb/);
    expect(refusal(() => nodeInflateZlib(bomb.subarray(0, 1000), 1 << 30))).toMatch(/corrupt or truncated/);
    expect(refusal(() => nodeInflateZlib(new Uint8Array([1, 2, 3, 4]), 100))).toMatch(/corrupt or truncated/);
    expect(Array.from(nodeInflateZlib(deflateSync(new Uint8Array([7, 8, 9])), 3))).toEqual([7, 8, 9]);
  });
});
