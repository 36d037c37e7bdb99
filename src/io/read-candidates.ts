/**
 * The siting inputs a user uploads: candidate sites (points the city owns, with an optional id and
 * capacity) and excluded areas (polygons where no site may go). One reader for the command line
 * and the browser; files in any layer format (GeoJSON, CSV with coordinate columns, zipped
 * Shapefile), converted to WGS84.
 */
import type { Problem, ReadResult } from '../engine/model';
import type { UploadedCandidates } from '../engine/siting/candidates';
import type { PolygonRings } from '../engine/siting/polygon-index';
import { checkPosition, checkPositionList } from './coordinate-checks';
import { describe, getProp, inspectFeature, isObject, parseNumberLike, type FeatureLike } from './feature-helpers';
import { readLayerFile, type LayerFileOptions } from './read-layer-file';

/** Properties tried for a candidate's capacity (places), in order. */
const CANDIDATE_CAPACITY_FIELDS: readonly string[] = ['capacity', 'places', '容量'];

/**
 * Candidate points from features.
 *
 * - Geometry: Point, or MultiPoint (each point a candidate of the same feature); else the feature
 *   is skipped (error).
 * - `capacity` (or `places`, `容量`) optional: places of the site, a number ≥ 0 (numeric text
 *   accepted); anything else skips the feature (error), since a wrong capacity changes the answer.
 * - id: `properties.id`, else the feature id, else none. A repeated id is an error naming both
 *   features, and the later feature is skipped (sites are reported by id).
 * - No valid point at all: an error for the whole file (index -1).
 *
 * Never throws on bad data; never changes `features`.
 *
 * @param features features as read (read-layer-file.ts)
 * @param file file name for problems
 */
export function candidatesFromFeatures(features: readonly FeatureLike[], file: string): ReadResult<UploadedCandidates> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const lon: number[] = [],
    lat: number[] = [],
    origin: number[] = [],
    ids: (string | null)[] = [],
    capacity: number[] = [];
  const seen = new Map<string, number>();
  features.forEach((raw, index) => {
    const f = inspectFeature(raw);
    const id = typeof f === 'string' ? null : f.id;
    const skip = (reason: string) => errors.push({ file, index, ...(id ? { id } : {}), reason: `candidate skipped: ${reason}` });
    if (typeof f === 'string') return skip(f);
    const g = f.geometry;
    const type = isObject(g) ? g.type : undefined;
    const coords = isObject(g) ? g.coordinates : undefined;
    const positions: unknown[] | null = type === 'Point' ? [coords] : type === 'MultiPoint' && Array.isArray(coords) ? coords : null;
    if (!positions)
      return skip(
        isObject(g)
          ? `geometry ${typeof type === 'string' ? type : describe(type)} is not a Point`
          : `geometry is ${describe(g)}, not a Point`,
      );
    if (positions.length === 0) return skip('MultiPoint has no points');
    const capRaw = getProp(f.properties, CANDIDATE_CAPACITY_FIELDS);
    const cap = capRaw === undefined ? null : parseNumberLike(capRaw);
    if (capRaw !== undefined && !(cap !== null && cap >= 0)) return skip(`capacity ${describe(capRaw)} is not a number ≥ 0`);
    const checked: [number, number][] = [];
    for (const p of positions) {
      const pos = checkPosition(p);
      if (typeof pos === 'string') return skip(pos);
      checked.push(pos);
    }
    if (id !== null) {
      const previous = seen.get(id);
      if (previous !== undefined) return skip(`duplicate id "${id}" (also feature ${previous})`);
      seen.set(id, index);
    }
    for (const pos of checked) {
      lon.push(pos[0]);
      lat.push(pos[1]);
      origin.push(index);
      ids.push(id);
      capacity.push(cap ?? NaN);
    }
  });
  if (lon.length === 0)
    errors.push({ file, index: -1, reason: features.length === 0 ? 'no features: no candidate point' : 'no valid candidate point' });
  return {
    value: {
      file,
      count: lon.length,
      lon: Float64Array.from(lon),
      lat: Float64Array.from(lat),
      origin: Uint32Array.from(origin),
      ids,
      capacity: Float64Array.from(capacity),
    },
    warnings,
    errors,
  };
}

/**
 * Excluded areas from features: Polygon or MultiPolygon (each polygon an area), rings of at least
 * four positions. Anything else skips the feature (error naming file, feature and reason).
 *
 * @param features features as read (read-layer-file.ts)
 * @param file file name for problems
 */
export function exclusionsFromFeatures(features: readonly FeatureLike[], file: string): ReadResult<PolygonRings[]> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: PolygonRings[] = [];
  features.forEach((raw, index) => {
    const f = inspectFeature(raw);
    const id = typeof f === 'string' ? null : f.id;
    const skip = (reason: string) => errors.push({ file, index, ...(id ? { id } : {}), reason: `excluded area skipped: ${reason}` });
    if (typeof f === 'string') return skip(f);
    const g = f.geometry;
    const type = isObject(g) ? g.type : undefined;
    const coords = isObject(g) ? g.coordinates : undefined;
    const polys = type === 'Polygon' ? [coords] : type === 'MultiPolygon' && Array.isArray(coords) ? coords : null;
    if (!polys)
      return skip(
        isObject(g)
          ? `geometry ${typeof type === 'string' ? type : describe(type)} is not a Polygon`
          : `geometry is ${describe(g)}, not a Polygon`,
      );
    const kept: PolygonRings[] = [];
    for (const poly of polys) {
      if (!Array.isArray(poly) || poly.length === 0) return skip('polygon is not a non-empty array of rings');
      const rings = poly.map((r: unknown) => checkPositionList(r, 4));
      const bad = rings.find((r): r is string => typeof r === 'string');
      if (bad !== undefined) return skip(bad);
      kept.push(rings as [number, number][][]);
    }
    value.push(...kept);
  });
  if (value.length === 0 && features.length > 0) warnings.push({ file, index: -1, reason: 'no usable excluded area: nothing is excluded' });
  return { value, warnings, errors };
}

/**
 * Read a candidates file (any layer format) into candidate points.
 *
 * @param name file name (format and problems)
 * @param bytes file contents; not changed
 * @param options CRS of the coordinates, CSV columns
 * @returns null value when the file cannot be parsed (the error says why, with line and column)
 */
export async function readCandidatesFile(
  name: string,
  bytes: Uint8Array,
  options: LayerFileOptions = {},
): Promise<ReadResult<UploadedCandidates | null>> {
  const read = await readLayerFile(name, bytes, options);
  if (!read.features) return { value: null, warnings: read.warnings, errors: read.errors };
  const res = candidatesFromFeatures(read.features, name);
  return { value: res.value, warnings: [...read.warnings, ...res.warnings], errors: [...read.errors, ...res.errors] };
}

/**
 * Read an excluded-areas file (any layer format) into polygons.
 *
 * @param name file name (format and problems)
 * @param bytes file contents; not changed
 * @param options CRS of the coordinates
 * @returns null value when the file cannot be parsed (the error says why)
 */
export async function readExclusionsFile(
  name: string,
  bytes: Uint8Array,
  options: LayerFileOptions = {},
): Promise<ReadResult<PolygonRings[] | null>> {
  const read = await readLayerFile(name, bytes, options);
  if (!read.features) return { value: null, warnings: read.warnings, errors: read.errors };
  const res = exclusionsFromFeatures(read.features, name);
  return { value: res.value, warnings: [...read.warnings, ...res.warnings], errors: [...read.errors, ...res.errors] };
}
