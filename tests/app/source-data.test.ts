/** What MapLibre sources are given: large collections as a blob: URL of their JSON, small ones as they are. */
import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { sourceData, URL_MIN_FEATURES } from '../../src/ui/map/source-data';

const points = (n: number): FeatureCollection => ({
  type: 'FeatureCollection',
  features: Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: i,
    properties: { name: `名称 ${i}` },
    geometry: { type: 'Point', coordinates: [121.5 + i * 1e-5, 29.8] },
  })),
});

describe('sourceData', () => {
  it('gives a small collection as the object itself', () => {
    const fc = points(URL_MIN_FEATURES - 1);
    expect(sourceData(fc)).toBe(fc);
  });

  it('gives a large one as a blob: URL whose text parses back to the same collection, one URL per object', async () => {
    const fc = points(URL_MIN_FEATURES);
    const url = sourceData(fc);
    expect(typeof url).toBe('string');
    expect(url as string).toMatch(/^blob:/);
    expect(sourceData(fc)).toBe(url); // the same object: the same URL (a source re-added reuses it)
    const other = points(URL_MIN_FEATURES);
    expect(sourceData(other)).not.toBe(url);
    const blob = resolveObjectURL(url as string);
    expect(blob?.type).toBe('application/json');
    expect(JSON.parse(await blob!.text())).toEqual(fc);
  });
});
