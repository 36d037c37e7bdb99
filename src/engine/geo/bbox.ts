/**
 * Bounding boxes: the one place the project computes a min/max box of coordinates.
 * A box is `[minX, minY, maxX, maxY]` in the units of the coordinates it was made from:
 * `[minLon, minLat, maxLon, maxLat]` in degrees for WGS84 input, metres for projected x/y.
 */

/** `[minLon, minLat, maxLon, maxLat]` in degrees (or `[minX, minY, maxX, maxY]` in metres for projected input). */
export type BBox = [number, number, number, number];

/**
 * Bounding box of coordinate arrays (struct of arrays), or null when there is no coordinate.
 * One pass, no allocation besides the result; a NaN coordinate is skipped by the comparisons.
 *
 * @param xs longitudes in degrees, or projected x in metres
 * @param ys latitudes in degrees, or projected y in metres (at least `count` values)
 * @param count how many leading coordinates to take (default: all of `xs`)
 * @returns `[minX, minY, maxX, maxY]` in the units of the input, or null when `count` is 0
 */
export function bboxOf(xs: ArrayLike<number>, ys: ArrayLike<number>, count: number = xs.length): BBox | null {
  if (count <= 0) return null;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Bounding box of positions `[x, y, ...]` (e.g. a GeoJSON ring), grown from `into` when given.
 *
 * @param positions positions `[lon, lat]` in degrees (or `[x, y]` in metres); extra values are ignored
 * @param into a box to grow (mutated and returned), or null to start a new one
 * @returns the box in the units of the input, or null when there is neither `into` nor a position
 */
export function bboxOfPositions(positions: readonly (readonly number[])[], into: BBox | null = null): BBox | null {
  if (positions.length === 0) return into;
  const b: BBox = into ?? [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of positions) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

/**
 * The smallest box holding both boxes (same units); a null box is no box.
 *
 * @returns a new box, or null when both are null
 */
export function unionBBox(a: BBox | null, b: BBox | null): BBox | null {
  if (!a) return b ? [b[0], b[1], b[2], b[3]] : null;
  if (!b) return [a[0], a[1], a[2], a[3]];
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
