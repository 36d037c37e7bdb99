import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/engine/model';
import type { LoadedData } from '../../src/app/store';
import type { Scenario } from '../../src/app/siting-store';
import { keepNumbers, numbersAfterAdd, numbersAfterRemove, numbersFromRanks } from '../../src/app/site-numbers';
import { analysisKey, stashProposals, staleReason } from '../../src/app/stale-proposals';
import { deepFreeze } from '../helpers/fixtures';

const settings = (patch: Partial<Settings> = {}): Settings =>
  deepFreeze({
    preset: 'ningbo',
    categories: [{ id: 'clinic', label: { zh: '', en: '' }, thresholdMinutes: { urban: 15, rural: 20 } }],
    walkSpeedKmh: { urban: 5, rural: 4.5 },
    detourFactor: 1.3,
    sampleSpacingMeters: 100,
    maxSnapMeters: 300,
    model: 'network',
    ...patch,
  });
const data = (): LoadedData => ({
  source: 'sample',
  roads: null,
  communities: { type: 'FeatureCollection', features: [] },
  facilities: { type: 'FeatureCollection', features: [] },
});

describe('site numbers', () => {
  it('are the ranks after a run, and stay with their sites through a drag, a removal and an add', () => {
    // a run gives sites in rank order; the view after a drag re-ranks them (#1 would become #4)
    let numbers = numbersFromRanks([{ rank: 1 }, { rank: 2 }, { rank: 3 }, { rank: 4 }]);
    expect(numbers).toEqual([1, 2, 3, 4]);
    numbers = keepNumbers(numbers, [{ rank: 4 }, { rank: 1 }, { rank: 2 }, { rank: 3 }]);
    expect(numbers).toEqual([1, 2, 3, 4]);
    numbers = numbersAfterRemove(numbers, 1);
    expect(numbers).toEqual([1, 3, 4]);
    numbers = numbersAfterAdd(numbers);
    expect(numbers).toEqual([1, 3, 4, 5]);
    expect(numbersAfterAdd([])).toEqual([1]);
    // a different number of sites (a restored scenario) is numbered from its ranks
    expect(keepNumbers([1, 2], [{ rank: 2 }, { rank: 1 }, { rank: 3 }])).toEqual([2, 1, 3]);
    expect(() => numbersAfterRemove([1, 2], 2)).toThrow(/no site 2/);
  });
});

describe('stale proposals', () => {
  it('a new dataset or new travel settings make them stale; a threshold move or the first load does not', () => {
    const d = data();
    const s = settings();
    expect(staleReason({ data: null, settings: null }, { data: d, settings: s })).toBeNull();
    expect(staleReason({ data: d, settings: s }, { data: d, settings: settings() })).toBeNull();
    const moved = settings({ categories: [{ id: 'clinic', label: { zh: '', en: '' }, thresholdMinutes: { urban: 10, rural: 20 } }] });
    expect(staleReason({ data: d, settings: s }, { data: d, settings: moved })).toBeNull();
    expect(staleReason({ data: d, settings: s }, { data: data(), settings: s })).toBe('data');
    expect(staleReason({ data: d, settings: s }, { data: d, settings: settings({ walkSpeedKmh: { urban: 4, rural: 4.5 } }) })).toBe(
      'settings',
    );
    expect(staleReason({ data: d, settings: s }, { data: d, settings: settings({ model: 'straight' }) })).toBe('settings');
    expect(analysisKey(null)).toBeNull();
  });

  it('sets the proposal aside by its coordinates in number order, with copies of the scenarios; nothing to set aside gives null', () => {
    const scenarios: Scenario[] = deepFreeze([
      { name: 'A', category: 'clinic', sites: [{ lon: 121.5, lat: 29.8, rank: 1, gainPopulation: 10, coveredIds: ['c1'] }], run: null },
    ]);
    const siting = deepFreeze({
      category: 'clinic',
      sites: [
        { lon: 121.1, lat: 29.1, rank: 3 },
        { lon: 121.2, lat: 29.2, rank: 1 },
        { lon: 121.3, lat: 29.3, rank: 2 },
      ],
      numbers: [1, 2, 3],
      scenarios,
    });
    const stale = stashProposals(siting, 'data')!;
    expect(stale.reason).toBe('data');
    expect(stale.category).toBe('clinic');
    expect(stale.sites).toEqual([
      { lon: 121.1, lat: 29.1 },
      { lon: 121.2, lat: 29.2 },
      { lon: 121.3, lat: 29.3 },
    ]);
    expect(stale.scenarios).toEqual(scenarios);
    expect(stale.scenarios[0]).not.toBe(scenarios[0]);
    // only scenarios: kept, no proposal
    const onlyScenarios = stashProposals({ category: null, sites: [], scenarios }, 'settings')!;
    expect(onlyScenarios.category).toBeNull();
    expect(onlyScenarios.sites).toEqual([]);
    expect(onlyScenarios.scenarios).toHaveLength(1);
    expect(stashProposals({ category: null, sites: [], scenarios: [] }, 'data')).toBeNull();
    expect(stashProposals({ category: 'clinic', sites: [], scenarios: [] }, 'data')).toBeNull();
  });
});
