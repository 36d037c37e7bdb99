// Test helpers for the travel models.
import type { Facility, Settings } from '../../../src/engine/model';
import { deepFreeze } from '../../helpers/fixtures';

export const SETTINGS: Settings = deepFreeze({
  preset: 'test',
  categories: [],
  walkSpeedKmh: { urban: 5, rural: 4.5 },
  detourFactor: 1.3,
  sampleSpacingMeters: 100,
  maxSnapMeters: 300,
  model: 'network',
});

export function makeFacilities(lon: number[], lat: number[], category: (i: number) => string): Facility[] {
  return deepFreeze(
    lon.map((x, i) => ({
      index: i,
      id: `F${i}`,
      name: `Facility ${i}`,
      category: category(i),
      capacity: null,
      lon: x,
      lat: lat[i] as number,
    })),
  );
}

export function indicesOf(facilities: readonly Facility[], category: string): Uint32Array {
  return Uint32Array.from(
    facilities.filter((f) => f.category === category),
    (f) => f.index,
  );
}
