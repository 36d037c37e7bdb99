import pointOnFeature from '@turf/point-on-feature';
import type { Facility, Problem, ReadResult, Settings } from '../engine/model';
import { categoryIdIndex, mapCategory, type CategoryMapping } from './category-mapping';
import { positionProblem, readPositionList } from './coordinate-checks';
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

/** Where a facility file keeps its category and capacity, when not in the usual fields. */
export interface FacilityMapping extends CategoryMapping {
  /** Property holding the capacity (beds, places, seats). Default: `capacity`, `容量`, `床位`, `托位`. */
  capacityField?: string;
}

/**
 * The error of a facility skipped because its category matched nothing; `categoryValue` is the
 * text that was tried (the mapped category field, else `category` / `type` / `name`; '' when none),
 * so a mapping step can list the unmapped values.
 */
export interface UnmappedCategoryProblem extends Problem {
  categoryValue: string;
}

/** The field whose value a skipped facility's problem quotes (type-like fields before names, as tried). */
const SHOWN_CATEGORY_FIELDS = ['category', 'type', 'kind', '类别', '类型', '设施类型', 'name', '名称', 'name:zh'];

/**
 * Read facilities from features.
 *
 * - Geometry: Point; MultiPoint → its first point (warning); Polygon / MultiPolygon → a point on its
 *   surface (@turf/point-on-feature). Anything else, or bad coordinates → error.
 * - Category: property `category` equal to a category id of `settings`, else mapped from
 *   `category` / `type` / `name` / OSM tags by {@link mapCategory}; no match → error.
 * - `capacity` (or `mapping.capacityField`) optional: a number ≥ 0 (numeric text like "1,200" accepted); anything else → warning, null.
 * - `name` optional (default ""); `id` from `properties.id` or the feature id, else `F<index>`;
 *   a repeated id → error on the later feature.
 *
 * Skipped features become errors, kept ones with a caveat warnings; every problem names the file,
 * the feature index and id. Never throws on bad data; never changes `features`.
 *
 * @param features features as parsed (see geojson-parse)
 * @param file file name for problems
 * @param settings the categories facilities must belong to
 * @param mapping where the category and the capacity are, when not in the usual fields
 * @returns facilities with `index` 0..n-1 in file order (skipped features leave no gaps)
 */
export function readFacilities(
  features: readonly FeatureLike[],
  file: string,
  settings: Pick<Settings, 'categories'>,
  mapping?: FacilityMapping,
): ReadResult<Facility[]> {
  const fast = readFacilitiesOnce(features, file, settings, mapping, false);
  return hasDuplicateId(fast.value) ? readFacilitiesOnce(features, file, settings, mapping, true) : fast;
}

/**
 * One pass of {@link readFacilities}. With `checkIds` false, repeated ids are not looked for (the
 * caller checks the result once with a sort, cheaper than a hash map of every id, and reads again
 * with `checkIds` true when it finds one).
 */
function readFacilitiesOnce(
  features: readonly FeatureLike[],
  file: string,
  settings: Pick<Settings, 'categories'>,
  mapping: FacilityMapping | undefined,
  checkIds: boolean,
): ReadResult<Facility[]> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: Facility[] = [];
  const generateId = lazyIdGenerator('F', features);
  const seen = checkIds ? new Map<string, number>() : null;
  const names = settings.categories.map((c) => c.id).join(', ');
  const byLowerId = categoryIdIndex(settings.categories);
  const capacityFields = mapping?.capacityField ? [mapping.capacityField] : CAPACITY_FIELDS;

  const f: InspectedFeature = { properties: {}, geometry: undefined, id: null };
  // where a facility is: overwritten by facilityPoint for each feature (no object per facility)
  const where: FacilityPoint = { lon: 0, lat: 0, warning: null };
  for (let index = 0; index < features.length; index++) {
    const notFeature = inspectFeatureInto(features[index], f);
    if (notFeature !== null) {
      errors.push({ file, index, reason: notFeature });
      continue;
    }
    const id = f.id ?? generateId(index);
    const props = f.properties;

    const notAPoint = facilityPoint(f.geometry, where);
    if (notAPoint !== null) {
      errors.push({ file, index, id, reason: notAPoint });
      continue;
    }

    const category = mapCategory(props, settings.categories, mapping, byLowerId);
    if (category === null) {
      const given = getProp(props, mapping?.categoryField ? [mapping.categoryField] : SHOWN_CATEGORY_FIELDS);
      const unmapped: UnmappedCategoryProblem = {
        file,
        index,
        id,
        reason:
          `unknown category: ${given === undefined ? 'no category, type or name' : describe(given)} ` +
          `matches none of ${names} (by id, OSM tag or keyword)`,
        categoryValue: typeof given === 'string' || typeof given === 'number' ? String(given) : '',
      };
      errors.push(unmapped);
      continue;
    }

    if (seen !== null) {
      const previous = seen.get(id);
      if (previous !== undefined) {
        errors.push({ file, index, id, reason: `duplicate id "${id}" (also feature ${previous})` });
        continue;
      }
      seen.set(id, index);
    }

    if (typeof where.warning === 'string') warnings.push({ file, index, id, reason: where.warning });
    let capacity: number | null = null;
    const rawCapacity = getProp(props, capacityFields);
    if (rawCapacity !== undefined) {
      const n = parseNumberLike(rawCapacity);
      if (n === null || n < 0)
        warnings.push({ file, index, id, reason: `capacity ${describe(rawCapacity)} is not a number ≥ 0; read as unknown` });
      else capacity = n;
    }
    const rawName = getProp(props, NAME_FIELDS);
    const name = typeof rawName === 'string' || typeof rawName === 'number' ? String(rawName) : '';
    value.push({ index: value.length, id, name, category, capacity, lon: where.lon, lat: where.lat });
  }
  return { value, warnings, errors };
}

const CAPACITY_FIELDS = ['capacity', '容量', '床位', '托位'];
const NAME_FIELDS = ['name', '名称', 'name:zh'];

/** Where a facility is, in degrees, and a caveat about its geometry (or null). */
interface FacilityPoint {
  lon: number;
  lat: number;
  warning: string | null;
}

/**
 * The location of a facility's geometry, written into `out`.
 *
 * @returns null when `out` holds the location, else the reason the geometry gives none
 */
function facilityPoint(geometry: unknown, out: FacilityPoint): string | null {
  out.warning = null;
  if (geometry === null || geometry === undefined) return `geometry is ${describe(geometry)}`;
  if (!isObject(geometry)) return `geometry is ${describe(geometry)}, not an object`;
  const coords = geometry.coordinates;
  switch (geometry.type) {
    case 'Point': {
      const problem = positionProblem(coords);
      if (problem !== null) return problem;
      const p = coords as number[];
      out.lon = p[0] as number;
      out.lat = p[1] as number;
      return null;
    }
    case 'MultiPoint': {
      const list = readPositionList(coords, 1);
      if (typeof list === 'string') return `MultiPoint ${list}`;
      const first = list[0] as readonly [number, number];
      out.lon = first[0];
      out.lat = first[1];
      if (list.length > 1) out.warning = `MultiPoint with ${list.length} points: the first one is used`;
      return null;
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = geometry.type === 'Polygon' ? [coords] : coords;
      if (!Array.isArray(polys) || polys.length === 0) return `${geometry.type} has no coordinates`;
      const clean: [number, number][][][] = [];
      for (const poly of polys) {
        if (!Array.isArray(poly) || poly.length === 0) return `${geometry.type} has a polygon without rings`;
        const rings: [number, number][][] = [];
        for (const ring of poly) {
          // the file's own positions (not copied; pointOnFeature only reads them)
          const r = readPositionList(ring, 3);
          if (typeof r === 'string') return `${geometry.type} ring ${r}`;
          const first = r[0] as [number, number];
          const last = r[r.length - 1] as [number, number];
          if (first[0] === last[0] && first[1] === last[1]) rings.push(r as [number, number][]);
          else {
            const closed = r.slice() as [number, number][];
            closed.push(first);
            rings.push(closed);
          }
        }
        clean.push(rings);
      }
      try {
        const p = pointOnFeature({ type: 'MultiPolygon', coordinates: clean }).geometry.coordinates;
        const lon = p[0];
        const lat = p[1];
        if (typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat)) {
          out.lon = lon;
          out.lat = lat;
          return null;
        }
      } catch {
        // a degenerate polygon: reported below
      }
      return `${geometry.type} is degenerate: no point on its surface`;
    }
    default:
      return `geometry type ${describe(geometry.type)} is not a facility location (Point, MultiPoint, Polygon or MultiPolygon)`;
  }
}
