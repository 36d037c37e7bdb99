import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/fixtures';
import { readRoads } from '../../src/io/read-roads';

const feat = (geometry: unknown, properties: unknown, id?: string) => ({ type: 'Feature', geometry, properties, ...(id ? { id } : {}) });
const line = [
  [121, 29],
  [121.01, 29],
  [121.01, 29.01],
];

describe('readRoads', () => {
  it('reads LineStrings and each part of a MultiLineString, with highway and speed', () => {
    const fs = deepFreeze([
      feat({ type: 'LineString', coordinates: line }, { highway: 'residential' }),
      feat({ type: 'MultiLineString', coordinates: [line, line.slice(1).map(([x, y]) => [x, y, 3])] }, { speed: '4.5' }),
    ]);
    const r = readRoads(fs, 'r.geojson');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value).toEqual([
      { coordinates: line, highway: 'residential', speedKmh: null },
      { coordinates: line, highway: null, speedKmh: 4.5 },
      { coordinates: line.slice(1), highway: null, speedKmh: 4.5 },
    ]);
  });

  it('rejects lines with fewer than two points, bad coordinates and other geometry', () => {
    const fs = deepFreeze([
      feat({ type: 'LineString', coordinates: [[121, 29]] }, {}, 'one'),
      feat(
        {
          type: 'LineString',
          coordinates: [
            [121, 29],
            [NaN, 29],
          ],
        },
        {},
      ),
      feat({ type: 'Point', coordinates: [121, 29] }, {}),
      feat({ type: 'MultiLineString', coordinates: [[[121, 29]], []] }, {}),
      feat(undefined, {}),
    ]);
    const r = readRoads(fs, 'r.geojson');
    expect(r.value).toEqual([]);
    expect(r.errors.map((e) => [e.index, e.id])).toEqual([
      [0, 'one'],
      [1, undefined],
      [2, undefined],
      [3, undefined],
      [4, undefined],
    ]);
    expect(r.errors[0]?.reason).toContain('needs at least 2');
    expect(r.errors[1]?.reason).toContain('NaN');
    expect(r.errors[2]?.reason).toContain('Point');
  });

  it('keeps the good parts of a MultiLineString with a warning, and ignores a bad speed with a warning', () => {
    const fs = deepFreeze([
      feat({ type: 'MultiLineString', coordinates: [line, [[1, 2]]] }, { highway: 'path' }),
      feat({ type: 'LineString', coordinates: line }, { speed: 'fast' }),
      feat({ type: 'LineString', coordinates: line }, { speed: -3 }),
    ]);
    const r = readRoads(fs, 'r');
    expect(r.value).toHaveLength(3);
    expect(r.value.map((x) => x.speedKmh)).toEqual([null, null, null]);
    expect(r.warnings.map((w) => w.index)).toEqual([0, 1, 2]);
    expect(r.warnings[0]?.reason).toContain('part 1');
    expect(r.warnings[1]?.reason).toContain('"fast"');
  });
});
