import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reusingZlibInflater } from '../../../src/io/osm/blob-inflater';
import { mulberry32 } from '../../../src/engine/prng';

/** `n` seeded bytes: random (incompressible) or a few repeated words (compressible). */
function bytes(n: number, seed: number, random: boolean): Uint8Array {
  const rand = mulberry32(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = random ? (rand() * 256) | 0 : 'highway=footway;'.charCodeAt(i % 16) ^ ((rand() * 2) | 0);
  return out;
}

describe('reusingZlibInflater', () => {
  it('gives back every blob exactly, small and large, compressible or not, one after another', () => {
    const inflate = reusingZlibInflater();
    // the 1.5 MB random blob compresses to more than 1 MiB: inflated slice by slice
    for (const [n, seed, random] of [
      [100_000, 1, false],
      [1_500_000, 2, true],
      [10, 3, false],
      [300_000, 4, true],
    ] as const) {
      const raw = bytes(n, seed, random);
      const out = inflate(zlibSync(raw), raw.length);
      expect(out.length).toBe(raw.length);
      expect(Buffer.from(out).equals(Buffer.from(raw))).toBe(true);
    }
  });

  it('refuses a blob that inflates past its limit, and corrupt data, with the reason', () => {
    const inflate = reusingZlibInflater();
    const raw = bytes(50_000, 5, false);
    expect(() => inflate(zlibSync(raw), raw.length - 1)).toThrow(/inflates past the limit of 49999 bytes/);
    const big = bytes(1_500_000, 6, true);
    expect(() => inflate(zlibSync(big), 1000)).toThrow(/inflates past the limit of 1000 bytes/);
    const cut = zlibSync(raw).subarray(0, 200);
    expect(() => inflate(cut, raw.length)).toThrow(/corrupt or truncated/);
    // the inflater still works after a refusal
    expect(inflate(zlibSync(raw), raw.length).length).toBe(raw.length);
  });
});
