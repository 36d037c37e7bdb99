import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/worker/session';
import { fromWgs84 } from '../../src/io/crs';

const SAMPLE = resolve(__dirname, '../../data/sample');
const bytes = (f: string) => new Uint8Array(readFileSync(resolve(SAMPLE, f)));

describe('engine session on the built-in sample', () => {
  it('loads, analyses, re-thresholds without recomputing, and keeps data when a broken file comes', async () => {
    const s = createSession();
    const f = await s.loadLayer('facilities', 'facilities.geojson', bytes('facilities.geojson'));
    const c = await s.loadLayer('communities', 'communities.geojson', bytes('communities.geojson'));
    const r = await s.loadLayer('roads', 'roads.geojson', bytes('roads.geojson'));
    expect([f.ok, c.ok, r.ok]).toEqual([true, true, true]);
    expect(r.report.counts.kept).toBeGreaterThan(1000);
    expect(c.report.errors).toEqual([]);

    const first = s.coverage();
    expect(first.recomputed).toBe(true);
    expect(first.model).toBe('network');
    const k = first.categoryIds.indexOf('clinic');
    const before = first.totals[k]!.share;

    const settings = structuredClone(s.getSettings());
    settings.categories[k]!.thresholdMinutes = { urban: 5, rural: 5 };
    expect(s.setSettings(settings).ok).toBe(true);
    const second = s.coverage();
    expect(second.recomputed).toBe(false);
    expect(second.totals[k]!.share).toBeLessThan(before);

    const broken = await s.loadLayer('facilities', 'bad.geojson', new TextEncoder().encode('{"type": "FeatureCollection", "features": [}'));
    expect(broken.ok).toBe(false);
    expect(broken.report.errors[0]!.reason).toMatch(/line 1, column/);
    expect(broken.dataset.facilities.length).toBe(f.dataset.facilities.length);
    expect(s.coverage().totals[k]!.share).toBeCloseTo(second.totals[k]!.share, 12);
  });

  it('reads several files in one call as one by one would, checks points read after roads against them, and analyses when asked', async () => {
    const one = createSession();
    const single = [];
    for (const f of ['facilities', 'communities', 'roads'] as const)
      single.push(await one.loadLayer(f, `${f}.geojson`, bytes(`${f}.geojson`)));
    const batch = createSession();
    const layers = (['facilities', 'communities', 'roads'] as const).map((layer) => ({
      layer,
      name: `${layer}.geojson`,
      bytes: bytes(`${layer}.geojson`),
    }));
    const res = await batch.loadLayers(layers, { analyse: true, surfaceOf: 'clinic' });
    expect(res.results.map((r) => r.ok)).toEqual([true, true, true]);
    // each file's counts, and the dataset once, as after the last single load
    expect(res.results.map((r) => r.report.counts)).toEqual(single.map((r) => r.report.counts));
    expect(res.dataset).toEqual(single[2]!.dataset);
    // the analysis, the clinics' service areas, the indicators and outlines were computed after the answer
    // (a task each): coverage() only reads them, and everything agrees with the one-by-one session
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    const cov = batch.coverage();
    expect(cov.recomputed).toBe(false);
    expect(cov.totals.map((t) => t.share)).toEqual(one.coverage().totals.map((t) => t.share));
    expect(batch.surface('clinic')).toEqual(one.surface('clinic'));
    expect(batch.indicators()).toEqual(one.indicators());
    expect(batch.districtOutlines()).toEqual(one.districtOutlines());

    // a refused file in the batch leaves its layer as it was and says why; the others are read, and nothing is analysed
    const broken = await batch.loadLayers(
      [
        { layer: 'facilities', name: 'bad.geojson', bytes: new TextEncoder().encode('{"type": "FeatureCollection", "features": [}') },
        { layer: 'communities', name: 'communities.geojson', bytes: bytes('communities.geojson') },
      ],
      { analyse: true },
    );
    expect(broken.results.map((r) => r.ok)).toEqual([false, true]);
    expect(broken.results[0]!.report.errors[0]!.reason).toMatch(/line 1, column/);
    expect(broken.dataset.facilities.length).toBe(res.dataset.facilities.length);
    await new Promise((r) => setTimeout(r, 0));
    expect(batch.coverage().recomputed).toBe(true);

    // roads first: the points after them are checked against them (an Amap offset is found while reading)
    const fc = JSON.parse(new TextDecoder().decode(bytes('facilities.geojson')));
    fc.features = fc.features.filter((f: { properties: { name: string } }) => f.properties.name.includes('村'));
    for (const f of fc.features) f.geometry.coordinates = fromWgs84(f.geometry.coordinates[0], f.geometry.coordinates[1], 'GCJ02');
    const amap = await createSession().loadLayers([
      { layer: 'roads', name: 'roads.geojson', bytes: bytes('roads.geojson') },
      { layer: 'facilities', name: 'amap.geojson', bytes: new TextEncoder().encode(JSON.stringify(fc)) },
    ]);
    expect(amap.results[1]!.report.warnings.find((w) => /GCJ-02/.test(w.reason))?.file).toBe('amap.geojson');
  });

  it('rejects invalid settings and keeps the old ones', () => {
    const s = createSession();
    const res = s.setSettings({ walkSpeedKmh: { urban: -1, rural: 5 } });
    expect(res.ok).toBe(false);
    expect(res.errors[0]!.reason).toMatch(/walkSpeedKmh\.urban/);
    expect(s.getSettings().walkSpeedKmh.urban).toBe(5);
  });

  // In the dense urban grid a 500 m offset still lands near some street (median 20 m vs 12 m): the
  // rule needs a clear drop, which the village facilities (sparse rural roads) give.
  it('warns that village facilities read as WGS84 look like GCJ-02 against the loaded roads, and offers the fix', async () => {
    const s = createSession();
    await s.loadLayer('roads', 'roads.geojson', bytes('roads.geojson'));
    const fc = JSON.parse(new TextDecoder().decode(bytes('facilities.geojson')));
    fc.features = fc.features.filter((f: { properties: { name: string } }) => f.properties.name.includes('村'));
    for (const f of fc.features) f.geometry.coordinates = fromWgs84(f.geometry.coordinates[0], f.geometry.coordinates[1], 'GCJ02');
    const amap = new TextEncoder().encode(JSON.stringify(fc));
    const res = await s.loadLayer('facilities', 'amap.geojson', amap);
    const offset = res.report.warnings.find((w) => /GCJ-02/.test(w.reason));
    expect(offset?.file).toBe('amap.geojson');
    const fixed = await s.loadLayer('facilities', 'amap.geojson', amap, { crs: 'GCJ02' });
    expect(fixed.report.warnings.some((w) => /GCJ-02/.test(w.reason))).toBe(false);
  });
});
