/**
 * What a map click shows: whom a facility serves and a community's nearest facilities (worker
 * session, checked against a one-facility-at-a-time brute force on real OSM data and the sample),
 * the community card's rows against coverage.repSeconds, and hover text that keeps names as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/worker/session';
import { communityRows, formatMinutes } from '../../src/ui/map/detail-rows';
import { tooltipText } from '../../src/app/tooltip';
import { clickMap } from '../../src/app/map-actions';
import { useAppStore } from '../../src/app/store';
import { categoryStyle } from '../../src/app/category-style';
import { NORTH_BAYREUTH } from '../helpers/fixtures';
import { legSettings } from '../../src/engine/travel/category-modes';
import { walkSpeedsMetersPerSecond } from '../../src/engine/travel/travel-model';

const BAYREUTH = NORTH_BAYREUTH;
const SAMPLE = path.resolve(__dirname, '../../data/sample');
const bytes = (dir: string, f: string) => new Uint8Array(readFileSync(path.join(dir, f)));

async function session(dir: string, settings?: unknown) {
  const s = createSession();
  if (settings) expect(s.setSettings(settings).ok).toBe(true);
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    expect((await s.loadLayer(layer, `${layer}.geojson`, bytes(dir, `${layer}.geojson`))).ok).toBe(true);
  }
  return s;
}

/**
 * Brute force: for every community and category, the time from its representative sample to each
 * facility of the category alone (one travel query per facility), the minimum, and who attains it.
 */
function bruteForce(s: Awaited<ReturnType<typeof session>>) {
  const { analysis, dataset, settings } = s.current();
  const smp = analysis.samples;
  const C = dataset.communities.length;
  const reps = Uint32Array.from({ length: C }, (_, c) => smp.communityStart[c]!);
  const points = {
    lon: Float64Array.from(reps, (i) => smp.lon[i]!),
    lat: Float64Array.from(reps, (i) => smp.lat[i]!),
    kind: Uint8Array.from(reps, (i) => smp.kind[i]!),
  };
  return settings.categories.map((cat) => {
    const best = new Float64Array(C).fill(Infinity);
    const each = new Map<number, Float32Array>();
    for (const f of dataset.facilities) {
      if (f.category !== cat.id) continue;
      // one facility alone, by the category's mode and speed (these categories walk)
      const speeds = walkSpeedsMetersPerSecond(legSettings(settings, cat, 'walk'));
      const field = analysis.travel.forMode('walk').accessField(`${cat.id}#${f.index}`, Uint32Array.of(f.index), points, speeds);
      each.set(f.index, field.seconds);
      for (let c = 0; c < C; c++) best[c] = Math.min(best[c]!, field.seconds[c]!);
    }
    return { cat, best, each };
  });
}

describe.each([
  ['north Bayreuth (OSM roads, network model)', BAYREUTH, JSON.parse(readFileSync(path.join(BAYREUTH, 'settings.json'), 'utf8'))],
  ['the sample city, straight-line model', SAMPLE, { model: 'straight' }],
])('servedBy and communityDetail on %s', (_name, dir, settings) => {
  it('every community is served by exactly its nearest facility of each category, at the brute-force time', async () => {
    const s = await session(dir, settings);
    const cov = s.coverage();
    const { dataset, settings: st } = s.current();
    const C = dataset.communities.length;
    const brute = bruteForce(s);
    let checked = 0;
    for (const { cat, best, each } of brute) {
      const k = cov.categoryIds.indexOf(cat.id);
      const servedCount = new Int32Array(C);
      for (const fi of each.keys()) {
        const sb = s.servedBy(fi);
        expect(sb.facility.index).toBe(fi);
        expect(sb.thresholdMinutes).toEqual(cat.thresholdMinutes);
        let pop = 0;
        let covered = 0;
        for (let j = 0; j < sb.communities.length; j++) {
          const row = sb.communities[j]!;
          if (j > 0) expect(row.seconds).toBeGreaterThanOrEqual(sb.communities[j - 1]!.seconds);
          servedCount[row.index]!++;
          // this facility attains the minimum for the community, and the time is that minimum
          expect(Math.abs(each.get(fi)![row.index]! - best[row.index]!)).toBeLessThan(1e-2);
          expect(Math.abs(row.seconds - best[row.index]!)).toBeLessThan(1e-2);
          expect(row.seconds).toBeCloseTo(cov.repSeconds[row.index * cov.categoryIds.length + k]!, 3);
          const c = dataset.communities[row.index]!;
          expect(row.within).toBe(row.seconds <= cat.thresholdMinutes[c.kind] * 60);
          pop += c.population;
          if (row.within) covered += c.population;
          checked++;
        }
        expect(sb.population).toBeCloseTo(pop, 6);
        expect(sb.coveredPopulation).toBeCloseTo(covered, 6);
      }
      // every community with a finite time is served by exactly one facility; none without one
      for (let c = 0; c < C; c++) expect(servedCount[c]).toBe(Number.isFinite(best[c]!) ? 1 : 0);
    }
    expect(checked).toBeGreaterThan(C);
    // communityDetail names, per category, a facility attaining the brute-force minimum
    for (let c = 0; c < C; c += Math.max(1, Math.floor(C / 60))) {
      const near = s.communityDetail(c);
      expect(near.map((n) => n.categoryId)).toEqual(st.categories.map((x) => x.id));
      near.forEach((n, k) => {
        const { best, each } = brute[k]!;
        if (!Number.isFinite(best[c]!)) {
          expect(n.facility).toBeNull();
          expect(n.seconds).toBe(Infinity);
        } else {
          expect(Math.abs(each.get(n.facility!.index)![c]! - best[c]!)).toBeLessThan(1e-2);
          expect(n.facility!.name).toBe(dataset.facilities[n.facility!.index]!.name);
        }
      });
    }
    expect(() => s.servedBy(dataset.facilities.length)).toThrow(/no facility/);
    expect(() => s.communityDetail(-1)).toThrow(/no community -1/);
  }, 120_000);
});

describe('community card rows', () => {
  it('list every category with the representative time, the threshold of the kind and ✓ exactly when within', async () => {
    const s = await session(BAYREUTH, JSON.parse(readFileSync(path.join(BAYREUTH, 'settings.json'), 'utf8')));
    const cov = s.coverage();
    const { dataset, settings } = s.current();
    const K = cov.categoryIds.length;
    let within = 0;
    let outside = 0;
    dataset.communities.forEach((c, ci) => {
      const rows = communityRows(cov, settings, ci, c.kind);
      expect(rows.map((r) => r.categoryId)).toEqual(settings.categories.map((x) => x.id));
      rows.forEach((r, k) => {
        expect(r.seconds).toBe(cov.repSeconds[ci * K + k]);
        expect(r.thresholdMinutes).toBe(settings.categories[k]!.thresholdMinutes[c.kind]);
        expect(r.within).toBe(Number.isFinite(r.seconds) && r.seconds / 60 <= r.thresholdMinutes);
        if (r.within) within++;
        else outside++;
      });
    });
    expect(within).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
    expect(() => communityRows(cov, settings, dataset.communities.length, 'urban')).toThrow(/outside the coverage/);
  }, 60_000);

  it('formats minutes with one decimal per locale, and no number for an unreachable community', () => {
    expect(formatMinutes(754, 'en')).toBe('12.6');
    expect(formatMinutes(60, 'zh-CN')).toBe('1.0');
    expect(formatMinutes(Infinity, 'en')).toBeNull();
  });
});

describe('hover text and clicks', () => {
  const t = (key: string, v?: Record<string, string>) => `${key}${v ? JSON.stringify(v) : ''}`;
  const evil = '<img src=x onerror=alert(1)>';

  it('keeps user names verbatim as text (the map hands deck.gl `{text}`)', () => {
    const feature = { type: 'Feature', properties: { index: 0, name: evil, kind: 'urban', population: 1200 }, geometry: null };
    expect(tooltipText('communities', feature, 'en', t)!.split('\n')[0]).toBe(evil);
    const cov = tooltipText('coverage', feature, 'en', t, { shares: Float64Array.of(0.25) })!;
    expect(cov.split('\n')[0]).toBe(evil);
    expect(cov).toContain('layers.share{"value":"25%"}');
    expect(tooltipText('facilities', { index: 0, position: [0, 0], id: 'F', name: evil, category: 'clinic' }, 'zh', t)).toBe(
      `${evil}\n${categoryStyle('clinic').label.zh}`,
    );
    expect(tooltipText('gap-zones', { population: 1234.4 }, 'en', t)).toBe('layers.gapZone\nlayers.uncoveredResidents{"value":"1,234"}');
  });

  it('a click selects the topmost community or facility under it, skipping gap zones, else clears', () => {
    const sel = () => useAppStore.getState().selection;
    clickMap([
      { layerId: 'gap-zones', object: { population: 3 } },
      { layerId: 'coverage', object: { properties: { index: 7 } } },
    ]);
    expect(sel()).toEqual({ type: 'community', index: 7 });
    clickMap([
      { layerId: 'facilities', object: { index: 4 } },
      { layerId: 'coverage', object: { properties: { index: 7 } } },
    ]);
    expect(sel()).toEqual({ type: 'facility', index: 4 });
    clickMap([{ layerId: 'roads', object: {} }]);
    expect(sel()).toBeNull();
  });
});
