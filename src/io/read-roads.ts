import type { Problem, ReadResult, Road } from '../engine/model';
import { allSamePosition, readPositionList, short } from './coordinate-checks';
import { describe, inspectFeatureInto, isObject, parseNumberLike, type FeatureLike, type InspectedFeature } from './feature-helpers';

/**
 * Read roads from features: every LineString, and every part of a MultiLineString, becomes one
 * {@link Road} with 2D `[lon, lat]` vertices.
 *
 * - A line with fewer than two positions, an invalid coordinate, or all positions the same point
 *   (a line of zero length) → error (for a MultiLineString: the bad part is dropped with a warning
 *   while the others are kept; all parts bad → error).
 * - `highway`: the OSM tag, or null (the walkability rule in the network builder reads it).
 * - `foot` (`yes`, `designated`, `permissive`) or `sidewalk` (`yes`, `both`, `left`, `right`): explicit
 *   foot access, which opens a motorway or trunk to walking (OSM import writes these).
 * - `bicycle`: the OSM tag as text (`yes`, `designated`, `no` …), read by the riding modes.
 * - `speed`: km/h override, a number > 0 (numeric text accepted); anything else → warning, ignored.
 *
 * One pass, no recursion; a road's vertices are the file's own position arrays when they are 2D
 * (shared, never changed), so reading allocates nothing per coordinate. Never throws on bad data;
 * never changes `features`.
 *
 * @returns roads in file order (a feature's parts consecutive)
 */
export function readRoads(features: readonly FeatureLike[], file: string): ReadResult<Road[]> {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const value: Road[] = [];
  const at = (index: number, id: string | null, reason: string): Problem =>
    id === null ? { file, index, reason } : { file, index, id, reason };
  const f: InspectedFeature = { properties: {}, geometry: undefined, id: null };
  for (let index = 0; index < features.length; index++) {
    const notFeature = inspectFeatureInto(features[index], f);
    if (notFeature !== null) {
      errors.push({ file, index, reason: notFeature });
      continue;
    }
    const g = f.geometry;
    if (!isObject(g)) {
      errors.push(at(index, f.id, `geometry is ${describe(g)}${g === null || g === undefined ? '' : ', not an object'}`));
      continue;
    }
    const highwayRaw = f.properties.highway;
    const highwayText = typeof highwayRaw === 'string' ? highwayRaw.trim() : '';
    const highway = highwayText !== '' ? highwayText : null;
    const footAccess = hasFootAccess(f.properties);
    const first = value.length;
    if (g.type === 'LineString') {
      const line = roadLine(g.coordinates);
      if (typeof line === 'string') {
        errors.push(at(index, f.id, `LineString ${line}`));
        continue;
      }
      value.push(footAccess ? { coordinates: line, highway, speedKmh: null, footAccess } : { coordinates: line, highway, speedKmh: null });
    } else if (g.type === 'MultiLineString') {
      const parts = g.coordinates;
      if (!Array.isArray(parts) || parts.length === 0) {
        errors.push(at(index, f.id, `MultiLineString coordinates are ${describe(parts)}, not a non-empty array of lines`));
        continue;
      }
      let bad: string[] | null = null;
      for (let i = 0; i < parts.length; i++) {
        const line = roadLine(parts[i]);
        if (typeof line === 'string') (bad ??= []).push(`part ${i} ${line}`);
        else
          value.push(
            footAccess ? { coordinates: line, highway, speedKmh: null, footAccess } : { coordinates: line, highway, speedKmh: null },
          );
      }
      if (value.length === first) {
        errors.push(at(index, f.id, `MultiLineString: every part is unusable (${listed(bad ?? [])})`));
        continue;
      }
      if (bad !== null) warnings.push(at(index, f.id, `MultiLineString: ${bad.length} part(s) dropped (${listed(bad)})`));
    } else {
      errors.push(at(index, f.id, `geometry type ${describe(g.type)} is not a road (LineString or MultiLineString)`));
      continue;
    }
    const bicycleRaw = f.properties.bicycle;
    const bicycle = typeof bicycleRaw === 'string' ? bicycleRaw.trim() : '';
    if (bicycle !== '') for (let r = first; r < value.length; r++) (value[r] as Road).bicycle = bicycle;
    const speedRaw = f.properties.speed;
    if (speedRaw !== undefined && speedRaw !== null && speedRaw !== '') {
      const s = parseNumberLike(speedRaw);
      if (s === null || s <= 0) warnings.push(at(index, f.id, `speed ${describe(speedRaw)} is not a number of km/h > 0; ignored`));
      else for (let r = first; r < value.length; r++) (value[r] as Road).speedKmh = s;
    }
  }
  return { value, warnings, errors };
}

/** The vertices of one line, or why it is no road. */
function roadLine(coordinates: unknown): [number, number][] | string {
  const line = readPositionList(coordinates, 2);
  if (typeof line === 'string') return line;
  if (allSamePosition(line)) return `has ${line.length} positions, all the same point ${short(line[0])}: a line of zero length`;
  // the engine only reads vertices: sharing the file's arrays is safe
  return line as [number, number][];
}

/** The first few reasons of a list, and how many more. */
function listed(reasons: readonly string[]): string {
  const shown = reasons.slice(0, 5).join('; ');
  return reasons.length > 5 ? `${shown}; and ${reasons.length - 5} more` : shown;
}

const FOOT_YES = new Set(['yes', 'designated', 'permissive']);
const SIDEWALK_YES = new Set(['yes', 'both', 'left', 'right']);

/** Whether road properties give explicit foot access: `foot=yes|designated|permissive` or a sidewalk. */
function hasFootAccess(props: Record<string, unknown>): boolean {
  const foot = props.foot;
  const sidewalk = props.sidewalk;
  return (typeof foot === 'string' && FOOT_YES.has(foot)) || (typeof sidewalk === 'string' && SIDEWALK_YES.has(sidewalk));
}
