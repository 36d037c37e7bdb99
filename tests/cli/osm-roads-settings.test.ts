import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli';
import { northBayreuth } from '../helpers/fixtures';

// Real extract © OpenStreetMap contributors, ODbL (tests/fixtures/real/README.md).
const PBF = resolve(__dirname, '../fixtures/real/osm/north-bayreuth.osm.pbf');
process.env.SOURCE_DATE_EPOCH = '1735689600';

const read = (dir: string, f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));

describe('--roads FILE.osm.pbf reads the extract with the settings file’s foot profile', () => {
  it('analyze with osmImport.footProfile equals analyze on the roads import-osm writes with the same settings, and differs from the default profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-osm-settings-'));
    const base = read(northBayreuth(''), 'settings.json') as Record<string, unknown>;
    // a planner who counts only streets with houses and footways as walkable
    const narrow = join(dir, 'narrow.json');
    writeFileSync(narrow, JSON.stringify({ ...base, osmImport: { footProfile: { walkableHighways: ['residential', 'footway'] } } }));
    const common = ['--facilities', northBayreuth('facilities.geojson'), '--communities', northBayreuth('communities.geojson'), '--quiet'];

    const imported = join(dir, 'imported');
    expect((await cli(['import-osm', PBF, '--settings', narrow, '--out', imported, '--quiet'])).code).toBe(0);
    const roads = (read(imported, 'roads.geojson') as { features: { properties: { highway: string; foot?: string } }[] }).features;
    // other highways only where foot=* allows walking (before the list), or platforms
    const other = roads.filter((f) => !['residential', 'footway'].includes(f.properties.highway));
    expect(other.filter((f) => f.properties.foot === undefined && f.properties.highway !== 'platform')).toEqual([]);
    expect(roads.length - other.length).toBeGreaterThan(100);

    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const c = join(dir, 'c');
    expect((await cli(['analyze', ...common, '--settings', narrow, '--roads', PBF, '--out', a])).code).toBe(0);
    expect((await cli(['analyze', ...common, '--settings', narrow, '--roads', join(imported, 'roads.geojson'), '--out', b])).code).toBe(0);
    expect((await cli(['analyze', ...common, '--settings', northBayreuth('settings.json'), '--roads', PBF, '--out', c])).code).toBe(0);
    const cov = (d: string): unknown => (read(d, 'summary.json') as { categories: unknown }).categories;
    const features = (d: string): unknown => (read(d, 'communities.geojson') as { features: unknown }).features;
    expect(cov(a)).toEqual(cov(b));
    expect(features(a)).toEqual(features(b));
    // fewer walkable ways: the coverage is not the default profile's
    expect(cov(a)).not.toEqual(cov(c));
  });

  it('a foot profile of the wrong type in the settings is an error naming the field, and nothing is analysed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-osm-settings-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ preset: 'ningbo', osmImport: { footProfile: { walkableHighways: 'footway' } } }));
    const res = await cli([
      'analyze',
      '--facilities',
      northBayreuth('facilities.geojson'),
      '--communities',
      northBayreuth('communities.geojson'),
      '--settings',
      bad,
      '--roads',
      PBF,
      '--out',
      join(dir, 'out'),
      '--quiet',
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/bad\.json.*osmImport\.footProfile\.walkableHighways: must be a list of tag values/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
