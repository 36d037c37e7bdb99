import { describe, expect, it } from 'vitest';
import { gini, giniAndLorenz, lorenzCurve } from '../../../src/engine/indicators/gini';
import { mulberry32 } from '../../../src/engine/prng';
import { deepFreeze } from '../../helpers/fixtures';

/** The textbook double sum: Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ). */
function bruteGini(x: number[], w: number[]): number {
  let W = 0;
  let S = 0;
  let pairs = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(w[i]! > 0)) continue;
    W += w[i]!;
    S += w[i]! * x[i]!;
    for (let j = 0; j < x.length; j++) if (w[j]! > 0) pairs += w[i]! * w[j]! * Math.abs(x[i]! - x[j]!);
  }
  return pairs / (2 * W * S);
}

describe('gini', () => {
  it('equals the double-sum definition on seeded random data (ties, zero weights, binary shares)', () => {
    const rand = mulberry32(16);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(rand() * 40);
      const binary = trial % 3 === 0;
      const x = Array.from({ length: n }, () => (binary ? (rand() < 0.6 ? 1 : 0) : Math.round(rand() * 10) / 10));
      const w = Array.from({ length: n }, () => (rand() < 0.1 ? 0 : Math.round(rand() * 5000)));
      const want = bruteGini(x, w);
      const got = gini(deepFreeze(x), deepFreeze(w));
      if (Number.isNaN(want)) expect(got).toBeNaN();
      else expect(got).toBeCloseTo(want, 12);
    }
  });

  it('is 0 when everyone has the same share, and 1 − share for all-or-nothing coverage of equal communities', () => {
    expect(gini([0.7, 0.7, 0.7], [10, 20, 30])).toBe(0);
    // 3 of 4 equal communities covered: mean 0.75, G = Σ|xi−xj| w² / (2 W² μ) = (2·3·1)/(2·16·0.75) = 0.25
    expect(gini([1, 1, 1, 0], [1, 1, 1, 1])).toBeCloseTo(0.25, 15);
  });

  it('is NaN when no one is covered or no one lives there', () => {
    expect(gini([0, 0], [5, 5])).toBeNaN();
    expect(gini([1, 1], [0, 0])).toBeNaN();
  });

  it('Lorenz curve: ends at (0,0) and (1,1), never above the diagonal, and 1 − 2·area equals the Gini', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(rand() * 30);
      // equal weights and n dividing the steps: the sampled curve holds every corner, so the area is exact
      const x = Array.from({ length: n }, () => rand());
      const w = x.map(() => 1);
      const steps = n * 10;
      const pts = lorenzCurve(x, w, steps);
      expect(pts[0]).toEqual([0, 0]);
      expect(pts[steps]).toEqual([1, 1]);
      let area = 0;
      for (let k = 1; k < pts.length; k++) {
        expect(pts[k]![1]).toBeLessThanOrEqual(pts[k]![0] + 1e-12);
        expect(pts[k]![1]).toBeGreaterThanOrEqual(pts[k - 1]![1]);
        area += ((pts[k]![1] + pts[k - 1]![1]) / 2) * (pts[k]![0] - pts[k - 1]![0]);
      }
      expect(1 - 2 * area).toBeCloseTo(bruteGini(x, w), 9);
    }
  });

  it('orders values as a comparison sort does (ties by index, -0 with 0), bit for bit: Lorenz and Gini equal a brute-force walk', () => {
    // a walk over the pairs sorted with a comparison function: the same sums in the same order
    const bruteLorenzGini = (x: number[], w: number[], steps: number): { lorenz: [number, number][]; gini: number } => {
      const idx = [...x.keys()]
        .filter((i) => w[i]! > 0 && Number.isFinite(x[i]!) && Number.isFinite(w[i]!))
        .sort((a, b) => x[a]! - x[b]! || a - b);
      let W = 0;
      let S = 0;
      for (const i of idx) {
        W += w[i]!;
        S += w[i]! * x[i]!;
      }
      if (!(W > 0) || !(S > 0)) return { lorenz: [], gini: NaN };
      let before = 0;
      let sum = 0;
      for (const i of idx) {
        const after = before + w[i]!;
        sum += w[i]! * x[i]! * (before + after - W);
        before = after;
      }
      const lorenz: [number, number][] = [];
      let j = 0;
      let cw = 0;
      let cs = 0;
      for (let k = 0; k <= steps; k++) {
        const target = (k / steps) * W;
        while (j < idx.length && cw + w[idx[j]!]! < target) {
          cw += w[idx[j]!]!;
          cs += w[idx[j]!]! * x[idx[j]!]!;
          j++;
        }
        const y = j < idx.length ? cs + (target - cw) * x[idx[j]!]! : cs;
        lorenz.push([k / steps, k === steps ? 1 : Math.min(1, y / S)]);
      }
      return { lorenz, gini: Math.max(0, sum / (W * S)) };
    };
    const rand = mulberry32(2718);
    // magnitudes across the whole double range (subnormals, huge), exact ties, both zeros, negative values, non-finite values left out
    const pool = [
      -1e300,
      -3,
      -0.5,
      -0.1,
      -(0.1 + 1e-17),
      -5e-324,
      0,
      -0,
      5e-324,
      1e-310,
      1e-300,
      0.1,
      0.1 + 1e-17,
      0.3,
      0.5,
      1,
      1 + Number.EPSILON,
      3,
      1e10,
      1e300,
      NaN,
      Infinity,
    ];
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(rand() * 300);
      const x = Array.from({ length: n }, () =>
        rand() < 0.5 ? pool[Math.floor(rand() * pool.length)]! : rand() * 10 ** Math.floor(rand() * 8 - 4),
      );
      const w = Array.from({ length: n }, () => (rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 50)));
      const steps = 1 + Math.floor(rand() * 40);
      const want = bruteLorenzGini(x, w, steps);
      const got = giniAndLorenz(x, w, steps);
      // toEqual: NaN equals NaN (a total of 1e300 values overflows to Infinity on both sides alike)
      expect(got).toEqual(want);
    }
  });
});
