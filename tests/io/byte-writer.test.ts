import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter, STREAM_CHUNK } from '../../src/io/byte-writer';

const text = (w: ByteWriter): string => new TextDecoder().decode(w.bytes());

describe('ByteWriter', () => {
  it('streamed to a sink, flushed between records, gives the bytes it holds in memory', () => {
    const record = fc.array(
      fc.oneof(
        fc.string({ maxLength: 80 }).map((t) => ({ text: t })),
        fc.integer({ min: -1e9, max: 1e9 }).map((n) => ({ fixed: n })),
        fc.double({ noNaN: true }).map((v) => ({ number: v })),
      ),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 400 }), (records, repeat) => {
        const chunks: Uint8Array[] = [];
        const streamed = new ByteWriter(16, (c) => chunks.push(c.slice()));
        const memory = new ByteWriter(16);
        // repeated so that the streamed writer passes STREAM_CHUNK bytes and flushes
        for (let r = 0; r < repeat; r++) {
          for (const parts of records) {
            for (const w of [streamed, memory]) {
              const start = w.length;
              for (const p of parts) {
                if ('text' in p) w.text(p.text);
                else if ('fixed' in p) w.fixed(p.fixed, 3, 1000);
                else w.number(p.number);
              }
              w.copyFrom(w, start, w.length); // a record copied from the writer itself, as accessibility.csv does
              w.flushIfFull();
            }
          }
        }
        expect(streamed.total).toBe(memory.total);
        expect(streamed.finish()).toHaveLength(0);
        const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          expect(c.length).toBeLessThan(4 * STREAM_CHUNK); // never the whole file at once
          whole.set(c, at);
          at += c.length;
        }
        expect(Buffer.from(whole).equals(Buffer.from(memory.finish()))).toBe(true);
      }),
      { numRuns: 30 },
    );
    // 3.6 MB in records: handed over in several chunks, none larger than about one STREAM_CHUNK
    const sizes: number[] = [];
    const w = new ByteWriter(1 << 30, (c) => sizes.push(c.length));
    for (let i = 0; i < 100_000; i++) {
      w.text('0123456789abcdefghijklmnopqrstuvwxyz');
      w.flushIfFull();
    }
    w.finish();
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3_600_000);
    expect(Math.max(...sizes)).toBeLessThan(STREAM_CHUNK + 64);
  });

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
    // integer parts past 2^31 (written with doubles, not int32)
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.constantFrom(3, 2, 1), (v, decimals) => {
        const scale = 10 ** decimals;
        const n = Math.round(v * scale);
        const w = new ByteWriter(4);
        w.fixed(n, decimals, scale);
        expect(text(w)).toBe(JSON.stringify(n / scale + 0));
      }),
      { numRuns: 2000 },
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
