/**
 * Gini coefficient and Lorenz curve of a population-weighted quantity (here: each community's
 * covered share of a category, weighted by its residents). Textbook definition for weighted data:
 *
 *   G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ),  W = Σ w_i,  μ = Σ w_i x_i / W
 *
 * computed in O(n log n) after sorting by x. 0 = everyone has the same value; larger = more unequal.
 */

/** True when typed arrays store a double's low 32 bits first (every platform Node and browsers run on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Indices of the usable pairs (a weight ≤ 0 or a non-finite value is left out) in ascending order of
 * value, ties by index: a stable least-significant-digit radix sort (8 passes of 8 bits, a pass
 * skipped when every key has the same digit there) of the values' 64 bits, made to order as
 * unsigned integers as the numbers do (sign bit set for x ≥ 0, all bits flipped for x < 0; -0 as
 * 0), the indices carried along — no comparison function called per pair.
 */
function usable(values: ArrayLike<number>, weights: ArrayLike<number>): Uint32Array {
  if (values.length !== weights.length) throw new RangeError(`gini: ${values.length} values, ${weights.length} weights`);
  let order = new Uint32Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++)
    if (weights[i]! > 0 && Number.isFinite(values[i]!) && Number.isFinite(weights[i]!)) order[m++] = i;
  order = order.subarray(0, m);
  if (m < 2) return order.slice();
  // the keys, word by word: position j's value as [low 32 bits, high 32 bits]
  const bits = new Float64Array(m);
  for (let j = 0; j < m; j++) bits[j] = values[order[j]!]! + 0; // -0 + 0 = 0
  // int32 words and int32 operations only (a uint32 above 2³¹ would be a heap number in code not yet optimised)
  const words = new Int32Array(bits.buffer);
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const keys = new Int32Array(2 * m);
  for (let j = 0; j < m; j++) {
    const l = words[2 * j + lo]!;
    const h = words[2 * j + 1 - lo]!;
    keys[2 * j] = h < 0 ? ~l : l;
    keys[2 * j + 1] = h < 0 ? ~h : h ^ -0x80000000;
  }
  // positions 0..m-1 in order of their keys; position order is index order (ties stay so)
  let at = new Uint32Array(m);
  for (let j = 0; j < m; j++) at[j] = j;
  let next = new Uint32Array(m);
  const count = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const word = pass >> 2;
    const shift = (pass & 3) * 8;
    count.fill(0);
    for (let j = 0; j < m; j++) count[(keys[2 * j + word]! >> shift) & 255]!++;
    if (count[(keys[word]! >> shift) & 255] === m) continue;
    let sum = 0;
    for (let d = 0; d < 256; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let r = 0; r < m; r++) {
      const j = at[r]!;
      next[count[(keys[2 * j + word]! >> shift) & 255]!++] = j;
    }
    [at, next] = [next, at];
  }
  const idx = new Uint32Array(m);
  for (let r = 0; r < m; r++) idx[r] = order[at[r]!]!;
  return idx;
}

/** The usable indices in ascending order of value, their total weight W and total Σ w·x S. */
function sortedTotals(values: ArrayLike<number>, weights: ArrayLike<number>): { idx: Uint32Array; W: number; S: number } {
  const idx = usable(values, weights);
  let W = 0;
  let S = 0;
  for (const i of idx) {
    W += weights[i]!;
    S += weights[i]! * values[i]!;
  }
  return { idx, W, S };
}

/**
 * The weighted Gini coefficient of `values` (≥ 0) with `weights` (e.g. residents).
 * @returns G in [0, 1), or NaN when no weight is positive or every value is 0 (μ = 0)
 */
export function gini(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  return giniOf(values, weights, sortedTotals(values, weights));
}

function giniOf(values: ArrayLike<number>, weights: ArrayLike<number>, { idx, W, S }: ReturnType<typeof sortedTotals>): number {
  if (!(W > 0) || !(S > 0)) return NaN;
  // Σ_i w_i x_i (C_{i-1} + C_i − W), C = cumulative weight in ascending order of x
  let before = 0;
  let sum = 0;
  for (const i of idx) {
    const w = weights[i]!;
    const after = before + w;
    sum += w * values[i]! * (before + after - W);
    before = after;
  }
  return Math.max(0, sum / (W * S));
}

/**
 * The Lorenz curve: at population fractions p = 0, 1/steps, …, 1 (communities in ascending order of
 * value), the fraction of the total Σ w·x held by the poorest p of the residents, interpolated
 * linearly inside a community (exact for the piecewise-linear curve).
 * @returns `steps + 1` points `[p, share]`; an empty list when no weight is positive or Σ w·x = 0
 */
export function lorenzCurve(values: ArrayLike<number>, weights: ArrayLike<number>, steps = 20): [number, number][] {
  return lorenzOf(values, weights, steps, sortedTotals(values, weights));
}

/** {@link gini} and {@link lorenzCurve} of the same values and weights, sorted once. */
export function giniAndLorenz(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  steps = 20,
): { gini: number; lorenz: [number, number][] } {
  const totals = sortedTotals(values, weights);
  return { gini: giniOf(values, weights, totals), lorenz: lorenzOf(values, weights, steps, totals) };
}

function lorenzOf(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  steps: number,
  { idx, W, S }: ReturnType<typeof sortedTotals>,
): [number, number][] {
  if (!(W > 0) || !(S > 0)) return [];
  const out: [number, number][] = [];
  let j = 0;
  let cw = 0; // cumulative weight before idx[j]
  let cs = 0; // cumulative w·x before idx[j]
  for (let k = 0; k <= steps; k++) {
    const p = k / steps;
    const target = p * W;
    while (j < idx.length && cw + weights[idx[j]!]! < target) {
      cw += weights[idx[j]!]!;
      cs += weights[idx[j]!]! * values[idx[j]!]!;
      j++;
    }
    const y = j < idx.length ? cs + (target - cw) * values[idx[j]!]! : cs;
    out.push([p, k === steps ? 1 : Math.min(1, y / S)]);
  }
  return out;
}
