import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfDistance from '@turf/distance';
import { analyze } from '../../../src/engine/analyze';
import { computeCoverage } from '../../../src/engine/coverage/coverage';
import { representativeSeconds, representativeSecondsOf } from '../../../src/engine/coverage/representative-seconds';
import { findGapZones } from '../../../src/engine/coverage/gap-zones';
import { getPreset } from '../../../src/engine/presets';
import { mulberry32 } from '../../../src/engine/prng';
import type { AccessField, Community, Dataset, DemandSamples, Facility, Settings } from '../../../src/engine/model';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !ArrayBuffer.isView(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

/** A seeded random town: point and square communities, facilities of every category. */
function randomTown(seed: number): { dataset: Dataset; settings: Settings } {
  const rand = mulberry32(seed);
  const preset = getPreset('ningbo')!;
  const settings: Settings = {
    ...structuredClone(preset.settings),
    model: 'straight',
    walkSpeedKmh: { urban: 5, rural: 4 },
    sampleSpacingMeters: 150,
  };
  const lon = () => 121.5 + rand() * 0.06;
  const lat = () => 29.85 + rand() * 0.05;
  const communities: Community[] = [];
  for (let i = 0; i < 60; i++) {
    const x = lon(),
      y = lat();
    const kind = rand() < 0.5 ? 'urban' : 'rural';
    const d = 0.001 + rand() * 0.004;
    communities.push({
      index: i,
      id: `c${i}`,
      name: `c${i}`,
      kind,
      population: Math.round(100 + rand() * 3000),
      geometry:
        i % 3 === 0
          ? { type: 'Point', coordinates: [x, y] }
          : {
              type: 'Polygon',
              coordinates: [
                [
                  [x, y],
                  [x + d, y],
                  [x + d, y + d],
                  [x, y + d],
                  [x, y],
                ],
              ],
            },
    });
  }
  const facilities: Facility[] = [];
  settings.categories.forEach((c, k) => {
    for (let j = 0; j < 2 + k; j++)
      facilities.push({
        index: facilities.length,
        id: `f${facilities.length}`,
        name: '',
        category: c.id,
        capacity: null,
        lon: lon(),
        lat: lat(),
      });
  });
  return { dataset: deepFreeze({ facilities, communities, roads: null }), settings: deepFreeze(settings) };
}

const withThresholds = (s: Settings, f: (m: number) => number): Settings => ({
  ...s,
  categories: s.categories.map((c) => ({
    ...c,
    thresholdMinutes: { urban: f(c.thresholdMinutes.urban), rural: f(c.thresholdMinutes.rural) },
  })),
});

describe('coverage (straight-line model) against an all-pairs scan with @turf/distance', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every community's covered share and representative time`, () => {
      const { dataset, settings } = randomTown(seed);
      const a = analyze(dataset, settings);
      const K = settings.categories.length;
      const s = a.samples;
      const rep = representativeSeconds(s, a.fields);
      settings.categories.forEach((cat, k) => {
        const facs = dataset.facilities.filter((f) => f.category === cat.id);
        const covered = new Float64Array(dataset.communities.length);
        const pop = new Float64Array(dataset.communities.length);
        for (let i = 0; i < s.count; i++) {
          // a category's own pace (the preset's elderly pace for clinics and canteens) replaces the kind's
          const speed = (cat.walkSpeedKmh ?? (s.kind[i] === 1 ? 4 : 5)) / 3.6;
          let best = Infinity;
          for (const f of facs)
            best = Math.min(
              best,
              (turfDistance([s.lon[i]!, s.lat[i]!], [f.lon, f.lat], { units: 'meters' }) * settings.detourFactor) / speed,
            );
          const c = s.community[i]!;
          pop[c]! += s.population[i]!;
          const limit = (s.kind[i] === 1 ? cat.thresholdMinutes.rural : cat.thresholdMinutes.urban) * 60;
          if (best <= limit) covered[c]! += s.population[i]!;
          if (i === s.communityStart[c]) expect(rep[c * K + k]!).toBeCloseTo(best, 0);
        }
        for (let c = 0; c < dataset.communities.length; c++) expect(a.coverage.share[c * K + k]!).toBeCloseTo(covered[c]! / pop[c]!, 6);
      });
    });
  }

  it('covered shares only grow with the threshold; the complete circle never exceeds any category', () => {
    const { dataset, settings } = randomTown(7);
    const a = analyze(dataset, settings);
    let prev = computeCoverage(
      a.samples,
      a.fields,
      withThresholds(settings, () => 1),
    );
    for (const m of [3, 5, 10, 15, 20, 30, 60]) {
      const cur = computeCoverage(
        a.samples,
        a.fields,
        withThresholds(settings, () => m),
      );
      for (let i = 0; i < cur.share.length; i++) expect(cur.share[i]!).toBeGreaterThanOrEqual(prev.share[i]! - 1e-12);
      for (const t of cur.totals) expect(cur.completeCovered).toBeLessThanOrEqual(t.covered + 1e-6);
      prev = cur;
    }
    const first = computeCoverage(
      a.samples,
      a.fields,
      withThresholds(settings, () => 1),
    );
    expect(prev.totals.some((t, k) => t.share > first.totals[k]!.share)).toBe(true);
  });

  it('totals split exactly into urban and rural residents', () => {
    const { dataset, settings } = randomTown(11);
    const cov = analyze(dataset, settings).coverage;
    const residents = dataset.communities.reduce((s, c) => s + c.population, 0);
    expect(cov.population.total).toBeCloseTo(residents, 6);
    for (const t of cov.totals) expect(t.coveredUrban + t.coveredRural).toBeCloseTo(t.covered, 6);
  });
});

describe('gap zones', () => {
  it('hold every uncovered populated sample exactly once and add up to the uncovered residents', () => {
    const { dataset, settings } = randomTown(5);
    const a = analyze(dataset, settings);
    const zones = findGapZones(a.samples, a.fields, settings);
    settings.categories.forEach((cat, k) => {
      const mine = zones.filter((z) => z.category === k);
      const uncovered = a.coverage.population.total - a.coverage.totals[k]!.covered;
      expect(mine.reduce((s, z) => s + z.population, 0)).toBeCloseTo(uncovered, 4);
      const s = a.samples;
      for (let i = 0; i < s.count; i++) {
        if (!(s.population[i]! > 0)) continue;
        const limit = (s.kind[i] === 1 ? cat.thresholdMinutes.rural : cat.thresholdMinutes.urban) * 60;
        if (a.fields[k]!.seconds[i]! <= limit) continue;
        const inside = mine.filter((z) => booleanPointInPolygon([s.lon[i]!, s.lat[i]!], { type: 'Polygon', coordinates: z.polygon }));
        expect(inside).toHaveLength(1);
      }
    });
  });
});

/** Seeded samples by hand: communities of 0, 1 or several samples, some without residents, unreachable samples. */
function handSamples(seed: number, settings: Settings): { samples: DemandSamples; fields: AccessField[] } {
  const rand = mulberry32(seed);
  const community: number[] = [],
    population: number[] = [],
    kind: number[] = [],
    start: number[] = [0];
  for (let c = 0; c < 300; c++) {
    const roll = rand();
    const m = roll < 0.05 ? 0 : roll < 0.6 ? 1 : 2 + Math.floor(rand() * 6);
    const k = rand() < 0.4 ? 1 : 0;
    const empty = rand() < 0.1;
    for (let j = 0; j < m; j++) {
      community.push(c);
      population.push(empty ? 0 : rand() * 500);
      kind.push(k);
    }
    start.push(community.length);
  }
  const n = community.length;
  const samples: DemandSamples = {
    count: n,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    community: Uint32Array.from(community),
    population: Float64Array.from(population),
    kind: Uint8Array.from(kind),
    communityStart: Uint32Array.from(start),
  };
  const fields = settings.categories.map((cat) => ({
    category: cat.id,
    seconds: Float32Array.from({ length: n }, () => (rand() < 0.05 ? Infinity : rand() * 1800)),
    facility: new Int32Array(n),
  }));
  return { samples: deepFreeze(samples), fields: deepFreeze(fields) };
}

describe('coverage against a per-category scan of the samples', () => {
  for (const seed of [21, 22, 23]) {
    it(`seed ${seed}: communities of 0, 1 or many samples, with and without residents`, () => {
      const settings = deepFreeze(structuredClone(getPreset('ningbo')!.settings));
      const { samples: s, fields } = handSamples(seed, settings);
      const cov = computeCoverage(s, fields, settings);
      const rep = representativeSeconds(s, fields);
      const K = settings.categories.length;
      const C = s.communityStart.length - 1;
      expect(rep.length).toBe(C * K);
      expect(cov.communityCount).toBe(C);
      const everyOk = new Uint8Array(s.count).fill(1);
      settings.categories.forEach((cat, k) => {
        const limit = (i: number) => (s.kind[i] === 1 ? cat.thresholdMinutes.rural : cat.thresholdMinutes.urban) * 60;
        const covered = new Float64Array(C),
          pop = new Float64Array(C);
        let urban = 0,
          rural = 0;
        for (let i = 0; i < s.count; i++) {
          const c = s.community[i]!;
          pop[c]! += s.population[i]!;
          if (!(fields[k]!.seconds[i]! <= limit(i))) {
            everyOk[i] = 0;
            continue;
          }
          covered[c]! += s.population[i]!;
          if (s.kind[i] === 1) rural += s.population[i]!;
          else urban += s.population[i]!;
        }
        for (let c = 0; c < C; c++) {
          const first = s.communityStart[c]!,
            n = s.communityStart[c + 1]! - first;
          expect(rep[c * K + k]).toBe(n > 0 ? fields[k]!.seconds[first] : Infinity);
          expect(representativeSecondsOf(s, fields[k]!, c)).toBe(rep[c * K + k]);
          const expected = pop[c]! > 0 ? covered[c]! / pop[c]! : n === 0 ? NaN : fields[k]!.seconds[first]! <= limit(first) ? 1 : 0;
          expect(cov.share[c * K + k]).toBe(expected);
        }
        expect(cov.totals[k]!.coveredUrban).toBe(urban);
        expect(cov.totals[k]!.coveredRural).toBe(rural);
        expect(cov.totals[k]!.covered).toBe(urban + rural);
      });
      const complete = new Float64Array(C);
      let completeAll = 0;
      for (let i = 0; i < s.count; i++) {
        if (!everyOk[i]) continue;
        complete[s.community[i]!]! += s.population[i]!;
        completeAll += s.population[i]!;
      }
      expect(Array.from(cov.completePopulation)).toEqual(Array.from(complete));
      expect(cov.completeCovered).toBe(completeAll);
      const residents = Array.from(s.population).reduce((a, b) => a + b, 0);
      expect(cov.population.total).toBeCloseTo(residents, 6);
    });
  }

  it('throws on samples whose community ranges do not match their owners', () => {
    const settings = deepFreeze(structuredClone(getPreset('ningbo')!.settings));
    const { samples, fields } = handSamples(5, settings);
    const swapped = { ...samples, community: samples.community.map((c) => (c === 3 ? 4 : c)) };
    expect(() => computeCoverage(swapped, fields, settings)).toThrow(/belongs to community 4/);
    const short = { ...samples, communityStart: samples.communityStart.subarray(0, 10) };
    expect(() => computeCoverage(short, fields, settings)).toThrow(/communityStart/);
  });
});
