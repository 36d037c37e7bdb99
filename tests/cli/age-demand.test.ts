/**
 * Demand by age group: a category's `populationField` (settings file) makes its places per 1,000 count
 * the residents of that column (children aged 0–3 for childcare), by hand on a tiny city.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';

// Point communities on latitude 29.8 (1 km ≈ 0.01036° of longitude); a childcare centre of 20 places at a.
const point = (lon: number) => ({ type: 'Point', coordinates: [lon, 29.8] });
const communities = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'a', kind: 'urban', population: 1000, age_0_3: 100 }, geometry: point(121.5) },
    { type: 'Feature', properties: { id: 'b', kind: 'urban', population: 3000, age_0_3: '300' }, geometry: point(121.501) },
    { type: 'Feature', properties: { id: 'c', kind: 'urban', population: 500, age_0_3: 50 }, geometry: point(121.7) },
    { type: 'Feature', properties: { id: 'd', kind: 'urban', population: 400 }, geometry: point(121.5005) },
  ],
};
const facilities = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { id: 'k1', category: 'childcare', capacity: 20 }, geometry: point(121.5) }],
};

async function analyse(settings: object | null) {
  const dir = mkdtempSync(join(tmpdir(), 'lc-age-'));
  writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
  writeFileSync(join(dir, 'f.geojson'), JSON.stringify(facilities));
  const args = ['analyze', '--facilities', join(dir, 'f.geojson'), '--communities', join(dir, 'c.geojson'), '--model', 'straight'];
  if (settings) {
    writeFileSync(join(dir, 's.json'), JSON.stringify(settings));
    args.push('--settings', join(dir, 's.json'));
  }
  let stderr = '';
  const code = await runCli([...args, '--out', join(dir, 'out')], { out: () => {}, err: (t) => (stderr += t) });
  const rows = readFileSync(join(dir, 'out', 'accessibility.csv'), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((l) => l.split(','));
  const header = rows[0]!;
  const childcare = Object.fromEntries(
    rows
      .slice(1)
      .filter((r) => r[header.indexOf('category')] === 'childcare')
      .map((r) => [r[0], Object.fromEntries(header.map((h, j) => [h, r[j]]))]),
  );
  return { code, stderr, childcare, summary: JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) };
}

describe('demand by age group (categories[].populationField)', () => {
  it('childcare places per 1,000 count the 0–3 column; without it, all residents', async () => {
    const all = await analyse(null);
    expect(all.code).toBe(0);
    // a, b and d are within 10 minutes of the centre, c is 20 km away: 20 places for 1000 + 3000 + 400 residents
    expect(Number(all.childcare.a!.sfca_2)).toBeCloseTo((20 / 4400) * 1000, 3);
    expect(all.childcare.a!.population).toBe('1000');

    const age = await analyse({ categories: [{ id: 'childcare', populationField: 'age_0_3' }] });
    expect(age.code).toBe(0);
    // d has no value in the column: counted as 0 children, and said so once
    expect(age.stderr).toMatch(
      /1 of 4 communities have no number ≥ 0 in the demand column "age_0_3" of category "childcare": counted as 0 .*\(d\)/,
    );
    // 20 places for 100 + 300 children: 50 per 1,000 children for each community in reach (all within the first weight step)
    for (const id of ['a', 'b', 'd']) {
      expect(Number(age.childcare[id]!.sfca_2)).toBeCloseTo(50, 3);
      expect(Number(age.childcare[id]!.sfca_e2)).toBeCloseTo(50, 3);
    }
    expect(age.childcare.c!.sfca_2).toBe(''); // none in reach
    // the population column is the demand the category counts
    expect(['a', 'b', 'c', 'd'].map((id) => age.childcare[id]!.population)).toEqual(['100', '300', '50', '0']);
    expect(age.summary.accessibility.childcare.population_in_reach).toBe(400);
    expect(age.summary.accessibility.childcare.supply_per_1000).toBeCloseTo((20 / 450) * 1000, 3);
    // the recorded settings name the column
    expect(age.summary.provenance.settings.categories.find((c: { id: string }) => c.id === 'childcare').populationField).toBe('age_0_3');
  });

  it('a populationField that is not a column name is refused with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-age-'));
    writeFileSync(join(dir, 's.json'), JSON.stringify({ categories: [{ id: 'childcare', populationField: 3 }] }));
    writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
    writeFileSync(join(dir, 'f.geojson'), JSON.stringify(facilities));
    let stderr = '';
    const code = await runCli(
      [
        'analyze',
        '--facilities',
        join(dir, 'f.geojson'),
        '--communities',
        join(dir, 'c.geojson'),
        '--settings',
        join(dir, 's.json'),
        '--out',
        join(dir, 'out'),
      ],
      { out: () => {}, err: (t) => (stderr += t) },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/categories\[0\]\.populationField: 3 is not the name of a communities column/);
  });
});
