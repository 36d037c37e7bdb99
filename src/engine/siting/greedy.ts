import { MinHeap } from '../network/heap';
import type { CoverageSets } from './coverage-sets';

/** Stopping rule and capacities of a greedy run. */
export interface GreedyOptions {
  /** Pick at most this many sites (MCLP: k). Default: no limit. */
  maxSites?: number;
  /** Stop as soon as this many residents are covered (LSCP). Default: no target. */
  targetWeight?: number;
  /**
   * Residents each candidate can serve at most (capacity / demand rate), or omitted for the
   * uncapacitated problem. A capacitated site serves its nearest uncovered residents first.
   */
  capacity?: Float64Array;
}

/** Which residents each picked site serves: CSR over picks (rank order). */
export interface Assignment {
  /** Length picks + 1. */
  offsets: Uint32Array;
  /** Demand index of each entry. */
  demand: Uint32Array;
  /** Residents of that demand point served by the site (all of them when uncapacitated). */
  amount: Float64Array;
}

/** A greedy answer. */
export interface GreedyResult {
  /** Candidate indices in pick order (rank 1 first). */
  sites: Uint32Array;
  /** Residents each pick newly covers (its marginal gain when picked), non-increasing. */
  gains: Float64Array;
  /** Sum of `gains`: residents newly covered. */
  objective: number;
  assignment: Assignment;
  /**
   * Upper bound on what any `maxSites` candidates could cover (Infinity without `maxSites`):
   * uncapacitated, the smaller of the CELF online bound (objective + the `maxSites` largest
   * marginal gains after the last pick) and the sum of the `maxSites` largest single-site values;
   * capacitated, the sum of the largest `min(capacity, residents in reach)`. Never below the optimum.
   */
  upperBound: number;
  /** Residents covered by at least one candidate: the most any number of sites can reach. */
  reachableWeight: number;
  /** Marginal-gain evaluations done (lazy evaluation keeps this near the candidate count). */
  evaluations: number;
}

/**
 * Greedy maximal covering with lazy evaluation (CELF): a max-heap of stale upper bounds on each
 * candidate's marginal gain; the top is re-evaluated until it is fresh, then picked. Gains only
 * shrink as sites are added, so stale values stay upper bounds and the pick is the true greedy
 * choice. Uncapacitated it is within (1 − 1/e) of the optimum for `maxSites` sites.
 *
 * @param sets coverage sets of the candidates over the uncovered demand
 * @param options `maxSites` (k), `targetWeight` (stop when reached), `capacity`
 */
export function greedySites(sets: CoverageSets, options: GreedyOptions = {}): GreedyResult {
  const { offsets, demand, seconds, weight, candidateCount: m } = sets;
  const maxSites = options.maxSites ?? Infinity;
  const target = options.targetWeight ?? Infinity;
  const cap = options.capacity;
  if (!(maxSites >= 0)) throw new RangeError(`greedySites: bad maxSites ${maxSites}`);
  if (cap && cap.length !== m) throw new RangeError(`greedySites: ${cap.length} capacities for ${m} candidates`);
  const residual = weight.slice();
  const gainOf = (j: number): number => {
    let g = 0;
    for (let k = offsets[j]!, end = offsets[j + 1]!; k < end; k++) g += residual[demand[k]!]!;
    return cap ? Math.min(g, cap[j]!) : g;
  };

  const heap = new MinHeap(Math.max(64, m));
  const fresh = new Int32Array(m).fill(-1);
  const single = new Float64Array(m);
  const seen = new Uint8Array(weight.length);
  let reachableWeight = 0;
  for (let j = 0; j < m; j++) {
    single[j] = gainOf(j);
    fresh[j] = 0;
    if (single[j]! > 0) heap.push(j, -single[j]!);
    for (let k = offsets[j]!, end = offsets[j + 1]!; k < end; k++) {
      const d = demand[k]!;
      if (!seen[d]) {
        seen[d] = 1;
        reachableWeight += weight[d]!;
      }
    }
  }
  let evaluations = m;
  const sites: number[] = [];
  const gains: number[] = [];
  const aOffsets: number[] = [0];
  const aDemand: number[] = [];
  const aAmount: number[] = [];
  let objective = 0;

  // pop until the top is fresh for `round`; returns it (or -1), leaving it popped
  const popFresh = (round: number): number => {
    while (heap.size > 0) {
      const j = heap.pop()!;
      if (fresh[j] === round) return j;
      const g = gainOf(j);
      evaluations++;
      fresh[j] = round;
      if (g > 0) heap.push(j, -g);
    }
    return -1;
  };

  while (sites.length < maxSites && objective < target) {
    const round = sites.length;
    const j = popFresh(round);
    if (j < 0) break;
    const gain = serve(j);
    sites.push(j);
    gains.push(gain);
    objective += gain;
  }

  function serve(j: number): number {
    let left = cap ? cap[j]! : Infinity;
    const from = offsets[j]!;
    const to = offsets[j + 1]!;
    const order = Array.from({ length: to - from }, (_, i) => from + i);
    // capacitated: nearest residents first
    if (cap) order.sort((a, b) => seconds[a]! - seconds[b]! || demand[a]! - demand[b]!);
    let served = 0;
    for (let i = 0; i < order.length && left > 0; i++) {
      const k = order[i]!;
      const d = demand[k]!;
      const r = residual[d]!;
      if (!(r > 0)) continue;
      const take = Math.min(r, left);
      residual[d] = take === r ? 0 : r - take;
      left -= take;
      served += take;
      aDemand.push(d);
      aAmount.push(take);
    }
    aOffsets.push(aDemand.length);
    return served;
  }

  let upperBound = Infinity;
  if (Number.isFinite(maxSites)) {
    const k = maxSites;
    const top = (values: Float64Array): number => {
      const sorted = values.slice().sort().reverse();
      let s = 0;
      for (let i = 0; i < Math.min(k, sorted.length); i++) s += sorted[i]!;
      return s;
    };
    upperBound = Math.min(reachableWeight, top(single));
    if (!cap) {
      // CELF online bound: objective + the k largest (fresh) marginal gains after the last pick
      const round = sites.length + 1;
      let extra = 0;
      for (let i = 0; i < k; i++) {
        const j = popFresh(round);
        if (j < 0) break;
        extra += gainOf(j);
      }
      upperBound = Math.min(upperBound, objective + extra);
    }
    upperBound = Math.max(upperBound, objective);
  }
  return {
    sites: Uint32Array.from(sites),
    gains: Float64Array.from(gains),
    objective,
    assignment: { offsets: Uint32Array.from(aOffsets), demand: Uint32Array.from(aDemand), amount: Float64Array.from(aAmount) },
    upperBound,
    reachableWeight,
    evaluations,
  };
}
