/**
 * Point communities are small markers (4–8 px on screen at every zoom), not discs in metres that
 * look like service circles.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { communitiesLayer } from '../../src/app/layers/communities-layer';
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

  it('the layer sizes points in pixels, not metres', () => {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [point(300), point(8000)] };
    const layer = communitiesLayer(fc, true)!;
    expect(layer.props.pointRadiusUnits).toBe('pixels');
    const get = layer.props.getPointRadius as (f: Feature) => number;
    expect(fc.features.map((f) => get(f)).every((r) => r >= 4 && r <= 8)).toBe(true);
  });
});
