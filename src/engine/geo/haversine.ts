/** Mean Earth radius in metres (IUGG R1), the radius every distance in the engine uses. */
export const EARTH_RADIUS_METERS = 6371008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance between two WGS84 points on a sphere of radius {@link EARTH_RADIUS_METERS}
 * (the haversine formula; same convention as `@turf/distance`).
 *
 * @param lon1 longitude of the first point, degrees
 * @param lat1 latitude of the first point, degrees
 * @param lon2 longitude of the second point, degrees
 * @param lat2 latitude of the second point, degrees
 * @returns distance in metres
 */
export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = sinDLat * sinDLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sinDLon * sinDLon;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * {@link haversineMeters} with `Math.cos(lat1 × π / 180)` already known (e.g. one query point
 * against many candidates): the same operations in the same order, so the same result to the bit.
 *
 * @param cosLat1 `Math.cos(lat1 * Math.PI / 180)`
 */
export function haversineMetersCos(lon1: number, lat1: number, cosLat1: number, lon2: number, lat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = sinDLat * sinDLat + cosLat1 * Math.cos(lat2 * RAD) * sinDLon * sinDLon;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * {@link haversineMeters} with both `Math.cos(lat × π / 180)` already known: the same operations in
 * the same order, so the same result to the bit.
 */
export function haversineMetersCos2(lon1: number, lat1: number, cosLat1: number, lon2: number, lat2: number, cosLat2: number): number {
  const sinDLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sinDLon = Math.sin(((lon2 - lon1) * RAD) / 2);
  const a = sinDLat * sinDLat + cosLat1 * cosLat2 * sinDLon * sinDLon;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}
