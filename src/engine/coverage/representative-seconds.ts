import type { AccessField, DemandSamples } from '../model';

/**
 * Seconds from community `c`'s representative sample (its first, see `DemandSamples`) to the
 * nearest facility of the category of `field`: what reports and the detail card call "the
 * community's time". `Infinity` when none is reachable or the community has no sample.
 *
 * @param samples demand samples
 * @param field the access field of one category, over the same samples
 * @param c community index
 * @returns seconds (float32 precision, as in the field)
 */
export function representativeSecondsOf(samples: DemandSamples, field: AccessField, c: number): number {
  const start = samples.communityStart[c]!;
  return start < samples.communityStart[c + 1]! ? field.seconds[start]! : Infinity;
}

/**
 * {@link representativeSecondsOf} for every community and category, laid out like `Coverage`
 * (`community × K + category`, categories in the order of `fields`). It does not depend on
 * thresholds, so it is made once per set of access fields, not on every threshold change.
 *
 * @param samples demand samples
 * @param fields one access field per category, over the same samples
 * @returns seconds, `communities × fields.length` values
 */
export function representativeSeconds(samples: DemandSamples, fields: readonly AccessField[]): Float32Array {
  const K = fields.length;
  const C = samples.communityStart.length - 1;
  const out = new Float32Array(Math.max(0, C) * K);
  for (let k = 0; k < K; k++) {
    const seconds = fields[k]!.seconds;
    if (seconds.length !== samples.count)
      throw new Error(`representativeSeconds: field "${fields[k]!.category}" has ${seconds.length} values for ${samples.count} samples`);
    for (let c = 0; c < C; c++) {
      const start = samples.communityStart[c]!;
      out[c * K + k] = start < samples.communityStart[c + 1]! ? seconds[start]! : Infinity;
    }
  }
  return out;
}
