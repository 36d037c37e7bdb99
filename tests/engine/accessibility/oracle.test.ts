// 2SFCA / E2SFCA against a brute force over all (sample, facility) pairs with times from the full
// travel model (one accessField per facility), on seeded small cities.
import { describe, expect, it } from 'vitest';
import { computeAccessibility } from '../../../src/engine/accessibility/compute-accessibility';
import type { AccessWeights } from '../../../src/engine/accessibility/weights';
import { analyze } from '../../../src/engine/analyze';
import type { CategoryDef, Community, Dataset, DemandSamples, Facility, Settings } from '../../../src/engine/model';
import { KIND_RURAL } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';
import type { TravelModel } from '../../../src/engine/travel/travel-model';
import { deepFreeze } from '../../helpers/fixtures';
import { randomRoads } from '../network/random-network';

const CATEGORIES: CategoryDef[] = [
  // default E2SFCA steps
  { id: 'childcare', label: { zh: '托育', en: 'Childcare' }, thresholdMinutes: { urban: 6, rural: 9 } },
  {
    id: 'clinic',
    label: { zh: '医疗', en: 'Clinic' },
    thresholdMinutes: { urban: 8, rural: 8 },
    accessWeights: { type: 'gaussian', sigma: 0.4 },
  },
  {
    id: 'sports',
    label: { zh: '体育', en: 'Sports' },
    thresholdMinutes: { urban: 5, rural: 7 },
    accessWeights: { type: 'gravity', alpha: -1.5, min: 0.1 },
  },
];

/** A seeded city near Ningbo (~2 km): square polygon and point communities, facilities with capacities (some missing or 0). */
function city(seed: number, polygons: boolean): Dataset {
  const rand = mulberry32(seed);
  const communities: Community[] = [];
  for (let i = 0; i < 14; i++) {
    const lon = 121.5 + rand() * 0.02;
    const lat = 29.85 + rand() * 0.02;
    const d = 0.001 + rand() * 0.002;
    const kind = rand() < 0.4 ? 'rural' : 'urban';
    const population = rand() < 0.1 ? 0 : Math.round(50 + rand() * 2000);
    const asPolygon = polygons && rand() < 0.7;
    communities.push({
      index: i,
      id: `C${i}`,
      name: `C${i}`,
      kind,
      population,
      geometry: asPolygon
        ? {
            type: 'Polygon',
            coordinates: [
              [
                [lon, lat],
                [lon + d, lat],
                [lon + d, lat + d],
                [lon, lat + d],
                [lon, lat],
              ],
            ],
          }
        : { type: 'Point', coordinates: [lon, lat] },
    });
  }
  const facilities: Facility[] = [];
  for (let j = 0; j < 18; j++) {
    const r = rand();
    facilities.push({
      index: j,
      id: `F${j}`,
      name: `F${j}`,
      category: CATEGORIES[j % 3]!.id,
      capacity: r < 0.1 ? null : r < 0.15 ? 0 : Math.round(5 + rand() * 80),
      lon: 121.5 + rand() * 0.02,
      lat: 29.85 + rand() * 0.02,
    });
  }
  return deepFreeze({ facilities, communities, roads: randomRoads(seed + 1, 60, 40) });
}

function settingsFor(model: 'network' | 'straight'): Settings {
  return deepFreeze({
    preset: 'test',
    categories: CATEGORIES,
    walkSpeedKmh: { urban: 5, rural: 4.5 },
    detourFactor: 1.3,
    sampleSpacingMeters: 80,
    maxSnapMeters: 300,
    model,
  });
}

/** The weight of a trip, written out from the definitions (not the engine's code). */
function oracleWeight(w: AccessWeights | undefined, seconds: number, T: number): number {
  const table = w ?? { type: 'step', steps: { '5': 1, '10': 0.68, '15': 0.22 } };
  if (table.type === 'gaussian') return Math.exp(-((seconds / T) ** 2) / (2 * table.sigma ** 2));
  if (table.type === 'gravity') return Math.max(seconds / T, table.min) ** table.alpha;
  const keys = Object.keys(table.steps)
    .map(Number)
    .sort((a, b) => a - b);
  const top = keys[keys.length - 1]!;
  for (const k of keys) if (seconds <= (k * T) / top) return table.steps[String(k)]!;
  return 0;
}

/** PySAL two_stage_fca over the full matrix t_ij: per sample A_i (NaN = none in reach). */
function bruteForce(travel: TravelModel, dataset: Dataset, samples: DemandSamples, cat: CategoryDef, weighted: boolean): Float64Array {
  const points = { lon: samples.lon, lat: samples.lat, kind: samples.kind };
  const facs = dataset.facilities.filter((f) => f.category === cat.id);
  const T = [cat.thresholdMinutes.urban * 60, cat.thresholdMinutes.rural * 60];
  const times = facs.map((f) => travel.accessField(cat.id, Uint32Array.of(f.index), points).seconds);
  const W = (i: number, t: number): number => {
    const Ti = T[samples.kind[i] === KIND_RURAL ? 1 : 0]!;
    return weighted ? oracleWeight(cat.accessWeights, t, Ti) : 1;
  };
  const inReach = (i: number, t: number): boolean => t <= T[samples.kind[i] === KIND_RURAL ? 1 : 0]!;
  const R = facs.map((f, j) => {
    let demand = 0;
    for (let i = 0; i < samples.count; i++) if (inReach(i, times[j]![i]!)) demand += W(i, times[j]![i]!) * samples.population[i]!;
    const S = f.capacity !== null && f.capacity > 0 ? f.capacity : 0;
    return demand > 0 ? S / demand : 0;
  });
  const A = new Float64Array(samples.count).fill(NaN);
  for (let i = 0; i < samples.count; i++) {
    for (let j = 0; j < facs.length; j++) {
      const t = times[j]![i]!;
      if (inReach(i, t)) A[i] = (Number.isNaN(A[i]!) ? 0 : A[i]!) + W(i, t) * R[j]!;
    }
  }
  return A;
}

function communityMean(samples: DemandSamples, A: Float64Array, c: number): number {
  let total = 0,
    w = 0,
    s = 0;
  for (let i = samples.communityStart[c]!; i < samples.communityStart[c + 1]!; i++) {
    total += samples.population[i]!;
    if (!Number.isNaN(A[i]!) && samples.population[i]! > 0) {
      w += samples.population[i]!;
      s += samples.population[i]! * A[i]!;
    }
  }
  return total > 0 ? (w > 0 ? s / w : NaN) : A[samples.communityStart[c]!]!;
}

function expectSame(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    if (Number.isNaN(e)) expect(actual[i], `value ${i}`).toBeNaN();
    else expect(Math.abs(actual[i]! - e), `value ${i}: ${actual[i]} vs ${e}`).toBeLessThanOrEqual(1e-12 * Math.max(1e-9, Math.abs(e)));
  }
}

describe('2SFCA and E2SFCA equal a brute force over all pairs of the full travel model', () => {
  for (const model of ['network', 'straight'] as const) {
    for (const polygons of [true, false]) {
      for (const seed of [3, 17, 40]) {
        it(`${model}, ${polygons ? 'polygon and point' : 'point'} communities, seed ${seed}`, () => {
          const dataset = city(seed, polygons);
          const settings = settingsFor(model);
          const analysis = analyze(dataset, settings);
          expect(analysis.model).toBe(model);
          const acc = computeAccessibility(analysis.travel, dataset, analysis.samples, settings);
          let inReach = 0;
          let none = 0;
          settings.categories.forEach((cat, k) => {
            const got = acc.categories[k]!;
            const two = bruteForce(analysis.travel, dataset, analysis.samples, cat, false);
            const e2 = bruteForce(analysis.travel, dataset, analysis.samples, cat, true);
            expectSame(got.sample2, two);
            expectSame(got.sampleE2, e2);
            const n = dataset.communities.length;
            expectSame(
              got.sfca2,
              Float64Array.from({ length: n }, (_, c) => communityMean(analysis.samples, two, c)),
            );
            expectSame(
              got.sfcaE2,
              Float64Array.from({ length: n }, (_, c) => communityMean(analysis.samples, e2, c)),
            );
            for (const v of got.sample2)
              if (Number.isNaN(v)) none++;
              else inReach++;
          });
          // the cities are built so that both cases occur
          expect(inReach).toBeGreaterThan(0);
          expect(none).toBeGreaterThan(0);
        });
      }
    }
  }
});

describe('facilities without capacity are not searched, yet put residents in reach (value 0) exactly as the brute force does', () => {
  // a category whose facilities all lack a capacity, one with half of them, and a riding mode with a pace
  const capacityOf = (j: number, rand: () => number): number | null => (j % 3 === 0 ? null : j % 3 === 1 ? (rand() < 0.5 ? 0 : 40) : 25);
  const categories: CategoryDef[] = [
    CATEGORIES[0]!,
    { ...CATEGORIES[1]!, walkSpeedKmh: 3.6 },
    { ...CATEGORIES[2]!, mode: { urban: 'walk', rural: 'ebike' } },
  ];
  for (const model of ['network', 'straight'] as const) {
    for (const seed of [5, 23]) {
      it(`${model}, seed ${seed}`, () => {
        const base = city(seed, true);
        const rand = mulberry32(seed + 100);
        const dataset = deepFreeze({ ...base, facilities: base.facilities.map((f, j) => ({ ...f, capacity: capacityOf(j, rand) })) });
        const settings = deepFreeze({ ...settingsFor(model), categories });
        const analysis = analyze(dataset, settings);
        const withFields = computeAccessibility(analysis.travel, dataset, analysis.samples, settings, { fields: analysis.fields });
        const withoutFields = computeAccessibility(analysis.travel, dataset, analysis.samples, settings);
        let zeros = 0;
        categories.forEach((cat, k) => {
          const two = bruteForce(analysis.travel, dataset, analysis.samples, cat, false);
          const e2 = bruteForce(analysis.travel, dataset, analysis.samples, cat, true);
          for (const acc of [withFields, withoutFields]) {
            expectSame(acc.categories[k]!.sample2, two);
            expectSame(acc.categories[k]!.sampleE2, e2);
          }
          zeros += two.filter((v) => v === 0).length;
        });
        // the case the shortcut handles occurs: residents in reach of facilities that supply nothing only
        expect(zeros).toBeGreaterThan(0);
        expect(withFields.categories[0]!.supply).toBe(0);
      });
    }
  }
});
