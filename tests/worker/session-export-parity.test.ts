/**
 * The browser's export and the command line write the same tables for the same inputs: the
 * session's accessibility.csv and districts.csv equal the CLI's bytes, and districts.geojson the
 * same features, on the built-in sample with a children 0–3 column for childcare (the CLI from the
 * settings file's `populationField`, the app from the mapping step's `demandFields`).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { createSession } from '../../src/worker/session';

const SAMPLE = resolve(__dirname, '../../data/sample');

describe('browser export = CLI output', () => {
  it('accessibility.csv and districts.csv byte for byte, districts.geojson feature for feature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-parity-'));
    const fc = JSON.parse(readFileSync(join(SAMPLE, 'communities.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    // a children 0–3 column: 3 % of the residents, rounded
    for (const f of fc.features) f.properties.age_0_3 = Math.round(Number(f.properties.population) * 0.03);
    const communities = new TextEncoder().encode(JSON.stringify(fc));
    writeFileSync(join(dir, 'communities.geojson'), communities);
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ categories: [{ id: 'childcare', populationField: 'age_0_3' }] }));
    const out = join(dir, 'out');
    const code = await runCli(
      [
        'analyze',
        '--facilities',
        join(SAMPLE, 'facilities.geojson'),
        '--communities',
        join(dir, 'communities.geojson'),
        '--roads',
        join(SAMPLE, 'roads.geojson'),
        '--settings',
        join(dir, 'settings.json'),
        '--out',
        out,
        '--quiet',
      ],
      { out: () => {}, err: () => {} },
    );
    expect(code).toBe(0);

    const s = createSession();
    const bytes = (f: string) => new Uint8Array(readFileSync(join(SAMPLE, f)));
    expect((await s.loadLayer('facilities', 'facilities.geojson', bytes('facilities.geojson'))).ok).toBe(true);
    expect((await s.loadLayer('communities', 'communities.geojson', communities, { demandFields: { childcare: 'age_0_3' } })).ok).toBe(
      true,
    );
    expect((await s.loadLayer('roads', 'roads.geojson', bytes('roads.geojson'))).ok).toBe(true);
    s.coverage();
    const files = s.reportFiles({ generatedAt: '2025-01-01T00:00:00Z' });

    const cli = (name: string) => readFileSync(join(out, name), 'utf8');
    expect(files['accessibility.csv']).toBeDefined();
    expect(files['accessibility.csv'] === cli('accessibility.csv')).toBe(true);
    expect(files['districts.csv'] === cli('districts.csv')).toBe(true);
    const features = (text: string) => text.slice(text.indexOf('"features":['));
    expect(features(files['districts.geojson']!) === features(cli('districts.geojson'))).toBe(true);
    // the childcare rows count the children: 3 % of the residents
    const rows = cli('accessibility.csv').split('\r\n');
    const header = rows[0]!.replace(/^\uFEFF/, '').split(',');
    const first = rows.find((r) => r.split(',')[header.indexOf('category')] === 'childcare')!.split(',');
    expect(Number(first[header.indexOf('population')])).toBe(Math.round(Number(fc.features[0]!.properties.population) * 0.03));
    expect(first[header.indexOf('district')]).toBe(fc.features[0]!.properties.district);
    // the summaries agree on everything but the provenance and the recorded settings (the CLI lists its
    // settings file and names the column there; the app names it in the layer's mapping)
    const strip = (t: string) => ({ ...JSON.parse(t), provenance: null, settings: null });
    expect(strip(files['summary.json'])).toEqual(strip(cli('summary.json')));
  }, 300_000);
});
