import type { Problem, ReadResult, Road } from '../engine/model';
import { isWalkable } from '../engine/network/walkability';
import { checkPositionList } from './coordinate-checks';
import { describe, inspectFeature, isObject, parseNumberLike, type FeatureLike } from './feature-helpers';

/**
 * Read roads from features: every LineString, and every part of a MultiLineString, becomes one
 * {@link Road} with 2D `[lon, lat]` vertices.
 *
 * - A line with fewer than two positions or an invalid coordinate → error (for a MultiLineString:
 *   the bad part is dropped with a warning while the others are kept; all parts bad → error).
 * - `highway`: the OSM tag, or null (the walkability rule in the network builder reads it).
 * - `speed`: km/h override, a number > 0 (numeric text accepted); anything else → warning, ignored.
 *
 * Never throws on bad data; never changes `features`.
 *
 * @returns roads in file order (a feature's parts consecutive)
 */
export function readRoads(features: readonly FeatureLike[], file: string): ReadResult<Road[]> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: Road[] = [];
  for (let index = 0; index < features.length; index++) {
    const f = inspectFeature(features[index]);
    if (typeof f === 'string') { errors.push({ file, index, reason: f }); continue; }
    const problem = (reason: string): Problem => (f.id === null ? { file, index, reason } : { file, index, id: f.id, reason });
    const g = f.geometry;
    if (!isObject(g)) { errors.push(problem(`geometry is ${describe(g)}${g === null || g === undefined ? '' : ', not an object'}`)); continue; }
    let parts: [number, number][][];
    if (g.type === 'LineString') {
      const line = checkPositionList(g.coordinates, 2);
      if (typeof line === 'string') { errors.push(problem(`LineString ${line}`)); continue; }
      parts = [line];
    } else if (g.type === 'MultiLineString') {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
        errors.push(problem(`MultiLineString coordinates are ${describe(g.coordinates)}, not a non-empty array of lines`));
        continue;
      }
      parts = [];
      const bad: string[] = [];
      g.coordinates.forEach((c: unknown, i: number) => {
        const line = checkPositionList(c, 2);
        if (typeof line === 'string') bad.push(`part ${i} ${line}`);
        else parts.push(line);
      });
      if (parts.length === 0) { errors.push(problem(`MultiLineString: every part is unusable (${bad.join('; ')})`)); continue; }
      if (bad.length > 0) warnings.push(problem(`MultiLineString: ${bad.length} part(s) dropped (${bad.join('; ')})`));
    } else {
      errors.push(problem(`geometry type ${describe(g.type)} is not a road (LineString or MultiLineString)`));
      continue;
    }
    const highwayRaw = f.properties.highway;
    const highway = typeof highwayRaw === 'string' && highwayRaw.trim() !== '' ? highwayRaw.trim() : null;
    let speedKmh: number | null = null;
    const speedRaw = f.properties.speed;
    if (speedRaw !== undefined && speedRaw !== null && speedRaw !== '') {
      const s = parseNumberLike(speedRaw);
      if (s === null || s <= 0) warnings.push(problem(`speed ${describe(speedRaw)} is not a number of km/h > 0; ignored`));
      else speedKmh = s;
    }
    for (const coordinates of parts) value.push({ coordinates, highway, speedKmh });
  }
  if (value.length > 0 && !value.some((r) => isWalkable(r.highway))) {
    const tags = [...new Set(value.map((r) => r.highway))].slice(0, 5).join(', ');
    warnings.push({ file, index: -1, reason: `no walkable road: all ${value.length} roads are motor or unbuilt ways (highway ${tags}); in the network model no community is reached; give a file with walkable roads or use the straight-line model` });
  }
  return { value, warnings, errors };
}
