import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/worker/session';

const SAMPLE = resolve(__dirname, '../../data/sample');
const bytes = (f: string) => new Uint8Array(readFileSync(resolve(SAMPLE, f)));

async function sampleSession() {
  const s = createSession();
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    const r = await s.loadLayer(layer, `${layer}.geojson`, bytes(`${layer}.geojson`));
    expect(r.ok).toBe(true);
  }
  return s;
}

describe('modes and paces in the session, on the built-in sample', () => {
  it('the elderly pace shrinks the canteen circle: its covered share drops against a 5 km/h walk, and the report records the pace', async () => {
    const s = await sampleSession();
    const elderly = s.coverage();
    const k = elderly.categoryIds.indexOf('canteen');
    expect(s.getSettings().categories[k]!.walkSpeedKmh).toBe(3.6);
    const settings = structuredClone(s.getSettings());
    settings.categories[k]!.walkSpeedKmh = 5;
    expect(s.setSettings(settings).ok).toBe(true);
    const brisk = s.coverage();
    expect(brisk.recomputed).toBe(true); // the pace is part of the analysis key
    expect(elderly.totals[k]!.share).toBeLessThan(brisk.totals[k]!.share - 0.01);
    // other categories keep their numbers
    const j = elderly.categoryIds.indexOf('childcare');
    expect(brisk.totals[j]!.share).toBe(elderly.totals[j]!.share);
    const summary = JSON.parse(s.reportFiles({ generatedAt: '2025-01-01T00:00:00Z' })['summary.json']);
    expect(summary.provenance.travel_by_category.canteen.urban).toEqual({ mode: 'walk', speed_kmh: 5 });
    expect(summary.provenance.travel_by_category.clinic.urban).toEqual({ mode: 'walk', speed_kmh: 3.6 });
  });

  it('rural culture by e-bike covers more rural residents than walking, leaves urban ones alone, and the report names the mode', async () => {
    const s = await sampleSession();
    const walk = s.coverage();
    const k = walk.categoryIds.indexOf('culture');
    const settings = structuredClone(s.getSettings());
    settings.categories[k]!.mode = { urban: 'walk', rural: 'ebike' };
    expect(s.setSettings(settings).ok).toBe(true);
    const ebike = s.coverage();
    expect(ebike.recomputed).toBe(true);
    expect(ebike.totals[k]!.ruralShare).toBeGreaterThan(walk.totals[k]!.ruralShare);
    expect(ebike.totals[k]!.urbanShare).toBe(walk.totals[k]!.urbanShare);
    const summary = JSON.parse(s.reportFiles({ generatedAt: '2025-01-01T00:00:00Z' })['summary.json']);
    expect(summary.provenance.travel_by_category.culture).toEqual({
      urban: { mode: 'walk', speed_kmh: 5 },
      rural: { mode: 'ebike', speed_kmh: 20 },
    });
  });
});
