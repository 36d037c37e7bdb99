/** Result formats: shares, minutes and head counts as a planner reads them, in both languages. */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { formatCount, formatMinutes, formatPercent, NO_VALUE } from '../../src/app/results/format';

/** Digits grouped by three with commas, written out by hand (no Intl). */
const grouped = (n: number): string => {
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) out += (i > 0 && (s.length - i) % 3 === 0 ? ',' : '') + s[i];
  return (n < 0 ? '-' : '') + out;
};

describe('formatPercent', () => {
  it('shows a share as percent with one decimal and a spaced sign, in both languages', () => {
    const r = mulberry32(11);
    for (let i = 0; i < 2000; i++) {
      const share = r();
      const expected = `${(share * 100).toFixed(1)} %`;
      expect(formatPercent(share, 'en')).toBe(expected);
      expect(formatPercent(share, 'zh')).toBe(expected);
    }
    expect(formatPercent(0.858461, 'en')).toBe('85.8 %');
    expect(formatPercent(1, 'en')).toBe('100.0 %');
    expect(formatPercent(0, 'zh')).toBe('0.0 %');
  });

  it('shows a share of nobody (NaN) as a dash, not "NaN %"', () => {
    expect(formatPercent(NaN, 'en')).toBe(NO_VALUE);
    expect(formatPercent(Infinity, 'zh')).toBe(NO_VALUE);
  });
});

describe('formatMinutes', () => {
  it('turns seconds into minutes with one decimal; unreachable is null', () => {
    const r = mulberry32(12);
    for (let i = 0; i < 1000; i++) {
      const seconds = r() * 3000;
      expect(formatMinutes(seconds, 'en')).toBe((seconds / 60).toFixed(1));
    }
    expect(formatMinutes(900, 'zh')).toBe('15.0');
    expect(formatMinutes(Infinity, 'en')).toBeNull();
    expect(formatMinutes(NaN, 'en')).toBeNull();
  });
});

describe('formatCount', () => {
  it('rounds to whole residents and groups thousands', () => {
    const r = mulberry32(13);
    for (let i = 0; i < 1000; i++) {
      const people = r() * 10 ** Math.floor(r() * 8);
      expect(formatCount(people, 'en')).toBe(grouped(Math.round(people)));
    }
    expect(formatCount(1234567.4, 'zh')).toBe('1,234,567');
    expect(formatCount(NaN, 'en')).toBe(NO_VALUE);
  });
});
