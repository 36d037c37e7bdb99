import { describe, expect, it } from 'vitest';
import { NINGBO } from '../../src/engine/presets';
import { deepFreeze } from '../helpers/fixtures';
import { readFacilities } from '../../src/io/read-facilities';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';

const settings = NINGBO.settings;
const feat = (geometry: unknown, properties: unknown, id?: unknown) => ({
  type: 'Feature',
  geometry,
  properties,
  ...(id === undefined ? {} : { id }),
});
const P = (lon: number, lat: number) => ({ type: 'Point', coordinates: [lon, lat] });

describe('readFacilities', () => {
  it('reads points with category, name, id and capacity', () => {
    const fs = deepFreeze([
      feat(P(121.5, 29.9), { id: 'a', name: '社区卫生服务站', category: 'clinic', capacity: 20 }),
      feat(P(121.6, 29.8), { name: '托儿所', capacity: '1,200' }),
      feat(P(121.7, 29.7), { amenity: 'library' }, 99),
    ]);
    const r = readFacilities(fs, 'f.geojson', settings);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value).toEqual([
      { index: 0, id: 'a', name: '社区卫生服务站', category: 'clinic', capacity: 20, lon: 121.5, lat: 29.9 },
      { index: 1, id: 'F1', name: '托儿所', category: 'childcare', capacity: 1200, lon: 121.6, lat: 29.8 },
      { index: 2, id: '99', name: '', category: 'culture', capacity: null, lon: 121.7, lat: 29.7 },
    ]);
  });

  it('uses the first point of a MultiPoint (warning) and a point inside a polygon', () => {
    const ring = [
      [121, 29],
      [121.01, 29],
      [121.01, 29.002],
      [121.002, 29.002],
      [121.002, 29.01],
      [121, 29.01],
      [121, 29],
    ];
    const fs = deepFreeze([
      feat(
        {
          type: 'MultiPoint',
          coordinates: [
            [121.1, 29.1],
            [121.2, 29.2],
          ],
        },
        { category: 'sports' },
      ),
      feat({ type: 'Polygon', coordinates: [ring] }, { category: 'sports', id: 'L' }),
      feat({ type: 'MultiPolygon', coordinates: [[ring.slice(0, -1)]] }, { category: 'sports' }), // unclosed ring
    ]);
    const r = readFacilities(fs, 'f.geojson', settings);
    expect(r.errors).toEqual([]);
    expect(r.value.map((f) => [f.lon, f.lat])[0]).toEqual([121.1, 29.1]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ file: 'f.geojson', index: 0, id: 'F0' });
    expect(r.warnings[0]?.reason).toContain('MultiPoint');
    // an L-shaped polygon: its centroid is outside, the point must be inside
    const poly = { type: 'Polygon' as const, coordinates: [ring] };
    for (const f of r.value.slice(1)) expect(booleanPointInPolygon([f.lon, f.lat], poly)).toBe(true);
  });

  it('skips unknown categories, bad geometry and duplicate ids, naming file, index, id and reason', () => {
    const fs = deepFreeze([
      feat(P(121, 29), { id: 'x', name: 'Bank', category: 'bank' }),
      feat(null, { id: 'y', category: 'clinic' }),
      feat(P(121, 29), { id: 'z', category: 'clinic' }),
      feat(P(121.1, 29), { id: 'z', category: 'clinic' }),
      feat(
        {
          type: 'LineString',
          coordinates: [
            [121, 29],
            [122, 30],
          ],
        },
        { category: 'clinic' },
      ),
      feat(P(40_000_000, 3_000_000), { category: 'clinic' }),
    ]);
    const r = readFacilities(fs, 'f.geojson', settings);
    expect(r.value.map((f) => f.id)).toEqual(['z']);
    expect(r.errors.map((e) => [e.index, e.id])).toEqual([
      [0, 'x'],
      [1, 'y'],
      [3, 'z'],
      [4, 'F4'],
      [5, 'F5'],
    ]);
    for (const e of r.errors) expect(e.file).toBe('f.geojson');
    expect(r.errors[0]?.reason).toContain('"bank"');
    expect(r.errors[0]?.reason).toContain('unknown category');
    expect(r.errors[2]?.reason).toContain('duplicate id "z" (also feature 2)');
    expect(r.errors[1]?.reason).toContain('geometry is null');
    expect(r.errors[3]?.reason).toContain('LineString');
    expect(r.errors[4]?.reason).toContain('projected');
  });

  it('keeps a facility with a bad capacity, with a warning and capacity null', () => {
    const r = readFacilities(
      deepFreeze([feat(P(121, 29), { category: 'canteen', capacity: 'many' }), feat(P(121, 29), { category: 'canteen', capacity: -5 })]),
      'f',
      settings,
    );
    expect(r.value.map((f) => f.capacity)).toEqual([null, null]);
    expect(r.warnings.map((w) => w.index)).toEqual([0, 1]);
    expect(r.warnings[0]?.reason).toContain('"many"');
  });

  it('maps categories through the chosen field', () => {
    const r = readFacilities(deepFreeze([feat(P(121, 29), { 设施类型: '老年食堂' })]), 'f', settings, { categoryField: '设施类型' });
    expect(r.value[0]?.category).toBe('canteen');
  });
});
