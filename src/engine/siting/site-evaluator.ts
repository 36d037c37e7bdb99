import type { DemandSamples } from '../model';
import type { SiteReach } from './site-reach';
import type { UncoveredDemand } from './uncovered-demand';

/** Coverage of one category with the existing facilities plus the current new sites. */
export interface SiteEvaluation {
  /** Covered residents of each community (existing + new sites). */
  coveredPopulation: Float64Array;
  /** Covered share of each community, 0–1 (NaN for a community without residents). */
  share: Float64Array;
  /** Residents the new sites cover that the existing facilities do not. */
  addedPopulation: number;
  /** Covered share of all residents (existing + new sites). */
  totalShare: number;
  /** Per site: residents covered by it and by no existing facility (shared residents counted for each site). */
  siteReachPopulation: Float64Array;
}

/** Interactive what-if siting for one category: add, move and remove sites cheaply. */
export interface SiteEvaluator {
  /** Replace all new sites (degrees) and evaluate. */
  evaluateSites(lon: ArrayLike<number>, lat: ArrayLike<number>): SiteEvaluation;
  /** Move site `i` (a user drag): only that site's bounded search runs. */
  moveSite(i: number, lon: number, lat: number): SiteEvaluation;
  /** Append a site; its index is the previous site count. */
  addSite(lon: number, lat: number): SiteEvaluation;
  /** Remove site `i` (later sites shift down by one). */
  removeSite(i: number): SiteEvaluation;
  readonly siteCount: number;
}

/**
 * A what-if evaluator: the existing facilities' coverage is kept (from their access field, via
 * `demand`), and each new site contributes the uncovered demand points its bounded search reaches.
 * A per-point count of covering sites makes moving one site cost one search plus the points it
 * reaches before and after, not a new analysis.
 *
 * @param reach built over `demand` (targets = uncovered demand points)
 * @param demand uncovered demand of the category
 * @param samples the demand samples (`community`, `population`, `communityStart`)
 */
export function createSiteEvaluator(reach: SiteReach, demand: UncoveredDemand, samples: DemandSamples): SiteEvaluator {
  if (reach.targetCount !== demand.count)
    throw new RangeError(`createSiteEvaluator: reach has ${reach.targetCount} targets, demand ${demand.count}`);
  const C = samples.communityStart.length - 1;
  const population = new Float64Array(C);
  for (let i = 0; i < samples.count; i++) population[samples.community[i]!]! += samples.population[i]!;
  const baseCovered = population.slice();
  const demandCommunity = Uint32Array.from(demand.sample, (i) => samples.community[i]!);
  for (let d = 0; d < demand.count; d++) baseCovered[demandCommunity[d]!]! -= demand.weight[d]!;
  const added = new Float64Array(C);
  const count = new Uint32Array(demand.count);
  let addedTotal = 0;
  const sites: Uint32Array[] = [];

  const reachOf = (lon: number, lat: number): Uint32Array => {
    const hits: number[] = [];
    reach.reach(lon, lat, (d) => hits.push(d));
    return Uint32Array.from(hits);
  };
  const apply = (list: Uint32Array, delta: 1 | -1): void => {
    for (const d of list) {
      const before = count[d]!;
      count[d] = before + delta;
      if ((delta === 1 && before === 0) || (delta === -1 && before === 1)) {
        const w = delta * demand.weight[d]!;
        added[demandCommunity[d]!]! += w;
        addedTotal += w;
      }
    }
  };
  const result = (): SiteEvaluation => {
    const coveredPopulation = new Float64Array(C);
    const share = new Float64Array(C);
    for (let c = 0; c < C; c++) {
      // clamp float drift from repeated add/subtract
      const v = Math.min(population[c]!, Math.max(0, baseCovered[c]! + added[c]!));
      coveredPopulation[c] = v;
      share[c] = population[c]! > 0 ? v / population[c]! : NaN;
    }
    const siteReachPopulation = Float64Array.from(sites, (list) => list.reduce((s, d) => s + demand.weight[d]!, 0));
    return {
      coveredPopulation,
      share,
      addedPopulation: Math.max(0, addedTotal),
      totalShare: demand.populationTotal > 0 ? (demand.populationCovered + Math.max(0, addedTotal)) / demand.populationTotal : NaN,
      siteReachPopulation,
    };
  };
  const checkIndex = (i: number): void => {
    if (!(Number.isInteger(i) && i >= 0 && i < sites.length)) throw new RangeError(`site index ${i} out of 0..${sites.length - 1}`);
  };

  return {
    get siteCount() {
      return sites.length;
    },
    evaluateSites(lon, lat) {
      if (lon.length !== lat.length) throw new RangeError(`evaluateSites: lon has ${lon.length} values, lat ${lat.length}`);
      for (const list of sites) apply(list, -1);
      sites.length = 0;
      for (let i = 0; i < lon.length; i++) {
        const list = reachOf(lon[i]!, lat[i]!);
        sites.push(list);
        apply(list, 1);
      }
      return result();
    },
    moveSite(i, lon, lat) {
      checkIndex(i);
      apply(sites[i]!, -1);
      sites[i] = reachOf(lon, lat);
      apply(sites[i]!, 1);
      return result();
    },
    addSite(lon, lat) {
      const list = reachOf(lon, lat);
      sites.push(list);
      apply(list, 1);
      return result();
    },
    removeSite(i) {
      checkIndex(i);
      apply(sites[i]!, -1);
      sites.splice(i, 1);
      return result();
    },
  };
}
