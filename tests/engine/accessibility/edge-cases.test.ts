// PySAL's edge cases and a hand-computed 2SFCA on the straight-line model.
import { describe, expect, it } from 'vitest';
import { computeAccessibility } from '../../../src/engine/accessibility/compute-accessibility';
import { weightFunction, weightProblems } from '../../../src/engine/accessibility/weights';
import { analyze } from '../../../src/engine/analyze';
import type { Community, Dataset, Facility, Settings } from '../../../src/engine/model';
import { deepFreeze } from '../../helpers/fixtures';

// 0.001° of latitude ≈ 111.2 m; at 5 km/h with detour 1, 1 minute ≈ 83.3 m
const point = (i: number, lat: number, population: number): Community => ({
  index: i,
  id: `C${i}`,
  name: `C${i}`,
  kind: 'urban',
  population,
  geometry: { type: 'Point', coordinates: [121.5, lat] },
});
const fac = (i: number, lat: number, capacity: number | null): Facility => ({
  index: i,
  id: `F${i}`,
  name: `F${i}`,
  category: 'childcare',
  capacity,
  lon: 121.5,
  lat,
});

function settings(urbanMinutes: number): Settings {
  return deepFreeze({
    preset: 'test',
    categories: [
      { id: 'childcare', label: { zh: '托育', en: 'Childcare' }, thresholdMinutes: { urban: urbanMinutes, rural: urbanMinutes } },
    ],
    walkSpeedKmh: { urban: 5, rural: 5 },
    detourFactor: 1,
    sampleSpacingMeters: 100,
    maxSnapMeters: 300,
    model: 'straight',
  });
}

function run(dataset: Dataset, s: Settings) {
  const a = analyze(dataset, s);
  return { a, acc: computeAccessibility(a.travel, dataset, a.samples, s) };
}

describe('2SFCA by hand', () => {
  it('shares each facility among the residents in its catchment', () => {
    // F0 (10 places) at 29.850 reaches C0 (100) and C1 (300); F1 (5 places) at 29.862 reaches C1 and C2 (0 residents); C3 reaches nothing
    const dataset: Dataset = deepFreeze({
      facilities: [fac(0, 29.85, 10), fac(1, 29.862, 5)],
      communities: [point(0, 29.849, 100), point(1, 29.856, 300), point(2, 29.866, 0), point(3, 29.9, 50)],
      roads: null,
    });
    const { acc } = run(dataset, settings(10)); // 10 min ≈ 833 m
    const c = acc.categories[0]!;
    // R0 = 10 / 400, R1 = 5 / 300
    expect(c.sfca2[0]).toBeCloseTo(10 / 400, 12);
    expect(c.sfca2[1]).toBeCloseTo(10 / 400 + 5 / 300, 12);
    expect(c.sfca2[2]).toBeCloseTo(5 / 300, 12);
    expect(c.sfca2[3]).toBeNaN();
    // supply is conserved: Σ P_i A_i = Σ S_j
    expect(100 * c.sfca2[0]! + 300 * c.sfca2[1]!).toBeCloseTo(15, 9);
    expect(c.populationInReach).toBe(400);
    expect(c.meanSfca2 * 400).toBeCloseTo(15, 9);
    expect(c.supply).toBe(15);
  });

  it('counts a trip of exactly the threshold as in reach (inclusive), and not one a hair longer', () => {
    // a position whose trip t (float32 seconds) is exactly (t / 60) minutes × 60
    let dataset: Dataset | null = null;
    let t = NaN;
    for (let k = 0; k < 100 && !dataset; k++) {
      const d: Dataset = deepFreeze({ facilities: [fac(0, 29.85, 10)], communities: [point(0, 29.856 + k * 1e-6, 200)], roads: null });
      t = analyze(d, settings(15)).fields[0]!.seconds[0]!;
      if ((t / 60) * 60 === t) dataset = d;
    }
    if (!dataset) throw new Error('no exact position found');
    const minutes = t / 60;
    const at = run(dataset, settings(minutes)).acc.categories[0]!;
    expect(at.sfca2[0]).toBeCloseTo(10 / 200, 12);
    // E2SFCA: the trip is in the last step (0.22)
    expect(at.sfcaE2[0]).toBeCloseTo(10 / 200, 12);
    const below = run(dataset, settings(minutes * (1 - 1e-6))).acc.categories[0]!;
    expect(below.sfca2[0]).toBeNaN();
  });

  it('a facility without usable capacity is in reach but supplies nothing (0, not "none in reach"), named once per category', () => {
    const dataset: Dataset = deepFreeze({
      facilities: [fac(0, 29.85, 0), fac(1, 29.851, null), fac(2, 29.95, 40)],
      communities: [point(0, 29.8505, 100), point(1, 29.9505, 100)],
      roads: null,
    });
    const { acc, a } = run(dataset, settings(10));
    const c = acc.categories[0]!;
    expect(c.sfca2[0]).toBe(0);
    expect(c.sfcaE2[0]).toBe(0);
    expect(c.sfca2[1]).toBeCloseTo(0.4, 12);
    expect(c.withoutCapacity).toEqual([0, 1]);
    expect(acc.warnings).toHaveLength(1);
    expect(acc.warnings[0]!.reason).toContain('2 of 3 facilities of category "childcare"');
    expect(acc.warnings[0]!.reason).toContain('F0, F1');
    // they still count for coverage
    expect(a.coverage.share[0]).toBe(1);
  });
});

describe('weights', () => {
  it('scales the E2SFCA steps to the threshold, inclusive at each step end', () => {
    const urban = weightFunction({ type: 'step', steps: { '5': 1, '10': 0.68, '15': 0.22 } }, 900);
    expect([0, 300, 300.5, 600, 601, 900, 901].map(urban)).toEqual([1, 1, 0.68, 0.68, 0.22, 0.22, 0]);
    const rural = weightFunction({ type: 'step', steps: { '5': 1, '10': 0.68, '15': 0.22 } }, 1200);
    expect([400, 401, 800, 801, 1200].map(rural)).toEqual([1, 0.68, 0.68, 0.22, 0.22]);
  });

  it('gaussian and gravity as PySAL defines them, on the share of the threshold', () => {
    expect(weightFunction({ type: 'gaussian', sigma: 0.5 }, 600)(300)).toBeCloseTo(Math.exp(-0.5), 12);
    const g = weightFunction({ type: 'gravity', alpha: -2, min: 0.1 }, 600);
    expect(g(0)).toBeCloseTo(100, 9);
    expect(g(300)).toBeCloseTo(4, 12);
  });

  it('refuses a table that is not decreasing, naming the field', () => {
    expect(weightProblems({ type: 'step', steps: { '5': 0.5, '10': 0.68 } })).toEqual([
      ['steps.10', 'weight 0.68 at 10 min is above 0.5 at 5 min: the table must be decreasing'],
    ]);
    expect(weightProblems({ type: 'gravity', alpha: 1, min: 0.1 })[0]![0]).toBe('alpha');
    expect(weightProblems({ type: 'gaussian', sigma: 0 })[0]![0]).toBe('sigma');
    expect(weightProblems({ type: 'cubic' })[0]![0]).toBe('type');
  });
});
