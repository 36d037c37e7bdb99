import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli';
import { northBayreuth } from '../helpers/fixtures';

// Real extracts © OpenStreetMap contributors, ODbL (tests/fixtures/real/README.md).
const PBF = resolve(__dirname, '../fixtures/real/osm/north-bayreuth.osm.pbf');
process.env.SOURCE_DATE_EPOCH = '1735689600';

const read = (dir: string, f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));

describe('lifecircle import-osm', () => {
  it('writes the three layers and the report; analyze --roads on the .osm.pbf equals analyze on the imported roads.geojson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-osm-'));
    const imp = await cli(['import-osm', PBF, '--out', dir, '--quiet']);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/walkable ways kept as \d+ road lines/);
    const report = read(dir, 'import-report.json') as { roads: { features: number }; communities: { estimated: number } };
    const roads = read(dir, 'roads.geojson') as { features: unknown[] };
    expect(roads.features).toHaveLength(report.roads.features);
    expect((read(dir, 'communities.geojson') as { features: unknown[] }).features.length).toBeGreaterThan(0);

    const common = ['--facilities', northBayreuth('facilities.geojson'), '--communities', northBayreuth('communities.geojson')];
    common.push('--settings', northBayreuth('settings.json'), '--quiet');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect((await cli(['analyze', ...common, '--roads', PBF, '--out', a])).code).toBe(0);
    expect((await cli(['analyze', ...common, '--roads', join(dir, 'roads.geojson'), '--out', b])).code).toBe(0);
    // the same features (the files differ only in their provenance: which input file, its hash)
    const features = (d: string, f: string): unknown => (read(d, f) as { features: unknown }).features;
    expect(features(a, 'communities.geojson')).toEqual(features(b, 'communities.geojson'));
    expect(features(a, 'gap-communities.geojson')).toEqual(features(b, 'gap-communities.geojson'));
    expect(features(a, 'gap-zones.geojson')).toEqual(features(b, 'gap-zones.geojson'));
    expect((features(a, 'communities.geojson') as unknown[]).length).toBeGreaterThan(50);
    const cov = (d: string): unknown => (read(d, 'summary.json') as { categories: unknown }).categories;
    expect(cov(a)).toEqual(cov(b));
    expect(Object.keys(cov(a) as object)).toContain('clinic');
  });

  it('imported layers load back as analyze input (facilities and communities too)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-osm-'));
    expect((await cli(['import-osm', PBF, '--out', dir, '--quiet'])).code).toBe(0);
    const res = await cli([
      'analyze',
      '--facilities',
      join(dir, 'facilities.geojson'),
      '--communities',
      join(dir, 'communities.geojson'),
      '--roads',
      join(dir, 'roads.geojson'),
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(res.stderr).not.toMatch(/error/);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/model: network; \d+ communities/);
  });

  it('bad input: a GeoJSON renamed .osm.pbf, an empty file, a bad --bbox; clear messages, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-osm-'));
    const fake = join(dir, 'city.osm.pbf');
    writeFileSync(fake, '{"type":"FeatureCollection","features":[]}');
    const r1 = await cli(['import-osm', fake, '--out', dir]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/cannot import: city\.osm\.pbf: this is GeoJSON, not an OpenStreetMap extract/);
    expect(r1.stderr).not.toMatch(/\s+at /);
    const empty = join(dir, 'empty.osm');
    writeFileSync(empty, '');
    const r2 = await cli(['import-osm', empty, '--out', dir]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/empty\.osm: the file is empty/);
    const r3 = await cli(['import-osm', PBF, '--out', dir, '--bbox', '11,50,10,49']);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/--bbox: .*W < E/);
    const r4 = await cli([
      'analyze',
      '--facilities',
      northBayreuth('facilities.geojson'),
      '--communities',
      northBayreuth('communities.geojson'),
      '--roads',
      fake,
      '--out',
      dir,
    ]);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/city\.osm\.pbf: this is GeoJSON/);
  });
});
