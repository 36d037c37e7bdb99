/**
 * 2SFCA and E2SFCA for every category on a bench city (`computeAccessibility`), against a
 * brute force over all pairs on a subset of facilities: one full travel-model search per facility
 * (`accessField` with that facility alone, every sample), extrapolated to all facilities. The pairs
 * within the threshold must be the same, seconds bit for bit.
 */
import { categoryFacilities, computeCatchments, createPairStore } from '../../src/engine/accessibility/catchments';
import { computeAccessibility } from '../../src/engine/accessibility/compute-accessibility';
import type { Analysis } from '../../src/engine/analyze';
import { type Dataset, KIND_RURAL, type Settings } from '../../src/engine/model';
import { mulberry32 } from '../../src/engine/prng';
import { collectGarbage, median } from './stats';

/** What the accessibility bench measured on one city. */
export interface AccessibilityBench {
  /** Every run of `computeAccessibility` (all categories, both methods), ms. */
  runsMs: number[];
  medianMs: number;
  /** Median CPU time of the runs (user + system), ms: the wall time on a shared machine overstates. */
  medianCpuMs: number;
  /** (sample, facility) pairs within the thresholds, all categories. */
  pairs: number;
  /** Facilities the brute force measured, and its median ms per facility. */
  bruteFacilities: number;
  bruteMsPerFacility: number;
  /** Brute force extrapolated to every facility ÷ the engine's median. */
  ratio: number;
  /** The same ratio on CPU time. */
  ratioCpu: number;
  /** Pairs of the subset that differ between the engine and the brute force (0 when all is well). */
  mismatches: number;
}

/**
 * @param analysis an analysis of `dataset` (travel model and samples)
 * @param dataset the city; capacities are given here (seeded, 20–99 places) since the city has none
 * @param repeats runs of the engine
 * @param subset facilities the brute force measures
 */
export function benchAccessibility(
  analysis: Analysis,
  dataset: Dataset,
  settings: Settings,
  repeats: number,
  subset: number,
  seed: number,
): AccessibilityBench {
  const rand = mulberry32(seed);
  const withCapacity: Dataset = {
    ...dataset,
    facilities: dataset.facilities.map((f) => ({ ...f, capacity: 20 + Math.floor(rand() * 80) })),
  };
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let pairs = 0;
  for (let r = 0; r < repeats; r++) {
    collectGarbage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    computeAccessibility(analysis.travel, withCapacity, analysis.samples, settings);
    runsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  // pairs of every category (untimed), one category at a time (the L city's pairs are many); the
  // subset check spreads its facilities over the categories
  const { samples } = analysis;
  const points = { lon: samples.lon, lat: samples.lat, kind: samples.kind };
  const K = settings.categories.length;
  const perCategory = Math.ceil(subset / K);
  const store = createPairStore();
  const bruteMs: number[] = [];
  const bruteCpuMs: number[] = [];
  let mismatches = 0;
  let pick = 0;
  settings.categories.forEach((cat, k) => {
    const catchments = computeCatchments(
      analysis.travel,
      withCapacity,
      samples,
      cat,
      settings,
      categoryFacilities(withCapacity, cat),
      store,
    );
    pairs += catchments.sample.length;
    const F = catchments.facility.length;
    const limits = [cat.thresholdMinutes.urban * 60, cat.thresholdMinutes.rural * 60];
    for (let m = 0; m < perCategory && k + m * K < subset && F > 0; m++) {
      // the m-th of this category's share of the subset, spread evenly over its facilities
      const f = Math.min(F - 1, Math.floor(((m + 0.5) * F) / perCategory));
      const j = catchments.facility[f]!;
      pick++;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const field = analysis.travel.accessField(cat.id, Uint32Array.of(j), points);
      const expected = new Map<number, number>();
      for (let i = 0; i < samples.count; i++) {
        const t = field.seconds[i]!;
        if (t <= limits[samples.kind[i] === KIND_RURAL ? 1 : 0]!) expected.set(i, t);
      }
      bruteMs.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      bruteCpuMs.push((c.user + c.system) / 1000);
      const s = catchments.start[f]!;
      const e = catchments.start[f + 1]!;
      if (e - s !== expected.size) mismatches += Math.abs(e - s - expected.size) || 1;
      for (let p = s; p < e; p++) if (expected.get(catchments.sample[p]!) !== catchments.seconds[p]!) mismatches++;
    }
  });
  const medianMs = median(runsMs);
  const bruteMsPerFacility = median(bruteMs);
  const medianCpuMs = median(cpuMs);
  return {
    runsMs,
    medianMs,
    medianCpuMs,
    pairs,
    bruteFacilities: pick,
    bruteMsPerFacility,
    ratio: (bruteMsPerFacility * dataset.facilities.length) / medianMs,
    ratioCpu: (median(bruteCpuMs) * dataset.facilities.length) / medianCpuMs,
    mismatches,
  };
}
