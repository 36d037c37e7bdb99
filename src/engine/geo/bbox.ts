/** `[minLon, minLat, maxLon, maxLat]` in degrees. */
export type BBox = [number, number, number, number];

/**
 * Bounding box of coordinate arrays (struct of arrays), or null when there is no coordinate.
 *
 * @param lon longitudes, degrees (finite)
 * @param lat latitudes, degrees (finite), same length
 */
export function bboxOf(lon: ArrayLike<number>, lat: ArrayLike<number>): BBox | null {
  if (lon.length === 0) return null;
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}
