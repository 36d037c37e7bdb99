import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/fixtures';
import { parseKind, readCommunities } from '../../src/io/read-communities';

const feat = (geometry: unknown, properties: unknown) => ({ type: 'Feature', geometry, properties });
const P = { type: 'Point', coordinates: [121.5, 29.9] };
const square = [
  [121, 29],
  [121.01, 29],
  [121.01, 29.01],
  [121, 29.01],
  [121, 29],
];

describe('parseKind', () => {
  it('reads English and Chinese urban/rural words', () => {
    for (const v of ['urban', ' Urban ', '城市', '社区', '城镇', '城市社区', '街道']) expect(parseKind(v), v).toBe('urban');
    for (const v of ['rural', 'RURAL', '农村', '村', '乡村', '农村社区', '行政村', '李家村']) expect(parseKind(v), v).toBe('rural');
    for (const v of ['', 'mixed', 0, 1, null, undefined, {}]) expect(parseKind(v), String(v)).toBeNull();
  });
});

describe('readCommunities', () => {
  it('skips a repeated id, naming the earlier kept feature, and keeps no warning of the skipped one', () => {
    const open = [
      [121, 29],
      [121.01, 29],
      [121.01, 29.01],
      [121, 29.01],
    ];
    const fs = deepFreeze([
      feat(P, { id: 'x', population: -1, kind: 'urban' }),
      feat(P, { id: 'x', population: 10, kind: 'urban' }),
      feat(P, { id: 'y', population: 20, kind: 'rural' }),
      feat({ type: 'Polygon', coordinates: [open] }, { id: 'x', population: 30, kind: 'rural' }),
      feat(P, { id: 'y', population: 40, kind: 'rural' }),
    ]);
    const r = readCommunities(fs, 'c.geojson');
    expect(r.value.map((c) => [c.index, c.id, c.population])).toEqual([
      [0, 'x', 10],
      [1, 'y', 20],
    ]);
    expect(r.errors.map((e) => [e.index, e.id])).toEqual([
      [0, 'x'],
      [3, 'x'],
      [4, 'y'],
    ]);
    expect(r.errors[1]?.reason).toBe('duplicate id "x" (also feature 1)');
    expect(r.errors[2]?.reason).toBe('duplicate id "y" (also feature 2)');
    expect(r.warnings).toEqual([]);
  });

  it('reads points, polygons and multipolygons with population and kind', () => {
    const fs = deepFreeze([
      feat(P, { id: 'a', name: '甲', population: 1200, kind: 'urban' }),
      feat({ type: 'Polygon', coordinates: [square] }, { population: '1,234', kind: '农村' }),
      feat({ type: 'MultiPolygon', coordinates: [[square]] }, { 人口: '56', 类型: '城镇', 名称: '丙' }),
      feat({ type: 'Point', coordinates: [121.5, 29.9, 4] }, { population: 0, kind: 'rural' }),
    ]);
    const r = readCommunities(fs, 'c.geojson');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value.map((c) => [c.index, c.id, c.name, c.kind, c.population, c.geometry.type])).toEqual([
      [0, 'a', '甲', 'urban', 1200, 'Point'],
      [1, 'C1', '', 'rural', 1234, 'Polygon'],
      [2, 'C2', '丙', 'urban', 56, 'MultiPolygon'],
      [3, 'C3', '', 'rural', 0, 'Point'],
    ]);
    expect(r.value[3]?.geometry.coordinates).toEqual([121.5, 29.9]);
    expect(r.value[1]?.geometry.coordinates).toEqual([square]);
    expect(r.value[1]?.geometry.coordinates).not.toBe((fs[1]?.geometry as { coordinates: unknown }).coordinates); // a copy
  });

  it('rejects bad populations with the reason and the value', () => {
    const bad: unknown[] = [undefined, null, -1, 'many', NaN, '12,34', true, {}];
    const fs = deepFreeze(
      bad.map((population, i) => feat(P, { id: `b${i}`, kind: 'urban', ...(population === undefined ? {} : { population }) })),
    );
    const r = readCommunities(fs, 'c.geojson');
    expect(r.value).toEqual([]);
    expect(r.errors.map((e) => e.index)).toEqual(bad.map((_, i) => i));
    for (const e of r.errors) {
      expect(e.file).toBe('c.geojson');
      expect(e.id).toBe(`b${e.index}`);
      expect(e.reason).toContain('population');
    }
    expect(r.errors[2]?.reason).toContain('-1');
    expect(r.errors[3]?.reason).toContain('"many"');
    expect(r.errors[0]?.reason).toContain('missing');
  });

  it('requires a kind unless a default is given', () => {
    const fs = deepFreeze([feat(P, { population: 5 }), feat(P, { population: 5, kind: 'space station' })]);
    const r = readCommunities(fs, 'c');
    expect(r.value).toEqual([]);
    expect(r.errors[1]?.reason).toContain('"space station"');
    const d = readCommunities(fs, 'c', { defaultKind: 'rural' });
    expect(d.value.map((c) => c.kind)).toEqual(['rural']); // the default fills missing kinds, never wrong ones
    expect(d.errors.map((e) => e.index)).toEqual([1]);
  });

  it('closes open rings with a warning and rejects rings too short and bad coordinates', () => {
    const open = square.slice(0, -1);
    const fs = deepFreeze([
      feat({ type: 'Polygon', coordinates: [open] }, { population: 1, kind: 'urban' }),
      feat(
        {
          type: 'Polygon',
          coordinates: [
            [
              [121, 29],
              [121.1, 29],
              [121, 29],
            ],
          ],
        },
        { population: 1, kind: 'urban' },
      ),
      feat(
        {
          type: 'Polygon',
          coordinates: [
            [
              [121, 29],
              ['121.1', 29],
              [121.1, 29.1],
              [121, 29],
            ],
          ],
        },
        { population: 1, kind: 'urban' },
      ),
      feat({ type: 'Polygon', coordinates: [] }, { population: 1, kind: 'urban' }),
      feat({ type: 'LineString', coordinates: square }, { population: 1, kind: 'urban' }),
    ]);
    const r = readCommunities(fs, 'c');
    expect(r.value).toHaveLength(1);
    expect(r.value[0]?.geometry.coordinates).toEqual([square]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.reason).toContain('closed');
    expect(r.errors.map((e) => e.index)).toEqual([1, 2, 3, 4]);
    expect(r.errors[0]?.reason).toContain('needs at least 4');
    expect(r.errors[1]?.reason).toContain('vertex 1');
    expect(r.errors[3]?.reason).toContain('LineString');
  });

  it('rejects a repeated id on the later feature', () => {
    const r = readCommunities(
      deepFreeze([feat(P, { id: 'k', population: 1, kind: 'urban' }), feat(P, { id: 'k', population: 2, kind: 'urban' })]),
      'c',
    );
    expect(r.value.map((c) => c.population)).toEqual([1]);
    expect(r.errors[0]).toMatchObject({ index: 1, id: 'k' });
  });

  it('reads chosen population and kind fields', () => {
    const r = readCommunities(deepFreeze([feat(P, { 常住: '800', 属性: '行政村' })]), 'c', { populationField: '常住', kindField: '属性' });
    expect(r.value[0]).toMatchObject({ population: 800, kind: 'rural' });
  });
});
