/** Bits of one radix digit: 2048 buckets, small enough to stay in the first-level cache. */
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const TWO_32 = 4294967296;

/** Ids in ascending order, and where each came from. */
export interface SortedIds {
  /** The ids, ascending (repeats kept). */
  sorted: Float64Array;
  /** `order[i]`: the position in the input of `sorted[i]` (a stable sort: equal ids keep their input order). */
  order: Int32Array;
}

/**
 * Sort integer ids (exact integers in float64, any sign, a range under 2^53, as OSM ids are) by a
 * least-significant-digit radix sort on 11-bit digits of `id − min`: a few sequential passes over
 * typed arrays, no comparison, no object per id; digits all ids share are skipped (an extract's ids
 * span about 2^34: four passes). Memory: 32 bytes per id besides the input.
 *
 * @param ids the ids; only `ids[0 … n − 1]` are read
 * @param n how many
 */
export function sortIds(ids: Float64Array, n: number): SortedIds {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = ids[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let pos = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = (ids[i] as number) - min;
    const h = Math.floor(k / TWO_32);
    hi[i] = h;
    lo[i] = k - h * TWO_32;
    pos[i] = i;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let pos2 = new Int32Array(n);
  const count = new Int32Array(BUCKETS);
  const range = n > 0 ? max - min : 0;
  const hiMax = Math.floor(range / TWO_32);
  const pass = (onHigh: boolean, shift: number): void => {
    const word = onHigh ? hi : lo;
    count.fill(0);
    for (let i = 0; i < n; i++) count[((word[i] as number) >>> shift) & (BUCKETS - 1)]!++;
    if (count[((word[0] as number) >>> shift) & (BUCKETS - 1)] === n) return; // one digit for all: nothing moves
    let at = 0;
    for (let d = 0; d < BUCKETS; d++) {
      const c = count[d] as number;
      count[d] = at;
      at += c;
    }
    for (let i = 0; i < n; i++) {
      const j = count[((word[i] as number) >>> shift) & (BUCKETS - 1)]!++;
      lo2[j] = lo[i] as number;
      hi2[j] = hi[i] as number;
      pos2[j] = pos[i] as number;
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
    [pos, pos2] = [pos2, pos];
  };
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) if (hiMax > 0 || range >= 2 ** shift) pass(false, shift);
  for (let shift = 0; shift < 21; shift += DIGIT_BITS) if (hiMax >= 2 ** shift) pass(true, shift);
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = (hi[i] as number) * TWO_32 + (lo[i] as number) + min;
  return { sorted, order: pos };
}
