import type { Highs } from 'highs';
import type { CoverageSets } from './coverage-sets';
import { buildCoverModel, type CoverGoal, type CoverModel } from './cover-model';
import type { Assignment, GreedyResult } from './greedy';

/** Options of an exact solve. */
export interface ExactOptions {
  /** Residents each candidate can serve (capacitated problem), or omitted. */
  capacity?: Float64Array;
  /** Stop after this many seconds with the best answer found and its proven bound (default 60). */
  timeLimitSeconds?: number;
  /** A feasible answer to start from (e.g. greedy's): the solver never returns worse. */
  start?: GreedyResult;
  /** Solve only the linear relaxation (an upper bound for MCLP, lower bound for LSCP). */
  relaxationOnly?: boolean;
}

/** What HiGHS proved. */
export type ExactStatus = 'optimal' | 'time-limit' | 'infeasible' | 'relaxation' | 'failed';

/** An exact (or time-limited) answer. */
export interface ExactResult {
  status: ExactStatus;
  /** Chosen candidates, ascending (empty unless a solution exists; relaxation: none). */
  sites: Uint32Array;
  /** Objective of the solution: residents newly covered (MCLP) or number of sites (LSCP); NaN if none. */
  objective: number;
  /** Residents newly covered by the solution (both goals); NaN if none. */
  coveredWeight: number;
  /**
   * Proven bound on the optimum: upper for MCLP (MIP dual bound or LP relaxation), lower for LSCP
   * (rounded up to an integer).
   */
  bound: number;
  /** Relative optimality gap of `objective` against `bound` (0 when proven optimal). */
  gap: number;
  /** Capacitated: residents each chosen site serves per demand point (CSR over `sites`); else null. */
  assignment: Assignment | null;
  /** Wall time of the solve, seconds. */
  seconds: number;
  /** Size of the program after grouping identical demand. */
  size: { columns: number; rows: number; nonzeros: number };
}

let loading: Promise<Highs> | null = null;

/**
 * Load the HiGHS WebAssembly solver once (the `highs` package; cached). In a browser pass
 * `locateFile` so it finds `highs.wasm`.
 *
 * @param options forwarded to the package's loader
 */
export function loadHighsSolver(options?: { locateFile?: (file: string) => string }): Promise<Highs> {
  if (!loading) loading = import('highs').then((mod) => mod.default(options));
  return loading;
}

/**
 * Solve the siting integer program (see `buildCoverModel`) with HiGHS branch-and-cut: MCLP picks at
 * most `maxSites` sites covering the most residents; LSCP the fewest sites covering `targetWeight`.
 * Reports the best solution found within the time limit with its proven bound and gap.
 *
 * @param highs a loaded solver (`loadHighsSolver`)
 * @param sets coverage sets
 * @param goal MCLP or LSCP
 * @param options capacity, time limit, a start solution, relaxation only
 */
export function solveExact(highs: Highs, sets: CoverageSets, goal: CoverGoal, options: ExactOptions = {}): ExactResult {
  const t0 = performance.now();
  const model = buildCoverModel(sets, goal, options.capacity, highs.infinity);
  const integer = !options.relaxationOnly;
  const size = { columns: model.numCols, rows: model.numRows, nonzeros: model.indices.length };
  const maximize = goal.kind === 'max-cover';
  const h = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    sense: maximize ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: model.colCost,
    colLower: model.colLower,
    colUpper: model.colUpper,
    rowLower: model.rowLower,
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csr',
      numRows: model.numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    ...(integer ? { integrality: Int32Array.from({ length: model.numCols }, (_, c) => (c < model.candidateCount ? 1 : 0)) } : {}),
  });
  try {
    h.options.set({ output_flag: false, time_limit: options.timeLimitSeconds ?? 60, mip_rel_gap: 1e-9, mip_abs_gap: 1e-7 });
    if (integer && options.start) h.setSolution({ colValue: startValues(model, options.start, options.capacity) });
    h.run();
    const code = h.getModelStatus();
    const S = highs.constants.modelStatus;
    const seconds = () => (performance.now() - t0) / 1000;
    const none = (status: ExactStatus, bound: number): ExactResult => ({
      status,
      sites: new Uint32Array(0),
      objective: NaN,
      coveredWeight: NaN,
      bound,
      gap: NaN,
      assignment: null,
      seconds: seconds(),
      size,
    });
    if (code === S.infeasible) return none('infeasible', NaN);
    const hasSolution = code === S.optimal || code === S.timeLimit;
    if (!hasSolution) return none('failed', NaN);
    const objective = h.getObjectiveValue();
    const x = h.getSolution().colValue;
    // a time-limited LP objective is no bound: only a solved relaxation counts
    if (!integer) return code === S.optimal ? none('relaxation', objective) : none('time-limit', NaN);
    let bound = code === S.optimal ? objective : Number(h.info.get('mip_dual_bound'));
    if (Number(h.info.get('primal_solution_status')) !== 2 || x.length === 0) return none('time-limit', bound);
    if (!maximize) bound = Math.max(0, Math.ceil(bound - 1e-6));
    const sites: number[] = [];
    for (let j = 0; j < model.candidateCount; j++) if (x[j]! > 0.5) sites.push(j);
    const { covered, assignment } = readCover(model, sets, x, sites, options.capacity);
    const value = maximize ? covered : sites.length;
    const gap = maximize ? (bound > 0 ? Math.max(0, (bound - value) / bound) : 0) : value > 0 ? Math.max(0, (value - bound) / value) : 0;
    return {
      status: code === S.optimal ? 'optimal' : 'time-limit',
      sites: Uint32Array.from(sites),
      objective: value,
      coveredWeight: covered,
      bound: maximize ? Math.max(bound, value) : bound,
      gap,
      assignment,
      seconds: seconds(),
      size,
    };
  } finally {
    h.dispose();
  }
}

/** Column values of a greedy answer (a feasible MIP start). */
function startValues(model: CoverModel, start: GreedyResult, capacity: Float64Array | undefined): Float64Array {
  const x = new Float64Array(model.numCols);
  for (const j of start.sites) x[j] = 1;
  if (!capacity) {
    for (const d of start.assignment.demand) {
      const g = model.groupOf[d]!;
      if (g !== 0xffffffff) x[model.firstCoverCol + g] = 1;
    }
    return x;
  }
  const { pairStart, pairCandidate } = model;
  const { offsets, demand, amount } = start.assignment;
  start.sites.forEach((j, r) => {
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      const g = model.groupOf[demand[k]!]!;
      for (let p = pairStart![g]!; p < pairStart![g + 1]!; p++) if (pairCandidate![p] === j) x[model.firstCoverCol + p]! += amount[k]!;
    }
  });
  return x;
}

/** Residents the chosen sites cover (uncapacitated: recounted from the sets; capacitated: the z values shared pro rata). */
function readCover(
  model: CoverModel,
  sets: CoverageSets,
  x: Float64Array,
  sites: number[],
  capacity: Float64Array | undefined,
): { covered: number; assignment: Assignment | null } {
  if (!capacity) {
    const hit = new Uint8Array(sets.demandCount);
    let covered = 0;
    for (const j of sites) {
      for (let k = sets.offsets[j]!; k < sets.offsets[j + 1]!; k++) {
        const d = sets.demand[k]!;
        if (!hit[d]) {
          hit[d] = 1;
          covered += sets.weight[d]!;
        }
      }
    }
    return { covered, assignment: null };
  }
  const { pairStart, pairCandidate, groupOf, groupWeight } = model;
  const pos = new Map(sites.map((j, r) => [j, r]));
  const served = new Float64Array(pairCandidate!.length);
  for (let p = 0; p < served.length; p++) served[p] = pos.has(pairCandidate![p]!) ? Math.max(0, x[model.firstCoverCol + p]!) : 0;
  const perSite: { d: number; a: number }[][] = sites.map(() => []);
  let covered = 0;
  for (let d = 0; d < sets.demandCount; d++) {
    const g = groupOf[d]!;
    if (g === 0xffffffff) continue;
    const share = sets.weight[d]! / groupWeight[g]!;
    for (let p = pairStart![g]!; p < pairStart![g + 1]!; p++) {
      const a = served[p]! * share;
      if (a > 1e-9) {
        perSite[pos.get(pairCandidate![p]!)!]!.push({ d, a });
        covered += a;
      }
    }
  }
  const offsets = new Uint32Array(sites.length + 1);
  perSite.forEach((list, r) => (offsets[r + 1] = offsets[r]! + list.length));
  const flat = perSite.flat();
  return { covered, assignment: { offsets, demand: Uint32Array.from(flat, (e) => e.d), amount: Float64Array.from(flat, (e) => e.a) } };
}
