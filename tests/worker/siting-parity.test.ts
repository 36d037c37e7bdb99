/**
 * Siting from the command line (`lifecircle site`, run in-process) and from the browser's worker
 * session on the same inputs gives the same sites: same coordinates and candidate ids, same order,
 * same residents newly covered, the same sites.geojson bytes. Real data (north Bayreuth) and the
 * built-in sample, road network and straight line, generated and uploaded candidates.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { mulberry32 } from '../../src/engine/prng';
import { positionWriter } from '../../src/io/report-geojson';
import { createSession } from '../../src/worker/session';
import { createSitingSession, type SitingRequest, type SitingRunResult } from '../../src/worker/siting-session';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

const SAMPLE = resolve(__dirname, '../../data/sample');
const bytes = (path: string) => new Uint8Array(readFileSync(path));

interface Case {
  dir: string;
  settings: string | null;
  model: 'network' | 'straight';
  category: string;
  cli: string[];
  request: Omit<SitingRequest, 'category' | 'candidatesFile' | 'excludeFile'>;
  candidates?: string;
  exclude?: string;
}

interface SiteFeature {
  properties: {
    rank: number;
    category: string;
    gain_population: number;
    covered_ids: string;
    source: string;
    candidate_id: string | null;
    capacity: number | null;
  };
  geometry: { coordinates: [number, number] };
}

async function fromCli(c: Case) {
  const out = mkdtempSync(join(tmpdir(), 'lc-parity-'));
  const args = [
    'site',
    '--category',
    c.category,
    ...c.cli,
    '--model',
    c.model,
    '--facilities',
    join(c.dir, 'facilities.geojson'),
    '--communities',
    join(c.dir, 'communities.geojson'),
    '--roads',
    join(c.dir, 'roads.geojson'),
    ...(c.settings ? ['--settings', c.settings] : []),
    ...(c.candidates ? ['--candidates', c.candidates] : []),
    ...(c.exclude ? ['--exclude', c.exclude] : []),
    '--out',
    out,
  ];
  let stderr = '';
  const code = await runCli(args, { out: () => undefined, err: (t) => (stderr += t) });
  expect(code, stderr).toBe(0);
  const text = readFileSync(join(out, 'sites.geojson'), 'utf8');
  return {
    text,
    features: (JSON.parse(text) as { features: SiteFeature[] }).features,
    summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Record<string, unknown>,
  };
}

async function fromWorker(c: Case): Promise<{ run: SitingRunResult; text: string }> {
  const session = createSession();
  const settings = c.settings ? (JSON.parse(readFileSync(c.settings, 'utf8')) as Record<string, unknown>) : {};
  expect(session.setSettings({ ...settings, model: c.model }).ok).toBe(true);
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    expect((await session.loadLayer(layer, `${layer}.geojson`, bytes(join(c.dir, `${layer}.geojson`)))).ok).toBe(true);
  }
  session.coverage();
  const siting = createSitingSession(session);
  const upload = (path: string | undefined) => (path ? { name: basename(path), bytes: bytes(path) } : null);
  const run = await siting.planSiting({
    category: c.category,
    ...c.request,
    candidatesFile: upload(c.candidates),
    excludeFile: upload(c.exclude),
  });
  return { run, text: siting.sitesGeoJson() };
}

async function expectSameSites(c: Case): Promise<SiteFeature[]> {
  const cli = await fromCli(c);
  const { run, text } = await fromWorker(c);
  const pos = positionWriter();
  expect(cli.features.length).toBeGreaterThan(0);
  // the same sites, in the same order, with the same residents newly covered
  expect(
    run.sites.map((s) => ({
      at: pos([s.lon, s.lat]),
      id: s.candidateId ?? null,
      rank: s.rank,
      gain: Math.round(s.gainPopulation),
      covered: s.coveredIds.join(','),
    })),
  ).toEqual(
    cli.features.map((f) => ({
      at: f.geometry.coordinates,
      id: f.properties.candidate_id,
      rank: f.properties.rank,
      gain: f.properties.gain_population,
      covered: f.properties.covered_ids,
    })),
  );
  // what was proven and how many candidates there were
  expect({
    solver: run.solver,
    status: run.status,
    objective: c.request.goal.kind === 'max-cover' ? Math.round(run.objective) : run.objective,
    candidates: run.candidateCount,
    after: Math.round(run.plannedShare * 1e4) / 1e4,
  }).toEqual({
    solver: cli.summary.solver,
    status: cli.summary.status,
    objective: cli.summary.objective,
    candidates: (cli.summary.candidates as { count: number }).count,
    after: cli.summary.after_share,
  });
  expect(Number.isNaN(run.bound) ? null : Math.round(run.bound)).toBe(cli.summary.bound);
  // and the browser's sites.geojson is the command line's, byte for byte
  expect(text).toBe(cli.text);
  return cli.features;
}

describe('siting: command line and browser worker give the same sites', () => {
  for (const model of ['network', 'straight'] as const) {
    it(`north Bayreuth, ${model}: 3 clinics on generated candidates`, async () => {
      const features = await expectSameSites({
        dir: NORTH_BAYREUTH,
        settings: join(NORTH_BAYREUTH, 'settings.json'),
        model,
        category: 'clinic',
        cli: ['--add', '3', '--spacing', '150'],
        request: { goal: { kind: 'max-cover', maxSites: 3 }, spacingMeters: 150 },
      });
      expect(features.every((f) => f.properties.source !== 'uploaded' && f.properties.candidate_id === null)).toBe(true);
    }, 60_000);

    it(`built-in sample, ${model}: set covering to 80 % of sports, exact`, async () => {
      await expectSameSites({
        dir: SAMPLE,
        settings: null,
        model,
        category: 'sports',
        cli: ['--target', '80%', '--exact', '--time-limit', '20'],
        request: { goal: { kind: 'set-cover', targetShare: 0.8 }, exact: true, timeLimitSeconds: 20 },
      });
    }, 120_000);
  }

  it('built-in sample, network: uploaded childcare candidates with ids and capacities, an excluded area, default places', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-parity-in-'));
    const rand = mulberry32(12);
    const points = Array.from({ length: 60 }, (_, i) => ({
      type: 'Feature',
      properties: { id: `K${i}`, ...(i % 3 === 0 ? { capacity: 20 + Math.floor(rand() * 60) } : {}) },
      geometry: { type: 'Point', coordinates: [121.35 + rand() * 0.55, 29.65 + rand() * 0.33] },
    }));
    writeFileSync(join(dir, 'candidates.geojson'), JSON.stringify({ type: 'FeatureCollection', features: points }));
    const east = [
      [
        [121.75, 29.6],
        [121.95, 29.6],
        [121.95, 30.02],
        [121.75, 30.02],
        [121.75, 29.6],
      ],
    ];
    writeFileSync(
      join(dir, 'exclude.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: east } }],
      }),
    );
    const features = await expectSameSites({
      dir: SAMPLE,
      settings: null,
      model: 'network',
      category: 'childcare',
      candidates: join(dir, 'candidates.geojson'),
      exclude: join(dir, 'exclude.geojson'),
      cli: ['--add', '5', '--capacity', '40'],
      request: { goal: { kind: 'max-cover', maxSites: 5 }, capacityPlaces: 40 },
    });
    const given = new Map(points.map((p) => [p.properties.id, p]));
    for (const f of features) {
      const p = given.get(f.properties.candidate_id!)!;
      expect(f.properties.source).toBe('uploaded');
      expect(p.geometry.coordinates[0]).toBeLessThan(121.75); // not in the excluded area
      expect(f.properties.capacity).toBe(p.properties.capacity ?? 40);
      expect(f.properties.gain_population).toBeLessThanOrEqual(Math.ceil(((p.properties.capacity ?? 40) * 1000) / 4.55));
    }
  }, 120_000);
});
