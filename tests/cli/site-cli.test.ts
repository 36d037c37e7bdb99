import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

const SAMPLE = resolve(__dirname, '../../data/sample');
const REAL = NORTH_BAYREUTH;
const INPUT = [
  '--facilities',
  join(SAMPLE, 'facilities.geojson'),
  '--communities',
  join(SAMPLE, 'communities.geojson'),
  '--roads',
  join(SAMPLE, 'roads.geojson'),
];

const tmp = () => mkdtempSync(join(tmpdir(), 'lc-site-'));
const read = (dir: string) => ({
  sites: JSON.parse(readFileSync(join(dir, 'sites.geojson'), 'utf8')),
  text: readFileSync(join(dir, 'sites.geojson'), 'utf8'),
  summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')),
});
const communityIds = new Set(
  (JSON.parse(readFileSync(join(SAMPLE, 'communities.geojson'), 'utf8')).features as { properties: { id: string } }[]).map(
    (f) => f.properties.id,
  ),
);

describe('site on the built-in sample', () => {
  it('maximal covering with the exact solver writes valid, consistent files', async () => {
    const out = tmp();
    const r = await cli(['site', '--category', 'clinic', '--add', '5', '--exact', ...INPUT, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const { sites, text, summary } = read(out);
    expect(() => check(text)).not.toThrow();
    expect(sites.features).toHaveLength(5);
    let gained = 0;
    sites.features.forEach((f: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }, i: number) => {
      expect(Object.keys(f.properties).slice(0, 4)).toEqual(['rank', 'category', 'gain_population', 'covered_ids']);
      expect(f.properties.rank).toBe(i + 1);
      expect(f.properties.category).toBe('clinic');
      for (const id of String(f.properties.covered_ids).split(',')) expect(communityIds.has(id)).toBe(true);
      if (i > 0) expect(f.properties.gain_population as number).toBeLessThanOrEqual(sites.features[i - 1].properties.gain_population);
      gained += f.properties.gain_population as number;
      const [x, y] = f.geometry.coordinates;
      expect(x).toBeGreaterThan(121.3);
      expect(x).toBeLessThan(121.95);
      expect(y).toBeGreaterThan(29.6);
      expect(y).toBeLessThan(30.02);
    });
    expect(summary.solver).toBe('exact');
    expect(summary.bound).toBeGreaterThanOrEqual(summary.objective);
    expect(Math.abs(gained - summary.objective)).toBeLessThanOrEqual(5); // rounding of each site's gain
    expect(summary.after_share).toBeCloseTo(summary.before_share + summary.newly_covered_population / summary.population, 3);
    expect(summary.gap).toBeGreaterThanOrEqual(0);
  });

  it('set covering reaches the target share, or names the most it can reach', async () => {
    const out = tmp();
    const r = await cli(['site', '--category', 'sports', '--target', '90%', ...INPUT, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const { summary } = read(out);
    expect(summary.problem).toBe('set-covering');
    if (summary.target_reached) expect(summary.after_share).toBeGreaterThanOrEqual(0.9 - 1e-4);
    else expect(r.stdout).toMatch(/not reachable/);
    expect(summary.bound).toBeLessThanOrEqual(summary.objective);
  });

  it('capacity-aware childcare: no site serves more than capacity × 1000 / 4.55', async () => {
    const out = tmp();
    const r = await cli(['site', '--category', 'childcare', '--add', '4', '--capacity', '30', ...INPUT, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const { sites, summary } = read(out);
    expect(summary.capacity.capacity_per_thousand).toBe(4.55);
    for (const f of sites.features) expect(f.properties.gain_population).toBeLessThanOrEqual(Math.ceil((30 * 1000) / 4.55));
  });
});

describe('site with uploaded candidates and bad options', () => {
  it('uses only the uploaded points, skips bad ones by name, and respects exclusions', async () => {
    const dir = tmp();
    const pts = [
      [11.52, 49.98],
      [11.55, 49.99],
      [11.5, 50.01],
      [11.58, 49.97],
    ];
    writeFileSync(
      join(dir, 'cand.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          ...pts.map((c, i) => ({ type: 'Feature', properties: { id: `S${i}` }, geometry: { type: 'Point', coordinates: c } })),
          {
            type: 'Feature',
            properties: { id: 'BAD' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [11.5, 50],
                [11.6, 50],
              ],
            },
          },
          { type: 'Feature', properties: { id: 'S0' }, geometry: { type: 'Point', coordinates: [11.53, 49.985] } },
        ],
      }),
    );
    writeFileSync(
      join(dir, 'ex.geojson'),
      JSON.stringify({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [11.49, 50.0],
              [11.51, 50.0],
              [11.51, 50.02],
              [11.49, 50.02],
              [11.49, 50.0],
            ],
          ],
        },
      }),
    );
    const r = await cli([
      'site',
      '--category',
      'clinic',
      '--add',
      '4',
      '--candidates',
      join(dir, 'cand.geojson'),
      '--exclude',
      join(dir, 'ex.geojson'),
      '--facilities',
      join(REAL, 'facilities.geojson'),
      '--communities',
      join(REAL, 'communities.geojson'),
      '--roads',
      join(REAL, 'roads.geojson'),
      '--settings',
      join(REAL, 'settings.json'),
      '--out',
      dir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/cand\.geojson #4 \(BAD\).*not a Point/);
    expect(r.stderr).toMatch(/cand\.geojson #5 \(S0\).*duplicate id "S0" \(also feature 0\)/);
    const { sites, summary } = read(dir);
    expect(summary.candidates.count).toBe(3); // S2 lies in the excluded area
    expect(sites.features.length).toBeGreaterThan(0);
    for (const f of sites.features) expect(['S0', 'S1', 'S3']).toContain(f.properties.candidate_id);
  });

  it('exits 1 on bad options and 2 on unusable input', async () => {
    const dir = tmp();
    expect((await cli(['site', '--category', 'clinic', ...INPUT, '--out', dir])).code).toBe(1);
    expect((await cli(['site', '--category', 'clinic', '--add', '2', '--target', '0.9', ...INPUT, '--out', dir])).code).toBe(1);
    const unknown = await cli(['site', '--category', 'nope', '--add', '2', ...INPUT, '--out', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown --category "nope".*clinic/);
    expect((await cli(['site', '--category', 'clinic', '--add', '2', '--capacity', '30', ...INPUT, '--out', dir])).stderr).toMatch(
      /capacityPerThousand/,
    );
    writeFileSync(join(dir, 'c.geojson'), '{"type": "FeatureCollection", "features": [}');
    const bad = await cli(['site', '--category', 'clinic', '--add', '2', '--candidates', join(dir, 'c.geojson'), ...INPUT, '--out', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/c\.geojson.*line 1/);
    const notFile = await cli(['site', '--category', 'clinic', '--add', '2', '--candidates', dir, ...INPUT, '--out', dir]);
    expect(notFile.code).toBe(2);
    expect(notFile.stderr).toMatch(/not a regular file/);
  });
});
