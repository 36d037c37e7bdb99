import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

// Point communities on a line of latitude 29.8; 1 km ≈ 0.01036° of longitude there. A clinic at 121.5.
const point = (lon: number) => ({ type: 'Point', coordinates: [lon, 29.8] });
const communities = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'a1', kind: 'urban', population: 1000, 街道: '甲街道' }, geometry: point(121.5) },
    { type: 'Feature', properties: { id: 'a2', kind: 'urban', population: 3000, 街道: '甲街道' }, geometry: point(121.6) },
    { type: 'Feature', properties: { id: 'b1', kind: 'rural', population: 2000, 街道: ' 乙镇 ' }, geometry: point(121.501) },
    { type: 'Feature', properties: { id: 'u1', kind: 'urban', population: 500, 街道: '' }, geometry: point(121.502) },
    { type: 'Feature', properties: { id: 'u2', kind: 'urban', population: 0 }, geometry: point(121.7) },
  ],
};
const facilities = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { id: 'f1', category: 'clinic', capacity: 10 }, geometry: point(121.5) }],
};

describe('analyze --group-by', () => {
  it('writes districts.csv per district × category, "unassigned" for empty values, and the district in communities.geojson', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-group-'));
    writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
    writeFileSync(join(dir, 'f.geojson'), JSON.stringify(facilities));
    const out = join(dir, 'out');
    const r = await cli([
      'analyze',
      '--facilities',
      join(dir, 'f.geojson'),
      '--communities',
      join(dir, 'c.geojson'),
      '--model',
      'straight',
      '--group-by',
      '街道',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 of 5 communities have no district \(field 街道\): grouped as "unassigned"/);
    const csv = readFileSync(join(out, 'districts.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe(
      'district,category,communities,population,population_covered,covered_share,urban_share,rural_share,median_min,urban_median_min,rural_median_min,beyond_twice_threshold,gini',
    );
    const clinic = Object.fromEntries(csv.filter((l) => l.split(',')[1] === 'clinic').map((l) => [l.split(',')[0], l.split(',')]));
    // code-point order of the names, unassigned last
    expect(
      csv
        .slice(1)
        .filter((l) => l.split(',')[1] === 'clinic')
        .map((l) => l.split(',')[0]),
    ).toEqual(['乙镇', '甲街道', 'unassigned']);
    // 甲街道: a1 at the clinic (0 min), a2 10 km away (≈ 156 min at 5 km/h × 1.3): 1000 of 4000 covered, median = a2's time
    expect(clinic['甲街道']!.slice(2, 6)).toEqual(['2', '4000', '1000', '0.25']);
    expect(Number(clinic['甲街道']![8])).toBeGreaterThan(150);
    expect(clinic['甲街道']![11]).toBe('3000'); // a2 beyond twice the 15 minutes
    // 乙镇: one rural community 100 m away: covered
    expect(clinic['乙镇']!.slice(2, 8)).toEqual(['1', '2000', '2000', '1', '', '1']);
    // unassigned: u1 (500, 200 m) and u2 (no residents): 500 of 500
    expect(clinic['unassigned']!.slice(2, 6)).toEqual(['2', '500', '500', '1']);
    const geo = JSON.parse(readFileSync(join(out, 'communities.geojson'), 'utf8'));
    expect(geo.features.map((f: { properties: { district: string | null } }) => f.properties.district)).toEqual([
      '甲街道',
      '甲街道',
      '乙镇',
      null,
      null,
    ]);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.indicators.districts.map((d: { district: string }) => d.district)).toEqual(['乙镇', '甲街道', 'unassigned']);
    const medical = summary.indicators.dashboard.find((d: { id: string }) => d.id === 'medicalCircle');
    expect(medical.value).toBe(Math.round((3500 / 6500) * 1e4) / 1e4);
    expect(medical.districts['乙镇']).toEqual({ value: 1, met: true });
  });

  it('a --group-by field no community has: every community is "unassigned", with a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-group-'));
    writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
    writeFileSync(join(dir, 'f.geojson'), JSON.stringify(facilities));
    const out = join(dir, 'out');
    const r = await cli([
      'analyze',
      '--facilities',
      join(dir, 'f.geojson'),
      '--communities',
      join(dir, 'c.geojson'),
      '--model',
      'straight',
      '--group-by',
      'county',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no community has a value in the district field county/);
    const csv = readFileSync(join(out, 'districts.csv'), 'utf8').trim().split('\r\n');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(new Array(6).fill('unassigned'));
  });
});
