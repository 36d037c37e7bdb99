import { KIND_RURAL } from '../model';
import type { Catchments } from './catchments';
import type { WeightFn } from './weights';

/** The two stages of a floating-catchment computation of one category. */
export interface TwoStepResult {
  /** Stage 1, per facility of the catchments: R_j = S_j / Σ_i W(t_ij)·P_i; 0 when no resident is in its catchment. */
  ratio: Float64Array;
  /** Stage 2, per demand sample: A_i = Σ_j W(t_ij)·R_j (supply per resident); NaN when no facility is in reach. */
  access: Float64Array;
}

/**
 * Two-step floating catchment area (Luo & Wang 2002; with weights, Luo & Qi 2009's E2SFCA), as
 * PySAL `access` defines `two_stage_fca`:
 *
 * 1. for each facility j, `R_j = S_j / Σ_{i: t_ij ≤ T_i} W(t_ij)·P_i`;
 * 2. for each demand point i, `A_i = Σ_{j: t_ij ≤ T_i} W(t_ij)·R_j`.
 *
 * The catchment is inclusive (≤, as coverage; PySAL filters `cost < max_cost`). Missing supply is
 * 0 (PySAL's `fillna(0)`): such a facility is in reach but adds nothing. A demand point with no
 * facility in reach gets NaN (PySAL leaves it out of the result), never 0. A facility whose
 * catchment holds no residents (weighted demand 0: PySAL would divide by zero) gets R_j = 0; only
 * points without residents can reach it, so no resident-weighted figure changes.
 *
 * @param catchments the category's (sample, facility, seconds) pairs
 * @param sampleCount number of demand samples
 * @param population residents per sample (P_i), ≥ 0
 * @param kind kind code per sample (picks the weight function)
 * @param supply S_j per facility of `catchments.facility` (same order), ≥ 0 (0 when missing)
 * @param weight weight function per kind `[urban, rural]` (scaled to that kind's threshold), or null for 2SFCA (W = 1)
 */
export function twoStepFca(
  catchments: Catchments,
  sampleCount: number,
  population: Float64Array,
  kind: Uint8Array,
  supply: Float64Array,
  weight: readonly [WeightFn, WeightFn] | null,
): TwoStepResult {
  const { facility, start, sample, seconds } = catchments;
  const F = facility.length;
  if (supply.length !== F) throw new RangeError(`twoStepFca: ${supply.length} supplies for ${F} facilities`);
  if (population.length < sampleCount || kind.length < sampleCount)
    throw new RangeError('twoStepFca: population or kind shorter than the samples');
  // W(t_ij) of every pair, once (both stages read it)
  const w = new Float64Array(sample.length);
  if (weight) {
    const [wu, wr] = weight;
    for (let p = 0; p < sample.length; p++) w[p] = (kind[sample[p]!] === KIND_RURAL ? wr : wu)(seconds[p]!);
  } else w.fill(1);
  const ratio = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    let demand = 0;
    for (let p = start[f]!, end = start[f + 1]!; p < end; p++) demand += w[p]! * population[sample[p]!]!;
    ratio[f] = demand > 0 ? supply[f]! / demand : 0;
  }
  const access = new Float64Array(sampleCount).fill(NaN);
  for (let f = 0; f < F; f++) {
    const r = ratio[f]!;
    for (let p = start[f]!, end = start[f + 1]!; p < end; p++) {
      const i = sample[p]!;
      const a = access[i]!;
      access[i] = (a === a ? a : 0) + w[p]! * r;
    }
  }
  return { ratio, access };
}
