import distance from '@turf/distance';
import { describe, expect, it } from 'vitest';
import { KIND_RURAL, KIND_URBAN } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';
import { createStraightLineModel } from '../../../src/engine/travel/straight-line';
import { indicesOf, makeFacilities, SETTINGS } from './fixtures';

describe('createStraightLineModel', () => {
  it('matches an all-pairs scan with @turf/distance (seconds and nearest facility)', () => {
    for (const seed of [21, 22, 23]) {
      const rand = mulberry32(seed);
      const fCount = 300;
      // clustered facilities over ~60 km so the projection's scale error matters
      const fLon = Array.from({ length: fCount }, () => 121.2 + rand() * 0.6);
      const fLat = Array.from({ length: fCount }, () => 29.5 + rand() * 0.6);
      const facilities = makeFacilities(fLon, fLat, (i) => (i % 3 === 0 ? 'clinic' : 'sports'));
      const model = createStraightLineModel(facilities, SETTINGS);
      const n = 2000;
      const points = {
        lon: Float64Array.from({ length: n }, () => 121.1 + rand() * 0.8),
        lat: Float64Array.from({ length: n }, () => 29.4 + rand() * 0.8),
        kind: Uint8Array.from({ length: n }, () => (rand() < 0.5 ? KIND_URBAN : KIND_RURAL)),
      };
      for (const category of ['clinic', 'sports']) {
        const indices = indicesOf(facilities, category);
        const field = model.accessField(category, indices, points);
        expect(field.category).toBe(category);
        for (let i = 0; i < n; i++) {
          let best = Infinity;
          for (const f of indices) {
            const d = distance([points.lon[i] as number, points.lat[i] as number], [fLon[f] as number, fLat[f] as number], {
              units: 'meters',
            });
            best = Math.min(best, d);
          }
          const speed = (points.kind[i] === KIND_URBAN ? 5 : 4.5) / 3.6;
          const expected = (best * 1.3) / speed;
          expect(Math.abs((field.seconds[i] as number) - expected)).toBeLessThanOrEqual(1e-6 * expected);
          const chosen = field.facility[i] as number;
          expect(facilities[chosen]?.category).toBe(category);
          const chosenMeters = distance(
            [points.lon[i] as number, points.lat[i] as number],
            [fLon[chosen] as number, fLat[chosen] as number],
            { units: 'meters' },
          );
          expect(chosenMeters - best).toBeLessThanOrEqual(1e-6 * best);
        }
      }
    }
  });

  it('gives Infinity and -1 for a category without facilities; reuses work per category', () => {
    const facilities = makeFacilities([121.5], [29.8], () => 'clinic');
    const model = createStraightLineModel(facilities, SETTINGS);
    const points = { lon: Float64Array.of(121.5, 121.51), lat: Float64Array.of(29.8, 29.8), kind: Uint8Array.of(0, 1) };
    const none = model.accessField('canteen', new Uint32Array(0), points);
    expect(Array.from(none.seconds)).toEqual([Infinity, Infinity]);
    expect(Array.from(none.facility)).toEqual([-1, -1]);
    const one = model.accessField('clinic', Uint32Array.of(0), points);
    expect(one.seconds[0]).toBe(0);
    expect(Array.from(one.facility)).toEqual([0, 0]);
    expect(model.warnings).toEqual([]);
  });

  it('answers points far outside the facilities and gives Infinity and -1 to non-finite ones, category after category', () => {
    const rand = mulberry32(31);
    const facilities = makeFacilities(
      Array.from({ length: 40 }, () => 121.4 + rand() * 0.2),
      Array.from({ length: 40 }, () => 29.7 + rand() * 0.2),
      (i) => (i % 2 === 0 ? 'clinic' : 'sports'),
    );
    const model = createStraightLineModel(facilities, SETTINGS);
    // 5,000 points so that they are bucketed and several answer blocks exist; every 97th is far
    // away (answered one by one), every 89th has a non-finite coordinate
    const n = 5000;
    const lon = Float64Array.from({ length: n }, (_, i) => (i % 89 === 0 ? NaN : i % 97 === 0 ? 126 + rand() : 121.35 + rand() * 0.3));
    const lat = Float64Array.from({ length: n }, (_, i) => (i % 89 === 0 ? 29.8 : i % 97 === 0 ? 34 + rand() : 29.65 + rand() * 0.3));
    const points = { lon, lat, kind: Uint8Array.from({ length: n }, (_, i) => i % 2) };
    for (const category of ['clinic', 'sports', 'clinic']) {
      const indices = indicesOf(facilities, category);
      const field = model.accessField(category, indices, points);
      for (let i = 0; i < n; i++) {
        if (i % 89 === 0) {
          expect(field.seconds[i]).toBe(Infinity);
          expect(field.facility[i]).toBe(-1);
          continue;
        }
        let best = Infinity;
        for (const f of indices)
          best = Math.min(best, distance([lon[i]!, lat[i]!], [facilities[f]!.lon, facilities[f]!.lat], { units: 'meters' }));
        const speed = (points.kind[i] === KIND_URBAN ? 5 : 4.5) / 3.6;
        expect(Math.abs(field.seconds[i]! - (best * 1.3) / speed)).toBeLessThanOrEqual(1e-6 * ((best * 1.3) / speed));
        expect(facilities[field.facility[i]!]?.category).toBe(category);
      }
    }
  });

  it('rejects bad kinds and facility indices', () => {
    const model = createStraightLineModel(
      makeFacilities([121.5], [29.8], () => 'clinic'),
      SETTINGS,
    );
    const points = { lon: Float64Array.of(121.5), lat: Float64Array.of(29.8), kind: Uint8Array.of(2) };
    expect(() => model.accessField('clinic', Uint32Array.of(0), points)).toThrow(/kind\[0\] is 2/);
    expect(() => model.accessField('clinic', Uint32Array.of(5), { ...points, kind: Uint8Array.of(0) })).toThrow(/5/);
  });
});
