import { describe, expect, it } from 'vitest';
import { solveExact, loadHighsSolver } from '../../../src/engine/siting/exact';
import { greedySites } from '../../../src/engine/siting/greedy';
import { mulberry32 } from '../../../src/engine/prng';
import { copySets, coveredBy, randomSets, servedBy, subsets } from './instances';

const highs = await loadHighsSolver();

describe('maximal covering (MCLP) against exhaustive search', () => {
  it('exact equals the optimum, greedy is within 1 − 1/e and usually equal, bounds never below the optimum', () => {
    let greedyOptimal = 0;
    let runs = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rand = mulberry32(seed * 7);
      const m = 4 + Math.floor(rand() * 6);
      const n = 5 + Math.floor(rand() * 20);
      const sets = randomSets(seed, m, n, 0.15 + rand() * 0.3);
      const before = copySets(sets);
      const k = 1 + Math.floor(rand() * Math.min(4, m));
      let opt = 0;
      for (const s of subsets(m, k)) opt = Math.max(opt, coveredBy(sets, s));
      const greedy = greedySites(sets, { maxSites: k });
      expect(coveredBy(sets, Array.from(greedy.sites))).toBeCloseTo(greedy.objective, 9);
      expect(greedy.objective).toBeGreaterThanOrEqual((1 - 1 / Math.E) * opt - 1e-9);
      expect(greedy.objective).toBeLessThanOrEqual(opt + 1e-9);
      expect(greedy.upperBound).toBeGreaterThanOrEqual(opt - 1e-9);
      const exact = solveExact(highs, sets, { kind: 'max-cover', maxSites: k });
      expect(exact.status).toBe('optimal');
      expect(exact.sites.length).toBeLessThanOrEqual(k);
      expect(exact.coveredWeight).toBeCloseTo(opt, 6);
      expect(coveredBy(sets, Array.from(exact.sites))).toBeCloseTo(opt, 6);
      expect(exact.bound).toBeGreaterThanOrEqual(opt - 1e-6);
      const lp = solveExact(highs, sets, { kind: 'max-cover', maxSites: k }, { relaxationOnly: true });
      expect(lp.status).toBe('relaxation');
      expect(lp.bound).toBeGreaterThanOrEqual(opt - 1e-6);
      expect(sets).toEqual(before);
      if (Math.abs(greedy.objective - opt) < 1e-9) greedyOptimal++;
      runs++;
    }
    expect(greedyOptimal / runs).toBeGreaterThan(0.6);
  });

  it('greedy picks in non-increasing gain order and its gains add up to what the sites cover', () => {
    const sets = randomSets(99, 30, 200, 0.05);
    const g = greedySites(sets, { maxSites: 10 });
    for (let i = 1; i < g.gains.length; i++) expect(g.gains[i]!).toBeLessThanOrEqual(g.gains[i - 1]! + 1e-9);
    for (let i = 1; i <= g.sites.length; i++)
      expect(coveredBy(sets, Array.from(g.sites.slice(0, i)))).toBeCloseTo(
        g.gains.slice(0, i).reduce((a, b) => a + b, 0),
        9,
      );
    expect(g.evaluations).toBeLessThan(30 * 10); // lazy: fewer than one evaluation per candidate and pick
  });
});

describe('set covering (LSCP) against exhaustive search', () => {
  it('reaches the target with the minimum count', () => {
    for (let seed = 100; seed < 130; seed++) {
      const rand = mulberry32(seed);
      const m = 4 + Math.floor(rand() * 5);
      const sets = randomSets(seed, m, 6 + Math.floor(rand() * 12), 0.25);
      const reachable = coveredBy(
        sets,
        Array.from({ length: m }, (_, j) => j),
      );
      const target = reachable * (0.5 + rand() * 0.5);
      let best = Infinity;
      for (let k = 0; k <= m && best === Infinity; k++)
        for (const s of subsets(m, k))
          if (coveredBy(sets, s) >= target - 1e-9) {
            best = k;
            break;
          }
      const exact = solveExact(highs, sets, { kind: 'set-cover', targetWeight: target });
      expect(exact.status).toBe('optimal');
      expect(exact.sites.length).toBe(best);
      expect(coveredBy(sets, Array.from(exact.sites))).toBeGreaterThanOrEqual(target - 1e-6);
      expect(exact.bound).toBeLessThanOrEqual(best);
      const greedy = greedySites(sets, { targetWeight: target });
      expect(greedy.objective).toBeGreaterThanOrEqual(target - 1e-9);
      expect(greedy.sites.length).toBeGreaterThanOrEqual(best);
    }
  });

  it('says the target is infeasible when the candidates cannot reach it', () => {
    const sets = randomSets(5, 5, 20, 0.1);
    const reachable = coveredBy(sets, [0, 1, 2, 3, 4]);
    expect(solveExact(highs, sets, { kind: 'set-cover', targetWeight: reachable + 1 }).status).toBe('infeasible');
    expect(greedySites(sets, { targetWeight: reachable + 1 }).objective).toBeCloseTo(reachable, 9);
  });
});

describe('capacity-aware covering', () => {
  it('never assigns more than a site can serve; exact equals the max-flow optimum', () => {
    for (let seed = 200; seed < 220; seed++) {
      const rand = mulberry32(seed);
      const m = 3 + Math.floor(rand() * 4);
      const n = 4 + Math.floor(rand() * 8);
      const sets = randomSets(seed, m, n, 0.4);
      const capacity = Float64Array.from({ length: m }, () => 20 + Math.floor(rand() * 150));
      const k = 1 + Math.floor(rand() * 2);
      let opt = 0;
      for (const s of subsets(m, k)) opt = Math.max(opt, servedBy(sets, s, capacity));
      for (const result of [greedySites(sets, { maxSites: k, capacity })]) {
        const served = new Float64Array(n);
        result.sites.forEach((j, r) => {
          let total = 0;
          for (let e = result.assignment.offsets[r]!; e < result.assignment.offsets[r + 1]!; e++) {
            const d = result.assignment.demand[e]!;
            let inSet = false;
            for (let q = sets.offsets[j]!; q < sets.offsets[j + 1]!; q++) if (sets.demand[q] === d) inSet = true;
            expect(inSet).toBe(true);
            total += result.assignment.amount[e]!;
            served[d]! += result.assignment.amount[e]!;
          }
          expect(total).toBeLessThanOrEqual(capacity[j]! + 1e-9);
          expect(total).toBeCloseTo(result.gains[r]!, 9);
        });
        for (let d = 0; d < n; d++) expect(served[d]!).toBeLessThanOrEqual(sets.weight[d]! + 1e-9);
        expect(result.objective).toBeLessThanOrEqual(opt + 1e-9);
        expect(result.upperBound).toBeGreaterThanOrEqual(opt - 1e-9);
      }
      const exact = solveExact(highs, sets, { kind: 'max-cover', maxSites: k }, { capacity });
      expect(exact.status).toBe('optimal');
      expect(exact.coveredWeight).toBeCloseTo(opt, 5);
      expect(exact.bound).toBeGreaterThanOrEqual(opt - 1e-6);
      const a = exact.assignment!;
      exact.sites.forEach((j, r) => {
        let total = 0;
        for (let e = a.offsets[r]!; e < a.offsets[r + 1]!; e++) total += a.amount[e]!;
        expect(total).toBeLessThanOrEqual(capacity[j]! + 1e-6);
      });
    }
  });
});
