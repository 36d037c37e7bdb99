import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import area from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import { cli } from '../helpers/run-cli';

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

/**
 * Run `analyze` (straight line) on `communities` and `facilities` written to a fresh folder, grouped
 * by `groupBy`, with `extra` arguments; `text(name)` reads a report file of the run.
 */
async function analyzeGrouped(
  groupBy: string,
  input: { communities: object; facilities: object } = { communities, facilities },
  extra: string[] = [],
) {
  const dir = mkdtempSync(join(tmpdir(), 'lc-group-'));
  writeFileSync(join(dir, 'c.geojson'), JSON.stringify(input.communities));
  writeFileSync(join(dir, 'f.geojson'), JSON.stringify(input.facilities));
  const out = join(dir, 'out');
  const args = ['analyze', '--facilities', join(dir, 'f.geojson'), '--communities', join(dir, 'c.geojson'), '--model', 'straight'];
  const r = await cli([...args, '--group-by', groupBy, '--out', out, ...extra]);
  return { ...r, dir, out, text: (name: string) => readFileSync(join(out, name), 'utf8') };
}

describe('analyze --group-by', () => {
  it('writes districts.csv per district × category, "unassigned" for empty values, and the district in communities.geojson', async () => {
    const r = await analyzeGrouped('街道');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 of 5 communities have no district \(field 街道\): grouped as "unassigned"/);
    const csv = r
      .text('districts.csv')
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
    const geo = JSON.parse(r.text('communities.geojson'));
    expect(geo.features.map((f: { properties: { district: string | null } }) => f.properties.district)).toEqual([
      '甲街道',
      '甲街道',
      '乙镇',
      null,
      null,
    ]);
    const summary = JSON.parse(r.text('summary.json'));
    expect(summary.indicators.districts.map((d: { district: string }) => d.district)).toEqual(['乙镇', '甲街道', 'unassigned']);
    const medical = summary.indicators.dashboard.find((d: { id: string }) => d.id === 'medicalCircle');
    expect(medical.value).toBe(Math.round((3500 / 6500) * 1e4) / 1e4);
    expect(medical.districts['乙镇']).toEqual({ value: 1, met: true });
  });

  it('a --group-by field no community has: every community is "unassigned", with a warning', async () => {
    const r = await analyzeGrouped('county');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no community has a value in the district field county/);
    const csv = r.text('districts.csv').trim().split('\r\n');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(new Array(6).fill('unassigned'));
  });

  it('writes districts.geojson: adjacent squares of one district dissolved into one outline with the summed area, the unassigned ones apart; point communities give none', async () => {
    // 0.01° squares on latitude 29.8: a1 and a2 side by side (甲街道), u1 further east without a district
    const square = (lon: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [lon, 29.8],
          [lon + 0.01, 29.8],
          [lon + 0.01, 29.81],
          [lon, 29.81],
          [lon, 29.8],
        ],
      ],
    });
    const polygons = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 'a1', kind: 'urban', population: 1000, 街道: '甲街道' }, geometry: square(121.5) },
        { type: 'Feature', properties: { id: 'a2', kind: 'urban', population: 3000, 街道: '甲街道' }, geometry: square(121.51) },
        { type: 'Feature', properties: { id: 'u1', kind: 'urban', population: 500 }, geometry: square(121.6) },
      ],
    };
    const r = await analyzeGrouped('街道', { communities: polygons, facilities });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('districts.geojson');
    const geo = JSON.parse(r.text('districts.geojson')) as {
      features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][][] } }[];
    };
    expect(geo.features.map((f) => f.properties.district)).toEqual(['甲街道', 'unassigned']);
    expect(geo.features.map((f) => f.geometry.type)).toEqual(['MultiPolygon', 'MultiPolygon']); // one geometry type per layer
    const [jia, none] = geo.features;
    expect(jia!.geometry.coordinates).toHaveLength(1); // one polygon …
    expect(jia!.geometry.coordinates[0]).toHaveLength(1); // … with one ring, no inner edge
    const sqArea = area({ type: 'Feature', properties: {}, geometry: square(121.5) as Polygon });
    expect(area({ type: 'Feature', properties: {}, geometry: jia!.geometry as MultiPolygon })).toBeCloseTo(2 * sqArea, -2);
    expect(jia!.properties).toMatchObject({ communities: 2, population: 4000, type_of_feature: 'district' });
    expect(none!.properties).toMatchObject({ communities: 1, population: 500 });
    // the covered shares per category are districts.csv's
    const csvShare = r
      .text('districts.csv')
      .split('\r\n')
      .find((l) => l.startsWith('甲街道,clinic,'))!
      .split(',')[5];
    expect(String(jia!.properties.share_clinic)).toBe(csvShare);

    // point communities (the first test's) have no outline: no districts.geojson
    const points = await analyzeGrouped('街道');
    expect(points.code).toBe(0);
    expect(existsSync(join(points.out, 'districts.geojson'))).toBe(false);
    expect(existsSync(join(points.out, 'districts.csv'))).toBe(true);
  });
});
