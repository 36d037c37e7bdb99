import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import type { CategoryDef, Settings } from '../../../src/engine/model';
import { deepFreeze } from '../../helpers/fixtures';
import { mulberry32 } from '../../../src/engine/prng';
import { createStraightReach, searchLeaves } from '../../../src/engine/siting/straight-reach';

const CATEGORY: CategoryDef = deepFreeze({ id: 'school', label: { zh: '', en: '' }, thresholdMinutes: { urban: 10, rural: 12 } });
const settings = (detourFactor: number): Settings =>
  deepFreeze({
    preset: 'test',
    categories: [],
    walkSpeedKmh: { urban: 5, rural: 4.5 },
    detourFactor,
    sampleSpacingMeters: 100,
    maxSnapMeters: 300,
    model: 'straight',
  });

/** Brute force: every target, the straight-line model's formula (float32 seconds ≤ threshold). */
function bruteForce(lon: Float64Array, lat: Float64Array, kind: Uint8Array, site: [number, number], detour: number): [number, number][] {
  const speeds = [5 / 3.6, 4.5 / 3.6];
  const limits = [600, 720];
  const out: [number, number][] = [];
  for (let i = 0; i < lon.length; i++) {
    const seconds = Math.fround((haversineMeters(lon[i]!, lat[i]!, site[0], site[1]) * detour) / speeds[kind[i]!]!);
    if (seconds <= limits[kind[i]!]!) out.push([i, seconds]);
  }
  return out;
}

/**
 * Targets around sites at a latitude: uniform in a box, plus many right at the reach radius of
 * either kind (within ±1e-6 relative, both sides) and in the corners of the search box.
 */
function targetsNear(
  seed: number,
  lat0: number,
  n: number,
  sites: [number, number][],
): { lon: Float64Array; lat: Float64Array; kind: Uint8Array } {
  const rand = mulberry32(seed);
  const lon: number[] = [];
  const lat: number[] = [];
  const kind: number[] = [];
  const degLat = 1 / 111195;
  const degLon = degLat / Math.cos((lat0 * Math.PI) / 180);
  for (let i = 0; i < n; i++) {
    const [slon, slat] = sites[i % sites.length]!;
    const k = rand() < 0.4 ? 1 : 0;
    const radius = (k === 0 ? 600 * 5 : 720 * 4.5) / 3.6 / 1.3;
    const mode = rand();
    let r: number;
    let bearing = rand() * 2 * Math.PI;
    if (mode < 0.4) r = radius * (1 + (rand() - 0.5) * 2e-6);
    else if (mode < 0.55) {
      r = radius * Math.SQRT2 * (0.9 + 0.2 * rand()); // box corners
      bearing = Math.PI / 4 + (Math.floor(rand() * 4) * Math.PI) / 2;
    } else r = radius * 2.5 * rand();
    lon.push(slon + r * Math.sin(bearing) * degLon);
    lat.push(slat + r * Math.cos(bearing) * degLat);
    kind.push(k);
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), kind: Uint8Array.from(kind) };
}

describe('createStraightReach visits exactly the targets the straight-line model covers', () => {
  for (const lat0 of [29.85, 60.2, -45.5]) {
    it(`near latitude ${lat0}, seconds bit-identical to haversine × detour / speed`, () => {
      const rand = mulberry32(Math.round(lat0 * 100) + 7);
      const sites = Array.from({ length: 12 }, (): [number, number] => [121.5 + rand() * 0.1, lat0 + rand() * 0.05]);
      const t = Object.freeze(targetsNear(Math.round(lat0 * 10) + 3, lat0, 6000, sites)); // typed arrays cannot freeze: compared below
      const copy = { lon: t.lon.slice(), lat: t.lat.slice(), kind: t.kind.slice() };
      const reach = createStraightReach(t, CATEGORY, settings(1.3));
      let covered = 0;
      let nearRim = 0;
      for (const site of sites) {
        const got: [number, number][] = [];
        expect(reach.reach(site[0], site[1], (i, s) => got.push([i, s]))).toBe(true);
        got.sort((a, b) => a[0] - b[0]);
        const want = bruteForce(t.lon, t.lat, t.kind, site, 1.3);
        expect(got).toEqual(want);
        covered += want.length;
        nearRim += want.filter(([i, s]) => s > (t.kind[i] === 0 ? 600 : 720) * (1 - 1e-5)).length;
      }
      expect(t).toEqual(copy); // targets not mutated
      expect(covered).toBeGreaterThan(2000);
      expect(nearRim).toBeGreaterThan(100); // the boundary is really exercised
    });
  }

  it('with detour factor 0 every target is reached at 0 s, each once', () => {
    const t = Object.freeze(targetsNear(5, 29.85, 500, [[121.5, 29.85]]));
    const reach = createStraightReach(t, CATEGORY, settings(0));
    const got: [number, number][] = [];
    reach.reach(121.6, 29.9, (i, s) => got.push([i, s]));
    got.sort((a, b) => a[0] - b[0]);
    expect(got).toEqual(bruteForce(t.lon, t.lat, t.kind, [121.6, 29.9], 0));
    expect(got).toHaveLength(500);
  });

  it('with no targets reaches nobody', () => {
    const reach = createStraightReach(
      { lon: new Float64Array(0), lat: new Float64Array(0), kind: new Uint8Array(0) },
      CATEGORY,
      settings(1.3),
    );
    const got: number[] = [];
    expect(reach.reach(121.5, 29.85, (i) => got.push(i))).toBe(true);
    expect(got).toEqual([]);
  });
});

describe('searchLeaves', () => {
  it('visits the same items in the same order as Flatbush search', () => {
    const rand = mulberry32(99);
    let visited = 0;
    for (const [n, nodeSize] of [
      [1, 16],
      [15, 16],
      [300, 16],
      [5000, 16],
      [5000, 4],
      [20000, 9],
    ] as const) {
      const index = new Flatbush(n, nodeSize);
      for (let i = 0; i < n; i++) {
        const x = rand() * 1000,
          y = rand() * 1000;
        if (i % 7 === 0) index.add(x, y, x + rand() * 30, y + rand() * 30);
        else index.add(x, y, x, y);
      }
      index.finish();
      for (let q = 0; q < 40; q++) {
        const x = rand() * 1100 - 50,
          y = rand() * 1100 - 50,
          w = rand() * (q % 4 === 0 ? 1200 : 200),
          h = rand() * 200;
        const got: number[] = [];
        searchLeaves(index, x, y, x + w, y + h, (pos) => got.push(index._indices[pos >> 2]!));
        expect(got).toEqual(index.search(x, y, x + w, y + h));
        visited += got.length;
      }
    }
    expect(visited).toBeGreaterThan(10000);
  });
});
