/**
 * Checks of WGS84 `[lon, lat]` positions in user files: each position on its own, and a whole layer
 * for swapped axes. A failing check gives a reason a planner can act on, never an exception.
 */

/** Bounding box `[minLon, minLat, maxLon, maxLat]` in degrees. */
export type { BBox } from '../engine/geo/bbox';
export { bboxOf } from '../engine/geo/bbox';
import type { BBox } from '../engine/geo/bbox';

/** Mainland China, Hainan and Taiwan, generously: the data this tool is made for. */
const CHINA_BBOX: BBox = [73, 18, 135, 54];

/** Beyond this absolute value a coordinate is no degree at all but (most likely) projected metres. */
const PROJECTED_LIMIT = 1000;

/**
 * Check one position and return it as a 2D `[lon, lat]` (a third value, elevation, is dropped).
 *
 * @param pos anything found where a position should be
 * @returns the position (a new array), or a reason why it is unusable
 */
export function checkPosition(pos: unknown): [number, number] | string {
  const problem = positionProblem(pos);
  if (problem !== null) return problem;
  const p = pos as number[];
  return [p[0] as number, p[1] as number];
}

/**
 * Why a position is unusable, without allocating anything for a good one.
 *
 * @param pos anything found where a position should be
 * @returns null for a usable `[lon, lat]` or `[lon, lat, elevation]` in degrees, else the reason
 */
export function positionProblem(pos: unknown): string | null {
  if (!Array.isArray(pos)) return `position ${short(pos)} is not an array [lon, lat]`;
  if (pos.length < 2) return `position ${short(pos)} has ${pos.length} value(s), needs [lon, lat]`;
  const lon: unknown = pos[0];
  const lat: unknown = pos[1];
  if (typeof lon !== 'number' || typeof lat !== 'number') {
    return `position ${short(pos)} has a non-number coordinate (${typeof lon === 'number' ? typeof lat : typeof lon})`;
  }
  // the common case first: finite degrees in range
  if (lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return `position ${short(pos)} is not finite`;
  if (Math.abs(lon) > PROJECTED_LIMIT || Math.abs(lat) > PROJECTED_LIMIT) {
    return (
      `position ${short(pos)} looks like projected metres (e.g. CGCS2000 Gauss–Krüger), not degrees; ` +
      'convert it to WGS84 lon/lat or choose the CRS when loading'
    );
  }
  if (Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90) {
    return `position ${short(pos)} has latitude ${lat} beyond ±90 but would fit as [lat, lon]: axes look swapped; write [lon, lat]`;
  }
  return `position ${short(pos)} is outside lon −180…180 / lat −90…90`;
}

/** A bounding box in degrees that {@link readPositionList} grows while it checks (so no second pass is needed). */
export interface PositionBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Check a list of positions like {@link checkPositionList}, but without copying what needs no
 * change: a good position of exactly two values is the file's own array (shared, never changed);
 * only positions with an elevation are copied to 2D. One pass, no recursion, nothing allocated for
 * a list of 2D positions (the list itself is returned).
 *
 * @param value anything found where the list should be
 * @param minCount fewest positions allowed
 * @param box grown by every good position when given (it may have grown before a bad one is found)
 * @returns the 2D positions (read-only: may be `value` itself), or a reason naming the first bad position
 */
export function readPositionList(value: unknown, minCount: number, box?: PositionBox): readonly (readonly [number, number])[] | string {
  if (!Array.isArray(value)) return `coordinates are ${short(value)}, not an array of positions`;
  let copy: [number, number][] | null = null;
  for (let i = 0; i < value.length; i++) {
    const p: unknown = value[i];
    const problem = positionProblem(p);
    if (problem !== null) return `vertex ${i}: ${problem}`;
    const q = p as number[];
    if (box !== undefined) {
      const x = q[0] as number;
      const y = q[1] as number;
      if (x < box.minX) box.minX = x;
      if (x > box.maxX) box.maxX = x;
      if (y < box.minY) box.minY = y;
      if (y > box.maxY) box.maxY = y;
    }
    if (copy === null && q.length !== 2) copy = (value as [number, number][]).slice(0, i);
    if (copy !== null) copy.push(q.length === 2 ? (q as [number, number]) : [q[0] as number, q[1] as number]);
  }
  if (value.length < minCount) return `has ${value.length} position(s), needs at least ${minCount}`;
  return copy ?? (value as [number, number][]);
}

/** True when every position of a checked list is the same point (a line of zero length). */
export function allSamePosition(list: readonly (readonly [number, number])[]): boolean {
  if (list.length === 0) return false;
  const first = list[0] as readonly [number, number];
  for (let i = 1; i < list.length; i++) {
    const p = list[i] as readonly [number, number];
    if (p[0] !== first[0] || p[1] !== first[1]) return false;
  }
  return true;
}

/**
 * A whole layer in `[lat, lon]` order with plausible values (every latitude ≤ 90 either way) cannot be
 * caught position by position. This looks at a layer's points: if most of them (more than half) lie
 * outside `reference` but most would lie inside it swapped, the axes are probably swapped.
 *
 * @param lon longitudes in degrees
 * @param lat latitudes in degrees (same length)
 * @param reference where the data is expected (default {@link CHINA_BBOX}; loadDataset also uses the other layer's bbox)
 * @returns true when swapping explains the data much better
 */
export function looksSwapped(lon: ArrayLike<number>, lat: ArrayLike<number>, reference: BBox = CHINA_BBOX): boolean {
  return pointLayerSummary(lon, lat, reference).swapped;
}

/** What {@link pointLayerSummary} finds in one pass over a layer's points. */
export interface PointLayerSummary {
  /** `[minLon, minLat, maxLon, maxLat]` of the points, or null when there is none. */
  bbox: BBox | null;
  /** The {@link looksSwapped} verdict. */
  swapped: boolean;
}

/**
 * A layer's bounding box and the {@link looksSwapped} verdict in one pass over its points (nothing
 * allocated per point).
 *
 * @param lon longitudes in degrees
 * @param lat latitudes in degrees (same length)
 * @param reference where the data is expected (default {@link CHINA_BBOX})
 */
export function pointLayerSummary(lon: ArrayLike<number>, lat: ArrayLike<number>, reference: BBox = CHINA_BBOX): PointLayerSummary {
  const n = lon.length;
  if (n === 0) return { bbox: null, swapped: false };
  const [r0, r1, r2, r3] = reference;
  let inside = 0;
  let insideSwapped = 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (x >= r0 && x <= r2 && y >= r1 && y <= r3) inside++;
    if (y >= r0 && y <= r2 && x >= r1 && x <= r3) insideSwapped++;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return { bbox: [minX, minY, maxX, maxY], swapped: inside * 2 < n && insideSwapped * 2 > n };
}

/** A bbox grown by `marginDegrees` on every side. */
export function padBBox(b: BBox, marginDegrees: number): BBox {
  return [b[0] - marginDegrees, b[1] - marginDegrees, b[2] + marginDegrees, b[3] + marginDegrees];
}

/**
 * Check a list of positions (a LineString's coordinates or a polygon ring).
 *
 * @param value anything found where the list should be
 * @param minCount fewest positions allowed (2 for a line, 4 for a closed ring)
 * @returns the 2D positions (a new array), or a reason naming the first bad position
 */
export function checkPositionList(value: unknown, minCount: number): [number, number][] | string {
  if (!Array.isArray(value)) return `coordinates are ${short(value)}, not an array of positions`;
  const out: [number, number][] = [];
  for (let i = 0; i < value.length; i++) {
    const p = checkPosition(value[i]);
    if (typeof p === 'string') return `vertex ${i}: ${p}`;
    out.push(p);
  }
  if (out.length < minCount) return `has ${out.length} position(s), needs at least ${minCount}`;
  return out;
}

/**
 * A short printable form of a value for messages (NaN and Infinity stay visible). Bounded: at most
 * 8 elements of an array are looked at, and a value nested too deep for `JSON.stringify` prints as
 * `[…]`, so no input can overflow the stack here.
 */
export function short(value: unknown): string {
  let s: string;
  if (Array.isArray(value)) {
    const parts: string[] = [];
    for (let i = 0; i < value.length && i < 8; i++) parts.push(element(value[i]));
    s = `[${parts.join(', ')}${value.length > 8 ? ', …' : ''}]`;
  } else s = element(value);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function element(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return Array.isArray(v) ? '[…]' : typeof v === 'object' && v !== null ? '{…}' : typeof v;
  }
}
