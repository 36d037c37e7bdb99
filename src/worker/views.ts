/**
 * What crosses the worker boundary: plain data and typed arrays the UI draws from. No logic beyond
 * reshaping engine results.
 */
import type { Analysis } from '../engine/analyze';
import type { CategoryTotals } from '../engine/coverage/coverage';
import { representativeSeconds } from '../engine/coverage/representative-seconds';
import type { GapZone } from '../engine/coverage/gap-zones';
import type { GapCommunity } from '../engine/coverage/gaps';
import type { Community, Dataset, Facility, Settings } from '../engine/model';
import { KIND_RURAL } from '../engine/model';
import { isWalkable } from '../engine/network/walkability';

/** The validated dataset, for map layers and tables. */
export interface DatasetView {
  facilities: Facility[];
  communities: Community[];
  /** Roads as paths with their class; non-walkable ways included (drawn, not used for walking). */
  roads: { path: [number, number][]; highway: string | null; walkable: boolean }[];
}

/** Width of a travel-time histogram bin, minutes; bins cover 0–60 min, then one bin "over 60", then "unreachable". */
export const HISTOGRAM_BIN_MINUTES = 2;
export const HISTOGRAM_BINS = 60 / HISTOGRAM_BIN_MINUTES + 2;

/** Coverage for the UI: per-community arrays (`community × K + category`), totals, gaps, zones, histograms. */
export interface CoverageView {
  categoryIds: string[];
  share: Float64Array;
  /** Seconds from each community's representative sample (see `representativeSeconds`). */
  repSeconds: Float32Array;
  totals: CategoryTotals[];
  population: { total: number; urban: number; rural: number };
  completeCovered: number;
  gaps: GapCommunity[];
  zones: GapZone[];
  /** Per category, residents by travel time (see HISTOGRAM_BINS), urban and rural apart: `[k][kind][bin]`. */
  histograms: Float64Array[][];
  model: 'network' | 'straight';
}

export function datasetView(dataset: Dataset | null): DatasetView {
  if (!dataset) return { facilities: [], communities: [], roads: [] };
  return {
    facilities: dataset.facilities,
    communities: dataset.communities,
    roads: (dataset.roads ?? []).map((r) => ({ path: r.coordinates, highway: r.highway, walkable: isWalkable(r.highway) })),
  };
}

/** Times from the representative samples, made once per analysis (thresholds do not change them). */
const repSecondsCache = new WeakMap<Analysis, Float32Array>();
function repSecondsOf(analysis: Analysis): Float32Array {
  let out = repSecondsCache.get(analysis);
  if (!out) {
    out = representativeSeconds(analysis.samples, analysis.fields);
    repSecondsCache.set(analysis, out);
  }
  return out;
}

export function coverageView(analysis: Analysis, zones: GapZone[], settings: Settings): CoverageView {
  const s = analysis.samples;
  const histograms = analysis.fields.map((field) => {
    const h = [new Float64Array(HISTOGRAM_BINS), new Float64Array(HISTOGRAM_BINS)];
    for (let i = 0; i < s.count; i++) {
      const t = field.seconds[i]! / 60;
      const bin = !Number.isFinite(t) ? HISTOGRAM_BINS - 1 : t >= 60 ? HISTOGRAM_BINS - 2 : Math.floor(t / HISTOGRAM_BIN_MINUTES);
      h[s.kind[i] === KIND_RURAL ? 1 : 0]![bin]! += s.population[i]!;
    }
    return h;
  });
  const c = analysis.coverage;
  return {
    categoryIds: settings.categories.map((x) => x.id),
    share: c.share,
    repSeconds: repSecondsOf(analysis),
    totals: c.totals,
    population: c.population,
    completeCovered: c.completeCovered,
    gaps: analysis.gaps,
    zones,
    histograms,
    model: analysis.model,
  };
}
