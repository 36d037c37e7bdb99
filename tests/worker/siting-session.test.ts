/**
 * The worker's siting session: planned and edited proposals against an independent oracle — a
 * second engine session with the proposed sites loaded as ordinary facilities (a whole new analysis).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/fixtures';
import { mulberry32 } from '../../src/engine/prng';
import { createSession } from '../../src/worker/session';
import { createSitingSession, type SitingView } from '../../src/worker/siting-session';
import { randomRoads } from '../engine/network/random-network';

const SAMPLE = resolve(__dirname, '../../data/sample');
const sampleBytes = (f: string) => new Uint8Array(readFileSync(resolve(SAMPLE, f)));
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
type Fc = { type: 'FeatureCollection'; features: { type: 'Feature'; properties: Record<string, unknown>; geometry: unknown }[] };

/** A seeded small city: random roads, square communities, a few facilities of each of two categories. */
function city(seed: number): { facilities: Fc; communities: Fc; roads: Fc } {
  const rand = mulberry32(seed);
  const at = (): [number, number] => [121.5 + rand() * 0.02, 29.85 + rand() * 0.02];
  const communities: Fc = {
    type: 'FeatureCollection',
    features: Array.from({ length: 14 }, (_, i) => {
      const [x, y] = at();
      const d = 0.001 + rand() * 0.002;
      return {
        type: 'Feature',
        properties: { id: `C${i}`, name: `社区${i}`, kind: rand() < 0.6 ? 'urban' : 'rural', population: 100 + Math.floor(rand() * 900) },
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
    }),
  };
  const facilities: Fc = {
    type: 'FeatureCollection',
    features: ['clinic', 'clinic', 'canteen'].map((category, i) => ({
      type: 'Feature',
      properties: { id: `F${i}`, name: `F${i}`, category },
      geometry: { type: 'Point', coordinates: at() },
    })),
  };
  const roads: Fc = {
    type: 'FeatureCollection',
    features: randomRoads(seed, 60, 45).map((r) => ({
      type: 'Feature',
      properties: { highway: r.highway },
      geometry: { type: 'LineString', coordinates: r.coordinates },
    })),
  };
  return deepFreeze({ facilities, communities, roads });
}

async function load(files: { facilities: Fc | Uint8Array; communities: Fc | Uint8Array; roads: Fc | Uint8Array }, settings?: unknown) {
  const s = createSession();
  if (settings) expect(s.setSettings(settings).ok).toBe(true);
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    const v = files[layer];
    expect((await s.loadLayer(layer, `${layer}.geojson`, v instanceof Uint8Array ? v : enc(v))).ok).toBe(true);
  }
  s.coverage();
  return s;
}

/** Oracle: the covered share of `category` from a new session with the sites as facilities. */
async function oracleShare(
  files: { facilities: Fc; communities: Fc | Uint8Array; roads: Fc | Uint8Array },
  category: string,
  sites: { lon: number; lat: number }[],
  settings?: unknown,
) {
  const added = sites.map((p, i) => ({
    type: 'Feature' as const,
    properties: { id: `NEW${i}`, name: `new ${i}`, category },
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
  }));
  const s = await load(
    { ...files, facilities: { type: 'FeatureCollection', features: [...files.facilities.features, ...added] } },
    settings,
  );
  const cov = s.coverage();
  return cov.totals[cov.categoryIds.indexOf(category)]!.share;
}

const SHORT = {
  categories: [
    { id: 'clinic', thresholdMinutes: { urban: 4, rural: 6 } },
    { id: 'canteen', thresholdMinutes: { urban: 5, rural: 5 } },
  ],
};

function checkRanking(v: SitingView) {
  expect(v.sites.map((s) => s.rank).sort((a, b) => a - b)).toEqual(v.sites.map((_, i) => i + 1));
  const byRank = [...v.sites].sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < byRank.length; i++) expect(byRank[i]!.gainPopulation).toBeLessThanOrEqual(byRank[i - 1]!.gainPopulation + 1e-9);
  expect(v.sites.reduce((s, x) => s + x.gainPopulation, 0)).toBeCloseTo(v.addedPopulation, 6);
}

describe('siting session', () => {
  it('plans, then moves, adds and removes sites; every share equals a whole new analysis with the sites as facilities', async () => {
    for (const seed of [3, 7, 11]) {
      const files = city(seed);
      const base = await load(files, SHORT);
      const siting = createSitingSession(base);
      const run = await siting.planSiting({ category: 'clinic', goal: { kind: 'max-cover', maxSites: 3 }, spacingMeters: 50 });
      expect(run.sites.length).toBeGreaterThan(0);
      expect(run.share).toBeGreaterThan(run.beforeShare);
      checkRanking(run);
      expect(run.share).toBeCloseTo(await oracleShare(files, 'clinic', run.sites, SHORT), 9);

      const rand = mulberry32(seed);
      const sites = run.sites.map((s) => ({ lon: s.lon, lat: s.lat }));
      let v: SitingView;
      for (let step = 0; step < 3; step++) {
        const i = Math.floor(rand() * sites.length);
        sites[i] = { lon: 121.5 + rand() * 0.02, lat: 29.85 + rand() * 0.02 };
        v = siting.moveSite(i, sites[i]!.lon, sites[i]!.lat);
        checkRanking(v);
        expect(v.sites.map((s) => [s.lon, s.lat])).toEqual(sites.map((s) => [s.lon, s.lat])); // edit order kept
        expect(v.share).toBeCloseTo(await oracleShare(files, 'clinic', sites, SHORT), 9);
      }
      sites.push({ lon: 121.51, lat: 29.86 });
      v = siting.addSite(121.51, 29.86);
      expect(v.share).toBeCloseTo(await oracleShare(files, 'clinic', sites, SHORT), 9);
      sites.splice(0, 1);
      v = siting.removeSite(0);
      checkRanking(v);
      expect(v.share).toBeCloseTo(await oracleShare(files, 'clinic', sites, SHORT), 9);

      // scenarios: shares of every category; a category without sites keeps today's share
      const cov = base.coverage();
      const sc = siting.scenarioShares([...sites.map((s) => ({ category: 'canteen', ...s }))]);
      expect(sc.categoryIds).toEqual(cov.categoryIds);
      expect(sc.share[0]).toBeCloseTo(cov.totals[0]!.share, 12);
      expect(sc.share[1]).toBeCloseTo(await oracleShare(files, 'canteen', sites, SHORT), 9);
      // the scenario did not disturb the current proposal
      expect(siting.moveSite(0, sites[0]!.lon, sites[0]!.lat).share).toBeCloseTo(v.share, 12);
    }
  });

  it('follows a threshold change: the same sites are re-evaluated under the new circle', async () => {
    const files = city(5);
    const base = await load(files, SHORT);
    const siting = createSitingSession(base);
    const run = await siting.planSiting({ category: 'clinic', goal: { kind: 'max-cover', maxSites: 2 }, spacingMeters: 50 });
    const wider = { categories: [{ id: 'clinic', thresholdMinutes: { urban: 8, rural: 10 } }, SHORT.categories[1]] };
    expect(base.setSettings(wider).ok).toBe(true);
    base.coverage();
    const v = siting.moveSite(0, run.sites[0]!.lon, run.sites[0]!.lat);
    expect(v.share).toBeCloseTo(await oracleShare(files, 'clinic', run.sites, wider), 9);
    expect(v.beforeShare).toBeGreaterThanOrEqual(run.beforeShare);
  });

  it('uses only uploaded candidates outside the excluded areas; bad features are problems, not throws', async () => {
    const files = city(9);
    const base = await load(files, SHORT);
    const siting = createSitingSession(base);
    const rand = mulberry32(99);
    const points = Array.from({ length: 40 }, (_, i) => ({
      type: 'Feature',
      properties: { id: `P${i}` },
      geometry: { type: 'Point', coordinates: [121.5 + rand() * 0.02, 29.85 + rand() * 0.02] },
    }));
    const bad = {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [121.5, 29.85],
          [121.51, 29.86],
        ],
      },
    };
    const west = [
      [
        [121.49, 29.84],
        [121.51, 29.84],
        [121.51, 29.88],
        [121.49, 29.88],
        [121.49, 29.84],
      ],
    ];
    const run = await siting.planSiting({
      category: 'clinic',
      goal: { kind: 'max-cover', maxSites: 4 },
      candidatesFile: { name: 'cand.geojson', bytes: enc({ type: 'FeatureCollection', features: [...points, bad] }) },
      excludeFile: {
        name: 'no.geojson',
        bytes: enc({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: west } }],
        }),
      },
    });
    expect(run.problems.some((p) => p.index === 40 && /not a Point/.test(p.reason))).toBe(true);
    const allowed = points.filter((p) => p.geometry.coordinates[0]! >= 121.51).map((p) => p.geometry.coordinates.join());
    expect(run.candidateCount).toBe(allowed.length);
    for (const s of run.sites) expect(allowed).toContain([s.lon, s.lat].join());
    expect(run.share).toBeCloseTo(await oracleShare(files, 'clinic', run.sites, SHORT), 9);

    // candidate ids follow the sites: through a rounded restore (as the app does), not through a drag
    const idOf = new Map(points.map((p) => [p.geometry.coordinates.join(), p.properties.id]));
    expect(run.sites.map((s) => s.candidateId)).toEqual(run.sites.map((s) => idOf.get([s.lon, s.lat].join())));
    const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
    const restored = siting.setSites(
      'clinic',
      run.sites.map((s) => round7(s.lon)),
      run.sites.map((s) => round7(s.lat)),
    );
    expect(restored.sites.map((s) => s.candidateId)).toEqual(run.sites.map((s) => s.candidateId));
    const moved = siting.moveSite(0, restored.sites[0]!.lon + 0.001, restored.sites[0]!.lat);
    expect([moved.sites[0]!.source, moved.sites[0]!.candidateId]).toEqual(['placed', null]);
    const written = JSON.parse(siting.sitesGeoJson()) as Fc;
    expect(written.features.map((f) => f.properties.rank)).toEqual(moved.sites.map((_, i) => i + 1));
    expect(written.features.map((f) => f.properties.candidate_id).sort()).toEqual(moved.sites.map((s) => s.candidateId ?? null).sort());
  });

  it('on the built-in sample: k = 5 clinics raise the share, the exact solver is never worse, and drags keep the share consistent (speed: npm run bench:siting)', async () => {
    const files = {
      facilities: sampleBytes('facilities.geojson'),
      communities: sampleBytes('communities.geojson'),
      roads: sampleBytes('roads.geojson'),
    };
    const base = await load(files);
    const siting = createSitingSession(base);
    const greedy = await siting.planSiting({ category: 'clinic', goal: { kind: 'max-cover', maxSites: 5 } });
    expect(greedy.sites).toHaveLength(5);
    expect(greedy.share).toBeGreaterThan(greedy.beforeShare);
    checkRanking(greedy);
    const facilities = JSON.parse(new TextDecoder().decode(files.facilities)) as Fc;
    expect(greedy.share).toBeCloseTo(await oracleShare({ ...files, facilities }, 'clinic', greedy.sites), 9);

    const exact = await siting.planSiting({
      category: 'clinic',
      goal: { kind: 'max-cover', maxSites: 5 },
      exact: true,
      timeLimitSeconds: 20,
    });
    expect(exact.share).toBeGreaterThanOrEqual(greedy.share - 1e-12);

    const rand = mulberry32(5);
    let dragged = exact as SitingView;
    for (let i = 0; i < 30; i++) {
      const s = exact.sites[i % exact.sites.length]!;
      dragged = siting.moveSite(i % exact.sites.length, s.lon + (rand() - 0.5) * 0.004, s.lat + (rand() - 0.5) * 0.004);
    }
    expect(dragged.share).toBeCloseTo(await oracleShare({ ...files, facilities }, 'clinic', dragged.sites), 9);
  }, 120_000);
});
