import { EARTH_RADIUS_METERS } from './haversine';

const RAD = Math.PI / 180;

/**
 * A local equirectangular projection around a reference point: `x` metres east and `y` metres north
 * of it. It is affine in lon/lat, so straight lines in lon/lat stay straight (a segment's parameter
 * `t` is the same in both), and it is metric at the reference latitude. Use it at city scale for
 * spatial indexes, grids and contours; measure final distances with `haversineMeters`.
 */
export interface LocalProjection {
  /** Reference longitude, degrees. */
  lon0: number;
  /** Reference latitude, degrees. */
  lat0: number;
  /** Metres per degree of longitude at `lat0`. */
  metersPerDegLon: number;
  /** Metres per degree of latitude. */
  metersPerDegLat: number;
}

/**
 * Creates a local projection centred on `[lon0, lat0]`.
 *
 * @param lon0 reference longitude, degrees
 * @param lat0 reference latitude, degrees (|lat0| < 90)
 */
export function createLocalProjection(lon0: number, lat0: number): LocalProjection {
  if (!Number.isFinite(lon0) || !Number.isFinite(lat0) || Math.abs(lat0) >= 90) {
    throw new RangeError(`createLocalProjection: bad reference point [${lon0}, ${lat0}]`);
  }
  const metersPerDegLat = EARTH_RADIUS_METERS * RAD;
  return { lon0, lat0, metersPerDegLon: metersPerDegLat * Math.cos(lat0 * RAD), metersPerDegLat };
}

/** Creates a local projection centred on the middle of a lon/lat bounding box. */
export function projectionForBBox(minLon: number, minLat: number, maxLon: number, maxLat: number): LocalProjection {
  return createLocalProjection((minLon + maxLon) / 2, (minLat + maxLat) / 2);
}

/** Metres east of the reference point. */
export function projectX(p: LocalProjection, lon: number): number {
  return (lon - p.lon0) * p.metersPerDegLon;
}

/** Metres north of the reference point. */
export function projectY(p: LocalProjection, lat: number): number {
  return (lat - p.lat0) * p.metersPerDegLat;
}

/** Longitude in degrees of a projected `x` (metres east). */
export function unprojectLon(p: LocalProjection, x: number): number {
  return p.lon0 + x / p.metersPerDegLon;
}

/** Latitude in degrees of a projected `y` (metres north). */
export function unprojectLat(p: LocalProjection, y: number): number {
  return p.lat0 + y / p.metersPerDegLat;
}

/**
 * A factor `c` with `haversineMeters(p, q) ≥ c × projectedDistance(p, q)` for any two points whose
 * latitudes are at most `maxAbsLatDeg` in absolute value. Proof sketch: along the great circle the
 * sphere's metric dominates the flat metric `dy² + (cos φhi / cos lat0)² dx²`, where φhi bounds the
 * latitude on the arc; 0.5° is added to `maxAbsLatDeg` for the arc's poleward bulge, which covers
 * arcs up to ~1000 km at any latitude below 80°. Used to prune index searches without losing the
 * exact nearest neighbour by haversine.
 *
 * @param p the projection an index was built in
 * @param maxAbsLatDeg the largest |latitude| of the query point and of the indexed data, degrees
 * @returns a factor in (0, 1]
 */
export function haversineLowerBoundFactor(p: LocalProjection, maxAbsLatDeg: number): number {
  const phiHi = Math.min(89.9, Math.abs(maxAbsLatDeg) + 0.5);
  return Math.min(1, Math.cos(phiHi * RAD) / Math.cos(p.lat0 * RAD));
}

/**
 * A factor `C ≥ 1` with `haversineMeters(p, q) ≤ C × projectedDistance(p, q)` for any two points
 * whose latitudes lie in `[minLatDeg, maxLatDeg]`. Proof sketch: the great circle is no longer than
 * the path that is straight in lon/lat, whose metric is at most `max(1, cos φ / cos lat0)` times the
 * flat one, and |φ| along it is at least the band's least |latitude| (0 when the band spans the
 * equator).
 *
 * @param p the projection an index was built in
 * @param minLatDeg southern edge of the band, degrees
 * @param maxLatDeg northern edge of the band, degrees
 */
export function haversineUpperBoundFactor(p: LocalProjection, minLatDeg: number, maxLatDeg: number): number {
  const minAbs = minLatDeg <= 0 && maxLatDeg >= 0 ? 0 : Math.min(Math.abs(minLatDeg), Math.abs(maxLatDeg));
  return Math.max(1, Math.cos(minAbs * RAD) / Math.cos(p.lat0 * RAD));
}
