/**
 * The mapping step through the real engine session (what the worker runs): re-reading the same
 * bytes with other columns for category, capacity, population and kind, a GBK CSV with 经度/纬度,
 * and the "automatic" column labels against what the readers actually read.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { createSession } from '../../src/worker/session';
import type { WorkspaceLayerOptions } from '../../src/app/workspace-actions';
import { readCommunities } from '../../src/io/read-communities';
import { readFacilities } from '../../src/io/read-facilities';
import { resolveSettings } from '../../src/io/settings';
import { autoFields, CAPACITY_FIELDS, KIND_FIELDS, POPULATION_FIELDS } from '../../src/ui/data/field-guess';
import { jobStageKey } from '../../src/ui/data/job-stage';
import { reportCounts, skippedFeatures } from '../../src/ui/data/problem-lists';
import en from '../../src/i18n/en';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Unambiguous names per category (each holds keywords of one category only). */
const NAMES: Record<string, string> = {
  clinic: '社区卫生服务站',
  canteen: '老年食堂',
  childcare: '托儿所',
  sports: '健身苑',
  culture: '图书馆',
  convenience: '便利店',
};
const IDS = Object.keys(NAMES);

/** A GBK CSV of facilities: 经度/纬度, a name that says one category, a 业态 column that says another, and 规模. */
function facilityCsv(seed: number, n: number) {
  const rand = mulberry32(seed);
  const rows = Array.from({ length: n }, (_, i) => {
    const byName = IDS[Math.floor(rand() * IDS.length)] as string;
    const byKind = IDS[Math.floor(rand() * IDS.length)] as string;
    return { id: `S${i}`, lon: 121.5 + rand() * 0.1, lat: 29.8 + rand() * 0.1, byName, byKind, size: Math.floor(rand() * 300) };
  });
  const text = [
    'id,名称,业态,规模,经度,纬度',
    ...rows.map((r) => `${r.id},${NAMES[r.byName]}${r.id},${NAMES[r.byKind]},${r.size},${r.lon.toFixed(6)},${r.lat.toFixed(6)}`),
  ].join('\r\n');
  return { rows, bytes: new Uint8Array(iconv.encode(text, 'gbk')) };
}

describe('mapping step through the engine session', () => {
  it('reads a GBK CSV by 经度/纬度, then re-applies with the category and capacity columns the user picks', async () => {
    const { rows, bytes } = facilityCsv(11, 120);
    const s = createSession();
    const first = await s.loadLayer('facilities', '设施.csv', bytes, {});
    expect(first.ok).toBe(true);
    expect(first.report.encoding?.toLowerCase()).toMatch(/gb/);
    expect([first.report.lonField, first.report.latField]).toEqual(['经度', '纬度']);
    expect(first.report.fields).toEqual(expect.arrayContaining(['id', '名称', '业态', '规模']));
    const byId = (r: typeof first) => new Map(r.dataset.facilities.map((f) => [f.id, f]));
    // automatic: no 类型/category column, so the name decides; 规模 is not a capacity name
    let got = byId(first);
    expect(got.size).toBe(rows.length);
    for (const r of rows) {
      expect(got.get(r.id)?.category).toBe(r.byName);
      expect(got.get(r.id)?.name).toBe(`${NAMES[r.byName]}${r.id}`);
      expect(got.get(r.id)?.capacity).toBeNull();
    }
    const options: WorkspaceLayerOptions = Object.freeze({ categoryField: '业态', capacityField: '规模' });
    const second = await s.loadLayer('facilities', '设施.csv', bytes, options);
    got = byId(second);
    for (const r of rows) {
      expect(got.get(r.id)?.category).toBe(r.byKind);
      expect(got.get(r.id)?.capacity).toBe(r.size);
    }
    // the coordinates survive GBK decoding and the mapping untouched
    for (const r of rows) expect(got.get(r.id)?.lon).toBeCloseTo(r.lon, 6);
  });

  it('counts every data row of a CSV as read, including rows the CSV reader dropped (no coordinates)', async () => {
    const rand = mulberry32(21);
    const lines = ['name,type,lon,lat'];
    let expectKept = 0;
    let expectSkipped = 0;
    for (let i = 0; i < 80; i++) {
      const r = rand();
      if (r < 0.15) {
        lines.push(`x${i},clinic,,`);
        expectSkipped++;
      } // no coordinates: dropped by the CSV reader
      else if (r < 0.3) {
        lines.push(`x${i},银行,121.5,29.8`);
        expectSkipped++;
      } // no category: skipped by the facility reader
      else {
        lines.push(`x${i},clinic,121.5,29.8`);
        expectKept++;
      }
    }
    const s = createSession();
    const res = await s.loadLayer('facilities', 'rows.csv', new TextEncoder().encode(lines.join('\n')));
    const counts = reportCounts(res.report.counts, res.report.errors);
    expect(counts).toEqual({ read: 80, kept: expectKept, skipped: expectSkipped });
    expect(res.dataset.facilities.length).toBe(expectKept);
    expect(skippedFeatures(res.report.errors).length).toBe(expectSkipped);
  });

  it('re-applies community population, kind and default kind columns', async () => {
    const rand = mulberry32(3);
    const feats = Array.from({ length: 60 }, (_, i) => ({
      type: 'Feature',
      properties: { id: `C${i}`, 户籍人口: Math.floor(rand() * 5000), 性质: rand() < 0.3 ? '' : rand() < 0.5 ? '行政村' : '城市社区' },
      geometry: { type: 'Point', coordinates: [121.5 + rand() * 0.1, 29.8 + rand() * 0.1] },
    }));
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: feats }));
    const s = createSession();
    const auto = await s.loadLayer('communities', 'c.geojson', bytes, {});
    expect(auto.ok).toBe(true);
    expect(auto.report.counts.kept).toBe(0); // no population column by the usual names: every feature skipped, each named
    expect(auto.report.errors.length).toBe(feats.length);
    const mapped = await s.loadLayer(
      'communities',
      'c.geojson',
      bytes,
      Object.freeze({ populationField: '户籍人口', kindField: '性质', defaultKind: 'urban' as const }),
    );
    const byId = new Map(mapped.dataset.communities.map((c) => [c.id, c]));
    expect(byId.size).toBe(feats.length);
    for (const f of feats) {
      const c = byId.get(f.properties.id)!;
      expect(c.population).toBe(f.properties.户籍人口);
      expect(c.kind).toBe(f.properties.性质 === '行政村' ? 'rural' : 'urban');
    }
  });

  it('labels as automatic exactly the columns the readers use (random column names and cases)', () => {
    const rand = mulberry32(8);
    const settings = resolveSettings(undefined, 'settings').value!;
    const pool = [...POPULATION_FIELDS, ...KIND_FIELDS, ...CAPACITY_FIELDS, 'POP', 'Population', 'Kind', 'CAPACITY', 'other', '人数'];
    for (let trial = 0; trial < 200; trial++) {
      const fields = [
        ...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pool[Math.floor(rand() * pool.length)] as string)),
      ];
      const props: Record<string, unknown> = { id: 'x', category: 'clinic' };
      for (const f of fields) props[f] = KIND_FIELDS.some((k) => k.toLowerCase() === f.toLowerCase()) ? 'rural' : 7;
      const feature = { type: 'Feature', properties: props, geometry: { type: 'Point', coordinates: [121.5, 29.8] } };
      const community = readCommunities([feature], 'c', { defaultKind: 'urban' });
      expect(community.value.length === 1, `population of ${fields}`).toBe(autoFields(fields, POPULATION_FIELDS).length > 0);
      if (community.value.length === 1) {
        expect(community.value[0]!.kind === 'rural', `kind of ${fields}`).toBe(autoFields(fields, KIND_FIELDS).length > 0);
      }
      const facility = readFacilities([feature], 'f', settings);
      expect(facility.value[0]!.capacity !== null, `capacity of ${fields}`).toBe(autoFields(fields, CAPACITY_FIELDS).length > 0);
    }
  });

  it('names every stage the engine reports with a translated label', async () => {
    const sample = (f: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../data/sample', f)));
    const s = createSession();
    await s.loadLayer('facilities', 'f.geojson', sample('facilities.geojson'));
    await s.loadLayer('communities', 'c.geojson', sample('communities.geojson'));
    const stages: string[] = [];
    s.coverage((stage) => stages.push(stage));
    expect(stages.length).toBeGreaterThan(3);
    for (const stage of [...stages, 'reading', 'sample', 'restoring']) {
      const { key } = jobStageKey(stage);
      expect(key, stage).not.toBeNull();
      const leaf = (key as string).split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en);
      expect(typeof leaf, stage).toBe('string');
    }
    expect(jobStageKey('something new')).toEqual({ key: null });
  });
});
