import { describe, expect, it } from 'vitest';
import { categoryTotalsAt } from '../../../src/engine/coverage/category-totals';
import { computeCoverage } from '../../../src/engine/coverage/coverage';
import { getPreset } from '../../../src/engine/presets';
import { mulberry32 } from '../../../src/engine/prng';
import { KIND_RURAL, KIND_URBAN, type AccessField, type DemandSamples, type Settings } from '../../../src/engine/model';

/** Seeded samples of 80 communities (1–12 samples each, odd populations) and one access field per category (some unreachable). */
function randomSamples(seed: number, settings: Settings): { samples: DemandSamples; fields: AccessField[] } {
  const rand = mulberry32(seed);
  const counts = Array.from({ length: 80 }, () => 1 + Math.floor(rand() * 12));
  const n = counts.reduce((a, b) => a + b, 0);
  const community = new Uint32Array(n);
  const population = new Float64Array(n);
  const kind = new Uint8Array(n);
  const communityStart = new Uint32Array(counts.length + 1);
  let i = 0;
  counts.forEach((m, c) => {
    communityStart[c] = i;
    const k = rand() < 0.5 ? KIND_URBAN : KIND_RURAL;
    const pop = 100 + rand() * 3000;
    for (let j = 0; j < m; j++, i++) {
      community[i] = c;
      population[i] = pop / m;
      kind[i] = k;
    }
  });
  communityStart[counts.length] = n;
  const fields = settings.categories.map((cat) => ({
    category: cat.id,
    seconds: Float32Array.from({ length: n }, () => (rand() < 0.05 ? Infinity : rand() * 2400)),
    facility: new Int32Array(n),
  }));
  return { samples: { count: n, lon: new Float64Array(n), lat: new Float64Array(n), community, population, kind, communityStart }, fields };
}

describe('categoryTotalsAt', () => {
  it('counts the residents within the urban and rural thresholds (hand-made)', () => {
    const t = {
      population: Float64Array.from([100, 50, 30, 20]),
      kind: Uint8Array.from([KIND_URBAN, KIND_URBAN, KIND_RURAL, KIND_RURAL]),
      seconds: Float32Array.from([600, 960, 1100, Infinity]),
    };
    const r = categoryTotalsAt('clinic', t, { urban: 15, rural: 20 });
    expect(r).toEqual({
      id: 'clinic',
      covered: 130,
      coveredUrban: 100,
      coveredRural: 30,
      share: 0.65,
      urbanShare: 100 / 150,
      ruralShare: 0.6,
    });
    // exactly at the threshold counts (≤), as in computeCoverage
    expect(categoryTotalsAt('clinic', t, { urban: 16, rural: 1 }).coveredUrban).toBe(150);
    expect(
      categoryTotalsAt(
        'x',
        { ...t, population: new Float64Array(0), kind: new Uint8Array(0), seconds: new Float32Array(0) },
        { urban: 15, rural: 20 },
      ).share,
    ).toBeNaN();
  });

  it('gives the same totals as a full re-threshold, bit for bit, at random thresholds', () => {
    const base = structuredClone(getPreset('ningbo')!.settings);
    for (const seed of [1, 2, 3]) {
      const rand = mulberry32(100 + seed);
      const settings: Settings = {
        ...base,
        categories: base.categories.map((c) => ({
          ...c,
          thresholdMinutes: { urban: 1 + Math.floor(rand() * 40), rural: 1 + Math.floor(rand() * 40) },
        })),
      };
      const { samples, fields } = randomSamples(seed, settings);
      const full = computeCoverage(samples, fields, settings);
      settings.categories.forEach((c, k) => {
        const quick = categoryTotalsAt(
          c.id,
          { population: samples.population, kind: samples.kind, seconds: fields[k]!.seconds },
          c.thresholdMinutes,
        );
        expect(quick).toEqual(full.totals[k]);
      });
    }
  });

  it('refuses arrays of different lengths', () => {
    expect(() =>
      categoryTotalsAt(
        'clinic',
        { population: new Float64Array(3), kind: new Uint8Array(2), seconds: new Float32Array(3) },
        { urban: 15, rural: 20 },
      ),
    ).toThrow(/3 populations, 2 kinds, 3 times/);
  });
});
