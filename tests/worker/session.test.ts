import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/worker/session';

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

  it('rejects invalid settings and keeps the old ones', () => {
    const s = createSession();
    const res = s.setSettings({ walkSpeedKmh: { urban: -1, rural: 5 } });
    expect(res.ok).toBe(false);
    expect(res.errors[0]!.reason).toMatch(/walkSpeedKmh\.urban/);
    expect(s.getSettings().walkSpeedKmh.urban).toBe(5);
  });
});
