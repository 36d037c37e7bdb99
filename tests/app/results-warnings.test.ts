/**
 * Analysis warnings grouped for the results panel, on engine analyses of seeded towns built so the
 * answer is known: communities placed far from every road are off-network, a category with no
 * facility is one warning, no roads is one warning; every warning lands in exactly one group.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import { getPreset } from '../../src/engine/presets';
import { mulberry32 } from '../../src/engine/prng';
import type { Community, Dataset, Facility, Road, Settings } from '../../src/engine/model';
import { groupWarnings, warningKind, WARNING_KINDS } from '../../src/app/results/warning-groups';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !ArrayBuffer.isView(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

/** A grid of streets around (121.5, 29.8); communities on it or ~50 km away; no facility of `missing`. */
function town(seed: number, withRoads: boolean, missing: string) {
  const r = mulberry32(seed);
  const settings: Settings = structuredClone(getPreset('ningbo')!.settings) as Settings;
  const roads: Road[] = [];
  const step = 0.002;
  for (let i = 0; i <= 10; i++) {
    roads.push({
      coordinates: Array.from({ length: 11 }, (_, j) => [121.5 + j * step, 29.8 + i * step] as [number, number]),
      highway: 'residential',
      speedKmh: null,
    });
    roads.push({
      coordinates: Array.from({ length: 11 }, (_, j) => [121.5 + i * step, 29.8 + j * step] as [number, number]),
      highway: 'residential',
      speedKmh: null,
    });
  }
  const communities: Community[] = [];
  const far = new Set<number>();
  for (let i = 0; i < 40; i++) {
    const isFar = r() < 0.25;
    if (isFar) far.add(i);
    const x = isFar ? 122.0 + r() * 0.1 : 121.5 + Math.floor(r() * 11) * step;
    const y = isFar ? 30.2 + r() * 0.1 : 29.8 + Math.floor(r() * 11) * step;
    communities.push({
      index: i,
      id: `C${i}`,
      name: `社区${i}`,
      kind: r() < 0.5 ? 'urban' : 'rural',
      population: 100,
      geometry: { type: 'Point', coordinates: [x, y] },
    });
  }
  const facilities: Facility[] = [];
  for (const c of settings.categories) {
    if (c.id === missing) continue;
    for (let j = 0; j < 3; j++) {
      facilities.push({
        index: facilities.length,
        id: `F${facilities.length}`,
        name: '',
        category: c.id,
        capacity: null,
        lon: 121.5 + Math.floor(r() * 11) * step,
        lat: 29.8 + Math.floor(r() * 11) * step,
      });
    }
  }
  const dataset: Dataset = { facilities, communities, roads: withRoads ? roads : null };
  return { dataset: deepFreeze(dataset), settings: deepFreeze(settings), far };
}

describe('analysis warning groups', () => {
  it('counts off-network communities and categories without facilities as built (network model)', () => {
    for (const seed of [1, 2, 3]) {
      const { dataset, settings, far } = town(seed, true, 'childcare');
      const warnings = deepFreeze(analyze(dataset, settings).warnings);
      const groups = groupWarnings(warnings);
      expect(groups.reduce((a, g) => a + g.items.length, 0)).toBe(warnings.length);
      const byKind = Object.fromEntries(groups.map((g) => [g.kind, g.items]));
      expect(far.size).toBeGreaterThan(0);
      expect(new Set((byKind.offNetwork ?? []).map((w) => w.index))).toEqual(far);
      expect((byKind.noFacility ?? []).map((w) => w.reason)).toEqual(['no facility of category "childcare": no one is covered for it']);
      expect(byKind.noRoads).toBeUndefined();
      expect(groups.map((g) => g.kind)).toEqual(WARNING_KINDS.filter((k) => byKind[k]));
    }
  });

  it('says once that the straight-line model stands in when there are no roads', () => {
    const { dataset, settings } = town(4, false, 'none');
    const groups = groupWarnings(analyze(dataset, settings).warnings);
    expect(groups.map((g) => [g.kind, g.items.length])).toEqual([['noRoads', 1]]);
  });

  it('keeps unknown wordings in "other" and never drops a warning', () => {
    const ws = deepFreeze([
      { file: 'x', index: 1, reason: 'something new' },
      { file: 'communities', index: 2, id: 'C2', reason: 'community "a" reaches no facility of any category (…): not covered' },
    ]);
    expect(ws.map(warningKind)).toEqual(['other', 'unreachable']);
    expect(groupWarnings(ws).map((g) => g.kind)).toEqual(['unreachable', 'other']);
    expect(groupWarnings([])).toEqual([]);
  });

  it('lists off-network facilities in their own group, never as communities', () => {
    const { dataset, settings, far } = town(5, true, 'none');
    const lonely = { ...dataset.facilities[0]!, index: dataset.facilities.length, id: 'FAR', name: '远处诊所', lon: 122.4, lat: 30.6 };
    const withFar = deepFreeze({ ...dataset, facilities: [...dataset.facilities, lonely] });
    const groups = groupWarnings(analyze(withFar, settings).warnings);
    const byKind = Object.fromEntries(groups.map((g) => [g.kind, g.items]));
    expect((byKind.facilityOffNetwork ?? []).map((w) => w.id)).toEqual(['FAR']);
    expect(new Set((byKind.offNetwork ?? []).map((w) => w.index))).toEqual(far);
    expect((byKind.offNetwork ?? []).every((w) => w.reason.startsWith('community '))).toBe(true);
    expect(warningKind({ file: 'facilities', index: 0, reason: 'facility "x" is off-network: farther than 500 m' })).toBe(
      'facilityOffNetwork',
    );
  });
});
