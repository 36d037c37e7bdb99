import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfDistance from '@turf/distance';
import { analyze } from '../../../src/engine/analyze';
import { computeCoverage } from '../../../src/engine/coverage/coverage';
import { findGapZones } from '../../../src/engine/coverage/gap-zones';
import { getPreset } from '../../../src/engine/presets';
import { mulberry32 } from '../../../src/engine/prng';
import type { Community, Dataset, Facility, Settings } from '../../../src/engine/model';

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
  const settings: Settings = { ...structuredClone(preset.settings), model: 'straight', walkSpeedKmh: { urban: 5, rural: 4 }, sampleSpacingMeters: 150 };
  const lon = () => 121.5 + rand() * 0.06;
  const lat = () => 29.85 + rand() * 0.05;
  const communities: Community[] = [];
  for (let i = 0; i < 60; i++) {
    const x = lon(), y = lat();
    const kind = rand() < 0.5 ? 'urban' : 'rural';
    const d = 0.001 + rand() * 0.004;
    communities.push({
      index: i, id: `c${i}`, name: `c${i}`, kind, population: Math.round(100 + rand() * 3000),
      geometry: i % 3 === 0 ? { type: 'Point', coordinates: [x, y] } : { type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] },
    });
  }
  const facilities: Facility[] = [];
  settings.categories.forEach((c, k) => {
    for (let j = 0; j < 2 + k; j++) facilities.push({ index: facilities.length, id: `f${facilities.length}`, name: '', category: c.id, capacity: null, lon: lon(), lat: lat() });
  });
  return { dataset: deepFreeze({ facilities, communities, roads: null }), settings: deepFreeze(settings) };
}

const withThresholds = (s: Settings, f: (m: number) => number): Settings => ({
  ...s,
  categories: s.categories.map((c) => ({ ...c, thresholdMinutes: { urban: f(c.thresholdMinutes.urban), rural: f(c.thresholdMinutes.rural) } })),
});

describe('coverage (straight-line model) against an all-pairs scan with @turf/distance', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every community's covered share and representative time`, () => {
      const { dataset, settings } = randomTown(seed);
      const a = analyze(dataset, settings);
      const K = settings.categories.length;
      const s = a.samples;
      settings.categories.forEach((cat, k) => {
        const facs = dataset.facilities.filter((f) => f.category === cat.id);
        const covered = new Float64Array(dataset.communities.length);
        const pop = new Float64Array(dataset.communities.length);
        for (let i = 0; i < s.count; i++) {
          const speed = (s.kind[i] === 1 ? 4 : 5) / 3.6;
          let best = Infinity;
          for (const f of facs) best = Math.min(best, (turfDistance([s.lon[i]!, s.lat[i]!], [f.lon, f.lat], { units: 'meters' }) * settings.detourFactor) / speed);
          const c = s.community[i]!;
          pop[c]! += s.population[i]!;
          const limit = (s.kind[i] === 1 ? cat.thresholdMinutes.rural : cat.thresholdMinutes.urban) * 60;
          if (best <= limit) covered[c]! += s.population[i]!;
          if (i === s.communityStart[c]) expect(a.coverage.repSeconds[c * K + k]!).toBeCloseTo(best, 0);
        }
        for (let c = 0; c < dataset.communities.length; c++) expect(a.coverage.share[c * K + k]!).toBeCloseTo(covered[c]! / pop[c]!, 6);
      });
    });
  }

  it('covered shares only grow with the threshold; the complete circle never exceeds any category', () => {
    const { dataset, settings } = randomTown(7);
    const a = analyze(dataset, settings);
    let prev = computeCoverage(a.samples, a.fields, withThresholds(settings, () => 1));
    for (const m of [3, 5, 10, 15, 20, 30, 60]) {
      const cur = computeCoverage(a.samples, a.fields, withThresholds(settings, () => m));
      for (let i = 0; i < cur.share.length; i++) expect(cur.share[i]!).toBeGreaterThanOrEqual(prev.share[i]! - 1e-12);
      for (const t of cur.totals) expect(cur.completeCovered).toBeLessThanOrEqual(t.covered + 1e-6);
      prev = cur;
    }
    const first = computeCoverage(a.samples, a.fields, withThresholds(settings, () => 1));
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
