/**
 * Travel modes as data, beside the foot profile (`foot-profile.ts`): which road classes a mode may
 * use and at what speed. Walking keeps the walkability rule of the road graph (`walkability.ts`)
 * and the walking speed of the settings (per kind, or the category's pace); bicycle and e-bike use
 * the tables below when a category asks for them (`CategoryDef.mode`).
 *
 * Sources:
 * - OSRM `profiles/bicycle.lua` (Project-OSRM/osrm-backend, v5.x): `default_speed = 15`,
 *   `walking_speed = 4` (pushing), `bicycle_speeds` (15 on roads and cycleways, 12 on tracks and
 *   paths), `pedestrian_speeds` (footway and pedestrian pushed at walking speed, steps 2 km/h),
 *   no access to motorways; `bicycle=yes|designated` lets a cyclist ride a footway.
 * - GraphHopper's bike profile (`BikeAverageSpeedParser`): 18 km/h on cycleways and roads,
 *   pushing 4 km/h (`PUSHING_SECTION_SPEED`), steps 2 km/h; the bicycle table here takes 16 km/h
 *   on roads, between OSRM's 15 and GraphHopper's 18.
 * - E-bike 20 km/h: pedelec / electric bicycle cruising speed; China's GB 17761-2018
 *   (电动自行车安全技术规范) caps an electric bicycle's design speed at 25 km/h, so no table value
 *   may exceed 25. Pushing is the same as a bicycle's.
 * - Steps: pushed at walking pace, 4 km/h, as the issue that introduced modes asks ("on footways and
 *   steps only pushed, at walking pace"); OSRM and GraphHopper use 2 km/h there (carrying the bicycle),
 *   which is the slower, stricter reading — change `stepsSpeedKmh` to 2 for it.
 */
import type { Label } from '../model';
import { BICYCLE_SLOPE_RULE, EBIKE_SLOPE_RULE, type CyclingSlopeRule } from '../terrain/slope-speed';
import { deepFreeze } from './deep-freeze';

/** The modes a category may use. */
export type ModeId = 'walk' | 'bicycle' | 'ebike';

/** Every mode, walking first. */
export const MODE_IDS: readonly ModeId[] = Object.freeze(['walk', 'bicycle', 'ebike'] as ModeId[]);

/** A riding mode's profile: road classes allowed, speeds per `highway`, pushing rules. */
export interface ModeProfile {
  id: Exclude<ModeId, 'walk'>;
  label: Label;
  /** km/h on a road class without its own entry in `speedKmh`, and on roads without a `highway` tag. */
  defaultSpeedKmh: number;
  /** km/h per `highway` value the mode rides. */
  speedKmh: Readonly<Record<string, number>>;
  /** `highway` values never used, pushed or not (motorways, unbuilt ways). */
  forbiddenHighways: readonly string[];
  /** `highway` values only pushed (at `pushSpeedKmh`) unless `bicycle` is one of `rideValues`. */
  pushHighways: readonly string[];
  /** Walking pace pushing the bicycle, km/h. */
  pushSpeedKmh: number;
  /** km/h carrying/pushing the bicycle on `highway=steps` (never ridden). */
  stepsSpeedKmh: number;
  /** `bicycle=*` values that let the mode ride a push-only way at `rideOnPushWaysKmh`. */
  rideValues: readonly string[];
  /** km/h riding a footway/path tagged `bicycle=yes|designated`. */
  rideOnPushWaysKmh: number;
  /** `bicycle=*` values that forbid the way to the mode (it may not even push there). */
  forbidValues: readonly string[];
  /** How slope changes the speed when elevation is loaded (`terrain/slope-speed.ts`, which gives the physics). */
  slopeRule: Readonly<CyclingSlopeRule>;
  /** Where the numbers come from. */
  sources: readonly string[];
}

const FORBIDDEN = ['motorway', 'motorway_link', 'construction', 'proposed', 'raceway', 'bus_guideway', 'abandoned', 'disused', 'razed'];
const PUSH = ['footway', 'path', 'pedestrian', 'platform', 'corridor', 'bridleway'];

const roadSpeeds = (road: number, track: number): Record<string, number> => ({
  cycleway: road,
  trunk: road,
  trunk_link: road,
  primary: road,
  primary_link: road,
  secondary: road,
  secondary_link: road,
  tertiary: road,
  tertiary_link: road,
  unclassified: road,
  residential: road,
  living_street: road,
  road: road,
  service: road,
  track: track,
});

/** Bicycle: 16 km/h on roads and cycleways, 12 on tracks, pushed at 4 on footways and steps (walking pace, as the modes issue asks; OSRM and GraphHopper carry at 2 on steps). */
export const BICYCLE_PROFILE: Readonly<ModeProfile> = deepFreeze({
  id: 'bicycle',
  label: { zh: '自行车', en: 'Bicycle' },
  defaultSpeedKmh: 16,
  speedKmh: roadSpeeds(16, 12),
  forbiddenHighways: FORBIDDEN,
  pushHighways: PUSH,
  pushSpeedKmh: 4,
  stepsSpeedKmh: 4,
  rideValues: ['yes', 'designated', 'permissive'],
  rideOnPushWaysKmh: 12,
  forbidValues: ['no', 'use_sidepath', 'private', 'dismount_forbidden'],
  slopeRule: BICYCLE_SLOPE_RULE,
  sources: [
    'OSRM profiles/bicycle.lua: default_speed 15, walking_speed 4, track/path 12, no motorways (steps 2 there; pushed at 4 here)',
    'GraphHopper bike: 18 km/h on roads, pushing sections 4 km/h (steps 2 km/h there)',
  ],
} satisfies ModeProfile);

/** E-bike (pedelec / 电动自行车): 20 km/h on roads, 15 on tracks; pushing as a bicycle. GB 17761-2018 caps 25 km/h. */
export const EBIKE_PROFILE: Readonly<ModeProfile> = deepFreeze({
  id: 'ebike',
  label: { zh: '电动自行车', en: 'E-bike' },
  defaultSpeedKmh: 20,
  speedKmh: roadSpeeds(20, 15),
  forbiddenHighways: FORBIDDEN,
  pushHighways: PUSH,
  pushSpeedKmh: 4,
  stepsSpeedKmh: 4,
  rideValues: ['yes', 'designated', 'permissive'],
  rideOnPushWaysKmh: 15,
  forbidValues: ['no', 'use_sidepath', 'private', 'dismount_forbidden'],
  slopeRule: EBIKE_SLOPE_RULE,
  sources: [
    'GB 17761-2018 电动自行车安全技术规范: maximum design speed 25 km/h; rated motor power ≤ 400 W, mass ≤ 55 kg (the slope rule)',
    'cruising 20 km/h, below the 25 km/h cap; pushing and steps as the bicycle profile (OSRM, GraphHopper)',
  ],
} satisfies ModeProfile);

/** The riding profiles by id. */
export const MODE_PROFILES: Readonly<Record<Exclude<ModeId, 'walk'>, Readonly<ModeProfile>>> = Object.freeze({
  bicycle: BICYCLE_PROFILE,
  ebike: EBIKE_PROFILE,
});

/** Whether a value names a defined mode. */
export function isModeId(v: unknown): v is ModeId {
  return typeof v === 'string' && (MODE_IDS as readonly string[]).includes(v);
}

/** How a riding mode uses one road: its speed in km/h and why, or `speedKmh` null when it may not use it. */
export interface ModeRoadDecision {
  speedKmh: number | null;
  /** e.g. `highway=footway pushed`, `highway=motorway forbidden`. */
  reason: string;
}

/**
 * The speed of a riding mode on a road with these tags (the rules in the order applied):
 * a forbidden `highway` → not used; `bicycle=no|use_sidepath|…` → not used; steps → carried at
 * `stepsSpeedKmh`; a push-only way → ridden at `rideOnPushWaysKmh` with `bicycle=yes|designated`,
 * else pushed at `pushSpeedKmh`; a road class in the table → its speed; anything else, and a road
 * without `highway` → `defaultSpeedKmh`.
 *
 * @param profile the mode's profile
 * @param highway the road's `highway` tag, or null
 * @param bicycle the road's `bicycle` tag, or null
 */
export function modeRoadDecision(profile: Readonly<ModeProfile>, highway: string | null, bicycle: string | null): ModeRoadDecision {
  if (highway !== null && profile.forbiddenHighways.includes(highway)) return { speedKmh: null, reason: `highway=${highway} forbidden` };
  if (bicycle !== null && profile.forbidValues.includes(bicycle)) return { speedKmh: null, reason: `bicycle=${bicycle}` };
  if (highway === null) return { speedKmh: profile.defaultSpeedKmh, reason: 'no highway tag: default speed' };
  if (highway === 'steps') return { speedKmh: profile.stepsSpeedKmh, reason: 'highway=steps pushed' };
  if (profile.pushHighways.includes(highway)) {
    if (bicycle !== null && profile.rideValues.includes(bicycle))
      return { speedKmh: profile.rideOnPushWaysKmh, reason: `highway=${highway} with bicycle=${bicycle} ridden` };
    return { speedKmh: profile.pushSpeedKmh, reason: `highway=${highway} pushed` };
  }
  const s = profile.speedKmh[highway];
  if (s !== undefined) return { speedKmh: s, reason: `highway=${highway}` };
  return { speedKmh: profile.defaultSpeedKmh, reason: `highway=${highway} not in the table: default speed` };
}
