import Flatbush from 'flatbush';
import { haversineMeters } from '../geo/haversine';
import { haversineLowerBoundFactor, projectionForBBox, projectX, projectY } from '../geo/local-projection';
import type { CategoryDef, Settings } from '../model';
import { checkQueryPoints, type QueryPoints, walkSpeedsMetersPerSecond } from '../travel/travel-model';
import type { ReachVisitor, SiteReach } from './site-reach';
import { thresholdSeconds } from './uncovered-demand';

/**
 * Site reach under the straight-line model: `seconds = haversine × detourFactor / speed`, exactly
 * as `createStraightLineModel` (float32 seconds compared with the threshold). Targets come from a
 * Flatbush radius query in a local projection, widened by `haversineLowerBoundFactor` so none is
 * missed.
 *
 * @param targets points to test; not mutated
 * @param category thresholds (minutes)
 * @param settings `walkSpeedKmh`, `detourFactor`
 */
export function createStraightReach(targets: QueryPoints, category: CategoryDef, settings: Settings): SiteReach {
  checkQueryPoints(targets);
  const speeds = walkSpeedsMetersPerSecond(settings);
  const limits = thresholdSeconds(category);
  const detour = settings.detourFactor;
  if (!(detour >= 0 && Number.isFinite(detour))) throw new RangeError(`createStraightReach: bad detourFactor ${detour}`);
  const { lon, lat, kind } = targets;
  const n = lon.length;
  // farthest haversine distance any kind can be covered at (a hair more, for float32 rounding)
  const radiusMeters = detour > 0 ? (Math.max(limits[0]! * speeds[0]!, limits[1]! * speeds[1]!) / detour) * (1 + 1e-6) + 1e-6 : Infinity;
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity, maxAbsLat = 0;
  for (let i = 0; i < n; i++) {
    minLon = Math.min(minLon, lon[i]!);
    maxLon = Math.max(maxLon, lon[i]!);
    minLat = Math.min(minLat, lat[i]!);
    maxLat = Math.max(maxLat, lat[i]!);
    maxAbsLat = Math.max(maxAbsLat, Math.abs(lat[i]!));
  }
  const projection = n > 0 ? projectionForBBox(minLon, minLat, maxLon, maxLat) : projectionForBBox(0, 0, 0, 0);
  let index: Flatbush | null = null;
  if (n > 0) {
    index = new Flatbush(n, 16);
    for (let i = 0; i < n; i++) {
      const x = projectX(projection, lon[i]!);
      const y = projectY(projection, lat[i]!);
      index.add(x, y, x, y);
    }
    index.finish();
  }

  return {
    model: 'straight',
    targetCount: n,
    reach(siteLon: number, siteLat: number, visit: ReachVisitor): boolean {
      if (!Number.isFinite(siteLon) || !Number.isFinite(siteLat)) throw new RangeError(`reach: bad site [${siteLon}, ${siteLat}]`);
      if (!index) return true;
      const px = projectX(projection, siteLon);
      const py = projectY(projection, siteLat);
      const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(siteLat)));
      const r = radiusMeters / bound;
      const hits = Number.isFinite(r) ? index.search(px - r, py - r, px + r, py + r) : Array.from({ length: n }, (_, i) => i);
      for (const i of hits) {
        const meters = haversineMeters(lon[i]!, lat[i]!, siteLon, siteLat);
        const k = kind[i]!;
        const seconds = Math.fround((meters * detour) / speeds[k]!);
        if (seconds <= limits[k]!) visit(i, seconds);
      }
      return true;
    },
  };
}
