import type { SiteReach } from './site-reach';

/**
 * Which demand points each candidate site would newly cover, as compressed sparse rows:
 * candidate `j` covers `demand[offsets[j] .. offsets[j+1]-1]` (indices into the demand arrays,
 * in no particular order) at `seconds[…]`. `weight[d]` is the residents of demand point `d`.
 */
export interface CoverageSets {
  candidateCount: number;
  demandCount: number;
  /** Length `candidateCount + 1`. */
  offsets: Uint32Array;
  /** Demand index of each entry. */
  demand: Uint32Array;
  /** Travel time of each entry, seconds. */
  seconds: Float32Array;
  /** Residents of each demand point (length `demandCount`). */
  weight: Float64Array;
  /** 1 for a candidate that cannot serve anyone (network model: off-network). */
  offNetwork: Uint8Array;
}

/**
 * Coverage sets of candidate sites: one bounded reach query per candidate.
 *
 * @param reach built over the demand points (its targets are the demand indices)
 * @param weight residents of each demand point (length `reach.targetCount`)
 * @param lon candidate longitudes, degrees
 * @param lat candidate latitudes, degrees
 */
export function buildCoverageSets(reach: SiteReach, weight: Float64Array, lon: Float64Array, lat: Float64Array): CoverageSets {
  if (weight.length !== reach.targetCount)
    throw new RangeError(`buildCoverageSets: ${weight.length} weights for ${reach.targetCount} targets`);
  if (lon.length !== lat.length) throw new RangeError(`buildCoverageSets: lon has ${lon.length} values, lat ${lat.length}`);
  const m = lon.length;
  const offsets = new Uint32Array(m + 1);
  let demand = new Uint32Array(Math.max(1024, m * 4));
  let seconds = new Float32Array(demand.length);
  const offNetwork = new Uint8Array(m);
  let size = 0;
  let current = 0;
  const visit = (d: number, s: number): void => {
    if (size === demand.length) {
      // grow toward the projected total (entries per candidate so far × all candidates): at least
      // 2×, at most 8× (one dense early candidate must not reserve gigabytes)
      const projected = Math.ceil((size / Math.max(1, current)) * m * 1.05) + 1024;
      const cap = Math.max(size * 2, Math.min(size * 8, projected));
      const grownD = new Uint32Array(cap);
      grownD.set(demand);
      demand = grownD;
      const grownS = new Float32Array(cap);
      grownS.set(seconds);
      seconds = grownS;
    }
    demand[size] = d;
    seconds[size++] = s;
  };
  for (let j = 0; j < m; j++) {
    current = j;
    if (!reach.reach(lon[j]!, lat[j]!, visit)) offNetwork[j] = 1;
    offsets[j + 1] = size;
  }
  return {
    candidateCount: m,
    demandCount: weight.length,
    offsets,
    demand: demand.slice(0, size),
    seconds: seconds.slice(0, size),
    weight,
    offNetwork,
  };
}

/**
 * Coverage sets restricted to some candidates (e.g. the sites an exact solver picked), in the
 * given order; demand and weights unchanged.
 *
 * @param sets coverage sets
 * @param pick candidate indices into `sets`
 */
export function selectCandidates(sets: CoverageSets, pick: ArrayLike<number>): CoverageSets {
  const offsets = new Uint32Array(pick.length + 1);
  for (let i = 0; i < pick.length; i++) {
    const j = pick[i]!;
    if (!(j >= 0 && j < sets.candidateCount)) throw new RangeError(`selectCandidates: candidate ${j} out of 0..${sets.candidateCount - 1}`);
    offsets[i + 1] = offsets[i]! + sets.offsets[j + 1]! - sets.offsets[j]!;
  }
  const demand = new Uint32Array(offsets[pick.length]!);
  const seconds = new Float32Array(demand.length);
  for (let i = 0; i < pick.length; i++) {
    const j = pick[i]!;
    demand.set(sets.demand.subarray(sets.offsets[j]!, sets.offsets[j + 1]!), offsets[i]!);
    seconds.set(sets.seconds.subarray(sets.offsets[j]!, sets.offsets[j + 1]!), offsets[i]!);
  }
  return {
    candidateCount: pick.length,
    demandCount: sets.demandCount,
    offsets,
    demand,
    seconds,
    weight: sets.weight,
    offNetwork: Uint8Array.from(pick, (j) => sets.offNetwork[j]!),
  };
}
