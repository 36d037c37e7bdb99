/**
 * Gini coefficient and Lorenz curve of a population-weighted quantity (here: each community's
 * covered share of a category, weighted by its residents). Textbook definition for weighted data:
 *
 *   G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ),  W = Σ w_i,  μ = Σ w_i x_i / W
 *
 * computed in O(n log n) after sorting by x. 0 = everyone has the same value; larger = more unequal.
 */

/** Pairs with a weight ≤ 0 or a non-finite value are left out. */
function usable(values: ArrayLike<number>, weights: ArrayLike<number>): number[] {
  if (values.length !== weights.length) throw new RangeError(`gini: ${values.length} values, ${weights.length} weights`);
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) if (weights[i]! > 0 && Number.isFinite(values[i]!) && Number.isFinite(weights[i]!)) idx.push(i);
  idx.sort((a, b) => values[a]! - values[b]! || a - b);
  return idx;
}

/** The usable indices in ascending order of value, their total weight W and total Σ w·x S. */
function sortedTotals(values: ArrayLike<number>, weights: ArrayLike<number>): { idx: number[]; W: number; S: number } {
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
  const { idx, W, S } = sortedTotals(values, weights);
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
  const { idx, W, S } = sortedTotals(values, weights);
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
