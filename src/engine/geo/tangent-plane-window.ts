import { EARTH_RADIUS_METERS } from './haversine';

/**
 * How far (as a distance in the query point's tangent plane) a candidate may lie and still be the
 * nearest by haversine.
 *
 * The tangent-plane distance at a point p of latitude φ is `Dt = R·√(Δφ² + cos²φ·Δλ²)` (what a
 * local projection gives once its x is rescaled by `cos φ / cos lat0`). Along a path whose
 * latitudes stay within δ of φ the sphere's metric lies between `(cos(|φ|+δ)/cos φ)` and
 * `(cos(|φ|−δ)/cos φ)` times that flat metric, and `cos(|φ|∓δ)/cos φ` lies within
 * `1 + tan|φ|·δ` and `1 − δ²/2 − tan|φ|·δ`. Hence, with `Dmin` the smallest tangent-plane
 * distance among the candidates, the haversine winner is within `hi × Dmin` (the straight lon/lat
 * path, δ ≤ Dmin/R) and every candidate that could match it (its great circle strays at most
 * `hi·Dmin/R` in latitude) has `Dt ≤ hi × Dmin / lo`. Only those need the haversine.
 *
 * @param tanAbsLat `tan |φ|` of the query point, or any larger value (e.g. for a whole cell)
 * @param minTangentMeters `Dmin`, metres (≥ 0)
 * @returns the largest tangent-plane distance in metres a candidate may have and still tie or win
 *   (with a relative slack of 1e-12 and 1e-6 m for rounding); `Infinity` when no bound holds
 */
export function tangentPlaneWindowMeters(tanAbsLat: number, minTangentMeters: number): number {
  const delta1 = minTangentMeters / EARTH_RADIUS_METERS;
  const hi = 1 + tanAbsLat * delta1;
  const delta2 = hi * delta1;
  const lo = 1 - 0.5 * delta2 * delta2 - tanAbsLat * delta2;
  if (!(lo > 0)) return Infinity;
  return ((minTangentMeters * hi) / lo) * (1 + 1e-12) + 1e-6;
}
