/**
 * The siting pipeline on seeded small cities: generated candidates respect exclusions and spacing,
 * uploaded ones keep their ids and capacities, capacities without a planning ratio are ignored with
 * a warning, off-network uploads are named, and the inputs are not changed.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import type { CategoryDef, Community, Dataset, Settings } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';
import type { UploadedCandidates } from '../../../src/engine/siting/candidates';
import { proposeSites, type ProposeSitesInput } from '../../../src/engine/siting/propose-sites';
import { deepFreeze } from '../../helpers/fixtures';
import { randomRoads } from '../network/random-network';

const CLINIC: CategoryDef = { id: 'clinic', label: { zh: '诊所', en: 'clinic' }, thresholdMinutes: { urban: 3, rural: 3 } };
const CHILDCARE: CategoryDef = {
  id: 'childcare',
  label: { zh: '托育', en: 'childcare' },
  thresholdMinutes: { urban: 3, rural: 3 },
  capacityPerThousand: 4.55,
};

function city(seed: number, model: 'network' | 'straight') {
  const rand = mulberry32(seed);
  const communities: Community[] = Array.from({ length: 16 }, (_, i) => {
    const x = 121.5 + rand() * 0.018,
      y = 29.85 + rand() * 0.018,
      d = 0.002;
    return {
      index: i,
      id: `C${i}`,
      name: `C${i}`,
      kind: 'urban',
      population: 200 + Math.floor(rand() * 800),
      geometry: {
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
    };
  });
  const dataset: Dataset = deepFreeze({
    communities,
    facilities: [
      { index: 0, id: 'F0', name: 'F0', category: 'clinic', capacity: null, lon: 121.505, lat: 29.855 },
      { index: 1, id: 'F1', name: 'F1', category: 'childcare', capacity: 10, lon: 121.515, lat: 29.865 },
    ],
    roads: randomRoads(seed, 120, 90).map((r) => ({ ...r, speedKmh: null })),
  });
  const settings: Settings = deepFreeze({
    preset: 'test',
    categories: [CLINIC, CHILDCARE],
    walkSpeedKmh: { urban: 5, rural: 5 },
    detourFactor: 1.3,
    sampleSpacingMeters: 60,
    maxSnapMeters: 150,
    model,
  });
  const analysis = analyze(dataset, settings);
  const base = (k: number): Omit<ProposeSitesInput, 'goal'> => ({
    travel: analysis.travel,
    samples: analysis.samples,
    field: analysis.fields[k]!,
    category: settings.categories[k]!,
    settings,
  });
  return { dataset, settings, analysis, base };
}

function uploads(points: [number, number][], ids: (string | null)[], capacity: number[]): UploadedCandidates {
  return {
    file: 'cand.geojson',
    count: points.length,
    lon: Float64Array.from(points, (p) => p[0]),
    lat: Float64Array.from(points, (p) => p[1]),
    origin: Uint32Array.from(points, (_, i) => i),
    ids,
    capacity: Float64Array.from(capacity),
  };
}

describe('proposeSites', () => {
  it('generated candidates: none in an excluded area, spaced, ranked by non-increasing gain; the gains add up to the plan', async () => {
    for (const model of ['network', 'straight'] as const) {
      const { base } = city(4, model);
      const west = deepFreeze([
        [
          [121.49, 29.84],
          [121.508, 29.84],
          [121.508, 29.88],
          [121.49, 29.88],
          [121.49, 29.84],
        ],
      ] as [number, number][][]);
      const r = await proposeSites({ ...base(0), goal: { kind: 'max-cover', maxSites: 4 }, exclude: [west], spacingMeters: 120 });
      expect(r.candidateSource).toBe('generated');
      expect(r.sites.length).toBeGreaterThan(0);
      for (let i = 0; i < r.candidates.count; i++) {
        expect(
          booleanPointInPolygon([r.candidates.lon[i]!, r.candidates.lat[i]!], { type: 'Polygon', coordinates: west }),
          `candidate ${i}`,
        ).toBe(false);
        for (let j = i + 1; j < r.candidates.count; j++)
          expect(
            haversineMeters(r.candidates.lon[i]!, r.candidates.lat[i]!, r.candidates.lon[j]!, r.candidates.lat[j]!),
          ).toBeGreaterThanOrEqual(120);
      }
      r.sites.forEach((s, i) => {
        expect(s.rank).toBe(i + 1);
        expect([s.lon, s.lat]).toEqual([r.candidates.lon[s.candidate], r.candidates.lat[s.candidate]]);
        expect(s.source).not.toBe('uploaded');
        expect(s.candidateId).toBeNull();
        expect(s.capacity).toBeNull();
        if (i > 0) expect(s.gainPopulation).toBeLessThanOrEqual(r.sites[i - 1]!.gainPopulation + 1e-9);
      });
      expect(r.sites.reduce((a, s) => a + s.gainPopulation, 0)).toBeCloseTo(r.plan.objective, 6);
      expect(r.plan.afterShare).toBeGreaterThan(r.plan.beforeShare);
    }
  });

  it('uploaded candidates keep their ids and own capacities (default places for the rest); gains stay within capacity', async () => {
    const { base } = city(6, 'network');
    const rand = mulberry32(60);
    const points = Array.from({ length: 30 }, (): [number, number] => [121.5 + rand() * 0.02, 29.85 + rand() * 0.02]);
    const ids = points.map((_, i) => `P${i}`);
    const own = points.map((_, i) => (i % 2 === 0 ? 1 + (i % 5) : NaN));
    const input = uploads(points, ids, own);
    const lonBefore = input.lon.slice();
    const r = await proposeSites({ ...base(1), goal: { kind: 'max-cover', maxSites: 5 }, candidates: input, capacityPlaces: 2 });
    expect(input.lon).toEqual(lonBefore);
    expect(r.candidateSource).toBe('uploaded');
    expect(r.sites.length).toBeGreaterThan(0);
    for (const s of r.sites) {
      const i = ids.indexOf(s.candidateId!);
      expect(i).toBeGreaterThanOrEqual(0);
      expect([s.lon, s.lat]).toEqual(points[i]);
      expect(s.source).toBe('uploaded');
      expect(s.capacity).toBe(Number.isNaN(own[i]!) ? 2 : own[i]);
      expect(s.gainPopulation).toBeLessThanOrEqual((s.capacity! * 1000) / 4.55 + 1e-6);
    }
  });

  it('capacities on a category without a planning ratio are ignored with a warning; off-network uploads are named', async () => {
    const { base } = city(8, 'network');
    const far: [number, number] = [121.7, 29.95]; // kilometres from every road
    const input = uploads([[121.51, 29.86], far, [121.512, 29.862]], ['A', 'FAR', null], [5, NaN, NaN]);
    const r = await proposeSites({ ...base(0), goal: { kind: 'max-cover', maxSites: 2 }, candidates: input, capacityPlaces: 3 });
    expect(r.capacityPlaces).toBeNull();
    expect(r.sites.every((s) => s.capacity === null)).toBe(true);
    expect(r.warnings.map((w) => w.reason).join('\n')).toMatch(
      /candidate capacities ignored: category "clinic" has no capacityPerThousand/,
    );
    expect(r.warnings.map((w) => w.reason).join('\n')).toMatch(/capacity 3 ignored/);
    expect(r.offNetwork).toBe(1);
    expect(r.warnings).toContainEqual(
      expect.objectContaining({ file: 'cand.geojson', index: 1, id: 'FAR', reason: expect.stringMatching(/off-network/) }),
    );
    expect(r.sites.map((s) => s.candidateId)).not.toContain('FAR');
  });
});
