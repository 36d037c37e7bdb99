import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeInflateZlib } from '../../src/cli/node-inflate';
import { scanOsm } from '../../src/io/osm/scan-osm';
import { osmRefusal, pbfBomb } from '../helpers/osm-pbf';

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

describe("the CLI's native zlib for PBF blobs", () => {
  it('reads the same elements as the JS inflater the browser uses', () => {
    const native = elements(nodeInflateZlib);
    expect(native.length).toBe(58631 + 7801 + 179);
    expect(native).toEqual(elements());
  });

  it('refuses a decompression bomb and corrupt data as the JS inflater does', () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    expect(osmRefusal(() => nodeInflateZlib(bomb, 100))).toMatch(/inflates past the limit of 100 bytes .*decompression bomb/);
    expect(osmRefusal(() => nodeInflateZlib(bomb.subarray(0, 1000), 1 << 30))).toMatch(/corrupt or truncated/);
    expect(osmRefusal(() => nodeInflateZlib(new Uint8Array([1, 2, 3, 4]), 100))).toMatch(/corrupt or truncated/);
    expect(Array.from(nodeInflateZlib(deflateSync(new Uint8Array([7, 8, 9])), 3))).toEqual([7, 8, 9]);
  });

  it('stops a PBF blob that inflates past the size it claims, with the JS inflater’s message', () => {
    const bomb = pbfBomb();
    const js = osmRefusal(() => scanOsm(bomb, { node: () => {} }));
    expect(js).toMatch(/inflates past the limit of 100 bytes/);
    expect(osmRefusal(() => scanOsm(bomb, { node: () => {} }, { inflate: nodeInflateZlib }))).toBe(js);
  });
});
