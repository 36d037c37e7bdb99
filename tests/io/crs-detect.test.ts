import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { detectCrsIssues } from '../../src/io/crs-detect';
import { mulberry32 } from '../../src/engine/prng';

type XY = [number, number];

/** Brute-force metres from a point to the nearest of many polylines (local equirectangular metres). */
function nearestRoadOracle(lines: XY[][]): (lons: Float64Array, lats: Float64Array) => Float64Array {
  return (lons, lats) => lons.map((lon, q) => one(lon, lats[q] as number));
  function one(lon: number, lat: number): number {
    const kx = 111320 * Math.cos((lat * Math.PI) / 180);
    const ky = 110574;
    let best = Infinity;
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        const a = line[i - 1] as XY;
        const b = line[i] as XY;
        const ax = (a[0] - lon) * kx,
          ay = (a[1] - lat) * ky;
        const bx = (b[0] - lon) * kx,
          by = (b[1] - lat) * ky;
        const dx = bx - ax,
          dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
    return best;
  }
}

/** Seeded points on the lines (up to `jitterMeters` off them). */
function pointsOnRoads(lines: XY[][], n: number, seed: number, jitterMeters = 10): { lon: number; lat: number }[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const line = lines[Math.floor(rand() * lines.length)] as XY[];
    const i = 1 + Math.floor(rand() * (line.length - 1));
    const a = line[i - 1] as XY,
      b = line[i] as XY,
      t = rand();
    const j = (jitterMeters / 111000) * (rand() * 2 - 1);
    return { lon: a[0] + t * (b[0] - a[0]) + j, lat: a[1] + t * (b[1] - a[1]) + j };
  });
}

/** A seeded sparse random road network in Ningbo (WGS84). */
function ningboRoads(seed: number): XY[][] {
  const rand = mulberry32(seed);
  return Array.from({ length: 30 }, () => {
    const x = 121.52 + rand() * 0.06,
      y = 29.84 + rand() * 0.06;
    const ang = rand() * Math.PI,
      len = 0.005 + rand() * 0.02;
    return [
      [x, y],
      [x + len * Math.cos(ang), y + len * Math.sin(ang)],
    ] as XY[];
  });
}

const freeze = <T extends object[]>(a: T): T => Object.freeze(a.map((p) => Object.freeze(p))) as T;

describe('detectCrsIssues: swapped, projected, degrees', () => {
  it('finds nothing wrong with good Ningbo lon/lat', () => {
    expect(
      detectCrsIssues(
        freeze([
          { lon: 121.5, lat: 29.9 },
          { lon: 121.6, lat: 29.8 },
        ]),
        { file: 'f', chosen: 'WGS84' },
      ),
    ).toEqual([]);
    expect(detectCrsIssues([], { file: 'f', chosen: 'WGS84' })).toEqual([]);
  });

  it('flags swapped latitude/longitude when at least half the points look swapped', () => {
    const pts = freeze([
      { lon: 29.9, lat: 121.5 },
      { lon: 29.8, lat: 121.6 },
      { lon: 121.5, lat: 29.9 },
      { lon: 121.6, lat: 29.8 },
    ]);
    const issues = detectCrsIssues(pts, { file: 'a.csv', chosen: 'WGS84' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'a.csv', index: -1, kind: 'swapped' });
    expect(issues[0]?.reason).toContain('2 of 4');
    expect(detectCrsIssues(pts.slice(1), { file: 'a.csv', chosen: 'WGS84' })).toEqual([]);
    // The China pattern: latitude 73–90 is valid on its own, but lon 18–54 with lat 73–135 is swapped China.
    expect(
      detectCrsIssues({ lon: new Float64Array([30, 31]), lat: new Float64Array([80, 85]) }, { file: 'a', chosen: 'CGCS2000' })[0]?.kind,
    ).toBe('swapped');
  });

  it('flags projected metres read as degrees and suggests the GK zone from the easting prefix', () => {
    const gk40 = { lon: [40644926.1, 40650000], lat: [3306647.7, 3310000] };
    expect(detectCrsIssues(gk40, { file: 'p', chosen: 'WGS84' })[0]).toMatchObject({ kind: 'projected', suggestedCrs: 'EPSG:4528' });
    const gk6 = { lon: [21450000, 21460000], lat: [3306647.7, 3310000] };
    expect(detectCrsIssues(gk6, { file: 'p', chosen: 'WGS84' })[0]).toMatchObject({ kind: 'projected', suggestedCrs: 'EPSG:4499' });
    const noPrefix = detectCrsIssues({ lon: [644926.1], lat: [3306647.7] }, { file: 'p', chosen: 'WGS84' });
    expect(noPrefix[0]?.kind).toBe('projected');
    expect(noPrefix[0]?.suggestedCrs).toBeUndefined();
  });

  it('flags degrees read as a projection', () => {
    expect(detectCrsIssues({ lon: [121.5, NaN], lat: [29.9, 1] }, { file: 'd', chosen: 'EPSG:4528' })[0]).toMatchObject({
      kind: 'degrees',
      suggestedCrs: 'WGS84',
    });
    expect(detectCrsIssues({ lon: [40644926.1], lat: [3306647.7] }, { file: 'd', chosen: 'EPSG:4528' })).toEqual([]);
  });

  it('ignores non-finite values and checks array lengths', () => {
    expect(detectCrsIssues({ lon: [NaN, Infinity], lat: [1, 2] }, { file: 'x', chosen: 'WGS84' })).toEqual([]);
    expect(() => detectCrsIssues({ lon: [1], lat: [] }, { file: 'x', chosen: 'WGS84' })).toThrow(/1 lon values but 0/);
  });
});

describe('detectCrsIssues: GCJ-02 / BD-09 offsets against the roads', () => {
  const roads = ningboRoads(11);
  const near = nearestRoadOracle(roads);
  const truth = Object.freeze(pointsOnRoads(roads, 80, 12));
  const as = (crs: 'GCJ02' | 'BD09') =>
    freeze(
      truth.map((p) => {
        const [lon, lat] = gcoord.transform([p.lon, p.lat], gcoord.WGS84, crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09) as XY;
        return { lon, lat };
      }),
    );

  it('stays quiet when WGS84 points sit on WGS84 roads', () => {
    expect(detectCrsIssues(truth, { file: 'f', chosen: 'WGS84', nearestRoadMeters: near })).toEqual([]);
  });

  it('says "looks like GCJ-02" for Amap coordinates read as WGS84, and by how much they fit better', () => {
    const issues = detectCrsIssues(as('GCJ02'), { file: 'amap.csv', chosen: 'WGS84', nearestRoadMeters: near });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'offset', suggestedCrs: 'GCJ02', index: -1, file: 'amap.csv' });
    expect(issues[0]?.reason).toMatch(
      /fit the roads ~\d+(\.\d)? m better when read as GCJ-02 \(Amap\/Tencent\).*median distance to the nearest road is \d+(\.\d)? m/,
    );
  });

  it('suggests BD-09 for Baidu coordinates and WGS84 for WGS84 data read as GCJ-02', () => {
    expect(detectCrsIssues(as('BD09'), { file: 'b', chosen: 'CGCS2000', nearestRoadMeters: near })[0]?.suggestedCrs).toBe('BD09');
    expect(detectCrsIssues(truth, { file: 'w', chosen: 'GCJ02', nearestRoadMeters: near })[0]?.suggestedCrs).toBe('WGS84');
  });

  it('stays quiet when every reading is as far from the roads', () => {
    // Points 40 m from the roads whichever way they are read: no reading is better.
    const far = (lon: Float64Array): Float64Array => lon.map(() => 40);
    expect(detectCrsIssues(as('GCJ02'), { file: 'f', chosen: 'WGS84', nearestRoadMeters: far })).toEqual([]);
  });
  // the real north-bayreuth data (in place and shifted) is tested in crs-offset.test.ts
});
