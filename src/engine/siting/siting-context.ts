import type { AccessField, CategoryDef, DemandSamples, Settings } from '../model';
import type { TravelModel } from '../travel/travel-model';
import { buildCoverageSets, type CoverageSets } from './coverage-sets';
import { createSiteEvaluator, type SiteEvaluator } from './site-evaluator';
import { createSiteReach, type SiteReach } from './site-reach';
import { uncoveredDemand, type UncoveredDemand } from './uncovered-demand';

/** Everything siting needs for one category, built once from an analysis. */
export interface SitingContext {
  category: CategoryDef;
  demand: UncoveredDemand;
  /** Reach queries over `demand` (targets = demand indices). */
  reach: SiteReach;
  /** Coverage sets of candidate sites (degrees). */
  coverageSets(lon: Float64Array, lat: Float64Array): CoverageSets;
  /** A what-if evaluator for dragging/adding/removing sites. */
  evaluator(): SiteEvaluator;
}

/**
 * Prepare siting for a category from an analysis' travel model, samples and access field.
 *
 * @param travel the analysis' travel model (new sites are measured exactly like facilities)
 * @param samples demand samples
 * @param field the category's access field (existing facilities)
 * @param category the category
 * @param settings speeds, detour, maxSnapMeters
 */
export function createSitingContext(
  travel: TravelModel,
  samples: DemandSamples,
  field: AccessField,
  category: CategoryDef,
  settings: Settings,
): SitingContext {
  const demand = uncoveredDemand(samples, field, category);
  const targets = {
    lon: Float64Array.from(demand.sample, (i) => samples.lon[i]!),
    lat: Float64Array.from(demand.sample, (i) => samples.lat[i]!),
    kind: Uint8Array.from(demand.sample, (i) => samples.kind[i]!),
  };
  const reach = createSiteReach(travel, targets, category, settings);
  return {
    category,
    demand,
    reach,
    coverageSets: (lon, lat) => buildCoverageSets(reach, demand.weight, lon, lat),
    evaluator: () => createSiteEvaluator(reach, demand, samples),
  };
}

/**
 * Residents each candidate can serve under a planning ratio: `capacity × 1000 / capacityPerThousand`
 * (e.g. 100 childcare places at 4.55 per 1,000 residents serve 21,978 residents).
 *
 * @param capacity places of each candidate (≥ 0)
 * @param capacityPerThousand places per 1,000 residents (> 0)
 */
export function servableResidents(capacity: Float64Array, capacityPerThousand: number): Float64Array {
  if (!(capacityPerThousand > 0)) throw new RangeError(`servableResidents: capacityPerThousand must be > 0, got ${capacityPerThousand}`);
  return Float64Array.from(capacity, (c) => {
    if (!(c >= 0)) throw new RangeError(`servableResidents: bad capacity ${c}`);
    return (c * 1000) / capacityPerThousand;
  });
}
