import { describe, expect, it } from 'vitest';
import { gini, lorenzCurve } from '../../../src/engine/indicators/gini';
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
});
