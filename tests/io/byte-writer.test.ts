import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../src/io/byte-writer';

const text = (w: ByteWriter): string => new TextDecoder().decode(w.bytes());

describe('ByteWriter', () => {
  it('fixed writes a rounded coordinate exactly as JSON.stringify writes the number (6 and 2 decimals)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), fc.constantFrom(6, 2), (v, decimals) => {
        const scale = 10 ** decimals;
        const n = Math.round(v * scale);
        const w = new ByteWriter(4);
        w.fixed(n, decimals, scale);
        expect(text(w)).toBe(JSON.stringify(n / scale + 0));
      }),
      { numRuns: 5000 },
    );
    for (const [n, want] of [
      [0, '0'],
      [-0, '0'],
      [1, '0.000001'],
      [-1, '-0.000001'],
      [-180000000, '-180'],
      [121543210, '121.54321'],
      [NaN, 'null'],
      [Infinity, 'null'],
    ] as const) {
      const w = new ByteWriter();
      w.fixed(n, 6, 1e6);
      expect(text(w)).toBe(want);
    }
  });

  it('text writes UTF-8 (Chinese names, emoji, long strings) and grows past its first capacity', () => {
    const w = new ByteWriter(16);
    const parts = ['{"name":', JSON.stringify('幸福里社区 🏠'), ',', 'x'.repeat(500), '"é"}'];
    for (const p of parts) w.text(p);
    w.number(-0);
    w.number(1.5e-7);
    w.number(NaN);
    expect(text(w)).toBe(`${parts.join('')}01.5e-7null`);
  });

  it('jsonString writes any string exactly as JSON.stringify does (quotes, controls, Chinese, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        const w = new ByteWriter(4);
        w.text('[');
        w.jsonString(s);
        w.text(']');
        expect(text(w)).toBe(`[${JSON.stringify(s)}]`);
      }),
      { numRuns: 3000 },
    );
    const w = new ByteWriter(4);
    for (const s of ['c1', 'a"b', 'a\\b', 'tab\there', '幸福里', '\ud800', '', 'x'.repeat(100)]) w.jsonString(s);
    expect(text(w)).toBe(
      ['c1', 'a"b', 'a\\b', 'tab\there', '幸福里', '\ud800', '', 'x'.repeat(100)].map((s) => JSON.stringify(s)).join(''),
    );
  });

  it('copyFrom appends a range of another writer', () => {
    const a = new ByteWriter();
    a.text('abc,社区,def');
    const b = new ByteWriter(1);
    b.text('[');
    b.copyFrom(a, 4, 10);
    b.byte(93);
    expect(text(b)).toBe('[社区]');
  });

  it('raw and copyFrom append short and long runs (from itself too) exactly, growing the buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const w = new ByteWriter(16);
        w.raw(new TextEncoder().encode(a));
        const mid = w.length;
        w.text(b);
        w.copyFrom(w, 0, mid);
        expect(text(w)).toBe(a + b + a);
      }),
    );
  });
});
