/**
 * The naive baseline: for every demand sample, scan every facility of a category with
 * `@turf/distance` and keep the nearest — the all-pairs answer of the straight-line model
 * (`seconds = haversine × detourFactor / walking speed of the sample's kind`).
 */
import turfDistance from '@turf/distance';
import { createStraightLineModel } from '../../src/engine/travel/straight-line';
import { walkSpeedsMetersPerSecond } from '../../src/engine/travel/travel-model';
import type { Dataset, DemandSamples, Settings } from '../../src/engine/model';
import { mulberry32 } from '../../src/engine/prng';
import { categoryIndices } from './pipelines';

/** Result of the baseline on a subset of the samples. */
export interface BaselineResult {
  /** Samples the baseline scanned (all of them, or a seeded random subset). */
  subsetSamples: number;
  totalSamples: number;
  /** Facility–sample pairs measured with turf. */
  pairs: number;
  /** Wall time of the scan over the subset, all categories, ms. */
  subsetMs: number;
  /** `subsetMs × totalSamples / subsetSamples`: the scan over every sample (linear in samples). */
  extrapolatedMs: number;
  /** Largest |baseline − engine straight-line| over the subset and all categories, seconds. */
  maxAbsDiffSeconds: number;
  /** Largest of that difference divided by the baseline's seconds. */
  maxRelDiff: number;
  /** Subset answers whose reachability (finite vs Infinity) differs. */
  reachMismatches: number;
}

/**
 * A seeded random subset of `count` positions out of `total` (all of them, in order, when `count ≥ total`).
 */
export function sampleSubset(total: number, count: number, seed: number): Uint32Array {
  if (count >= total) return Uint32Array.from({ length: total }, (_, i) => i);
  const rand = mulberry32(seed);
  const all = Uint32Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rand() * (total - i));
    const t = all[i]!;
    all[i] = all[j]!;
    all[j] = t;
  }
  return all.slice(0, count).sort();
}

/**
 * Runs the naive all-pairs scan on a subset of samples (sized so about `pairBudget` turf calls are
 * made) and checks the engine's straight-line answers against it on that subset.
 *
 * @param pairBudget turf calls to aim for (default 20,000,000); the subset never has fewer than 100 samples
 */
export function runNaiveBaseline(
  dataset: Dataset,
  settings: Settings,
  samples: DemandSamples,
  seed: number,
  pairBudget = 2e7,
): BaselineResult {
  const F = dataset.facilities.length;
  const subsetSize = Math.min(samples.count, Math.max(100, Math.floor(pairBudget / Math.max(1, F))));
  const subset = sampleSubset(samples.count, subsetSize, seed);
  const m = subset.length;
  const points = {
    lon: Float64Array.from(subset, (i) => samples.lon[i]!),
    lat: Float64Array.from(subset, (i) => samples.lat[i]!),
    kind: Uint8Array.from(subset, (i) => samples.kind[i]!),
  };
  const speeds = walkSpeedsMetersPerSecond(settings);
  const detour = settings.detourFactor;
  const byCategory = settings.categories.map((cat) => dataset.facilities.filter((f) => f.category === cat.id).map((f) => [f.lon, f.lat]));
  const queries = Array.from({ length: m }, (_, q) => [points.lon[q]!, points.lat[q]!]);
  const options = { units: 'meters' as const };

  const naive: Float64Array[] = [];
  let pairs = 0;
  const t0 = performance.now();
  for (const facilities of byCategory) {
    const seconds = new Float64Array(m);
    for (let q = 0; q < m; q++) {
      const from = queries[q]!;
      let best = Infinity;
      for (const to of facilities) {
        const d = turfDistance(from, to, options);
        if (d < best) best = d;
      }
      seconds[q] = (best * detour) / speeds[points.kind[q]!]!;
    }
    pairs += m * facilities.length;
    naive.push(seconds);
  }
  const subsetMs = performance.now() - t0;

  const model = createStraightLineModel(dataset.facilities, settings);
  let maxAbsDiffSeconds = 0;
  let maxRelDiff = 0;
  let reachMismatches = 0;
  settings.categories.forEach((cat, k) => {
    const ours = model.accessField(cat.id, categoryIndices(dataset, cat.id), points).seconds;
    const theirs = naive[k]!;
    for (let q = 0; q < m; q++) {
      const a = ours[q]!;
      const b = theirs[q]!;
      if (Number.isFinite(a) !== Number.isFinite(b)) {
        reachMismatches++;
        continue;
      }
      if (!Number.isFinite(a)) continue;
      const diff = Math.abs(a - b);
      maxAbsDiffSeconds = Math.max(maxAbsDiffSeconds, diff);
      if (b > 0) maxRelDiff = Math.max(maxRelDiff, diff / b);
    }
  });
  return {
    subsetSamples: m,
    totalSamples: samples.count,
    pairs,
    subsetMs,
    extrapolatedMs: (subsetMs * samples.count) / m,
    maxAbsDiffSeconds,
    maxRelDiff,
    reachMismatches,
  };
}
