import type { Highs } from 'highs';
import type { DemandSamples } from '../model';
import { type CoverageSets, selectCandidates } from './coverage-sets';
import { solveExact, type ExactStatus } from './exact';
import { type Assignment, greedySites, type GreedyResult } from './greedy';
import type { UncoveredDemand } from './uncovered-demand';

/** The siting question. */
export type SitingGoal =
  | { kind: 'max-cover'; /** New sites to place (k ≥ 0). */ maxSites: number }
  | { kind: 'set-cover'; /** Covered share of all residents to reach, 0–1 (e.g. 0.9). */ targetShare: number };

/** Options of {@link planSites}. */
export interface PlanOptions {
  /** Residents each candidate can serve (capacity × 1000 / capacityPerThousand), or omitted. */
  capacity?: Float64Array;
  /** A loaded HiGHS (`loadHighsSolver`); needed for `exact` and for LP bounds. */
  highs?: Highs;
  /** Solve the integer program exactly (with `highs`), greedy as its start. Default false. */
  exact?: boolean;
  /** Also solve the LP relaxation for a tighter bound on a greedy answer (with `highs`). Default false. */
  lpBound?: boolean;
  /** Time limit of the exact solve, seconds (default 60). */
  timeLimitSeconds?: number;
}

/** One proposed site. */
export interface RankedSite {
  /** 1 = best. */
  rank: number;
  /** Index into the candidates. */
  candidate: number;
  /** Residents it newly covers (after the sites ranked before it). */
  gainPopulation: number;
  /** Communities (indices) where it newly covers residents, most residents first. */
  communities: Uint32Array;
  /** Residents newly covered in each of `communities`. */
  communityGain: Float64Array;
}

/** The answer with what is proven about it. */
export interface SitingPlan {
  goal: SitingGoal;
  solver: 'greedy' | 'exact';
  /** `heuristic` for greedy; else what HiGHS proved. */
  status: 'heuristic' | ExactStatus;
  sites: RankedSite[];
  /** MCLP: residents newly covered; LSCP: number of sites. */
  objective: number;
  /** Proven bound on the optimum: upper (MCLP residents) or lower (LSCP site count); NaN when an LSCP target is out of reach. */
  bound: number;
  /** How the bound was obtained. */
  boundSource: 'mip' | 'lp' | 'celf' | 'count';
  /** Relative optimality gap of `objective` against `bound` (0 = proven optimal). */
  gap: number;
  /** Covered share of all residents before and after the new sites. */
  beforeShare: number;
  afterShare: number;
  /** LSCP: whether the target is reached; MCLP: true. */
  targetReached: boolean;
  /** Highest covered share the candidates can give (all of them open; capacitated: greedy estimate). */
  maxShare: number;
  seconds: number;
}

/**
 * Where new facilities close the most gap: greedy (CELF) always; optionally the exact integer
 * program, started from greedy's answer, with its proven gap. Sites come ranked by marginal gain
 * with the communities each newly covers.
 *
 * @param sets coverage sets of the candidates over `demand`
 * @param demand uncovered demand of the category
 * @param samples demand samples (for communities)
 * @param goal MCLP (k sites) or LSCP (target share)
 * @param options capacity, solver, bound
 */
export function planSites(
  sets: CoverageSets,
  demand: UncoveredDemand,
  samples: DemandSamples,
  goal: SitingGoal,
  options: PlanOptions = {},
): SitingPlan {
  const t0 = performance.now();
  const total = demand.populationTotal;
  const share = (covered: number) => (total > 0 ? (demand.populationCovered + covered) / total : NaN);
  let targetWeight = 0;
  if (goal.kind === 'max-cover') {
    if (!(Number.isInteger(goal.maxSites) && goal.maxSites >= 0))
      throw new RangeError(`planSites: maxSites must be an integer ≥ 0, got ${goal.maxSites}`);
  } else {
    if (!(goal.targetShare >= 0 && goal.targetShare <= 1))
      throw new RangeError(`planSites: targetShare must be in 0..1, got ${goal.targetShare}`);
    // a hair under the target so 100 % is not missed by float summation
    targetWeight = Math.max(0, goal.targetShare * total - demand.populationCovered) * (1 - 1e-9);
  }
  const { capacity, highs } = options;
  const greedy = greedySites(sets, goal.kind === 'max-cover' ? { maxSites: goal.maxSites, capacity } : { targetWeight, capacity });
  // uncapacitated, all candidates open cover every reachable resident; capacitated, a greedy estimate
  const maxShare = share(
    !capacity
      ? greedy.reachableWeight
      : goal.kind === 'set-cover' && greedy.objective < targetWeight
        ? greedy.objective
        : greedySites(sets, { capacity }).objective,
  );
  const reached = goal.kind === 'max-cover' || greedy.objective >= targetWeight;
  const coverGoal =
    goal.kind === 'max-cover' ? { kind: 'max-cover' as const, maxSites: goal.maxSites } : { kind: 'set-cover' as const, targetWeight };

  let answer: { sites: Uint32Array; gains: Float64Array; assignment: Assignment } = greedy;
  let solver: SitingPlan['solver'] = 'greedy';
  let status: SitingPlan['status'] = 'heuristic';
  let bound: number;
  let boundSource: SitingPlan['boundSource'];
  if (goal.kind === 'max-cover') {
    bound = greedy.upperBound;
    boundSource = capacity ? 'count' : 'celf';
  } else {
    bound = countLowerBound(greedy, sets, targetWeight, capacity);
    boundSource = 'count';
  }

  if (highs && options.exact && reached) {
    const exact = solveExact(highs, sets, coverGoal, { capacity, timeLimitSeconds: options.timeLimitSeconds, start: greedy });
    if (exact.status === 'optimal' || exact.status === 'time-limit') {
      const better = goal.kind === 'max-cover' ? exact.coveredWeight >= greedy.objective - 1e-9 : exact.sites.length <= greedy.sites.length;
      if (better && exact.sites.length > 0) {
        answer = rankChosen(sets, exact.sites, exact.assignment, capacity);
        solver = 'exact';
        status = exact.status;
      }
      if (Number.isFinite(exact.bound)) {
        bound = goal.kind === 'max-cover' ? Math.min(bound, exact.bound) : Math.max(bound, exact.bound);
        boundSource = 'mip';
      }
    }
  } else if (highs && options.lpBound && reached) {
    const lp = solveExact(highs, sets, coverGoal, { capacity, timeLimitSeconds: options.timeLimitSeconds, relaxationOnly: true });
    if (lp.status === 'relaxation' && Number.isFinite(lp.bound)) {
      if (goal.kind === 'max-cover' && lp.bound < bound) {
        bound = lp.bound;
        boundSource = 'lp';
      }
      if (goal.kind === 'set-cover' && Math.ceil(lp.bound - 1e-6) > bound) {
        bound = Math.ceil(lp.bound - 1e-6);
        boundSource = 'lp';
      }
    }
  }
  let covered = 0;
  for (const g of answer.gains) covered += g;
  const objective = goal.kind === 'max-cover' ? covered : answer.sites.length;
  if (goal.kind === 'max-cover') bound = Math.max(bound, objective);
  else bound = Math.min(bound, objective);
  let gap = goal.kind === 'max-cover' ? (bound > 0 ? (bound - objective) / bound : 0) : objective > 0 ? (objective - bound) / objective : 0;
  if (!reached) {
    // target out of reach: the answer is every site that adds coverage; no bound applies
    bound = NaN;
    gap = NaN;
  }
  if (status === 'time-limit' && gap <= 1e-9) status = 'optimal';
  return {
    goal,
    solver,
    status,
    sites: rankedSites(answer, demand, samples),
    objective,
    bound,
    boundSource,
    gap,
    beforeShare: share(0),
    afterShare: share(covered),
    targetReached: reached,
    maxShare,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** LSCP lower bound without a solver: the fewest sites whose single-site values could add up to the target. */
function countLowerBound(greedy: GreedyResult, sets: CoverageSets, targetWeight: number, capacity: Float64Array | undefined): number {
  if (targetWeight <= 0) return 0;
  const single = new Float64Array(sets.candidateCount);
  for (let j = 0; j < sets.candidateCount; j++) {
    let g = 0;
    for (let k = sets.offsets[j]!; k < sets.offsets[j + 1]!; k++) g += sets.weight[sets.demand[k]!]!;
    single[j] = capacity ? Math.min(g, capacity[j]!) : g;
  }
  single.sort().reverse();
  let sum = 0;
  for (let i = 0; i < single.length; i++) {
    sum += single[i]!;
    if (sum >= targetWeight) return i + 1;
  }
  return greedy.sites.length;
}

/** Rank chosen sites: uncapacitated by greedy order over them; capacitated by the solver's assignment. */
function rankChosen(
  sets: CoverageSets,
  chosen: Uint32Array,
  assignment: Assignment | null,
  capacity: Float64Array | undefined,
): { sites: Uint32Array; gains: Float64Array; assignment: Assignment } {
  if (!capacity || !assignment) {
    const g = greedySites(selectCandidates(sets, chosen));
    return { sites: Uint32Array.from(g.sites, (i) => chosen[i]!), gains: g.gains, assignment: g.assignment };
  }
  const served = Float64Array.from(chosen, (_, r) => {
    let s = 0;
    for (let k = assignment.offsets[r]!; k < assignment.offsets[r + 1]!; k++) s += assignment.amount[k]!;
    return s;
  });
  const order = Array.from(chosen, (_, r) => r).sort((a, b) => served[b]! - served[a]! || chosen[a]! - chosen[b]!);
  const offsets = new Uint32Array(order.length + 1);
  const demand: number[] = [];
  const amount: number[] = [];
  order.forEach((r, i) => {
    for (let k = assignment.offsets[r]!; k < assignment.offsets[r + 1]!; k++) {
      demand.push(assignment.demand[k]!);
      amount.push(assignment.amount[k]!);
    }
    offsets[i + 1] = demand.length;
  });
  return {
    sites: Uint32Array.from(order, (r) => chosen[r]!),
    gains: Float64Array.from(order, (r) => served[r]!),
    assignment: { offsets, demand: Uint32Array.from(demand), amount: Float64Array.from(amount) },
  };
}

function rankedSites(
  answer: { sites: Uint32Array; gains: Float64Array; assignment: Assignment },
  demand: UncoveredDemand,
  samples: DemandSamples,
): RankedSite[] {
  const { offsets, demand: dem, amount } = answer.assignment;
  return Array.from(answer.sites, (candidate, r) => {
    const per = new Map<number, number>();
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const c = samples.community[demand.sample[dem[k]!]!]!;
      per.set(c, (per.get(c) ?? 0) + amount[k]!);
    }
    const list = [...per.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return {
      rank: r + 1,
      candidate,
      gainPopulation: answer.gains[r]!,
      communities: Uint32Array.from(list, (e) => e[0]),
      communityGain: Float64Array.from(list, (e) => e[1]),
    };
  });
}
