import { type AccessField, type CategoryDef, type DemandSamples, KIND_RURAL } from '../model';

/**
 * The demand siting works on: the populated demand samples of one category that no existing
 * facility covers (their access time exceeds the threshold of their community kind). Local index
 * `d` (0 … count-1) is what coverage sets and solvers speak; `sample[d]` maps back.
 */
export interface UncoveredDemand {
  count: number;
  /** Index into the `DemandSamples` of each demand point. */
  sample: Uint32Array;
  /** Residents of each demand point (> 0). */
  weight: Float64Array;
  /** Sum of `weight`. */
  totalWeight: number;
  /** Residents of all samples (covered or not): the denominator of covered shares. */
  populationTotal: number;
  /** Residents the existing facilities already cover. */
  populationCovered: number;
}

/**
 * Thresholds of a category in seconds, indexed by kind code (`[urban, rural]`).
 *
 * @throws RangeError on a threshold that is not a number ≥ 0
 */
export function thresholdSeconds(category: CategoryDef): Float64Array {
  const out = Float64Array.of(category.thresholdMinutes.urban * 60, category.thresholdMinutes.rural * 60);
  if (!(out[0]! >= 0 && out[1]! >= 0))
    throw new RangeError(`thresholdMinutes of "${category.id}" must be ≥ 0: ${JSON.stringify(category.thresholdMinutes)}`);
  return out;
}

/**
 * The populated samples not covered by the existing facilities of a category (same rule as
 * `computeCoverage`: covered when `seconds ≤ threshold` of the sample's kind).
 *
 * @param samples demand samples
 * @param field access field of the category over the same samples (existing facilities)
 * @param category the category (thresholds in minutes)
 */
export function uncoveredDemand(samples: DemandSamples, field: AccessField, category: CategoryDef): UncoveredDemand {
  if (field.seconds.length !== samples.count)
    throw new RangeError(`uncoveredDemand: field has ${field.seconds.length} values for ${samples.count} samples`);
  const limits = thresholdSeconds(category);
  const picked: number[] = [];
  let populationTotal = 0;
  let populationCovered = 0;
  for (let i = 0; i < samples.count; i++) {
    const p = samples.population[i]!;
    populationTotal += p;
    if (field.seconds[i]! <= limits[samples.kind[i] === KIND_RURAL ? 1 : 0]!) populationCovered += p;
    else if (p > 0) picked.push(i);
  }
  const sample = Uint32Array.from(picked);
  const weight = Float64Array.from(sample, (i) => samples.population[i]!);
  let totalWeight = 0;
  for (const w of weight) totalWeight += w;
  return { count: sample.length, sample, weight, totalWeight, populationTotal, populationCovered };
}
