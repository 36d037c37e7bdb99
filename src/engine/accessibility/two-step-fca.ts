import { KIND_RURAL } from '../model';
import type { Catchments } from './catchments';
import type { WeightFn } from './weights';

/** The two stages of one floating-catchment method for one category. */
export interface TwoStepResult {
  /** Stage 1, per facility of the catchments: R_j = S_j / Σ_i W(t_ij)·P_i; 0 when no resident is in its catchment. */
  ratio: Float64Array;
  /** Stage 2, per demand sample: A_i = Σ_j W(t_ij)·R_j (supply per resident); NaN when no facility is in reach. */
  access: Float64Array;
}

/**
 * Two-step floating catchment area (Luo & Wang 2002) and its enhanced form with distance-decay
 * weights (Luo & Qi 2009's E2SFCA), as PySAL `access` defines `two_stage_fca`, both from one pass
 * over the catchment pairs per stage:
 *
 * 1. for each facility j, `R_j = S_j / Σ_{i: t_ij ≤ T_i} W(t_ij)·P_i`;
 * 2. for each demand point i, `A_i = Σ_{j: t_ij ≤ T_i} W(t_ij)·R_j`.
 *
 * 2SFCA takes W = 1, E2SFCA the weight function of the sample's kind. The catchment is inclusive
 * (≤, as coverage; PySAL filters `cost < max_cost`). Missing supply is 0 (PySAL's `fillna(0)`):
 * such a facility is in reach but adds nothing (its R_j is 0 without summing its demand). A demand
 * point with no facility in reach gets NaN (PySAL leaves it out of the result), never 0. A facility
 * whose catchment holds no residents (weighted demand 0: PySAL would divide by zero) gets R_j = 0;
 * only points without residents can reach it, so no resident-weighted figure changes.
 *
 * @param catchments the category's (sample, facility, seconds) pairs
 * @param sampleCount number of demand samples
 * @param population residents per sample (P_i), ≥ 0
 * @param kind kind code per sample (picks the weight function)
 * @param supply S_j per facility of `catchments.facility` (same order), ≥ 0 (0 when missing)
 * @param weight E2SFCA weight function per kind `[urban, rural]`, each scaled to that kind's threshold
 * @returns `sfca2` (W = 1) and `sfcaE2` (W = `weight`)
 */
export function twoStepFca(
  catchments: Catchments,
  sampleCount: number,
  population: Float64Array,
  kind: Uint8Array,
  supply: Float64Array,
  weight: readonly [WeightFn, WeightFn],
): { sfca2: TwoStepResult; sfcaE2: TwoStepResult } {
  const { facility, start, sample, seconds } = catchments;
  const F = facility.length;
  if (supply.length !== F) throw new RangeError(`twoStepFca: ${supply.length} supplies for ${F} facilities`);
  if (population.length < sampleCount || kind.length < sampleCount)
    throw new RangeError('twoStepFca: population or kind shorter than the samples');
  const [wu, wr] = weight;
  const ratio2 = new Float64Array(F);
  const ratioE2 = new Float64Array(F);
  for (let f = 0; f < F; f++) {
    const s = supply[f]!;
    if (s === 0) continue; // R_j = 0 whatever the demand
    let demand2 = 0;
    let demandE2 = 0;
    for (let p = start[f]!, end = start[f + 1]!; p < end; p++) {
      const i = sample[p]!;
      const P = population[i]!;
      demand2 += P;
      demandE2 += (kind[i] === KIND_RURAL ? wr : wu)(seconds[p]!) * P;
    }
    ratio2[f] = demand2 > 0 ? s / demand2 : 0;
    ratioE2[f] = demandE2 > 0 ? s / demandE2 : 0;
  }
  const access2 = new Float64Array(sampleCount).fill(NaN);
  const accessE2 = new Float64Array(sampleCount).fill(NaN);
  for (let f = 0; f < F; f++) {
    const r2 = ratio2[f]!;
    const rE2 = ratioE2[f]!;
    for (let p = start[f]!, end = start[f + 1]!; p < end; p++) {
      const i = sample[p]!;
      const a = access2[i]!;
      // the first facility in reach turns NaN ("none in reach") into a value
      if (a === a) {
        access2[i] = a + r2;
        accessE2[i] = accessE2[i]! + (rE2 === 0 ? 0 : (kind[i] === KIND_RURAL ? wr : wu)(seconds[p]!) * rE2);
      } else {
        access2[i] = r2;
        accessE2[i] = rE2 === 0 ? 0 : (kind[i] === KIND_RURAL ? wr : wu)(seconds[p]!) * rE2;
      }
    }
  }
  return { sfca2: { ratio: ratio2, access: access2 }, sfcaE2: { ratio: ratioE2, access: accessE2 } };
}
