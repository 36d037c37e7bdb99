/**
 * The walking profile used to read OpenStreetMap ways and nodes, written as data so a settings file
 * can change it (`osmImport.footProfile`). The rules follow the established routers — OSRM's
 * `profiles/foot.lua` and GraphHopper's foot profile (`FootAccessParser`) — and each choice is
 * documented in the README ("OpenStreetMap import").
 */

/** The foot profile: which tags make a way walkable and which nodes cut a way. */
export interface FootProfile {
  /** `highway` values walkable by default. */
  walkableHighways: string[];
  /** `highway` values walkable only with explicit foot access (`foot=yes|designated|permissive`) or a sidewalk. */
  footAccessOnlyHighways: string[];
  /** `highway` values never walkable, whatever the other tags say. */
  neverWalkableHighways: string[];
  /** `foot=*` / `access=*` values that allow walking. */
  allowValues: string[];
  /** `foot=*` / `access=*` values that forbid walking. */
  forbidValues: string[];
  /** `sidewalk=*` values that make a foot-access-only road (a trunk) walkable. */
  sidewalkValues: string[];
  /** Whether `route=ferry` ways are walkable (off: a walk must not ride a ferry). */
  ferries: boolean;
  /** `barrier=*` values on a node that cut a way there (gates, bollards … do not). */
  blockingBarriers: string[];
  /** Whether nodes cut ways at all (barriers, `foot=no` / `access=no` on a node); default true. */
  obeyBarriers: boolean;
}

/** The default foot profile (frozen: copy before changing; see {@link mergeFootProfile}). */
export const FOOT_PROFILE: Readonly<FootProfile> = Object.freeze({
  walkableHighways: [
    'footway',
    'path',
    'pedestrian',
    'steps',
    'living_street',
    'residential',
    'service',
    'track',
    'unclassified',
    'road',
    'tertiary',
    'tertiary_link',
    'secondary',
    'secondary_link',
    'primary',
    'primary_link',
    'cycleway',
    'bridleway',
    'platform',
    'corridor',
  ],
  footAccessOnlyHighways: ['motorway', 'motorway_link', 'trunk', 'trunk_link'],
  neverWalkableHighways: ['construction', 'proposed', 'abandoned', 'disused', 'razed', 'raceway', 'bus_guideway'],
  allowValues: ['yes', 'designated', 'permissive', 'destination', 'official'],
  forbidValues: ['no', 'private', 'agricultural', 'forestry', 'delivery', 'use_sidepath'],
  sidewalkValues: ['yes', 'both', 'left', 'right'],
  ferries: false,
  blockingBarriers: [
    'wall',
    'fence',
    'hedge',
    'retaining_wall',
    'city_wall',
    'ditch',
    'hedge_bank',
    'guard_rail',
    'field_boundary',
    'jersey_barrier',
  ],
  obeyBarriers: true,
} satisfies FootProfile);

/** Verdict on one way's tags: walkable or not, and why (for the import report and the tests). */
export interface FootDecision {
  walkable: boolean;
  /** Why, e.g. `highway=residential`, `foot=no`, `motorway without foot access`. */
  reason: string;
}

/**
 * The profile with a settings file's overrides: each list given replaces the default list.
 *
 * @param overrides fields to replace (lists of tag values, `ferries`)
 */
export function mergeFootProfile(overrides: Partial<FootProfile> | undefined): FootProfile {
  const base: FootProfile = {
    walkableHighways: [...FOOT_PROFILE.walkableHighways],
    footAccessOnlyHighways: [...FOOT_PROFILE.footAccessOnlyHighways],
    neverWalkableHighways: [...FOOT_PROFILE.neverWalkableHighways],
    allowValues: [...FOOT_PROFILE.allowValues],
    forbidValues: [...FOOT_PROFILE.forbidValues],
    sidewalkValues: [...FOOT_PROFILE.sidewalkValues],
    ferries: FOOT_PROFILE.ferries,
    blockingBarriers: [...FOOT_PROFILE.blockingBarriers],
    obeyBarriers: FOOT_PROFILE.obeyBarriers,
  };
  return { ...base, ...(overrides ?? {}) };
}

const SIDEWALK_KEYS = ['sidewalk', 'sidewalk:both', 'sidewalk:left', 'sidewalk:right'];

/**
 * Whether a way with these OSM tags is walkable under the profile, and why. The order of the rules:
 * ferries; no `highway` (platforms aside); never-walkable values; `foot=*` (allow or forbid) before
 * `access=*`; motorways, trunks and `motorroad=yes` only with explicit foot access or a sidewalk;
 * the walkable list. `area=yes` ways are walkable along their outline like any other way.
 *
 * @param tags the way's tags (not changed)
 * @param profile the foot profile (default {@link FOOT_PROFILE})
 */
export function footWayDecision(tags: Readonly<Record<string, string>>, profile: Readonly<FootProfile> = FOOT_PROFILE): FootDecision {
  const highway = tags.highway;
  const foot = tags.foot;
  if (tags.route === 'ferry') {
    return profile.ferries
      ? { walkable: true, reason: 'route=ferry (ferries on)' }
      : { walkable: false, reason: 'route=ferry (ferries off)' };
  }
  if (highway === undefined) {
    if (tags.railway === 'platform' || tags.public_transport === 'platform') {
      if (foot !== undefined && profile.forbidValues.includes(foot)) return { walkable: false, reason: `foot=${foot}` };
      return { walkable: true, reason: tags.railway === 'platform' ? 'railway=platform' : 'public_transport=platform' };
    }
    return { walkable: false, reason: 'no highway tag' };
  }
  if (profile.neverWalkableHighways.includes(highway)) return { walkable: false, reason: `highway=${highway} is never walkable` };
  if (foot !== undefined && profile.allowValues.includes(foot)) return { walkable: true, reason: `foot=${foot}` };
  if (foot !== undefined && profile.forbidValues.includes(foot)) return { walkable: false, reason: `foot=${foot}` };
  const access = tags.access;
  if (access !== undefined && profile.forbidValues.includes(access)) return { walkable: false, reason: `access=${access}` };
  const motorroad = tags.motorroad === 'yes';
  if (profile.footAccessOnlyHighways.includes(highway) || motorroad) {
    const sidewalk = SIDEWALK_KEYS.map((k) => tags[k]).find((v) => v !== undefined && profile.sidewalkValues.includes(v));
    if (sidewalk !== undefined) return { walkable: true, reason: `highway=${highway} with sidewalk=${sidewalk}` };
    return { walkable: false, reason: motorroad ? 'motorroad=yes without foot access' : `highway=${highway} without foot access` };
  }
  if (profile.walkableHighways.includes(highway)) return { walkable: true, reason: `highway=${highway}` };
  return { walkable: false, reason: `highway=${highway} is not in the walkable list` };
}

/**
 * Why a node cuts the ways through it for walkers, or null when it does not: a blocking
 * `barrier=*` (a wall, a fence …; gates, bollards, stiles do not) unless `foot` allows, or
 * `foot=no` / `access=no` (and the other forbidding values) on the node.
 *
 * @param tags the node's tags
 * @param profile the foot profile (default {@link FOOT_PROFILE})
 */
export function footNodeBlock(tags: Readonly<Record<string, string>>, profile: Readonly<FootProfile> = FOOT_PROFILE): string | null {
  if (!profile.obeyBarriers) return null;
  const foot = tags.foot;
  if (foot !== undefined && profile.allowValues.includes(foot)) return null;
  if (foot !== undefined && profile.forbidValues.includes(foot)) return `foot=${foot}`;
  const access = tags.access;
  if (access !== undefined && profile.forbidValues.includes(access)) return `access=${access}`;
  const barrier = tags.barrier;
  if (barrier !== undefined && profile.blockingBarriers.includes(barrier)) return `barrier=${barrier}`;
  return null;
}
