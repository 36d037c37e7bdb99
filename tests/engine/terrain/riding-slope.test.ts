/**
 * The cycling slope rule end to end: a category ridden by e-bike or bicycle over a DEM, through the
 * analysis' travel model (mode graph, terrain costs, reversed search), on a 1 km road up a constant
 * 10 % slope. The times are the documented rule's (terrain/slope-speed.ts), uphill and downhill.
 */
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METERS } from '../../../src/engine/geo/haversine';
import { type CategoryDef, KIND_RURAL, type Settings } from '../../../src/engine/model';
import type { ModeId } from '../../../src/engine/presets/mode-profiles';
import { createModalTravelModel } from '../../../src/engine/travel/modal-travel';
import { deepFreeze } from '../../helpers/fixtures';
import { makeFacilities, SETTINGS } from '../travel/fixtures';
import { syntheticGrid } from './dem-helpers';

const DEG = (Math.PI / 180) * EARTH_RADIUS_METERS; // metres per degree of latitude
const LON = 11.5;
const SOUTH = 49.9;
const NORTH = SOUTH + 1000 / DEG;
/** A residential road 1 km due north (ten 100 m pieces), and a DEM rising 10 % northwards. */
const ROADS = deepFreeze([
  {
    coordinates: Array.from({ length: 11 }, (_, k) => [LON, SOUTH + (k * 100) / DEG] as [number, number]),
    highway: 'residential',
    speedKmh: null,
  },
]);
const SLOPE = syntheticGrid('slope.tif', 11.49, 49.89, 11.51, 49.92, 0.001, (_x, y) => 0.1 * (y - SOUTH) * DEG);
const LEVEL = syntheticGrid('level.tif', 11.49, 49.89, 11.51, 49.92, 0.001, () => 250);

/** Seconds for a rural resident at `fromLat` to reach a facility at `toLat` by `mode`. */
function seconds(mode: ModeId, fromLat: number, toLat: number, dem: typeof SLOPE | null): number {
  const category: CategoryDef = {
    id: 'c',
    label: { zh: 'c', en: 'c' },
    thresholdMinutes: { urban: 15, rural: 20 },
    mode: { urban: 'walk', rural: mode },
  };
  const settings: Settings = { ...SETTINGS, categories: [category] };
  const facilities = makeFacilities([LON], [toLat], () => 'c');
  const dataset = deepFreeze({ facilities, communities: [], roads: ROADS, ...(dem ? { elevation: [dem] } : {}) });
  const travel = createModalTravelModel(dataset, settings);
  const points = { lon: Float64Array.of(LON), lat: Float64Array.of(fromLat), kind: Uint8Array.of(KIND_RURAL) };
  return travel.accessField('c', Uint32Array.of(0), points).seconds[0]!;
}

describe('riding a 1 km road up a constant 10 % slope', () => {
  // documented: e-bike 20 km/h flat, 10 % up 20 ÷ 1.6 = 12.5 km/h, 10 % down 20 × 1.5 = 30 km/h (the cap);
  // bicycle 16 km/h flat, 10 % up 8 km/h, 10 % down 24 km/h
  it.each([
    ['ebike', 20, 12.5, 30],
    ['bicycle', 16, 8, 24],
  ] as const)('%s: flat %f km/h, uphill %f km/h, downhill %f km/h', (mode, flatKmh, upKmh, downKmh) => {
    const flat = seconds(mode, SOUTH, NORTH, null);
    const up = seconds(mode, SOUTH, NORTH, SLOPE); // the resident lives at the bottom and rides up
    const down = seconds(mode, NORTH, SOUTH, SLOPE);
    expect(flat).toBeCloseTo(1000 / (flatKmh / 3.6), 1);
    expect(up).toBeCloseTo(1000 / (upKmh / 3.6), 1);
    expect(down).toBeCloseTo(1000 / (downKmh / 3.6), 1);
    // a level DEM changes nothing
    expect(seconds(mode, SOUTH, NORTH, LEVEL)).toBe(flat);
  });

  it('the e-bike takes 288 s up and 120 s down where flat ground takes 180 s', () => {
    expect(seconds('ebike', SOUTH, NORTH, SLOPE)).toBeCloseTo(288, 1);
    expect(seconds('ebike', NORTH, SOUTH, SLOPE)).toBeCloseTo(120, 1);
    expect(seconds('ebike', SOUTH, NORTH, null)).toBeCloseTo(180, 1);
  });
});
