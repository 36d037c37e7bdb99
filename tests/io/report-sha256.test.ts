import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { sha256, sha256Hex } from '../../src/io/sha256';

const nodeHex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('sha256 (pure, sync) for report provenance', () => {
  it('matches the FIPS 180-4 / NIST test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes text as UTF-8', () => {
    expect(sha256Hex('宁波 15 分钟生活圈')).toBe(nodeHex(Buffer.from('宁波 15 分钟生活圈', 'utf8')));
  });

  it('equals node:crypto on seeded random inputs of every length around the block boundaries', () => {
    const rand = mulberry32(180_4);
    const lengths = [...Array.from({ length: 200 }, (_, i) => i), 447, 448, 511, 512, 513, 4095, 4096, 65_537];
    for (const n of lengths) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
      Object.freeze(bytes.buffer);
      const copy = bytes.slice();
      expect(sha256Hex(bytes), `length ${n}`).toBe(nodeHex(bytes));
      expect(bytes).toEqual(copy); // input untouched
    }
  });

  it('equals crypto.subtle.digest (what the browser has) and hashes a subarray view by its own bytes', async () => {
    const rand = mulberry32(42);
    const big = Uint8Array.from({ length: 10_000 }, () => Math.floor(rand() * 256));
    const view = big.subarray(100, 9_000);
    const subtle = new Uint8Array(await webcrypto.subtle.digest('SHA-256', view));
    expect(sha256(view)).toEqual(subtle);
  });

  it('throws on a value that is neither bytes nor text', () => {
    expect(() => sha256([1, 2, 3] as unknown as Uint8Array)).toThrow(/Uint8Array or string/);
  });
});
