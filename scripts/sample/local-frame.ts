/**
 * A local metric frame for the sample generator: an equirectangular projection around
 * 121.60 E, 29.80 N. Over the ~65 × 47 km sample box its scale error is far below a metre per
 * kilometre, plenty for drawing a synthetic city. x grows east, y grows north, both in metres.
 */

/** Origin longitude of the frame, degrees. */
const ORIGIN_LON = 121.6;
/** Origin latitude of the frame, degrees. */
const ORIGIN_LAT = 29.8;

const EARTH_RADIUS_METERS = 6371008.8;
const METERS_PER_DEGREE_LAT = (Math.PI / 180) * EARTH_RADIUS_METERS;
const METERS_PER_DEGREE_LON = METERS_PER_DEGREE_LAT * Math.cos((ORIGIN_LAT * Math.PI) / 180);

/** Round degrees to 6 decimals (~0.1 m), the precision of every coordinate the generator writes. */
function round6(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

/** Local metres → `[lon, lat]` in degrees, rounded to 6 decimals. */
export function toLonLat(xMeters: number, yMeters: number): [number, number] {
  return [round6(ORIGIN_LON + xMeters / METERS_PER_DEGREE_LON), round6(ORIGIN_LAT + yMeters / METERS_PER_DEGREE_LAT)];
}

/** `[lon, lat]` in degrees → local `[x, y]` in metres. */
export function toXY(lon: number, lat: number): [number, number] {
  return [(lon - ORIGIN_LON) * METERS_PER_DEGREE_LON, (lat - ORIGIN_LAT) * METERS_PER_DEGREE_LAT];
}

/** The sample box in degrees: `[west, south, east, north]`. Everything generated lies inside it. */
export const SAMPLE_BBOX: readonly [number, number, number, number] = [121.3, 29.6, 121.95, 30.02];
