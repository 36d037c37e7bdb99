import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildDemandSamples } from '../../../src/engine/coverage/demand-samples';
import type { Community } from '../../../src/engine/model';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { mulberry32 } from '../../../src/engine/prng';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

/** A square polygon of `sideMeters` centred at lon/lat (near Ningbo). */
function square(lon: number, lat: number, sideMeters: number): [number, number][][] {
  const dLat = sideMeters / 2 / 111195;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return [
    [
      [lon - dLon, lat - dLat],
      [lon + dLon, lat - dLat],
      [lon + dLon, lat + dLat],
      [lon - dLon, lat + dLat],
      [lon - dLon, lat - dLat],
    ],
  ];
}

describe('buildDemandSamples', () => {
  const communities: Community[] = deepFreeze([
    { index: 0, id: 'P', name: 'point village', kind: 'rural', population: 300, geometry: { type: 'Point', coordinates: [121.5, 29.8] } },
    {
      index: 1,
      id: 'S',
      name: '1 km block',
      kind: 'urban',
      population: 10000,
      geometry: { type: 'Polygon', coordinates: square(121.55, 29.87, 1000) },
    },
    {
      index: 2,
      id: 'T',
      name: 'tiny',
      kind: 'urban',
      population: 50,
      geometry: { type: 'Polygon', coordinates: square(121.56, 29.88, 30) },
    },
    {
      index: 3,
      id: 'H',
      name: 'with hole',
      kind: 'urban',
      population: 8000,
      geometry: { type: 'Polygon', coordinates: [square(121.6, 29.9, 1000)[0]!, square(121.6, 29.9, 500)[0]!.slice().reverse()] },
    },
  ]);
  const s = buildDemandSamples(communities, 100);

  it('keeps each community contiguous, representative sample first, and population exact', () => {
    expect(s.communityStart.length).toBe(5);
    for (let c = 0; c < 4; c++) {
      let pop = 0;
      for (let i = s.communityStart[c]!; i < s.communityStart[c + 1]!; i++) {
        expect(s.community[i]).toBe(c);
        pop += s.population[i]!;
      }
      expect(pop).toBeCloseTo(communities[c]!.population, 6);
    }
    expect(s.kind[0]).toBe(1);
    expect(s.kind[1]).toBe(0);
  });

  it('puts one sample on a point community and about area/spacing² inside a polygon', () => {
    expect(s.communityStart[1]! - s.communityStart[0]!).toBe(1);
    const n = s.communityStart[2]! - s.communityStart[1]! - 1;
    expect(n).toBeGreaterThanOrEqual(90);
    expect(n).toBeLessThanOrEqual(110);
  });

  it('places every sample inside its polygon and none in a hole', () => {
    for (let c = 1; c < 4; c++) {
      const g = communities[c]!.geometry;
      for (let i = s.communityStart[c]!; i < s.communityStart[c + 1]!; i++) {
        expect(booleanPointInPolygon([s.lon[i]!, s.lat[i]!], g as never)).toBe(true);
      }
    }
    const hole = { type: 'Polygon', coordinates: square(121.6, 29.9, 500) };
    for (let i = s.communityStart[3]! + 1; i < s.communityStart[4]!; i++)
      expect(booleanPointInPolygon([s.lon[i]!, s.lat[i]!], hole as never)).toBe(false);
  });

  it('gives a polygon smaller than a cell its representative sample with the whole population', () => {
    const start = s.communityStart[2]!;
    expect(s.communityStart[3]! - start).toBe(1);
    expect(s.population[start]).toBe(50);
  });

  it('spaces grid samples by the spacing', () => {
    const a = s.communityStart[1]! + 1;
    expect(haversineMeters(s.lon[a]!, s.lat[a]!, s.lon[a + 1]!, s.lat[a + 1]!)).toBeCloseTo(100, 0);
  });

  it('rejects a non-positive spacing', () => {
    expect(() => buildDemandSamples(communities, 0)).toThrow(/spacingMeters/);
  });
});

describe('buildDemandSamples on points mixed with polygons', () => {
  /** Seeded communities: mostly points, some squares of 20 m to 800 m (some smaller than a cell), in random order. */
  function mixed(seed: number, polygonShare: number): Community[] {
    const rand = mulberry32(seed);
    return deepFreeze(
      Array.from({ length: 400 }, (_, i): Community => {
        const lon = 121.5 + rand() * 0.1,
          lat = 29.8 + rand() * 0.1;
        const kind = rand() < 0.5 ? 'rural' : 'urban';
        const population = Math.round(rand() * 2000);
        const geometry =
          rand() < polygonShare
            ? { type: 'Polygon' as const, coordinates: square(lon, lat, 20 + rand() * 780) }
            : { type: 'Point' as const, coordinates: [lon, lat] as [number, number] };
        return { index: i, id: `c${i}`, name: `c${i}`, kind, population, geometry };
      }),
    );
  }

  for (const [seed, polygonShare] of [
    [1, 0],
    [2, 0.05],
    [3, 0.5],
    [4, 1],
  ] as const) {
    it(`seed ${seed}, ${polygonShare * 100}% polygons: every community's samples in place, owner, kind and residents exact`, () => {
      const cs = mixed(seed, polygonShare);
      const s = buildDemandSamples(cs, 100);
      expect(s.communityStart.length).toBe(cs.length + 1);
      expect(s.communityStart[0]).toBe(0);
      expect(s.communityStart[cs.length]).toBe(s.count);
      for (const a of [s.lon, s.lat, s.community, s.population, s.kind]) expect(a.length).toBe(s.count);
      cs.forEach((c, ci) => {
        const a = s.communityStart[ci]!,
          b = s.communityStart[ci + 1]!;
        expect(b).toBeGreaterThan(a);
        let pop = 0;
        for (let i = a; i < b; i++) {
          expect(s.community[i]).toBe(ci);
          expect(s.kind[i]).toBe(c.kind === 'rural' ? 1 : 0);
          pop += s.population[i]!;
          if (c.geometry.type !== 'Point') expect(booleanPointInPolygon([s.lon[i]!, s.lat[i]!], c.geometry as never)).toBe(true);
        }
        expect(pop).toBeCloseTo(c.population, 6);
        if (c.geometry.type === 'Point') {
          expect(b - a).toBe(1);
          expect([s.lon[a], s.lat[a], s.population[a]]).toEqual([c.geometry.coordinates[0], c.geometry.coordinates[1], c.population]);
        } else {
          const m = b - a - 1;
          expect(s.population[a]).toBe(m === 0 ? c.population : 0);
          for (let i = a + 1; i < b; i++) expect(s.population[i]).toBe(c.population / m);
        }
      });
      if (polygonShare === 0) expect(s.count).toBe(cs.length);
    });
  }
});
