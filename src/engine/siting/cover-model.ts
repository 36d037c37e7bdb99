import type { CoverageSets } from './coverage-sets';

/** What an integer program for siting maximises or minimises. */
export type CoverGoal =
  | { kind: 'max-cover'; /** Number of new sites (k). */ maxSites: number }
  | { kind: 'set-cover'; /** Residents to cover, newly (target share × all residents − already covered). */ targetWeight: number };

/** A siting integer program in HiGHS' structured form, with the maps back to candidates and demand. */
export interface CoverModel {
  numCols: number;
  numRows: number;
  maximize: boolean;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR rows. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Columns `0 … candidateCount-1` are the site variables x_j (binary). */
  candidateCount: number;
  /** Demand points grouped by identical candidate sets: group of each demand point. */
  groupOf: Uint32Array;
  /** Residents of each group. */
  groupWeight: Float64Array;
  /** Capacitated: column of each (group, candidate) pair z, as CSR over groups; else null. */
  pairStart: Uint32Array | null;
  pairCandidate: Uint32Array | null;
  /** Column of the first coverage variable (y_g, or the first z pair). */
  firstCoverCol: number;
}

/**
 * Build the integer program. Demand points covered by exactly the same candidates are merged
 * into one group (same rows, summed residents), which keeps programs on fine sample grids small.
 *
 * Uncapacitated (MCLP / LSCP): x_j ∈ {0,1}, y_g ∈ [0,1]; y_g ≤ Σ_{j covers g} x_j; MCLP maximises
 * Σ W_g y_g with Σ x_j ≤ k; LSCP minimises Σ x_j with Σ W_g y_g ≥ target.
 * Capacitated: z_gj ∈ [0, W_g] residents of group g served by j; Σ_j z_gj ≤ W_g;
 * Σ_g z_gj ≤ cap_j x_j; z_gj ≤ W_g x_j (tightens the relaxation); objective/target on Σ z.
 *
 * @param sets coverage sets
 * @param goal MCLP (k sites) or LSCP (target residents)
 * @param capacity residents each candidate can serve, or undefined (uncapacitated)
 * @param infinity the solver's infinity
 */
export function buildCoverModel(sets: CoverageSets, goal: CoverGoal, capacity: Float64Array | undefined, infinity: number): CoverModel {
  const { candidateCount: m, demandCount: n, offsets, demand, weight } = sets;
  // demand → candidates (transpose), ascending candidate order
  const tStart = new Uint32Array(n + 1);
  for (let k = 0; k < demand.length; k++) tStart[demand[k]! + 1]!++;
  for (let d = 0; d < n; d++) tStart[d + 1]! += tStart[d]!;
  const tCand = new Uint32Array(demand.length);
  const fill = tStart.slice(0, n);
  for (let j = 0; j < m; j++) for (let k = offsets[j]!; k < offsets[j + 1]!; k++) tCand[fill[demand[k]!]!++] = j;

  const groupOf = new Uint32Array(n).fill(0xffffffff);
  const groupKey = new Map<string, number>();
  const groupWeights: number[] = [];
  const groupFirst: number[] = [];
  for (let d = 0; d < n; d++) {
    if (tStart[d + 1] === tStart[d]) continue; // nobody can cover it
    const key = tCand.subarray(tStart[d]!, tStart[d + 1]!).join(',');
    let g = groupKey.get(key);
    if (g === undefined) {
      g = groupWeights.length;
      groupKey.set(key, g);
      groupWeights.push(0);
      groupFirst.push(d);
    }
    groupOf[d] = g;
    groupWeights[g]! += weight[d]!;
  }
  const G = groupWeights.length;
  const groupWeight = Float64Array.from(groupWeights);
  const cands = (g: number): Uint32Array => tCand.subarray(tStart[groupFirst[g]!]!, tStart[groupFirst[g]! + 1]!);

  const cols = { cost: [] as number[], lower: [] as number[], upper: [] as number[] };
  const rows = { lower: [] as number[], upper: [] as number[], starts: [0] as number[], indices: [] as number[], values: [] as number[] };
  const addCol = (cost: number, lower: number, upper: number): number => {
    cols.cost.push(cost);
    cols.lower.push(lower);
    cols.upper.push(upper);
    return cols.cost.length - 1;
  };
  const addRow = (lower: number, upper: number, idx: ArrayLike<number>, val: ArrayLike<number>): void => {
    for (let i = 0; i < idx.length; i++) {
      rows.indices.push(idx[i]!);
      rows.values.push(val[i]!);
    }
    rows.starts.push(rows.indices.length);
    rows.lower.push(lower);
    rows.upper.push(upper);
  };
  const maximize = goal.kind === 'max-cover';
  for (let j = 0; j < m; j++) {
    const useful = offsets[j + 1]! > offsets[j]! && (!capacity || capacity[j]! > 0);
    addCol(maximize ? 0 : 1, 0, useful ? 1 : 0);
  }
  const firstCoverCol = m;
  const coverCols: number[] = [];
  const coverVals: number[] = [];
  let pairStart: Uint32Array | null = null;
  let pairCandidate: Uint32Array | null = null;
  if (!capacity) {
    for (let g = 0; g < G; g++) {
      const y = addCol(maximize ? groupWeight[g]! : 0, 0, 1);
      const cs = cands(g);
      addRow(-infinity, 0, [y, ...cs], [1, ...Array.from(cs, () => -1)]);
      coverCols.push(y);
      coverVals.push(groupWeight[g]!);
    }
  } else {
    const starts = [0];
    const pc: number[] = [];
    const perCand: number[][] = Array.from({ length: m }, () => []);
    for (let g = 0; g < G; g++) {
      const cs = cands(g);
      const zs: number[] = [];
      for (const j of cs) {
        const z = addCol(maximize ? 1 : 0, 0, groupWeight[g]!);
        zs.push(z);
        pc.push(j);
        perCand[j]!.push(z);
        coverCols.push(z);
        coverVals.push(1);
        addRow(-infinity, 0, [z, j], [1, -groupWeight[g]!]);
      }
      addRow(
        -infinity,
        groupWeight[g]!,
        zs,
        zs.map(() => 1),
      );
      starts.push(pc.length);
    }
    for (let j = 0; j < m; j++) {
      const zs = perCand[j]!;
      if (zs.length > 0) addRow(-infinity, 0, [...zs, j], [...zs.map(() => 1), -capacity[j]!]);
    }
    pairStart = Uint32Array.from(starts);
    pairCandidate = Uint32Array.from(pc);
  }
  if (goal.kind === 'max-cover') {
    addRow(
      -infinity,
      goal.maxSites,
      Array.from({ length: m }, (_, j) => j),
      new Float64Array(m).fill(1),
    );
  } else {
    addRow(goal.targetWeight, infinity, coverCols, coverVals);
  }
  return {
    numCols: cols.cost.length,
    numRows: rows.lower.length,
    maximize,
    colCost: Float64Array.from(cols.cost),
    colLower: Float64Array.from(cols.lower),
    colUpper: Float64Array.from(cols.upper),
    rowLower: Float64Array.from(rows.lower),
    rowUpper: Float64Array.from(rows.upper),
    starts: Int32Array.from(rows.starts),
    indices: Int32Array.from(rows.indices),
    values: Float64Array.from(rows.values),
    candidateCount: m,
    groupOf,
    groupWeight,
    pairStart,
    pairCandidate,
    firstCoverCol,
  };
}
