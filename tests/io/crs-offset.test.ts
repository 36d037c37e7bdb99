import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import { testCrsOffset, type RoadDistances } from '../../src/io/crs-offset';
import { detectCrsIssues } from '../../src/io/crs-detect';
import { buildRoadGraph } from '../../src/engine/network/graph-builder';
import { snapPoints } from '../../src/engine/network/snap';
import { mulberry32 } from '../../src/engine/prng';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

type XY = [number, number];
const SAMPLE_DIR = path.resolve(__dirname, '../../data/sample');

/** The project's own nearest-road answer: one snapPoints call per batch. */
function roadDistances(lines: XY[][]): RoadDistances {
  const graph = buildRoadGraph(lines.map((coordinates) => ({ coordinates, highway: null, speedKmh: null })));
  return (lon, lat, maxMeters = Infinity) => snapPoints(graph, lon, lat, maxMeters).accessMeters;
}

const KX = (lat: number): number => 111320 * Math.cos((lat * Math.PI) / 180);
const KY = 110574;

/** A street grid of `blockMeters` blocks, `blocks` × `blocks`, centred near Ningbo, turned by `angle`. */
function grid(blockMeters: number, blocks: number, angle = 0, lon0 = 121.55, lat0 = 29.87): XY[][] {
  const kx = KX(lat0);
  const half = (blocks * blockMeters) / 2;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const at = (x: number, y: number): XY => [lon0 + (c * x - s * y) / kx, lat0 + (s * x + c * y) / KY];
  const lines: XY[][] = [];
  for (let i = 0; i <= blocks; i++) {
    const v = -half + i * blockMeters;
    lines.push([at(v, -half), at(v, half)], [at(-half, v), at(half, v)]);
  }
  return lines;
}

/** Seeded points on the lines, up to `jitterMeters` off them. */
function pointsOnRoads(lines: XY[][], n: number, seed: number, jitterMeters = 8): XY[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => {
    const line = lines[Math.floor(rand() * lines.length)] as XY[];
    const a = line[0] as XY;
    const b = line[line.length - 1] as XY;
    const t = 0.05 + 0.9 * rand();
    const lat = a[1] + t * (b[1] - a[1]);
    const ang = rand() * 2 * Math.PI;
    const r = rand() * jitterMeters;
    return [a[0] + t * (b[0] - a[0]) + (r * Math.cos(ang)) / KX(lat), lat + (r * Math.sin(ang)) / KY];
  });
}

const shift = (pts: readonly XY[], crs: 'GCJ02' | 'BD09'): XY[] =>
  pts.map((p) => gcoord.transform([p[0], p[1]], gcoord.WGS84, crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09) as XY);
const lons = (pts: readonly XY[]): number[] => pts.map((p) => p[0]);
const lats = (pts: readonly XY[]): number[] => pts.map((p) => p[1]);
const run = (pts: readonly XY[], near: RoadDistances) => testCrsOffset(lons(pts), lats(pts), { chosen: 'WGS84', nearestRoadMeters: near });

const readPoints = (file: string): XY[] =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { features: { geometry: { type: string; coordinates: XY } }[] }).features
    .filter((f) => f.geometry?.type === 'Point')
    .map((f) => f.geometry.coordinates);
const readLines = (file: string): XY[][] =>
  (
    JSON.parse(fs.readFileSync(file, 'utf8')) as { features: { geometry: { type: string; coordinates: XY[] | XY[][] } }[] }
  ).features.flatMap((f) =>
    f.geometry.type === 'LineString'
      ? [f.geometry.coordinates as XY[]]
      : f.geometry.type === 'MultiLineString'
        ? (f.geometry.coordinates as XY[][])
        : [],
  );

describe('testCrsOffset in a dense street grid (80 m blocks, denser than the ~500 m offset)', () => {
  const lines = grid(80, 40);
  const near = roadDistances(lines);
  const truth = Object.freeze(pointsOnRoads(lines, 400, 7));

  it('says GCJ-02 for Amap points read as WGS84, with a clear z-score, and the warning names the file', () => {
    const res = run(shift(truth, 'GCJ02'), near);
    expect(res.suggested?.crs).toBe('GCJ02');
    expect(res.suggested?.z).toBeGreaterThan(8);
    // the old rule (median distance must drop ≥ 30 % and ≥ 25 m) could not fire here
    expect(res.given.medianMeters).toBeLessThan(25);
    const issues = detectCrsIssues(
      shift(truth, 'GCJ02').map(([lon, lat]) => ({ lon, lat })),
      { file: 'amap-pois.csv', chosen: 'WGS84', nearestRoadMeters: near },
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'amap-pois.csv', kind: 'offset', suggestedCrs: 'GCJ02' });
    expect(issues[0]?.reason).toMatch(/these points fit the roads ~\d+(\.\d)? m better when read as GCJ-02 \(Amap\/Tencent\)/);
  });

  it('gives the uncapped median distance when most points are beyond the 100 m searched for the other figures', () => {
    // the truth moved 3.5 km east: past the grid's east edge (1.6 km from its centre), 0.3–3.5 km from every road
    const far = truth.map(([lon, lat]): XY => [lon + 3500 / KX(lat), lat]);
    const res = run(far, near);
    const uncapped = Float64Array.from(near(Float64Array.from(lons(far)), Float64Array.from(lats(far)))).sort();
    const m = uncapped.length >> 1;
    expect(res.given.medianMeters).toBeGreaterThan(1000);
    expect(res.given.medianMeters).toBe(uncapped.length % 2 ? uncapped[m] : (uncapped[m - 1]! + uncapped[m]!) / 2);
  });

  it('says BD-09 for Baidu points', () => {
    const res = run(shift(truth, 'BD09'), near);
    expect(res.suggested?.crs).toBe('BD09');
    expect(res.readings.find((r) => r.crs === 'GCJ02')?.fits).toBe(false);
  });

  it('stays quiet on the same points in WGS84, and says WGS84 when they are read as GCJ-02', () => {
    const res = run(truth, near);
    expect(res.suggested).toBeNull();
    expect(res.readings.every((r) => !r.fits)).toBe(true);
    const asGcj = testCrsOffset(lons(truth), lats(truth), { chosen: 'GCJ02', nearestRoadMeters: near });
    expect(asGcj.suggested?.crs).toBe('WGS84');
  });

  it('does not mutate its inputs and samples at most maxSamples points', () => {
    const xs = Object.freeze(lons(truth));
    const res = testCrsOffset(xs, lats(truth), { chosen: 'WGS84', nearestRoadMeters: near, maxSamples: 100 });
    expect(res.sampled).toBe(100);
    expect(() => testCrsOffset([1, 2], [1], { chosen: 'WGS84', nearestRoadMeters: near })).toThrow(/2 lon values but 1 lat/);
  });
});

describe('testCrsOffset: rural villages far from the roads', () => {
  // a few country roads 3 km apart; villages 150–1,200 m away from them
  const lines: XY[][] = [0, 1, 2].flatMap((i) => [
    [
      [121.3 + i * 0.03, 29.6],
      [121.3 + i * 0.03, 29.7],
    ] as XY[],
  ]);
  const near = roadDistances(lines);
  const rand = mulberry32(99);
  const villages: XY[] = Array.from({ length: 200 }, () => {
    const road = Math.floor(rand() * 3);
    const side = rand() < 0.5 ? -1 : 1;
    const off = 150 + rand() * 1050;
    const lat = 29.61 + rand() * 0.08;
    return [121.3 + road * 0.03 + (side * off) / KX(lat), lat];
  });

  it('stays quiet in WGS84 (every reading is capped: no reading fits better)', () => {
    expect(run(villages, near).suggested).toBeNull();
    expect(
      detectCrsIssues(
        villages.map(([lon, lat]) => ({ lon, lat })),
        { file: 'villages.geojson', chosen: 'WGS84', nearestRoadMeters: near },
      ),
    ).toEqual([]);
  });
});

describe('testCrsOffset: many seeded cities', () => {
  it('raises no false alarm on true WGS84 points in 120 seeded grids, and finds most GCJ-02 sets', () => {
    let falseAlarms = 0;
    let found = 0;
    const runs = 120;
    const zs: number[] = [];
    for (let seed = 1; seed <= runs; seed++) {
      const rand = mulberry32(seed * 7919);
      const block = 50 + rand() * 100; // 50–150 m blocks
      const lines = grid(block, Math.ceil(3000 / block), rand() * Math.PI, 121.4 + rand() * 0.3, 29.7 + rand() * 0.3);
      const near = roadDistances(lines);
      const pts = pointsOnRoads(lines, 150 + Math.floor(rand() * 200), seed, 5 + rand() * 25);
      if (run(pts, near).suggested) falseAlarms++;
      const shiftedPts = shift(pts, 'GCJ02');
      const shifted = testCrsOffset(lons(shiftedPts), lats(shiftedPts), { chosen: 'WGS84', nearestRoadMeters: near, allRotations: true });
      if (shifted.suggested?.crs === 'GCJ02') found++;
      zs.push(shifted.readings.find((r) => r.crs === 'GCJ02')?.z ?? NaN);
    }
    zs.sort((a, b) => a - b);
    console.log(
      `crs-offset: ${runs} seeded grids: ${falseAlarms} false alarms, GCJ-02 found in ${found} (z min ${zs[0]?.toFixed(1)}, median ${zs[runs >> 1]?.toFixed(1)})`,
    );
    expect(falseAlarms).toBe(0);
    expect(found / runs).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});

describe('testCrsOffset: rotations only for a reading that could fit', () => {
  it('gives the same outcome as trying every rotation, with at most 6 nearest-road queries instead of 25 on points in place', () => {
    let compared = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const rand = mulberry32(seed * 104729);
      const block = 50 + rand() * 150;
      const lines = grid(block, Math.ceil(2500 / block), rand() * Math.PI, 121.4 + rand() * 0.3, 29.7 + rand() * 0.3);
      const near = roadDistances(lines);
      let calls = 0;
      const counted: RoadDistances = (lon, lat, max) => {
        calls++;
        return near(lon, lat, max);
      };
      const pts = pointsOnRoads(lines, 100 + Math.floor(rand() * 200), seed, 5 + rand() * 40);
      for (const set of [pts, shift(pts, 'GCJ02'), shift(pts, 'BD09')]) {
        calls = 0;
        const quick = testCrsOffset(lons(set), lats(set), { chosen: 'WGS84', nearestRoadMeters: counted });
        const quickCalls = calls;
        const full = testCrsOffset(lons(set), lats(set), { chosen: 'WGS84', nearestRoadMeters: near, allRotations: true });
        expect(quick.suggested?.crs ?? null).toBe(full.suggested?.crs ?? null);
        expect(quick.readings.map((r) => [r.crs, r.fits, r.cappedMeanMeters, r.pairedShare])).toEqual(
          full.readings.map((r) => [r.crs, r.fits, r.cappedMeanMeters, r.pairedShare]),
        );
        for (const r of quick.readings) if (Number.isFinite(r.z)) expect(r.z).toBe(full.readings.find((f) => f.crs === r.crs)?.z);
        if (set === pts) {
          expect(quick.suggested).toBeNull();
          // as given, GCJ-02 and BD-09 once each (and once more uncapped when a median is beyond 100 m): no rotation (11 each)
          expect(quickCalls).toBeLessThanOrEqual(6);
        }
        compared++;
      }
    }
    expect(compared).toBe(90);
  }, 60_000);
});

describe('testCrsOffset on the sample city and on real OSM data', () => {
  it('finds the sample facilities shifted into GCJ-02 and stays quiet on them in place (500 sampled points, timed)', () => {
    const near = roadDistances(readLines(path.join(SAMPLE_DIR, 'roads.geojson')));
    const facilities = readPoints(path.join(SAMPLE_DIR, 'facilities.geojson'));
    expect(facilities.length).toBeGreaterThan(500);
    expect(run(facilities, near).suggested).toBeNull();
    const shifted = shift(facilities, 'GCJ02');
    run(shifted, near); // warm the road index
    const t0 = performance.now();
    const res = run(shifted, near);
    const ms = performance.now() - t0;
    console.log(
      `crs-offset: sample facilities (${facilities.length}, ${res.sampled} sampled) shifted to GCJ-02: z ${res.suggested?.z.toFixed(1)}, ${ms.toFixed(0)} ms`,
    );
    expect(res.sampled).toBe(500);
    expect(res.suggested?.crs).toBe('GCJ02');
    expect(run(shift(facilities, 'BD09'), near).suggested?.crs).toBe('BD09');
  });

  it('stays quiet on the real north-Bayreuth facilities in place, and finds them shifted after moving the town to Ningbo', () => {
    const roads = readLines(path.join(NORTH_BAYREUTH, 'roads.geojson'));
    const facilities = readPoints(path.join(NORTH_BAYREUTH, 'facilities.geojson'));
    expect(run(facilities, roadDistances(roads)).suggested).toBeNull();
    // Germany is outside China, where GCJ-02 is the identity: move the town to Ningbo to test the rule.
    const dLon = 121.55 - 11.55;
    const dLat = 29.87 - 50.0;
    const move = (p: XY): XY => [p[0] + dLon, p[1] + dLat];
    const near = roadDistances(roads.map((l) => l.map(move)));
    const moved = facilities.map(move);
    expect(run(moved, near).suggested).toBeNull();
    const gcj = run(shift(moved, 'GCJ02'), near);
    const bd = run(shift(moved, 'BD09'), near);
    console.log(
      `crs-offset: north-Bayreuth (${moved.length} facilities) in Ningbo: GCJ-02 z ${gcj.readings.find((r) => r.crs === 'GCJ02')?.z.toFixed(1)}, BD-09 z ${bd.readings.find((r) => r.crs === 'BD09')?.z.toFixed(1)}`,
    );
    expect(gcj.suggested?.crs).toBe('GCJ02');
    expect(bd.suggested?.crs).toBe('BD09');
  });
});
