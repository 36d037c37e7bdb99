import { describe, expect, it } from 'vitest';
import {
  BICYCLE_SLOPE_RULE,
  cyclingSpeedKmh,
  cyclingTimeFactor,
  toblerSpeedRatio,
  walkingTimeFactor,
} from '../../../src/engine/terrain/slope-speed';

describe('slope rules', () => {
  it('Tobler keeps the flat speed at 0 % and peaks at 5 % downhill', () => {
    expect(toblerSpeedRatio(0)).toBe(1);
    expect(walkingTimeFactor(0)).toBe(1);
    expect(toblerSpeedRatio(-0.05)).toBeCloseTo(Math.exp(0.175), 12);
    expect(toblerSpeedRatio(0.1)).toBeCloseTo(Math.exp(-0.35), 12);
  });
  it('cycling slows uphill (half at 10 %) and is capped downhill', () => {
    expect(cyclingSpeedKmh(18, 0)).toBe(18);
    expect(cyclingSpeedKmh(18, 0.1)).toBeCloseTo(9, 12);
    expect(cyclingSpeedKmh(18, -0.1)).toBeCloseTo(27, 12);
    expect(cyclingSpeedKmh(18, -0.3)).toBe(BICYCLE_SLOPE_RULE.maxDownhillKmh);
    expect(cyclingTimeFactor(18)(0.1)).toBeCloseTo(2, 12);
  });
});
