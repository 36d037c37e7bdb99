import type { Community, CommunityGeometry, CommunityKind, Problem, ReadResult } from '../engine/model';
import { positionProblem, readPositionList } from './coordinate-checks';
import { checkCommunityPolygon } from './polygon-checks';
import {
  describe,
  getProp,
  hasDuplicateId,
  inspectFeatureInto,
  isObject,
  lazyIdGenerator,
  parseNumberLike,
  type FeatureLike,
  type InspectedFeature,
} from './feature-helpers';

/** How a file names community fields, when not by the usual names. */
export interface CommunityMapping {
  /** Property holding the population (default: `population`, `pop`, `人口`, …). */
  populationField?: string;
  /** Property holding urban/rural (default: `kind`, `类型`, `城乡`, …). */
  kindField?: string;
  /** Kind for features without one (default: none, a missing kind is an error). */
  defaultKind?: CommunityKind;
  /** Property holding the district (区县 / 街道 / 乡镇) results are broken down by (default: {@link DISTRICT_FIELDS}). */
  districtField?: string;
  /**
   * Demand by age group: per category id, the property holding the residents that category serves
   * (e.g. children aged 0–3 for childcare, residents aged 60+ for elderly canteens), read into
   * `Community.demand`. Categories not named count all residents.
   */
  demandFields?: Readonly<Record<string, string>>;
}

/** Columns tried for a community's district when none is chosen (the OSM import writes `district`). */
export const DISTRICT_FIELDS: readonly string[] = ['district', '区县', '街道', '乡镇', '镇街', 'addr:district'];

const URBAN = new Set(['urban', 'city', 'town', 'suburb', '城市', '社区', '城镇', '城市社区', '街道', '城区']);
const RURAL = new Set(['rural', 'village', 'hamlet', 'countryside', '农村', '村', '乡村', '农村社区', '行政村', '村庄', '乡', '镇乡']);

/**
 * Urban or rural from text: `urban`/`城市`/`社区`/`城镇`… → urban, `rural`/`农村`/`村`/`乡村`… → rural
 * (case and spaces ignored; compound Chinese values decided by 村/乡 first, then 城/社区/街道).
 *
 * @returns the kind, or null when the text says neither
 */
export function parseKind(value: unknown): CommunityKind | null {
  if (typeof value !== 'string') return null;
  // the usual values as they are (the sets hold trimmed lower-case text): no string made for them
  if (URBAN.has(value)) return 'urban';
  if (RURAL.has(value)) return 'rural';
  const v = value.trim().toLowerCase();
  if (URBAN.has(v)) return 'urban';
  if (RURAL.has(v)) return 'rural';
  if (/[村乡]/.test(v)) return 'rural';
  if (/城|社区|街道/.test(v)) return 'urban';
  return null;
}

/**
 * Read communities (residential areas, villages) from features.
 *
 * - Geometry: Point, Polygon or MultiPolygon, kept as given in 2D; unclosed rings are closed
 *   (warning); a ring with fewer than 4 positions, or any invalid coordinate → error; a polygon whose
 *   bounding box spans more than {@link MAX_COMMUNITY_AREA_KM2} → error (no community is that large,
 *   and sampling it would take unbounded memory). A bow-tie, a polygon without area or a hole outside
 *   its outer ring → warning ({@link checkCommunityPolygon} says what is kept).
 * - `population` required, a number ≥ 0 (numeric text like "1,234" accepted); missing, null,
 *   negative, NaN or non-numeric → error with the value; above {@link MAX_PLAUSIBLE_POPULATION} →
 *   error (implausible).
 * - `kind` required (see {@link parseKind}) unless `mapping.defaultKind` is given.
 * - `district` optional (`mapping.districtField`, else {@link DISTRICT_FIELDS}): text or number, trimmed;
 *   empty or missing → no district (reported as "unassigned").
 * - demand by age group (`mapping.demandFields`, category → column): a number ≥ 0 per category in
 *   `demand`; missing or not a number → 0, one warning per column counting them.
 * - `name` optional (default ""); `id` from `properties.id` or the feature id, else `C<index>`;
 *   a repeated id → error on the later feature.
 *
 * One pass, no recursion. A 2D point's geometry and a polygon's 2D rings are the file's own objects
 * (shared, never changed): nothing is copied per coordinate. Never throws on bad data; never
 * changes `features`.
 *
 * @returns communities with `index` 0..n-1 in file order
 */
export function readCommunities(features: readonly FeatureLike[], file: string, mapping?: CommunityMapping): ReadResult<Community[]> {
  const fast = readCommunitiesOnce(features, file, mapping, false);
  return hasDuplicateId(fast.value) ? readCommunitiesOnce(features, file, mapping, true) : fast;
}

/**
 * One pass of {@link readCommunities}. With `checkIds` false, repeated ids are not looked for (the
 * caller checks the result once with a sort, cheaper than a hash set of every id, and reads again
 * with `checkIds` true when it finds one).
 */
function readCommunitiesOnce(
  features: readonly FeatureLike[],
  file: string,
  mapping: CommunityMapping | undefined,
  checkIds: boolean,
): ReadResult<Community[]> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: Community[] = [];
  const generateId = lazyIdGenerator('C', features);
  const seen = checkIds ? new Map<string, number>() : null;
  const popFields = mapping?.populationField ? [mapping.populationField] : ['population', 'pop', '人口', '人口数', '常住人口'];
  const kindFields = mapping?.kindField ? [mapping.kindField] : ['kind', '类型', '城乡', '城乡类型', 'urban_rural'];
  const districtFields = mapping?.districtField ? [mapping.districtField] : DISTRICT_FIELDS;
  const demandColumns = Object.entries(mapping?.demandFields ?? {}).filter(([, field]) => field !== '');
  const demandProblems = demandColumns.map(() => ({ missing: [] as string[], above: [] as string[] }));

  const f: InspectedFeature = { properties: {}, geometry: undefined, id: null };
  const state: RingState = { closed: 0, minX: 0, minY: 0, maxX: 0, maxY: 0 };
  let withDistrict = 0;
  for (let index = 0; index < features.length; index++) {
    const notFeature = inspectFeatureInto(features[index], f);
    if (notFeature !== null) {
      errors.push({ file, index, reason: notFeature });
      continue;
    }
    const id = f.id ?? generateId(index);
    const props = f.properties;

    state.closed = 0;
    const geometry = communityGeometry(f.geometry, state);
    if (typeof geometry === 'string') {
      errors.push({ file, index, id, reason: geometry });
      continue;
    }

    const rawPop = getProp(props, popFields);
    const population = parseNumberLike(rawPop);
    if (population === null || population < 0) {
      errors.push({ file, index, id, reason: `population ${describe(rawPop)} is not a number ≥ 0 (field ${popFields.join(' / ')})` });
      continue;
    }
    if (population > MAX_PLAUSIBLE_POPULATION) {
      errors.push({
        file,
        index,
        id,
        reason: `population ${describe(rawPop)} is implausible: more than ${MAX_PLAUSIBLE_POPULATION.toLocaleString('en')} residents in one community (field ${popFields.join(' / ')})`,
      });
      continue;
    }
    const rawKind = getProp(props, kindFields);
    let kind = parseKind(rawKind);
    if (kind === null) {
      if (rawKind === undefined && mapping?.defaultKind) kind = mapping.defaultKind;
      else {
        errors.push({
          file,
          index,
          id,
          reason: `kind ${describe(rawKind)} is neither urban (urban, 城市, 社区, 城镇) nor rural (rural, 农村, 村, 乡村)`,
        });
        continue;
      }
    }
    if (seen !== null) {
      const previous = seen.get(id);
      if (previous !== undefined) {
        errors.push({ file, index, id, reason: `duplicate id "${id}" (also feature ${previous})` });
        continue;
      }
      seen.set(id, index);
    }

    if (state.closed > 0) warnings.push({ file, index, id, reason: `${state.closed} polygon ring(s) were not closed; closed them` });
    const rawName = getProp(props, NAME_FIELDS);
    const name = typeof rawName === 'string' || typeof rawName === 'number' ? String(rawName) : '';
    let kept = geometry;
    if (geometry.type !== 'Point') {
      // a point has nothing to check: no object made for it
      const checked = checkCommunityPolygon(geometry);
      for (let k = 0; k < checked.reasons.length; k++) warnings.push({ file, index, id, reason: checked.reasons[k] as string });
      kept = checked.geometry;
    }
    const demand = demandColumns.length > 0 ? readDemand(props, demandColumns, population, demandProblems, id) : undefined;
    const rawDistrict = getProp(props, districtFields);
    // an empty or missing district is the "unassigned" group: no property
    const district = typeof rawDistrict === 'string' || typeof rawDistrict === 'number' ? String(rawDistrict).trim() : '';
    const c: Community = { index: value.length, id, name, kind, population, geometry: kept };
    if (district !== '') {
      c.district = district;
      withDistrict++;
    }
    if (demand) c.demand = demand;
    value.push(c);
  }
  demandColumns.forEach(([category, field], j) => {
    const p = demandProblems[j]!;
    const list = (ids: string[]) => `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`;
    if (p.missing.length > 0)
      warnings.push({
        file,
        index: -1,
        reason: `${p.missing.length} of ${value.length} communities have no number ≥ 0 in the demand column "${field}" of category "${category}": counted as 0 residents for its places per 1,000 (${list(p.missing)})`,
      });
    if (p.above.length > 0)
      warnings.push({
        file,
        index: -1,
        reason: `${p.above.length} communities have more residents in the demand column "${field}" of category "${category}" than their population (${list(p.above)}): kept as given`,
      });
  });
  if (value.length > 0 && withDistrict < value.length && (withDistrict > 0 || mapping?.districtField)) {
    const field = districtFields.join(' / ');
    warnings.push({
      file,
      index: -1,
      reason:
        withDistrict === 0
          ? `no community has a value in the district field ${field}: every community is grouped as "unassigned"`
          : `${value.length - withDistrict} of ${value.length} communities have no district (field ${field}): grouped as "unassigned"`,
    });
  }
  return { value, warnings, errors };
}

/**
 * The residents of each demand column (category id → number ≥ 0); a missing, negative or
 * non-numeric value counts 0 and is listed in `problems[j].missing`, more than `population` in `.above`.
 */
function readDemand(
  props: Record<string, unknown>,
  columns: readonly [string, string][],
  population: number,
  problems: { missing: string[]; above: string[] }[],
  id: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  columns.forEach(([category, field], j) => {
    const v = parseNumberLike(props[field]);
    if (v === null || v < 0) {
      problems[j]!.missing.push(id);
      out[category] = 0;
    } else {
      if (v > population) problems[j]!.above.push(id);
      out[category] = v;
    }
  });
  return out;
}

/** More residents than this in one community is a mistake in the data (a unit, a misplaced field). */
const MAX_PLAUSIBLE_POPULATION = 100_000_000;
/**
 * A community whose bounding box covers more than this many km² is refused: no residential area or
 * village is that large, and sampling it every 100 m would take more than a million demand samples.
 */
const MAX_COMMUNITY_AREA_KM2 = 10_000;
const NAME_FIELDS = ['name', '名称', 'name:zh'];
const KM_PER_DEGREE = 111.32;

/** Running state of one geometry being read: rings closed so far and its bounding box. */
interface RingState {
  closed: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** One polygon's rings (a new list; a ring is the file's own array unless it had to be closed or made 2D). */
function polygonRings(rings: unknown, where: string, state: RingState): [number, number][][] | string {
  if (!Array.isArray(rings) || rings.length === 0) return `${where}has no rings`;
  const out: [number, number][][] = [];
  for (let r = 0; r < rings.length; r++) {
    // the outer ring's positions grow the bounding box as they are checked (one pass)
    const checked = readPositionList(rings[r], 1, r === 0 ? state : undefined);
    if (typeof checked === 'string') return `${where}ring ${r} ${checked}`;
    let list = checked as [number, number][];
    const first = list[0] as [number, number];
    const last = list[list.length - 1] as [number, number];
    if (first[0] !== last[0] || first[1] !== last[1]) {
      // a copy (the file's own array is never changed), closed by the first position
      list = list.slice();
      list.push([first[0], first[1]]);
      state.closed++;
    }
    if (list.length < 4) return `${where}ring ${r} has ${list.length} positions once closed, needs at least 4`;
    out.push(list);
  }
  return out;
}

/** km² of the bounding box of the outer rings read so far. */
function bboxAreaKm2(s: RingState): number {
  const midLat = ((s.minY + s.maxY) / 2) * (Math.PI / 180);
  return (s.maxX - s.minX) * KM_PER_DEGREE * Math.cos(midLat) * (s.maxY - s.minY) * KM_PER_DEGREE;
}

/** The geometry of a community, or why it cannot be one; `state.closed` counts the rings closed. */
function communityGeometry(geometry: unknown, state: RingState): CommunityGeometry | string {
  if (geometry === null || geometry === undefined) return `geometry is ${describe(geometry)}`;
  if (!isObject(geometry)) return `geometry is ${describe(geometry)}, not an object`;
  const coords = geometry.coordinates;
  state.minX = Infinity;
  state.minY = Infinity;
  state.maxX = -Infinity;
  state.maxY = -Infinity;
  let result: CommunityGeometry;
  switch (geometry.type) {
    case 'Point': {
      const problem = positionProblem(coords);
      if (problem !== null) return problem;
      const p = coords as number[];
      if (p.length !== 2) return { type: 'Point', coordinates: [p[0] as number, p[1] as number] };
      // a 2D point is the file's own geometry (shared, never changed): nothing allocated per point
      return geometry as CommunityGeometry;
    }
    case 'Polygon': {
      const p = polygonRings(coords, 'Polygon ', state);
      if (typeof p === 'string') return p;
      result = { type: 'Polygon', coordinates: p };
      break;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(coords) || coords.length === 0) return 'MultiPolygon has no polygons';
      const polys: [number, number][][][] = [];
      for (let i = 0; i < coords.length; i++) {
        const p = polygonRings(coords[i], `MultiPolygon part ${i} `, state);
        if (typeof p === 'string') return p;
        polys.push(p);
      }
      result = { type: 'MultiPolygon', coordinates: polys };
      break;
    }
    default:
      return `geometry type ${describe(geometry.type)} is not a community (Point, Polygon or MultiPolygon)`;
  }
  const km2 = bboxAreaKm2(state);
  if (km2 > MAX_COMMUNITY_AREA_KM2) {
    return (
      `${geometry.type} spans about ${Math.round(km2).toLocaleString('en')} km² (bounding box ${[state.minX, state.minY, state.maxX, state.maxY].map((v) => v.toFixed(3)).join(', ')}): ` +
      `far larger than a community (limit ${MAX_COMMUNITY_AREA_KM2.toLocaleString('en')} km²); sampling it every 100 m would take about ` +
      `${Math.round(km2 * 100).toLocaleString('en')} demand samples. Split it, or check that the coordinates are WGS84 degrees`
    );
  }
  return result;
}
