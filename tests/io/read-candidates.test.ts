/**
 * The siting uploads reader: candidate points (id, capacity) and excluded areas, from GeoJSON and
 * CSV; every skipped feature is named by file, index, id and reason; inputs are never changed.
 */
import { describe, expect, it } from 'vitest';
import { candidatesFromFeatures, exclusionsFromFeatures, readCandidatesFile, readExclusionsFile } from '../../src/io/read-candidates';
import { deepFreeze } from '../helpers/fixtures';

const point = (coordinates: unknown, properties: Record<string, unknown> = {}, id?: unknown) => ({
  type: 'Feature',
  ...(id !== undefined ? { id } : {}),
  properties,
  geometry: { type: 'Point', coordinates },
});
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];

describe('candidate points', () => {
  it('keeps points with their feature index, id and capacity; a MultiPoint gives one candidate per point', () => {
    const features = deepFreeze([
      point([121.5, 29.8], { id: 'A', capacity: 30 }),
      point([121.6, 29.9], {}, 7),
      {
        type: 'Feature',
        properties: { id: 'M', places: '1,200' },
        geometry: {
          type: 'MultiPoint',
          coordinates: [
            [121.1, 29.1],
            [121.2, 29.2],
          ],
        },
      },
      point([121.7, 29.7], { 容量: 0 }),
    ]);
    const r = candidatesFromFeatures(features, 'c.geojson');
    expect(r.errors).toEqual([]);
    const v = r.value;
    expect(v.file).toBe('c.geojson');
    expect(v.count).toBe(5);
    expect(Array.from(v.lon)).toEqual([121.5, 121.6, 121.1, 121.2, 121.7]);
    expect(Array.from(v.lat)).toEqual([29.8, 29.9, 29.1, 29.2, 29.7]);
    expect(Array.from(v.origin)).toEqual([0, 1, 2, 2, 3]);
    expect(v.ids).toEqual(['A', '7', 'M', 'M', null]);
    expect(Array.from(v.capacity)).toEqual([30, NaN, 1200, 1200, 0]);
  });

  it('skips what is not a usable point, naming file, feature, id and reason', () => {
    const features = deepFreeze([
      point([121.5, 29.8], { id: 'OK' }),
      {
        type: 'Feature',
        properties: { id: 'LINE' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [121, 29],
            [122, 30],
          ],
        },
      },
      point([500, 29.8], { id: 'FAR' }),
      point([121.5, 29.8], { id: 'CAP', capacity: 'many' }),
      point([121.5, 29.8], { id: 'NEG', capacity: -3 }),
      { type: 'Feature', properties: { id: 'NOGEOM' }, geometry: null },
      'not a feature' as never,
    ]);
    const r = candidatesFromFeatures(features, 'c.geojson');
    expect(r.value.count).toBe(1);
    expect(r.errors.map((e) => [e.file, e.index, e.id ?? null])).toEqual([
      ['c.geojson', 1, 'LINE'],
      ['c.geojson', 2, 'FAR'],
      ['c.geojson', 3, 'CAP'],
      ['c.geojson', 4, 'NEG'],
      ['c.geojson', 5, 'NOGEOM'],
      ['c.geojson', 6, null],
    ]);
    expect(r.errors[0]!.reason).toMatch(/candidate skipped: geometry LineString is not a Point/);
    expect(r.errors[2]!.reason).toMatch(/capacity .*"many".* not a number ≥ 0/);
    for (const e of r.errors) expect(e.reason).toMatch(/^candidate skipped: /);
  });

  it('a repeated id is an error naming both features; the first one is kept', () => {
    const features = deepFreeze([
      point([121.5, 29.8], { id: 'S1' }),
      point([121.6, 29.8], { id: 'S2' }),
      point([121.7, 29.8], { id: 'S1' }),
      point([121.8, 29.8], {}, 'S2'),
    ]);
    const r = candidatesFromFeatures(features, 'dup.geojson');
    expect(r.value.ids).toEqual(['S1', 'S2']);
    expect(Array.from(r.value.lon)).toEqual([121.5, 121.6]);
    expect(r.errors).toEqual([
      { file: 'dup.geojson', index: 2, id: 'S1', reason: 'candidate skipped: duplicate id "S1" (also feature 0)' },
      { file: 'dup.geojson', index: 3, id: 'S2', reason: 'candidate skipped: duplicate id "S2" (also feature 1)' },
    ]);
  });

  it('no valid point is an error for the whole file', () => {
    expect(candidatesFromFeatures([], 'e.geojson').errors).toEqual([
      { file: 'e.geojson', index: -1, reason: 'no features: no candidate point' },
    ]);
    const r = candidatesFromFeatures(deepFreeze([point('x')]), 'e.geojson');
    expect(r.value.count).toBe(0);
    expect(r.errors.at(-1)).toEqual({ file: 'e.geojson', index: -1, reason: 'no valid candidate point' });
  });

  it('reads GeoJSON and CSV files alike; an unparsable file gives no value and says where', async () => {
    const gj = await readCandidatesFile(
      'c.geojson',
      enc({ type: 'FeatureCollection', features: [point([121.5, 29.8], { id: 'A', capacity: 12 })] }),
    );
    const csv = await readCandidatesFile('c.csv', enc('id,lon,lat,capacity\nA,121.5,29.8,12\n'));
    for (const r of [gj, csv]) {
      expect(r.errors).toEqual([]);
      expect([r.value!.ids, Array.from(r.value!.lon), Array.from(r.value!.lat), Array.from(r.value!.capacity)]).toEqual([
        ['A'],
        [121.5],
        [29.8],
        [12],
      ]);
    }
    const bad = await readCandidatesFile('bad.geojson', enc('{"type": "FeatureCollection", "features": [}'));
    expect(bad.value).toBeNull();
    expect(bad.errors[0]).toMatchObject({ file: 'bad.geojson', index: -1, line: 1 });
  });
});

describe('excluded areas', () => {
  it('keeps polygons and each part of a multipolygon; skips other geometries by name', async () => {
    const features = deepFreeze([
      { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(121, 29, 0.1) } },
      {
        type: 'Feature',
        properties: { id: 'MP' },
        geometry: { type: 'MultiPolygon', coordinates: [square(122, 29, 0.1), square(123, 29, 0.1)] },
      },
      point([121, 29], { id: 'PT' }),
      {
        type: 'Feature',
        properties: { id: 'SHORT' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [121, 29],
              [121.1, 29],
              [121, 29],
            ],
          ],
        },
      },
    ]);
    const r = exclusionsFromFeatures(features, 'x.geojson');
    expect(r.value.map((p) => p[0]![0])).toEqual([
      [121, 29],
      [122, 29],
      [123, 29],
    ]);
    expect(r.errors.map((e) => [e.index, e.id])).toEqual([
      [2, 'PT'],
      [3, 'SHORT'],
    ]);
    expect(r.errors[0]!.reason).toBe('excluded area skipped: geometry Point is not a Polygon');
    const file = await readExclusionsFile('x.geojson', enc(features[0]));
    expect(file.value).toHaveLength(1);
  });

  it('a file with features but no usable polygon warns that nothing is excluded', () => {
    const r = exclusionsFromFeatures(deepFreeze([point([121, 29])]), 'x.geojson');
    expect(r.value).toEqual([]);
    expect(r.warnings).toEqual([{ file: 'x.geojson', index: -1, reason: 'no usable excluded area: nothing is excluded' }]);
  });
});
