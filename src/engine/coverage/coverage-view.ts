/**
 * Coverage as the app shows it: plain data and typed arrays (what crosses the worker boundary) —
 * per-community shares, totals, gaps, gap zones and travel-time histograms of one analysis under the
 * current thresholds. Reshapes engine results; computes only the histograms and representative times.
 */
import type { Analysis } from '../analyze';
import type { Settings } from '../model';
import type { CategoryTotals } from './coverage';
import type { GapZone } from './gap-zones';
import type { GapCommunity } from './gaps';
import { representativeSeconds } from './representative-seconds';
import { travelTimeHistograms } from './travel-time-histograms';
import { isModal, type TerrainUse } from '../travel/modal-travel';

/** Coverage for the UI: per-community arrays (`community × K + category`), totals, gaps, zones, histograms. */
export interface CoverageView {
  categoryIds: string[];
  /** Covered share (0–1; NaN without residents) per community and category, `community × K + category`. */
  share: Float64Array;
  /** Seconds from each community's representative sample (see `representativeSeconds`). */
  repSeconds: Float32Array;
  totals: CategoryTotals[];
  /** Residents (persons): all, urban, rural. */
  population: { total: number; urban: number; rural: number };
  /** Residents (persons) covered for every category at once (the complete circle). */
  completeCovered: number;
  gaps: GapCommunity[];
  zones: GapZone[];
  /** Per category, residents by travel time (see HISTOGRAM_BINS), urban and rural apart: `[k][kind][bin]`. */
  histograms: Float64Array[][];
  model: 'network' | 'straight';
  /** What the elevation grids did (segments outside the DEM per mode, or unused), or null without grids. */
  terrain: TerrainUse | null;
  /**
   * Per-sample residents, kind and seconds per category (`seconds[k]`), so a threshold slider can show
   * its category's new totals at once (see `categoryTotalsAt`) while the worker re-thresholds the rest.
   */
  samples: { population: Float64Array; kind: Uint8Array; seconds: Float32Array[] };
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

/** Histograms, made once per analysis (they depend on travel times only, not on thresholds). */
const histogramCache = new WeakMap<Analysis, Float64Array[][]>();
function histogramsOf(analysis: Analysis): Float64Array[][] {
  let out = histogramCache.get(analysis);
  if (!out) {
    out = travelTimeHistograms(analysis.samples, analysis.fields);
    histogramCache.set(analysis, out);
  }
  return out;
}

/**
 * The coverage view of an analysis (its `coverage` and `gaps` as last thresholded) with the gap zones
 * of the current thresholds. Does not change `analysis`.
 * @param settings the settings the analysis was thresholded with (category order gives `categoryIds`)
 */
export function coverageView(analysis: Analysis, zones: GapZone[], settings: Settings): CoverageView {
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
    histograms: histogramsOf(analysis),
    model: analysis.model,
    terrain: isModal(analysis.travel) ? analysis.travel.terrain : null,
    samples: {
      population: analysis.samples.population.subarray(0, analysis.samples.count),
      kind: analysis.samples.kind.subarray(0, analysis.samples.count),
      seconds: analysis.fields.map((f) => f.seconds),
    },
  };
}
