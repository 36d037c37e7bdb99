import { describe, expect, it } from 'vitest';
import { buildDemandSamples } from '../../../src/engine/coverage/demand-samples';
import { categoryDemand } from '../../../src/engine/coverage/category-demand';
import type { Community } from '../../../src/engine/model';
import { deepFreeze } from '../../helpers/fixtures';

const square = (lon: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, 29.8],
      [lon + size, 29.8],
      [lon + size, 29.8 + size],
      [lon, 29.8 + size],
      [lon, 29.8],
    ] as [number, number][],
  ],
});
const base = { name: '', kind: 'urban' as const };

describe('categoryDemand', () => {
  it("spreads each community's age-group residents over its samples like its population; null for a category without demand", () => {
    const communities: Community[] = deepFreeze([
      // ~1 km square: a grid of samples at 100 m, 1000 residents of whom 80 children
      { ...base, index: 0, id: 'big', population: 1000, geometry: square(121.5, 0.01), demand: { childcare: 80 } },
      // no residents but 12 children in the column (a data error kept as given): shared like residents would be
      { ...base, index: 1, id: 'empty', population: 0, geometry: square(121.6, 0.01), demand: { childcare: 12 } },
      { ...base, index: 2, id: 'pt', population: 50, geometry: { type: 'Point', coordinates: [121.7, 29.8] }, demand: { childcare: 5 } },
      // tiny polygon: no grid cell inside, its representative sample carries everything
      { ...base, index: 3, id: 'tiny', population: 30, geometry: square(121.8, 0.0002), demand: { childcare: 3 } },
    ]);
    const samples = buildDemandSamples(communities, 100);
    const [clinic, childcare] = categoryDemand(communities, samples, ['clinic', 'childcare']);
    expect(clinic).toBeNull();
    const d = childcare!;
    expect(d).toHaveLength(samples.count);
    const sum = (c: number) => d.slice(samples.communityStart[c]!, samples.communityStart[c + 1]!).reduce((s, v) => s + v, 0);
    expect(sum(0)).toBeCloseTo(80, 9);
    expect(sum(1)).toBeCloseTo(12, 9);
    expect(sum(2)).toBe(5);
    expect(sum(3)).toBe(3);
    // in proportion: each sample's children ÷ residents = 80 / 1000
    for (let i = samples.communityStart[0]!; i < samples.communityStart[1]!; i++)
      expect(d[i]).toBeCloseTo(samples.population[i]! * 0.08, 12);
    // the empty polygon: its representative sample none, its grid samples equal shares (as buildDemandSamples would share residents)
    const s1 = samples.communityStart[1]!;
    const e1 = samples.communityStart[2]!;
    expect(e1 - s1).toBeGreaterThan(2);
    expect(d[s1]).toBe(0);
    for (let i = s1 + 1; i < e1; i++) expect(d[i]).toBeCloseTo(12 / (e1 - s1 - 1), 12);
  });
});
