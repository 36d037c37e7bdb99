import { createPointIndex, nearestPoints, type PointIndex } from '../geo/nearest-point';
import type { AccessField, Facility, Settings } from '../model';
import {
  checkFacilityIndices, checkQueryPoints, type QueryPoints, sameIndices, type TravelModel, walkSpeedsMetersPerSecond,
} from './travel-model';

/**
 * The straight-line travel model: `seconds = haversine × detourFactor / walking speed of the
 * point's kind`. The nearest facility is exact by haversine (see `nearestPoints`). It has no
 * warnings: every facility with coordinates serves.
 *
 * @param facilities the dataset's facilities (`accessField` indices point into this array); not mutated
 * @param settings uses `detourFactor` (≥ 0) and `walkSpeedKmh`
 */
export function createStraightLineModel(facilities: readonly Facility[], settings: Settings): TravelModel {
  const speeds = walkSpeedsMetersPerSecond(settings);
  const detour = settings.detourFactor;
  if (!(detour >= 0 && Number.isFinite(detour))) throw new RangeError(`createStraightLineModel: bad detourFactor ${detour}`);
  const cache = new Map<string, { indices: Uint32Array; points: PointIndex }>();

  const indexFor = (category: string, facilityIndices: Uint32Array): PointIndex => {
    const hit = cache.get(category);
    if (hit && sameIndices(hit.indices, facilityIndices)) return hit.points;
    const lon = new Float64Array(facilityIndices.length);
    const lat = new Float64Array(facilityIndices.length);
    for (let i = 0; i < facilityIndices.length; i++) {
      const f = facilities[facilityIndices[i] as number] as Facility;
      lon[i] = f.lon;
      lat[i] = f.lat;
    }
    const points = createPointIndex(lon, lat);
    cache.set(category, { indices: facilityIndices.slice(), points });
    return points;
  };

  return {
    name: 'straight',
    warnings: [],
    accessField(category: string, facilityIndices: Uint32Array, points: QueryPoints): AccessField {
      checkQueryPoints(points);
      checkFacilityIndices(facilityIndices, facilities.length);
      const n = points.lon.length;
      const seconds = new Float32Array(n).fill(Infinity);
      const facility = new Int32Array(n).fill(-1);
      const { nearest, meters } = nearestPoints(indexFor(category, facilityIndices), points.lon, points.lat);
      for (let i = 0; i < n; i++) {
        const k = nearest[i] as number;
        if (k < 0) continue;
        facility[i] = facilityIndices[k] as number;
        seconds[i] = ((meters[i] as number) * detour) / (speeds[points.kind[i] as number] as number);
      }
      return { category, seconds, facility };
    },
  };
}
