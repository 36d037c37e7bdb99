import { type CategoryDef, KIND_RURAL, type Settings } from '../model';
import { categoryModes, legSettings } from '../travel/category-modes';
import { isModal } from '../travel/modal-travel';
import type { NetworkModel } from '../travel/network';
import type { QueryPoints, TravelModel } from '../travel/travel-model';
import { createNetworkReach } from './network-reach';
import { createStraightReach } from './straight-reach';

/** Called for every target point a site reaches within the threshold: its position and seconds. */
export type ReachVisitor = (target: number, seconds: number) => void;

/**
 * Which target points (usually uncovered demand samples) a NEW facility at a given place would
 * reach within the category's threshold, by exactly the travel model of the analysis
 * (docs/architecture.md, "Travel-time model"). Build once per category, then query many sites.
 */
export interface SiteReach {
  readonly model: 'network' | 'straight';
  /** Number of target points. */
  readonly targetCount: number;
  /**
   * Visit every target point within the threshold of a facility at `[lon, lat]` (degrees), in no
   * particular order. `seconds` is the travel time exactly as the travel model computes it
   * (rounded to float32 like `AccessField.seconds`).
   *
   * @returns false when the site cannot serve anyone (network model: off-network), else true
   */
  reach(lon: number, lat: number, visit: ReachVisitor): boolean;
}

/**
 * The reach query for one category under the analysis' travel model.
 *
 * Network: a Dijkstra from the site's snap point (both ends of its segment, seeded with its access
 * leg and the part of the segment, as `createNetworkModel` seeds facilities) bounded by the largest
 * threshold effort of the category; each target snapped on a segment the search touched gets its
 * time as the model computes it. Straight line: a radius query on a spatial index, then the exact
 * haversine × detour / speed. With modes (`ModalTravelModel`), each kind of target is reached by
 * the category's mode and speed for that kind: one query per mode, each visiting its kind's targets.
 *
 * @param travel the analysis' travel model (`createTravelModel`)
 * @param targets the points to test (lon/lat degrees, kind codes); not mutated
 * @param category thresholds in minutes per kind
 * @param settings walking speeds, detour factor, maxSnapMeters
 * @param cachedSnap network: take the targets' snaps from the model's cache (`pointSnap`; for the
 *   analysis' demand samples, which the model has already snapped)
 */
export function createSiteReach(
  travel: TravelModel,
  targets: QueryPoints,
  category: CategoryDef,
  settings: Settings,
  cachedSnap = false,
): SiteReach {
  if (isModal(travel)) {
    const modes = categoryModes(category);
    const reaches = modes.map((m) => createSiteReach(travel.forMode(m), targets, category, legSettings(settings, category, m), cachedSnap));
    if (reaches.length === 1) return reaches[0]!;
    // urban targets by the first mode, rural by the second
    const [urban, rural] = reaches as [SiteReach, SiteReach];
    const { kind } = targets;
    return {
      model: urban.model,
      targetCount: urban.targetCount,
      reach(lon: number, lat: number, visit: ReachVisitor): boolean {
        const a = urban.reach(lon, lat, (i, s) => {
          if (kind[i] !== KIND_RURAL) visit(i, s);
        });
        const b = rural.reach(lon, lat, (i, s) => {
          if (kind[i] === KIND_RURAL) visit(i, s);
        });
        return a || b;
      },
    };
  }
  if (travel.name === 'network') {
    const model = travel as NetworkModel;
    return createNetworkReach(
      model.graph,
      targets,
      category,
      settings,
      cachedSnap ? { snap: model.pointSnap(targets.lon, targets.lat) } : {},
    );
  }
  return createStraightReach(targets, category, settings);
}
