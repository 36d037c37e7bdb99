// Test helpers: seeded tiny siting instances and exhaustive oracles.
import type { CoverageSets } from '../../../src/engine/siting/coverage-sets';
import { mulberry32 } from '../../../src/engine/prng';

/** A random coverage-set instance: each candidate covers a random subset of demand points. */
export function randomSets(seed: number, candidates: number, demand: number, density = 0.3): CoverageSets {
  const rand = mulberry32(seed);
  const offsets = new Uint32Array(candidates + 1);
  const list: number[] = [];
  const secs: number[] = [];
  for (let j = 0; j < candidates; j++) {
    for (let d = 0; d < demand; d++) {
      if (rand() < density) {
        list.push(d);
        secs.push(Math.fround(rand() * 900));
      }
    }
    offsets[j + 1] = list.length;
  }
  const weight = Float64Array.from({ length: demand }, () => 1 + Math.floor(rand() * 100));
  // typed arrays cannot be frozen: the object is, and tests compare the arrays with `copySets` after
  return Object.freeze({
    candidateCount: candidates,
    demandCount: demand,
    offsets,
    demand: Uint32Array.from(list),
    seconds: Float32Array.from(secs),
    weight,
    offNetwork: new Uint8Array(candidates),
  });
}

/** All subsets of 0..m-1 of size k (as arrays). */
export function* subsets(m: number, k: number, from = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let j = from; j < m; j++) {
    acc.push(j);
    yield* subsets(m, k, j + 1, acc);
    acc.pop();
  }
}

/** Residents covered by a set of candidates (uncapacitated), by brute force. */
export function coveredBy(sets: CoverageSets, chosen: readonly number[]): number {
  const hit = new Set<number>();
  for (const j of chosen) for (let k = sets.offsets[j]!; k < sets.offsets[j + 1]!; k++) hit.add(sets.demand[k]!);
  let s = 0;
  for (const d of hit) s += sets.weight[d]!;
  return s;
}

/**
 * Residents a set of capacitated candidates can serve at most: a max flow source → site (capacity)
 * → demand (if covered) → sink (weight), by augmenting paths (Edmonds–Karp) on a dense matrix.
 */
export function servedBy(sets: CoverageSets, chosen: readonly number[], capacity: Float64Array): number {
  const k = chosen.length;
  const n = sets.demandCount;
  const V = 2 + k + n;
  const S = 0,
    T = 1;
  const cap: number[][] = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  chosen.forEach((j, r) => {
    cap[S]![2 + r] = capacity[j]!;
    for (let e = sets.offsets[j]!; e < sets.offsets[j + 1]!; e++) cap[2 + r]![2 + k + sets.demand[e]!] = Infinity;
  });
  for (let d = 0; d < n; d++) cap[2 + k + d]![T] = sets.weight[d]!;
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(V).fill(-1);
    prev[S] = S;
    const queue = [S];
    while (queue.length > 0 && prev[T] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < V; v++)
        if (prev[v] === -1 && cap[u]![v]! > 1e-12) {
          prev[v] = u;
          queue.push(v);
        }
    }
    if (prev[T] === -1) return flow;
    let push = Infinity;
    for (let v = T; v !== S; v = prev[v]!) push = Math.min(push, cap[prev[v]!]![v]!);
    for (let v = T; v !== S; v = prev[v]!) {
      cap[prev[v]!]![v]! -= push;
      cap[v]![prev[v]!]! += push;
    }
    flow += push;
  }
}

/** A deep copy of coverage sets (to check later that a solver did not mutate its input). */
export function copySets(sets: CoverageSets): CoverageSets {
  return {
    ...sets,
    offsets: sets.offsets.slice(),
    demand: sets.demand.slice(),
    seconds: sets.seconds.slice(),
    weight: sets.weight.slice(),
    offNetwork: sets.offNetwork.slice(),
  };
}
