/**
 * The plan's indicators of one analysis (thresholded as `settings` say): residents by minutes band,
 * urban vs rural covered share and median minutes, residents beyond twice the threshold, the Gini
 * coefficient of per-community covered shares with its Lorenz curve — for everyone and per district —
 * and the plan dashboard. Plain data (crosses the worker boundary, goes into summary.json).
 */
import type { Analysis } from '../analyze';
import type { BBox } from '../geo/bbox';
import type { Dataset, PlanTarget, Settings } from '../model';
import { accessStats, BAND_EDGES_MIN, type GroupStats } from './access-stats';
import { districtGroups, type DistrictGroups } from './district-groups';
import { facilityGroups } from './facility-districts';
import { gini, giniAndLorenz } from './gini';
import { planDashboard, type DashboardRow } from './plan-dashboard';

/** Indicators of one category for one set of communities. */
export interface CategoryIndicators extends GroupStats {
  /** Gini of the communities' covered shares weighted by residents (NaN: no one covered or no residents). */
  gini: number;
}

/** One district (or the "unassigned" group). */
export interface DistrictIndicators {
  /** District name; null for the communities without one ("unassigned"). */
  name: string | null;
  communities: number;
  /** Residents (persons). */
  population: number;
  /** `[west, south, east, north]` of its communities, degrees. */
  bbox: BBox | null;
  /** Per category, in settings order. */
  categories: CategoryIndicators[];
}

/** Everything the indicators panel, the print view and summary.json show. */
export interface Indicators {
  /** Upper edges of the minutes bands (the last two bands are "> last edge" and "no road"). */
  bandEdgesMinutes: number[];
  categoryIds: string[];
  /** Everyone, per category. */
  overall: CategoryIndicators[];
  /** Lorenz curve per category: `[population fraction, covered-resident fraction]`, `lorenzSteps + 1` points. */
  lorenz: [number, number][][];
  districts: DistrictIndicators[];
  dashboard: DashboardRow[];
}

/**
 * @param dataset the analysed dataset
 * @param analysis its analysis, thresholded with `settings` (coverage.share is read)
 * @param settings thresholds and category order
 * @param targets the plan's targets (the preset's), [] for none
 * @param lorenzSteps Lorenz points per category minus one
 * @param groups the communities' `districtGroups` (computed when not given; a caller that also
 *   draws the district outlines passes the same groups to both)
 */
export function computeIndicators(
  dataset: Pick<Dataset, 'communities' | 'facilities'>,
  analysis: Pick<Analysis, 'samples' | 'fields' | 'coverage'>,
  settings: Pick<Settings, 'categories'>,
  targets: readonly PlanTarget[],
  lorenzSteps = 20,
  groups: DistrictGroups = districtGroups(dataset.communities),
): Indicators {
  const { samples, fields, coverage } = analysis;
  const n = samples.count;
  const G = groups.names.length;
  const sampleGroup = new Int32Array(n);
  for (let i = 0; i < n; i++) sampleGroup[i] = groups.communityGroup[samples.community[i]!]!;
  const K = settings.categories.length;
  const C = dataset.communities.length;
  const pops = Float64Array.from(dataset.communities, (c) => c.population);
  const overall: CategoryIndicators[] = [];
  const lorenz: [number, number][][] = [];
  const perGroup: CategoryIndicators[][] = groups.names.map(() => []);
  for (let k = 0; k < K; k++) {
    const cat = settings.categories[k]!;
    const stats = accessStats(fields[k]!.seconds.subarray(0, n), samples.population, samples.kind, cat.thresholdMinutes, sampleGroup, G);
    const shares = new Float64Array(C);
    for (let c = 0; c < C; c++) shares[c] = coverage.share[c * K + k]!;
    const all = giniAndLorenz(shares, pops, lorenzSteps);
    overall.push({ ...stats[G]!, gini: all.gini });
    lorenz.push(all.lorenz);
    for (let g = 0; g < G; g++) {
      // one group holds every community: its weights are everyone's
      const w = G === 1 ? pops : pops.map((p, c) => (groups.communityGroup[c] === g ? p : 0));
      perGroup[g]!.push({ ...stats[g]!, gini: G === 1 ? all.gini : gini(shares, w) });
    }
  }
  const facilityGroup = facilityGroups(dataset.facilities, samples, groups.communityGroup);
  return {
    bandEdgesMinutes: [...BAND_EDGES_MIN],
    categoryIds: settings.categories.map((c) => c.id),
    overall,
    lorenz,
    districts: groups.names.map((name, g) => ({
      name,
      communities: groups.counts[g]!,
      population:
        perGroup[g]![0]?.all.population ??
        dataset.communities.reduce((s, c, i) => s + (groups.communityGroup[i] === g ? c.population : 0), 0),
      bbox: groups.bboxes[g] ?? null,
      categories: perGroup[g]!,
    })),
    dashboard: planDashboard(targets, dataset.facilities, facilityGroup, samples, fields, settings, sampleGroup, G),
  };
}
