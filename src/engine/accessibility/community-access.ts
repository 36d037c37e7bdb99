import type { DemandSamples } from '../model';

/**
 * A community's value of a per-sample accessibility: the population-weighted mean of its samples'
 * values over the samples that have a facility in reach (value not NaN). Residents with none in
 * reach are not counted as 0 (the covered share says how many they are); a community none of whose
 * residents has a facility in reach gets NaN. A community without residents takes its
 * representative sample's value (NaN when none is in reach), as coverage does.
 *
 * @param samples demand samples (`communityStart`)
 * @param access per-sample value, NaN = no facility in reach
 * @param population residents per sample (the demand the values were computed with)
 * @returns one value per community
 */
export function communityAccess(
  samples: Pick<DemandSamples, 'communityStart'>,
  access: Float64Array,
  population: Float64Array,
): Float64Array {
  const { communityStart } = samples;
  const n = communityStart.length - 1;
  const out = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    const s = communityStart[c]!;
    const e = communityStart[c + 1]!;
    let total = 0;
    let weight = 0;
    let sum = 0;
    for (let i = s; i < e; i++) {
      const p = population[i]!;
      total += p;
      const a = access[i]!;
      if (a === a && p > 0) {
        weight += p;
        sum += p * a;
      }
    }
    out[c] = total > 0 ? (weight > 0 ? sum / weight : NaN) : e > s ? access[s]! : NaN;
  }
  return out;
}
