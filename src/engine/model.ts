import type { ElevationGrid } from './terrain/elevation-grid';
/**
 * The engine's types. Coordinates are always WGS84 `[lon, lat]` in degrees; lengths in metres;
 * times in seconds. Minutes appear only in settings (what planners type) and in reports.
 *
 * Hot data is struct-of-arrays (typed arrays); solvers return integer indices into these arrays.
 */

import type { ModeId } from './presets/mode-profiles';

/** Community kind: the plan gives urban and rural communities different circles (15 vs 20 minutes). */
export type CommunityKind = 'urban' | 'rural';
/** Integer codes for {@link CommunityKind} in typed arrays. */
export const KIND_URBAN = 0;
export const KIND_RURAL = 1;
export const KINDS: readonly CommunityKind[] = ['urban', 'rural'];

export type TravelModelName = 'network' | 'straight';

import type { AccessWeights } from './accessibility/weights';

/** Per-kind pair of values, e.g. thresholds or walking speeds. */
export interface PerKind<T> {
  urban: T;
  rural: T;
}

/** A localized label. */
export interface Label {
  zh: string;
  en: string;
}

/** One service category of a preset (a facility kind with its service circle). */
export interface CategoryDef {
  /** Stable id, e.g. `clinic`; a facility whose `category` equals the id needs no mapping. */
  id: string;
  label: Label;
  /** Service-circle radius in minutes of walking, per community kind. */
  thresholdMinutes: PerKind<number>;
  /** Keywords (Chinese and English, lower case) that map a facility name/type to this category. */
  keywords?: string[];
  /** OSM tags `key=value` (value `*` for any) that map to this category. */
  osmTags?: string[];
  /** Planning ratio where the plan gives one, e.g. childcare places per 1,000 residents (4.55). */
  capacityPerThousand?: number;
  /** What a facility's `capacity` counts in this category (places, seats, m²). */
  capacityUnit?: Label;
  /** Distance-decay weights of E2SFCA (default `{ "5": 1, "10": 0.68, "15": 0.22 }` minutes, scaled to the threshold). */
  accessWeights?: AccessWeights;
  /** Map colour, `#rrggbb`. */
  color?: string;
  /** Travel mode per community kind (default walking for both; see `presets/mode-profiles.ts`). */
  mode?: PerKind<ModeId>;
  /**
   * Walking pace in km/h of this category's residents, replacing the kind's `walkSpeedKmh` (e.g. 3.6
   * for elderly people). Null: none, the kind's speed (it removes a preset's pace, and stays null so
   * that recorded settings reproduce).
   */
  walkSpeedKmh?: number | null;
  /**
   * Demand by age group: the communities' column holding the residents this category serves (e.g.
   * `age_0_3` for childcare, `age_60_plus` for elderly canteens); places per 1,000 are then per 1,000
   * of them. Absent: all residents. The mapping step of the app may choose another column.
   */
  populationField?: string;
}

/** Analysis settings. Every field is what a settings file may override (see io/settings.ts). */
export interface Settings {
  /** Preset id the categories came from, e.g. `ningbo`. */
  preset: string;
  categories: CategoryDef[];
  /** Walking speed in km/h per community kind (default 5). */
  walkSpeedKmh: PerKind<number>;
  /** Straight-line model: network distance ≈ haversine × detourFactor (default 1.3). */
  detourFactor: number;
  /** Spacing in metres of the demand-sample grid inside community polygons (default 100). */
  sampleSpacingMeters: number;
  /** A point farther than this many metres from every usable road is off-network (default 500). */
  maxSnapMeters: number;
  model: TravelModelName;
}

/**
 * A quantified target of a plan that the data can compute (the plan indicator dashboard):
 * - `capacityPerThousand`: Σ capacity of the category's facilities ÷ residents × 1,000 (e.g. childcare places);
 * - `capacityPerPerson`: Σ capacity ÷ residents (e.g. m² of sports ground per person);
 * - `count`: number of facilities of the category (a city-wide target: no target per district);
 * - `coveredShare`: share of residents within `minutes` of the category (0–1).
 * A value meets the target when it is ≥ `target`.
 */
export interface PlanTarget {
  id: string;
  label: Label;
  measure: 'capacityPerThousand' | 'capacityPerPerson' | 'count' | 'coveredShare';
  category: string;
  target: number;
  /** Unit of the value as shown, e.g. places per 1,000 residents. */
  unit: Label;
  /** `coveredShare`: the plan's circle in minutes, per community kind (not the slider's threshold). */
  minutes?: PerKind<number>;
  /** The line of the plan the target comes from. */
  source: string;
}

/** A preset: data, not code. */
export interface Preset {
  id: string;
  label: Label;
  /** Where the numbers come from (document, article). */
  sources: string[];
  settings: Settings;
  /** Quantified targets of the plan (the indicator dashboard); none for a norm without targets. */
  targets?: PlanTarget[];
}

/** A facility after reading and validation. */
export interface Facility {
  /** Index in the dataset's facility array. */
  index: number;
  id: string;
  name: string;
  /** Category id of the active settings. */
  category: string;
  /** Capacity (places, seats …) or null when not given. */
  capacity: number | null;
  lon: number;
  lat: number;
}

/** GeoJSON geometry of a community: as given (polygon, multipolygon or point). */
export type CommunityGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/** A community (residential area or village) after reading and validation. */
export interface Community {
  index: number;
  id: string;
  name: string;
  kind: CommunityKind;
  /** Residents, ≥ 0. */
  population: number;
  geometry: CommunityGeometry;
  /** District (区县 / 街道 / 乡镇) the community reports under; absent when the file gives none (the "unassigned" group). */
  district?: string;
  /**
   * Demand by age group, residents per category id (e.g. children aged 0–3 for `childcare`), from
   * the column the mapping step or the category's `populationField` names; a category not in it
   * counts all `population`.
   */
  demand?: Record<string, number>;
}

/** A road after reading: a polyline plus what the walkability rule needs. */
export interface Road {
  /** Vertices `[lon, lat]`, at least two. */
  coordinates: [number, number][];
  /** OSM `highway` tag, or null. */
  highway: string | null;
  /** Speed override in km/h (property `speed`), or null. */
  speedKmh: number | null;
  /** Explicit foot access (`foot=yes|designated|permissive` or a sidewalk): opens a motorway or trunk. */
  footAccess?: boolean;
  /** OSM `bicycle` tag (`yes`, `designated`, `no` …), read by the riding modes (`mode-profiles.ts`). */
  bicycle?: string;
}

/** Everything an analysis reads. */
export interface Dataset {
  facilities: Facility[];
  communities: Community[];
  roads: Road[] | null;
  /** Elevation grids (DEM tiles) for slope-dependent network costs; absent or empty: flat ground. */
  elevation?: readonly ElevationGrid[];
}

/**
 * Demand samples: the points residents are counted at. A point community has one sample; a polygon
 * community has a grid of samples `sampleSpacingMeters` apart inside it (at least one on its surface),
 * its population shared equally among them. Samples of one community are contiguous:
 * `communityStart[c] .. communityStart[c+1]-1`, and the first of them is the community's
 * representative sample (a point on its surface).
 */
export interface DemandSamples {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Index of the owning community. */
  community: Uint32Array;
  /** Residents represented by the sample. */
  population: Float64Array;
  /** {@link KIND_URBAN} or {@link KIND_RURAL}. */
  kind: Uint8Array;
  /** Length communities + 1; CSR offsets into the sample arrays. */
  communityStart: Uint32Array;
}

/**
 * The access field of one category: for every demand sample, the travel time in seconds to the
 * nearest facility of the category and that facility's index. It does not depend on the threshold.
 */
export interface AccessField {
  category: string;
  /** Seconds to the nearest facility; `Infinity` when none is reachable (off-network, other component). */
  seconds: Float32Array;
  /** Index into `Dataset.facilities` of the nearest facility, or -1. */
  facility: Int32Array;
}

/** A problem in input data: names the file, the feature and the reason. */
export interface Problem {
  file: string;
  /** 0-based feature index (row index for CSV), or -1 for the whole file. */
  index: number;
  /** Feature id when it has one. */
  id?: string;
  reason: string;
  /** 1-based line/column for parse errors. */
  line?: number;
  column?: number;
}

/** Result of reading user data: the value, plus every problem found. Never throws on bad data. */
export interface ReadResult<T> {
  value: T;
  /** Features kept with a caveat. */
  warnings: Problem[];
  /** Features skipped (or the whole file unusable when `index` is -1). */
  errors: Problem[];
}
