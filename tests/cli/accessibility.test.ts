import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';

process.env.SOURCE_DATE_EPOCH = '1735689600';

const point = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

/** Two childcare centres and three communities on a north–south line (0.001° ≈ 111 m; 10 min at 5 km/h × detour 1 ≈ 833 m). */
function writeInputs(dir: string): string[] {
  const facilities = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'K1', name: '南托育', category: 'childcare', capacity: 10 }, geometry: point(121.5, 29.85) },
      { type: 'Feature', properties: { id: 'K2', name: '北托育', category: 'childcare', capacity: 5 }, geometry: point(121.5, 29.862) },
      { type: 'Feature', properties: { id: 'K3', name: '无容量', category: 'childcare' }, geometry: point(121.5, 29.95) },
      { type: 'Feature', properties: { id: 'H1', name: '卫生站', category: 'clinic', capacity: 3 }, geometry: point(121.5, 29.85) },
    ],
  };
  const communities = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'A', name: '甲', population: 100, kind: 'urban' }, geometry: point(121.5, 29.849) },
      { type: 'Feature', properties: { id: 'B', name: '乙', population: 300, kind: 'urban' }, geometry: point(121.5, 29.856) },
      { type: 'Feature', properties: { id: 'C', name: '丙', population: 50, kind: 'urban' }, geometry: point(121.5, 29.9) },
    ],
  };
  const settings = {
    model: 'straight',
    detourFactor: 1,
    categories: [
      { id: 'childcare', thresholdMinutes: { urban: 10, rural: 10 } },
      // at the kind's 5 km/h, not the preset's elderly pace, so the figures below are by hand at 83.3 m/min
      { id: 'clinic', thresholdMinutes: { urban: 10, rural: 10 }, walkSpeedKmh: null },
    ],
  };
  writeFileSync(join(dir, 'facilities.geojson'), JSON.stringify(facilities));
  writeFileSync(join(dir, 'communities.geojson'), JSON.stringify(communities));
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings));
  return [
    '--facilities',
    join(dir, 'facilities.geojson'),
    '--communities',
    join(dir, 'communities.geojson'),
    '--settings',
    join(dir, 'settings.json'),
  ];
}

describe('analyze writes the capacity-aware accessibility', () => {
  it('accessibility.csv, communities.geojson fields and the summary: places per 1,000 by hand, empty when none in reach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-access-'));
    const out = join(dir, 'out');
    let stderr = '';
    const code = await runCli(['analyze', ...writeInputs(dir), '--out', out], { out: () => {}, err: (t) => (stderr += t) });
    expect(code).toBe(0);
    const csv = readFileSync(join(out, 'accessibility.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('community_id,name,kind,district,category,population,minutes,covered_share,sfca_2,sfca_e2');
    const row = (id: string, cat: string) => csv.find((l) => l.startsWith(`${id},`) && l.split(',')[4] === cat)!.split(',');
    // childcare: K1 serves A and B (10 / 400 residents), K2 serves B (5 / 300)
    expect(row('A', 'childcare')[8]).toBe('25');
    expect(row('B', 'childcare')[8]).toBe(String(Math.round((10 / 400 + 5 / 300) * 1e6) / 1e3)); // 41.667
    expect(row('C', 'childcare')[8]).toBe(''); // none in reach (K3 is 5.5 km away): empty, not 0
    expect(row('C', 'childcare')[9]).toBe('');
    expect(row('C', 'childcare')[7]).toBe('0');
    // clinic: H1 (3 places) serves A (1.3 min) and B (8.0 min): 2SFCA 3 / 400 → 7.5 per 1,000; E2SFCA
    // weights (steps at 3.3, 6.7, 10 min of the 10-minute circle) A × 1, B × 0.22 → 3 / 166
    expect(row('A', 'clinic')[8]).toBe('7.5');
    expect(row('A', 'clinic')[9]).toBe(String(Math.round((3 / 166) * 1e6) / 1e3));
    expect(row('B', 'clinic')[9]).toBe(String(Math.round(((0.22 * 3) / 166) * 1e6) / 1e3));
    expect(row('A', 'childcare')[6]).toBe('1.3'); // 111 m at 83.3 m/min
    expect(csv).toHaveLength(1 + 3 * 6); // the preset's six categories

    const props = JSON.parse(readFileSync(join(out, 'communities.geojson'), 'utf8')).features.map(
      (f: { properties: Record<string, unknown> }) => f.properties,
    );
    expect(props[0].sfca_2_childcare).toBe(25);
    expect(props[2].sfca_2_childcare).toBeNull();

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.accessibility.childcare).toMatchObject({
      capacity_unit: { zh: '托位', en: 'places' },
      facilities: 3,
      facilities_without_capacity: ['K3'],
      supply: 15,
      supply_per_1000: Math.round((15 / 450) * 1e6) / 1e3,
      population_in_reach: 400,
      sfca_2: Math.round((15 / 400) * 1e6) / 1e3,
      target_per_1000: 4.55,
    });
    // warned once for the category, naming the facility
    expect(stderr.match(/no usable capacity/g)).toHaveLength(1);
    expect(stderr).toContain('"childcare"');
    expect(stderr).toContain('K3');
  });
});
