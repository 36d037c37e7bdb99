/**
 * Point communities are small markers (4–8 px on screen at every zoom), not discs in metres that
 * look like service circles.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { buildOverlays } from '../../src/app/layers/maplibre-overlays';
import { categoryLookup } from '../../src/app/layers/category-lookup';
import { communityRadiusPixels } from '../../src/app/community-style';

const point = (population: number): Feature => ({
  type: 'Feature',
  properties: { kind: 'urban', population },
  geometry: { type: 'Point', coordinates: [121.5, 29.8] },
});

describe('point community markers', () => {
  it('stay between 4 and 8 px and grow with residents', () => {
    const pops = [0, -5, NaN, 1, 100, 1000, 5000, 20000, 1e6];
    for (const p of pops) {
      const r = communityRadiusPixels(p);
      expect(r).toBeGreaterThanOrEqual(4);
      expect(r).toBeLessThanOrEqual(8);
    }
    expect(communityRadiusPixels(0)).toBe(4);
    expect(communityRadiusPixels(1e6)).toBe(8);
    expect(communityRadiusPixels(5000)).toBeGreaterThan(communityRadiusPixels(100));
  });

  it('the map draws them as circles of that many pixels, not metres', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [point(300), point(8000)] };
    const visible = { communities: true, coverage: false, gapZones: false, serviceAreas: false };
    const groups = buildOverlays({
      communities: fc,
      settings: null,
      coverage: null,
      surface: null,
      categoryId: '',
      coverageMode: 'category',
      style: categoryLookup(undefined),
      visible,
      districts: null,
    });
    const group = groups.find((g) => g.id === 'communities')!;
    const circle = group.layers.find((l) => l.type === 'circle')!;
    expect(circle.paint?.['circle-radius' as never]).toEqual(['get', 'r']);
    const r = group.data.features.map((f) => f.properties?.r as number);
    expect(r).toEqual(fc.features.map((f) => communityRadiusPixels(f.properties?.population)));
    expect(r.every((x) => x >= 4 && x <= 8)).toBe(true);
  });
});
