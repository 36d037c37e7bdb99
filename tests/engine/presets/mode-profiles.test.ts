import { describe, expect, it } from 'vitest';
import { BICYCLE_PROFILE, EBIKE_PROFILE, MODE_IDS, isModeId, modeRoadDecision } from '../../../src/engine/presets/mode-profiles';

type Row = [highway: string | null, bicycle: string | null, bicycleKmh: number | null, ebikeKmh: number | null, reason: string];

// One row per rule: the road's tags → speed by bicycle and by e-bike (null: not used), and the reason.
const ROWS: Row[] = [
  // never: motorways and unbuilt ways, whatever bicycle=* says
  ...['motorway', 'motorway_link', 'construction', 'proposed', 'raceway', 'bus_guideway', 'abandoned'].map((h): Row => [
    h,
    'yes',
    null,
    null,
    `highway=${h} forbidden`,
  ]),
  // bicycle=no and friends close any way
  ['residential', 'no', null, null, 'bicycle=no'],
  ['primary', 'use_sidepath', null, null, 'bicycle=use_sidepath'],
  // ridden road classes
  ...['cycleway', 'primary', 'secondary', 'tertiary', 'unclassified', 'residential', 'living_street', 'service', 'trunk'].map((h): Row => [
    h,
    null,
    16,
    20,
    `highway=${h}`,
  ]),
  ['track', null, 12, 15, 'highway=track'],
  // push-only ways: walking pace unless bicycle=yes|designated|permissive
  ...['footway', 'path', 'pedestrian', 'platform', 'bridleway'].map((h): Row => [h, null, 4, 4, `highway=${h} pushed`]),
  ['footway', 'yes', 12, 15, 'highway=footway with bicycle=yes ridden'],
  ['path', 'designated', 12, 15, 'highway=path with bicycle=designated ridden'],
  ['footway', 'dismount', 4, 4, 'highway=footway pushed'],
  // steps: pushed at walking pace, never ridden, even with bicycle=yes
  ['steps', null, 4, 4, 'highway=steps pushed'],
  ['steps', 'yes', 4, 4, 'highway=steps pushed'],
  // no highway tag, or one not in the table: the default speed
  [null, null, 16, 20, 'no highway tag: default speed'],
  ['bus_stop', null, 16, 20, 'highway=bus_stop not in the table: default speed'],
];

describe('riding mode profiles', () => {
  it.each(ROWS)('highway=%s bicycle=%s → bicycle %s km/h, e-bike %s km/h (%s)', (highway, bicycle, bike, ebike, reason) => {
    expect(modeRoadDecision(BICYCLE_PROFILE, highway, bicycle)).toEqual({ speedKmh: bike, reason });
    expect(modeRoadDecision(EBIKE_PROFILE, highway, bicycle).speedKmh).toBe(ebike);
  });

  it('keeps every speed at or below the default (the effort of a metre is ≥ 1) and e-bikes under the GB 17761 cap of 25 km/h', () => {
    for (const p of [BICYCLE_PROFILE, EBIKE_PROFILE]) {
      const speeds = [...Object.values(p.speedKmh), p.pushSpeedKmh, p.stepsSpeedKmh, p.rideOnPushWaysKmh];
      for (const s of speeds) expect(s).toBeLessThanOrEqual(p.defaultSpeedKmh);
      expect(p.pushSpeedKmh).toBeLessThanOrEqual(4);
      expect(p.stepsSpeedKmh).toBeLessThanOrEqual(p.pushSpeedKmh);
      expect(p.sources.length).toBeGreaterThan(0);
    }
    expect(BICYCLE_PROFILE.defaultSpeedKmh).toBeGreaterThanOrEqual(15);
    expect(BICYCLE_PROFILE.defaultSpeedKmh).toBeLessThanOrEqual(18);
    expect(EBIKE_PROFILE.defaultSpeedKmh).toBe(20);
    expect(Math.max(EBIKE_PROFILE.defaultSpeedKmh, ...Object.values(EBIKE_PROFILE.speedKmh))).toBeLessThanOrEqual(25);
  });

  it('names exactly walk, bicycle and e-bike as modes, and the profiles are frozen', () => {
    expect(MODE_IDS).toEqual(['walk', 'bicycle', 'ebike']);
    expect(['walk', 'bicycle', 'ebike', 'car', 'Bicycle', 3].map(isModeId)).toEqual([true, true, true, false, false, false]);
    expect(() => {
      (BICYCLE_PROFILE.speedKmh as Record<string, number>).primary = 99;
    }).toThrow();
  });
});
