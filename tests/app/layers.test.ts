/** Pure layer builders and data summaries of the app shell, on seeded random collections. */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { mulberry32 } from '../../src/engine/prng';
import { buildLayers } from '../../src/app/layers';
import { roadLines, roadPaths, roadsLineLayer, roadsTileBuffer } from '../../src/app/layers/roads-layer';
import { facilityPoints } from '../../src/app/layers/facilities-layer';
import { ROAD_CLASSES, roadClass } from '../../src/app/road-style';
import { datasetStats, haversineMeters } from '../../src/app/dataset-stats';
import { dataBounds } from '../../src/app/data-bounds';
import { attributionKeys } from '../../src/app/attribution';
import type { LoadedData, VisibleLayers } from '../../src/app/store';
import { deepFreeze } from '../helpers/fixtures';

const HIGHWAYS = ['motorway', 'primary', 'residential', 'service', 'footway', 'track', 'bogus', null];
const CATS = ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience', 'unknown-cat'];

/** A random dataset around Ningbo with some odd features mixed in (empty lines, polygons as facilities). */
function randomData(seed: number): LoadedData {
  const r = mulberry32(seed);
  const pt = (): [number, number] => [121.3 + r() * 0.65, 29.6 + r() * 0.42];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const line = () => Array.from({ length: Math.floor(r() * 5) }, pt); // 0–4 vertices
  const roads: Feature[] = Array.from({ length: 60 }, () => {
    const multi = r() < 0.2;
    return {
      type: 'Feature',
      properties: { highway: pick(HIGHWAYS), name: r() < 0.5 ? 'Road' : null },
      geometry: multi ? { type: 'MultiLineString', coordinates: [line(), line()] } : { type: 'LineString', coordinates: line() },
    };
  });
  const communities: Feature[] = Array.from({ length: 30 }, (_, i) => ({
    type: 'Feature',
    properties: {
      id: `C${i}`,
      name: `社区${i}`,
      kind: pick(['urban', 'rural', 'other']),
      population: r() < 0.1 ? 'n/a' : Math.floor(r() * 5000),
    },
    geometry: { type: 'Point', coordinates: pt() },
  }));
  const facilities: Feature[] = Array.from({ length: 40 }, (_, i) => ({
    type: 'Feature',
    properties: { id: `F${i}`, name: `F${i}`, category: pick(CATS) },
    geometry: r() < 0.1 ? { type: 'Polygon', coordinates: [[pt(), pt(), pt(), pt()]] } : { type: 'Point', coordinates: pt() },
  }));
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  return deepFreeze({ source: 'sample', roads: fc(roads), communities: fc(communities), facilities: fc(facilities) });
}

describe('roadPaths', () => {
  it('keeps one path per line part with ≥ 2 vertices, minor classes first, inputs untouched', () => {
    for (const seed of [1, 2, 3]) {
      const data = randomData(seed);
      const roads = data.roads as FeatureCollection;
      let expected = 0;
      for (const f of roads.features) {
        const g = f.geometry;
        const parts = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
        expected += parts.filter((p) => p.length >= 2).length;
      }
      const paths = roadPaths(roads);
      expect(paths.length).toBe(expected);
      expect(roadPaths(roads)).toBe(paths); // memoised per collection
      const order = ['path', 'minor', 'street', 'major', 'motorway'];
      for (let i = 1; i < paths.length; i++) {
        expect(order.indexOf(paths[i]!.cls)).toBeGreaterThanOrEqual(order.indexOf(paths[i - 1]!.cls));
      }
      for (const p of paths) expect(p.path.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives MapLibre one LineString per path with its class, and widths of the class in metres (≥ 1 px)', () => {
    const roads = randomData(4).roads as FeatureCollection;
    const lines = roadLines(roads);
    expect(roadLines(roads)).toBe(lines); // memoised per collection
    const paths = roadPaths(roads);
    expect(lines.features.map((f) => [f.properties?.cls, f.geometry])).toEqual(
      paths.map((p) => [p.cls, { type: 'LineString', coordinates: p.path }]),
    );
    const layer = roadsLineLayer(60); // cos 60° = 1/2: a metre is twice as many pixels as on the equator
    expect([layer.id, layer.source, layer.type]).toEqual(['roads', 'roads', 'line']);
    const width = layer.paint!['line-width'] as unknown[];
    const at = (zoom: number, cls: string) => {
      const m = width[4 + 2 * zoom] as unknown[]; // ['interpolate', curve, ['zoom'], z0, w0, z1, w1, …]
      expect(width[3 + 2 * zoom]).toBe(zoom);
      return m[m.indexOf(cls) + 1] as number;
    };
    // major roads are 10 m wide: at zoom 16, 10 × 2^16 / (78271.517 × 0.5) ≈ 16.7 px; at zoom 10 under 1 px → 1
    expect(at(16, 'major')).toBeCloseTo((10 * 2 ** 16) / (78271.517 * 0.5), 6);
    expect(at(10, 'major')).toBe(1);
    expect(at(22, 'path')).toBeCloseTo(at(22, 'major') / 5, 6);
    // the tile buffer covers half the widest road at tile zoom 18 (deeper views scale those tiles, buffer and all)
    for (const lat of [0, 29.85, 60]) {
      const w = roadsLineLayer(lat).paint!['line-width'] as unknown[];
      const widest = Math.max(
        ...ROAD_CLASSES.map((c) => (w[4 + 2 * 18] as unknown[])[(w[4 + 2 * 18] as unknown[]).indexOf(c) + 1] as number),
      );
      expect(roadsTileBuffer(lat)).toBeGreaterThanOrEqual(widest / 2);
      expect(roadsTileBuffer(lat)).toBeLessThanOrEqual(Math.min(128, widest / 2 + 2));
    }
    expect(roadsTileBuffer(29.85)).toBeLessThan(128 / 4); // Ningbo: 7 m at 0.26 m per pixel, under a quarter of MapLibre's default
  });

  it('classes every OSM highway value, unknown ones as minor', () => {
    expect(roadClass('motorway')).toBe('motorway');
    expect(roadClass('trunk_link')).toBe('motorway');
    expect(roadClass('secondary')).toBe('major');
    expect(roadClass('residential')).toBe('street');
    expect(roadClass('footway')).toBe('path');
    expect(roadClass('bogus')).toBe('minor');
    expect(roadClass(null)).toBe('minor');
    expect(new Set(ROAD_CLASSES).size).toBe(5);
  });
});

describe('facilityPoints', () => {
  it('keeps exactly the Point facilities with their ids and categories', () => {
    const data = randomData(7);
    const pts = facilityPoints(data.facilities);
    const expected = data.facilities.features.filter((f) => f.geometry.type === 'Point');
    expect(pts.map((p) => p.id)).toEqual(expected.map((f) => f.properties?.id));
    expect(pts.map((p) => p.category)).toEqual(expected.map((f) => f.properties?.category));
  });
});

const NO_COVERAGE_LAYERS = { coverage: false, gapZones: false, heat: false, serviceAreas: false };

describe('buildLayers', () => {
  it("draws no deck.gl layer for roads, communities or facilities (MapLibre's, maplibre-overlays.test.ts)", () => {
    const data = randomData(11);
    for (let mask = 0; mask < 8; mask++) {
      const visible: VisibleLayers = { ...NO_COVERAGE_LAYERS, roads: !!(mask & 1), communities: !!(mask & 2), facilities: !!(mask & 4) };
      const ids = buildLayers({ data, visible }).map((l) => l.id);
      expect(ids).toEqual([]);
    }
    expect(buildLayers({ data: null, visible: { ...NO_COVERAGE_LAYERS, roads: true, communities: true, facilities: true } })).toEqual([]);
    expect(
      buildLayers({
        data: { ...data, roads: null },
        visible: { ...NO_COVERAGE_LAYERS, roads: true, communities: false, facilities: false },
      }),
    ).toEqual([]);
  });
});

describe('datasetStats and dataBounds', () => {
  it('haversine: a degree of latitude is 2πR/360', () => {
    expect(haversineMeters([121, 29], [121, 30])).toBeCloseTo((2 * Math.PI * 6371008.8) / 360, 3);
    expect(haversineMeters([121.5, 29.8], [121.5, 29.8])).toBe(0);
  });

  it('counts what the files hold', () => {
    const data = randomData(5);
    const s = datasetStats(data);
    const props = data.communities.features.map((f) => f.properties ?? {});
    expect(s.communities).toBe(props.length);
    expect(s.urbanCommunities).toBe(props.filter((p) => p.kind === 'urban').length);
    expect(s.ruralCommunities).toBe(props.filter((p) => p.kind === 'rural').length);
    expect(s.population).toBe(props.reduce((a, p) => a + (typeof p.population === 'number' ? p.population : 0), 0));
    expect(s.facilities).toBe(40);
    expect(Object.values(s.facilitiesByCategory).reduce((a, b) => a + b, 0)).toBe(40);
    expect(s.roads).toBe(60);
    expect(s.roadLengthKm).toBeGreaterThan(0);
  });

  it('bounds contain every coordinate and touch the extremes', () => {
    const data = randomData(9);
    const b = dataBounds(data);
    expect(b).not.toBeNull();
    const [w, s, e, n] = b!;
    const xs: number[] = [];
    const ys: number[] = [];
    const walk = (c: unknown): void => {
      if (Array.isArray(c) && typeof c[0] === 'number') {
        xs.push(c[0]);
        ys.push(c[1] as number);
      } else if (Array.isArray(c)) c.forEach(walk);
    };
    for (const fc of [data.roads!, data.communities, data.facilities]) {
      for (const f of fc.features) walk((f.geometry as { coordinates: unknown }).coordinates);
    }
    expect([w, s, e, n]).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  });
});

describe('attributionKeys', () => {
  it('credits OpenStreetMap only for OSM data and calls the sample synthetic', () => {
    expect(attributionKeys('sample')).toEqual(['attribution.sample']);
    expect(attributionKeys('osm')).toEqual(['attribution.osm']);
    expect(attributionKeys('user')).toEqual([]);
    expect(attributionKeys(null)).toEqual([]);
  });
});
