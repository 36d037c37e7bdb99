import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import {
  bboxOf,
  checkPosition,
  checkPositionList,
  looksSwapped,
  pointLayerSummary,
  readPositionList,
} from '../../src/io/coordinate-checks';

describe('checkPosition', () => {
  it('accepts WGS84 positions and drops elevation', () => {
    expect(checkPosition([121.55, 29.87])).toEqual([121.55, 29.87]);
    expect(checkPosition([-180, -90])).toEqual([-180, -90]);
    expect(checkPosition(Object.freeze([121.55, 29.87, 12]))).toEqual([121.55, 29.87]);
  });

  it('rejects non-arrays, short arrays, strings, NaN and Infinity with the value in the reason', () => {
    const cases: [unknown, string][] = [
      [null, 'not an array'],
      ['121,29', 'not an array'],
      [{}, 'not an array'],
      [[], '0 value'],
      [[121], '1 value'],
      [['121.5', 29.8], 'non-number'],
      [[121.5, null], 'non-number'],
      [[NaN, 29], 'not finite'],
      [[121, Infinity], 'not finite'],
      [[[121, 29]], '1 value'],
      [
        [
          [121, 29],
          [1, 2],
        ],
        'non-number',
      ],
    ];
    for (const [pos, words] of cases) {
      const r = checkPosition(pos);
      expect(typeof r, JSON.stringify(pos)).toBe('string');
      expect(r).toContain(words);
    }
    expect(checkPosition([NaN, 29])).toContain('NaN');
  });

  it('recognises projected metres (CGCS2000 Gauss–Krüger values) and says what to do', () => {
    const r = checkPosition([40_512_345.6, 3_305_432.1]);
    expect(r).toContain('projected metres');
    expect(r).toContain('CGCS2000');
    expect(checkPosition([512_345, 3_305_432])).toContain('projected');
  });

  it('recognises swapped axes when the latitude is impossible but the swap would fit', () => {
    expect(checkPosition([29.87, 121.55])).toContain('swapped');
    expect(checkPosition([200, 10])).toContain('outside');
    expect(checkPosition([10, -95])).toContain('swapped');
  });

  it('checks lists: first bad vertex named, minimum count', () => {
    expect(
      checkPositionList(
        [
          [1, 2],
          [3, 4],
        ],
        2,
      ),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(
      checkPositionList(
        [
          [1, 2],
          [3, 'x'],
        ],
        2,
      ),
    ).toContain('vertex 1');
    expect(checkPositionList([[1, 2]], 2)).toContain('needs at least 2');
    expect(checkPositionList('nope', 2)).toContain('not an array');
  });
});

describe('looksSwapped', () => {
  it('flags a Chinese layer written [lat, lon] and not a correct one nor one elsewhere (seeded)', () => {
    const rand = mulberry32(3);
    const n = 200;
    const lon = Array.from({ length: n }, () => 121.2 + rand() * 0.8); // Ningbo
    const lat = Array.from({ length: n }, () => 29.6 + rand() * 0.5);
    expect(looksSwapped(lon, lat)).toBe(false);
    expect(looksSwapped(lat, lon)).toBe(true); // (each position is also caught on its own: latitude > 90)
    // western China written [lat, lon]: every value in range, so only the layer check can tell
    const lonS = Array.from({ length: n }, () => 40 + rand() * 10); // these are really latitudes
    const latS = Array.from({ length: n }, () => 80 + rand() * 9); // these are really longitudes (80–89 E, Xinjiang/Tibet)
    expect(looksSwapped(lonS, latS)).toBe(true);
    // Bavaria: outside China either way, no warning
    expect(
      looksSwapped(
        lon.map(() => 11.5),
        lat.map(() => 50),
      ),
    ).toBe(false);
    expect(looksSwapped([], [])).toBe(false);
  });

  it('bboxOf is the min/max of the points (oracle: sorting)', () => {
    const rand = mulberry32(5);
    const lon = Array.from({ length: 50 }, () => rand() * 360 - 180);
    const lat = Array.from({ length: 50 }, () => rand() * 180 - 90);
    const sx = [...lon].sort((a, b) => a - b);
    const sy = [...lat].sort((a, b) => a - b);
    expect(bboxOf(lon, lat)).toEqual([sx[0], sy[0], sx[49], sy[49]]);
    expect(bboxOf([], [])).toBeNull();
  });

  it('pointLayerSummary gives in one pass what bboxOf and looksSwapped give', () => {
    const rand = mulberry32(9);
    for (const n of [0, 1, 7, 300]) {
      const lon = Array.from({ length: n }, () => (rand() < 0.7 ? 25 + rand() * 20 : 100 + rand() * 30));
      const lat = Array.from({ length: n }, () => (rand() < 0.7 ? 100 + rand() * 30 : 25 + rand() * 20));
      for (const [x, y] of [
        [lon, lat],
        [lat, lon],
      ] as const) {
        expect(pointLayerSummary(x, y)).toEqual({ bbox: bboxOf(x, y), swapped: looksSwapped(x, y) });
      }
    }
  });

  it('readPositionList grows a bounding box while it checks', () => {
    const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    const ring = [
      [121.5, 29.8, 3],
      [121.6, 29.7],
      [121.55, 29.9],
      [121.5, 29.8],
    ];
    expect(readPositionList(ring, 4, box)).toEqual(ring.map((p) => [p[0], p[1]]));
    expect(box).toEqual({ minX: 121.5, minY: 29.7, maxX: 121.6, maxY: 29.9 });
  });
});
