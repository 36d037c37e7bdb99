import type { Problem, ReadResult } from '../engine/model';
import { describe, isObject, type FeatureLike } from './feature-helpers';
import { locateJsonError } from './json-error-location';

export type { FeatureLike } from './feature-helpers';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/**
 * Parse the text of a GeoJSON file into its features, checking only the outer structure; the
 * readers (read-facilities, read-communities, read-roads) check every feature.
 *
 * Accepts a FeatureCollection, a single Feature, or a bare geometry (made a feature with no
 * properties). A UTF-8 byte-order mark is removed. Feature `i` of the result is feature `i` of
 * the file, so problems found later name the right index.
 *
 * @param text file contents
 * @param file file name for problems
 * @returns the features, or null with a whole-file error (index -1) for invalid JSON (with line and
 *   column), an empty file, or JSON that is not GeoJSON. A legacy `crs` member naming anything but
 *   WGS84 lon/lat gives a warning.
 */
export function parseGeoJsonText(text: string, file: string): ReadResult<FeatureLike[] | null> {
  const warnings: Problem[] = [];
  const fail = (reason: string, extra: Partial<Problem> = {}): ReadResult<null> => ({
    value: null,
    warnings,
    errors: [{ file, index: -1, reason, ...extra }],
  });
  if (typeof text !== 'string') throw new TypeError(`parseGeoJsonText: text must be a string, got ${typeof text}`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const loc = locateJsonError(body, e instanceof Error ? e.message : String(e));
    return fail(`invalid JSON at line ${loc.line}, column ${loc.column}: ${loc.reason}`, { line: loc.line, column: loc.column });
  }
  if (!isObject(json)) return fail(`not GeoJSON: the file holds ${describe(json)}, not a FeatureCollection, Feature or geometry`);
  const crsWarning = checkLegacyCrs(json.crs);
  if (crsWarning) warnings.push({ file, index: -1, reason: crsWarning });
  const type = json.type;
  if (type === 'FeatureCollection') {
    if (!Array.isArray(json.features)) return fail(`FeatureCollection has "features" ${describe(json.features)}, not an array`);
    return { value: json.features as FeatureLike[], warnings, errors: [] };
  }
  if (type === 'Feature') return { value: [json], warnings, errors: [] };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    return { value: [{ type: 'Feature', geometry: json, properties: {} }], warnings, errors: [] };
  }
  if (type === 'Topology') return fail('this is TopoJSON ("type": "Topology"), not GeoJSON; convert it to GeoJSON first');
  return fail(`not GeoJSON: "type" is ${describe(type)}, expected "FeatureCollection", "Feature" or a geometry type`);
}

/** GeoJSON 2008 allowed `crs`; RFC 7946 removed it. Anything but WGS84 lon/lat deserves a warning. */
function checkLegacyCrs(crs: unknown): string | null {
  if (crs === undefined || crs === null) return null;
  const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
  if (typeof name === 'string' && /(CRS84|EPSG:{1,2}4326|EPSG:{1,2}4490|CRS:84)$/i.test(name)) return null;
  return (
    `the file declares "crs" ${typeof name === 'string' ? `"${name}"` : describe(crs)}; ` +
    'GeoJSON coordinates are read as WGS84 lon/lat: convert the file or choose its CRS when loading'
  );
}
