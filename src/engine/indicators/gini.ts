/**
 * Gini coefficient and Lorenz curve of a population-weighted quantity (here: each community's
 * covered share of a category, weighted by its residents). Textbook definition for weighted data:
 *
 *   G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ),  W = Σ w_i,  μ = Σ w_i x_i / W
 *
 * computed in O(n log n) after sorting by x. 0 = everyone has the same value; larger = more unequal.
 */

/**
 * Indices of the usable pairs (a weight ≤ 0 or a non-finite value is left out) in ascending order of
 * value, ties by index: the distinct values sorted as numbers, then a stable counting sort of the
 * indices by the rank of their value (no comparison function called per pair).
 */
function usable(values: ArrayLike<number>, weights: ArrayLike<number>): Uint32Array {
  if (values.length !== weights.length) throw new RangeError(`gini: ${values.length} values, ${weights.length} weights`);
  const keep = new Uint32Array(values.length);
  let m = 0;
  for (let i = 0; i < values.length; i++) if (weights[i]! > 0 && Number.isFinite(values[i]!) && Number.isFinite(weights[i]!)) keep[m++] = i;
  const distinct = new Float64Array(m);
  for (let j = 0; j < m; j++) distinct[j] = values[keep[j]!]!;
  distinct.sort();
  let d = 0;
  // -0 === 0: one rank for both, as the comparison `a − b` gives
  for (let j = 0; j < m; j++) if (d === 0 || distinct[j] !== distinct[d - 1]) distinct[d++] = distinct[j]!;
  const rank = new Uint32Array(m);
  const next = new Uint32Array(d + 1);
  for (let j = 0; j < m; j++) {
    const x = values[keep[j]!]!;
    let lo = 0;
    let hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    rank[j] = lo;
    next[lo + 1]!++;
  }
  for (let r = 1; r <= d; r++) next[r]! += next[r - 1]!;
  const idx = new Uint32Array(m);
  for (let j = 0; j < m; j++) idx[next[rank[j]!]!++] = keep[j]!;
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
