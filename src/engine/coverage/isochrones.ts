import { contours } from 'd3-contour';
import { rewindRing } from '../geo/winding';
import type { TravelTimeSurface } from './travel-time-surface';

/** An isochrone: the area within `seconds` of the nearest facility, as a GeoJSON MultiPolygon. */
export interface Isochrone {
  seconds: number;
  multiPolygon: [number, number][][][];
}

/**
 * Isochrone polygons from a travel-time surface (d3-contour, marching squares over cell centres with
 * linear interpolation). Unreachable cells count as beyond every threshold. Rings are closed and follow
 * the RFC 7946 right-hand rule.
 *
 * @param surface from travelTimeSurface
 * @param thresholdsSeconds one isochrone per threshold, e.g. `[900, 1200]` for 15 and 20 minutes
 */
export function isochrones(surface: TravelTimeSurface, thresholdsSeconds: readonly number[]): Isochrone[] {
  const { grid, seconds } = surface;
  // contour the "lateness" so that inside = value ≥ threshold in d3's convention
  let finiteMax = 0;
  for (const s of seconds) if (Number.isFinite(s) && s > finiteMax) finiteMax = s;
  const beyond = Math.max(finiteMax, ...thresholdsSeconds) * 2 + 1;
  const values = new Float64Array(seconds.length);
  for (let i = 0; i < seconds.length; i++) values[i] = -(Number.isFinite(seconds[i]!) ? seconds[i]! : beyond);
  const gen = contours().size([grid.width, grid.height]).smooth(true);
  return thresholdsSeconds.map((t) => {
    const mp = gen.contour(Array.from(values), -t);
    const multiPolygon = mp.coordinates.map((poly) =>
      poly.map((ring, r) =>
        rewindRing(
          ring.map((p): [number, number] => [grid.lon0 + p[0]! * grid.dLon, grid.lat0 + p[1]! * grid.dLat]),
          r === 0,
        ),
      ),
    );
    return { seconds: t, multiPolygon };
  });
}
