import { describe, expect, it } from 'vitest';
import { accessStats, bandOf, BAND_COUNT } from '../../../src/engine/indicators/access-stats';
import { KIND_RURAL } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';

/** Median by brute force: the least time t (over the samples' times) with residents at ≤ t ≥ half. */
function bruteMedian(s: number[], p: number[]): number | null {
  const total = p.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return null;
  const times = [...new Set(s)].sort((a, b) => a - b);
  for (const t of times) {
    const at = s.reduce((acc, v, i) => acc + (v <= t ? p[i]! : 0), 0);
    if (at >= total / 2) return Number.isFinite(t) ? t / 60 : null;
  }
  return null;
}

describe('bandOf', () => {
  it('puts a time on a band edge in the lower band (≤, as coverage does) and the unreachable in "no road"', () => {
    expect(bandOf(0)).toBe(0);
    expect(bandOf(300)).toBe(0);
    expect(bandOf(300.01)).toBe(1);
    expect(bandOf(1800)).toBe(4);
    expect(bandOf(1800.5)).toBe(5);
    expect(bandOf(Infinity)).toBe(BAND_COUNT - 1);
    expect(bandOf(NaN)).toBe(BAND_COUNT - 1);
  });
});

describe('accessStats', () => {
  it('equals a brute-force count per group and kind on seeded random samples', () => {
    const rand = mulberry32(99);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(rand() * 60);
      const G = 1 + Math.floor(rand() * 4);
      const seconds = Float32Array.from({ length: n }, () => (rand() < 0.1 ? Infinity : Math.round(rand() * 45) * 60));
      const population = Float64Array.from({ length: n }, () => (rand() < 0.1 ? 0 : Math.floor(rand() * 100)));
      const kind = Uint8Array.from({ length: n }, () => (rand() < 0.4 ? KIND_RURAL : 0));
      const group = Int32Array.from({ length: n }, () => Math.floor(rand() * G));
      const thr = { urban: 15, rural: 20 };
      const stats = accessStats(seconds, population, kind, thr, group, G);
      expect(stats).toHaveLength(G + 1);
      // without groups: everyone's figures alone, the same
      expect(accessStats(seconds, population, kind, thr, null, 0)).toEqual([stats[G]]);
      for (let g = 0; g <= G; g++) {
        for (const which of ['all', 'urban', 'rural'] as const) {
          const idx = [...Array(n).keys()].filter(
            (i) => (g === G || group[i] === g) && (which === 'all' || (which === 'rural') === (kind[i] === KIND_RURAL)),
          );
          const lim = (i: number) => (kind[i] === KIND_RURAL ? thr.rural : thr.urban) * 60;
          const sum = (f: (i: number) => boolean) => idx.reduce((a, i) => a + (f(i) ? population[i]! : 0), 0);
          const st = stats[g]![which];
          expect(st.population).toBe(sum(() => true));
          expect(st.covered).toBe(sum((i) => seconds[i]! <= lim(i)));
          expect(st.beyondTwice).toBe(sum((i) => !(seconds[i]! <= 2 * lim(i))));
          for (let b = 0; b < BAND_COUNT; b++) expect(st.bands[b]).toBe(sum((i) => bandOf(seconds[i]!) === b));
          expect(st.bands.reduce((a, v) => a + v, 0)).toBe(st.population);
          expect(st.medianMinutes).toBe(
            bruteMedian(
              idx.map((i) => seconds[i]!),
              idx.map((i) => population[i]!),
            ),
          );
        }
      }
    }
  });

  it('counts residents with no road beyond twice the threshold and gives no median when most have none', () => {
    const s = accessStats(
      Float32Array.of(60, Infinity, Infinity),
      Float64Array.of(10, 10, 10),
      Uint8Array.of(0, 0, 0),
      { urban: 10, rural: 10 },
      null,
      0,
    );
    expect(s).toHaveLength(1);
    expect(s[0]!.all.beyondTwice).toBe(20);
    expect(s[0]!.all.bands[BAND_COUNT - 1]).toBe(20);
    expect(s[0]!.all.medianMinutes).toBeNull();
    expect(s[0]!.rural.population).toBe(0);
    expect(s[0]!.rural.medianMinutes).toBeNull();
  });
});
