import { type BBox, bboxOf } from '../geo/bbox';
import { type LocalProjection, projectionForBBox, projectX, projectY } from '../geo/local-projection';
import { nearestPointsInSlots } from '../geo/nearest-point';
import { createPointIndex, type PointIndex } from '../geo/point-index';
import { answerSlots, type ProjectedQueries, projectQueries } from '../geo/projected-queries';
import type { AccessField, Facility, Settings } from '../model';
import {
  checkFacilityIndices,
  checkQueryPoints,
  type QueryPoints,
  sameIndices,
  type TravelModel,
  walkSpeedsMetersPerSecond,
} from './travel-model';

/**
 * The straight-line travel model: `seconds = haversine × detourFactor / walking speed of the
 * point's kind`. The nearest facility is exact by haversine (see `nearestPointsInSlots`). It has no
 * warnings: every facility with coordinates serves. Every category's index shares one projection,
 * so the query points are projected and bucketed once per point set (cached per `lon` array, which
 * is treated as immutable) and reused by every category.
 *
 * @param facilities the dataset's facilities (`accessField` indices point into this array); not mutated
 * @param settings uses `detourFactor` (≥ 0) and `walkSpeedKmh`
 */
export function createStraightLineModel(facilities: readonly Facility[], settings: Settings): TravelModel {
  const speeds = walkSpeedsMetersPerSecond(settings);
  const detour = settings.detourFactor;
  if (!(detour >= 0 && Number.isFinite(detour))) throw new RangeError(`createStraightLineModel: bad detourFactor ${detour}`);
  const cache = new Map<string, { indices: Uint32Array; points: PointIndex }>();
  // one projection for every category's index, centred on all facilities
  const box = facilityBox(facilities);
  const projection = box ? projectionForBBox(box[0], box[1], box[2], box[3]) : projectionForBBox(0, 0, 0, 0);
  const extent = queryExtent(box, projection);
  const queryCache = new WeakMap<Float64Array, ProjectedQueries>();
  const queriesFor = (lon: Float64Array, lat: Float64Array): ProjectedQueries => {
    const hit = queryCache.get(lon);
    if (hit && hit.inputLat === lat) return hit;
    const built = projectQueries(projection, lon, lat, extent);
    queryCache.set(lon, built);
    return built;
  };

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
    const points = createPointIndex(lon, lat, projection);
    cache.set(category, { indices: facilityIndices.slice(), points });
    return points;
  };

  return {
    name: 'straight',
    warnings: [],
    accessField(category: string, facilityIndices: Uint32Array, points: QueryPoints, speedsMps: Float64Array = speeds): AccessField {
      checkQueryPoints(points);
      checkFacilityIndices(facilityIndices, facilities.length);
      const n = points.lon.length;
      const seconds = new Float32Array(n);
      const facility = new Int32Array(n);
      const queries = queriesFor(points.lon, points.lat);
      const { nearest, meters } = nearestPointsInSlots(indexFor(category, facilityIndices), queries);
      const { input } = answerSlots(queries);
      // points with a non-finite coordinate have no slot
      if (input.length < n) {
        seconds.fill(Infinity);
        facility.fill(-1);
      }
      const kind = points.kind;
      // answers from slots to input order, as seconds
      for (let s = 0; s < input.length; s++) {
        const q = input[s] as number;
        const j = nearest[s] as number;
        if (j < 0) {
          facility[q] = -1;
          seconds[q] = Infinity;
          continue;
        }
        facility[q] = facilityIndices[j] as number;
        seconds[q] = ((meters[s] as number) * detour) / (speedsMps[kind[q] as number] as number);
      }
      return { category, seconds, facility };
    },
  };
}

/** The box of all facilities, degrees, or null when there is none. */
function facilityBox(facilities: readonly Facility[]): BBox | null {
  const n = facilities.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lon[i] = facilities[i]!.lon;
    lat[i] = facilities[i]!.lat;
  }
  return bboxOf(lon, lat);
}

/**
 * Where the shared query grid extends (`[minX, minY, maxX, maxY]`, metres): the facilities' box
 * grown by a quarter of its larger side and 2 km. Points farther out are answered one by one.
 */
function queryExtent(box: BBox | null, projection: LocalProjection): [number, number, number, number] {
  if (!box) return [0, 0, 0, 0];
  const minX = projectX(projection, box[0]);
  const minY = projectY(projection, box[1]);
  const maxX = projectX(projection, box[2]);
  const maxY = projectY(projection, box[3]);
  const margin = 0.25 * Math.max(maxX - minX, maxY - minY) + 2000;
  return [minX - margin, minY - margin, maxX + margin, maxY + margin];
}
