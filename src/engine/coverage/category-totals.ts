/**
 * Totals of one category at new thresholds from per-sample travel times: what a threshold slider
 * shows at once, before the worker's full re-threshold (shares per community, gaps, zones) arrives.
 * One pass over typed arrays; sums are taken in sample order as in `computeCoverage`, so the result
 * is the same to the last bit.
 */
import { KIND_RURAL } from '../model';
import { categoryTotalsOf, type CategoryTotals } from './coverage';

/** Per-sample inputs of {@link categoryTotalsAt} (the demand samples' population and kind, one category's seconds). */
export interface SampleTimes {
  /** Residents (persons) of each sample. */
  population: Float64Array;
  /** Community kind of each sample (KIND_URBAN / KIND_RURAL). */
  kind: Uint8Array;
  /** Travel seconds of each sample to the category (non-finite = unreachable). */
  seconds: Float32Array;
}

/**
 * Covered residents and shares of one category at the given thresholds.
 * @param id category id (copied into the result)
 * @param minutes thresholds in minutes for urban and rural communities
 * @throws when the arrays differ in length
 */
export function categoryTotalsAt(id: string, t: SampleTimes, minutes: { urban: number; rural: number }): CategoryTotals {
  const n = t.population.length;
  if (t.kind.length !== n || t.seconds.length !== n)
    throw new Error(`categoryTotalsAt: ${n} populations, ${t.kind.length} kinds, ${t.seconds.length} times`);
  const limitUrban = minutes.urban * 60;
  const limitRural = minutes.rural * 60;
  let covUrban = 0;
  let covRural = 0;
  let popUrban = 0;
  let popRural = 0;
  for (let i = 0; i < n; i++) {
    const p = t.population[i]!;
    if (t.kind[i] === KIND_RURAL) {
      popRural += p;
      if (t.seconds[i]! <= limitRural) covRural += p;
    } else {
      popUrban += p;
      if (t.seconds[i]! <= limitUrban) covUrban += p;
    }
  }
  return categoryTotalsOf(id, covUrban, covRural, popUrban, popRural);
}
