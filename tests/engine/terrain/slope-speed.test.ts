import { describe, expect, it } from 'vitest';
import { EBIKE_PROFILE, BICYCLE_PROFILE } from '../../../src/engine/presets/mode-profiles';
import {
  BICYCLE_SLOPE_RULE,
  cyclingSpeedKmh,
  cyclingTimeFactor,
  EBIKE_SLOPE_RULE,
  toblerSpeedRatio,
  walkingTimeFactor,
} from '../../../src/engine/terrain/slope-speed';

describe('walking: Tobler normalised to flat ground', () => {
  it.each([
    // slope, speed ÷ flat speed (Tobler 1993: exp(−3.5·|s + 0.05|) ÷ exp(−3.5·0.05))
    [0, 1],
    [-0.05, Math.exp(0.175)], // fastest: 5 % downhill, ×1.19
    [0.1, Math.exp(-0.35)], // 10 % up, ×0.70
    [-0.1, 1], // 10 % down: exactly the flat speed
    [0.2, Math.exp(-0.7)],
  ])('slope %f walks at %f × the flat speed', (slope, ratio) => {
    expect(toblerSpeedRatio(slope)).toBeCloseTo(ratio, 12);
    expect(walkingTimeFactor(slope)).toBeCloseTo(1 / ratio, 12);
  });
  it('keeps the flat speed bit for bit at 0 %', () => {
    expect(toblerSpeedRatio(0)).toBe(1);
    expect(walkingTimeFactor(0)).toBe(1);
  });
});

describe('cycling: slower uphill, faster downhill but capped', () => {
  // flat km/h, slope, rule, expected km/h — the documented rule: flat ÷ (1 + k·s) uphill,
  // flat × (1 + 5·|s|) downhill, never above max(flat, 30 km/h)
  it.each([
    ['bicycle flat', 16, 0, BICYCLE_SLOPE_RULE, 16],
    ['bicycle 5 % up', 16, 0.05, BICYCLE_SLOPE_RULE, 16 / 1.5],
    ['bicycle 10 % up: half', 16, 0.1, BICYCLE_SLOPE_RULE, 8],
    ['bicycle 20 % up: a third', 18, 0.2, BICYCLE_SLOPE_RULE, 6],
    ['bicycle 5 % down', 16, -0.05, BICYCLE_SLOPE_RULE, 20],
    ['bicycle 10 % down: ×1.5', 16, -0.1, BICYCLE_SLOPE_RULE, 24],
    ['bicycle 20 % down: capped', 16, -0.2, BICYCLE_SLOPE_RULE, 30],
    ['e-bike flat', 20, 0, EBIKE_SLOPE_RULE, 20],
    ['e-bike 10 % up: ÷1.6', 20, 0.1, EBIKE_SLOPE_RULE, 12.5],
    ['e-bike 5 % down', 20, -0.05, EBIKE_SLOPE_RULE, 25],
    ['e-bike 10 % down: ×1.5 = the cap', 20, -0.1, EBIKE_SLOPE_RULE, 30],
    ['e-bike 15 % down: capped', 20, -0.15, EBIKE_SLOPE_RULE, 30],
    ['a flat speed above the cap is never slowed downhill', 35, -0.1, BICYCLE_SLOPE_RULE, 35],
  ])('%s: %f km/h at slope %f → %f km/h', (_name, flat, slope, rule, want) => {
    expect(cyclingSpeedKmh(flat, slope, rule)).toBeCloseTo(want, 12);
    expect(cyclingTimeFactor(flat, rule)(slope)).toBeCloseTo(flat / want, 12);
  });

  it('is exactly the flat speed at 0 %, falls steadily uphill and rises downhill up to the cap', () => {
    for (const [rule, flat] of [
      [BICYCLE_SLOPE_RULE, 16],
      [EBIKE_SLOPE_RULE, 20],
    ] as const) {
      expect(cyclingSpeedKmh(flat, 0, rule)).toBe(flat);
      expect(cyclingTimeFactor(flat, rule)(0)).toBe(1);
      let up: number = flat;
      let down: number = flat;
      for (let s = 0.01; s <= 0.3001; s += 0.01) {
        const u = cyclingSpeedKmh(flat, s, rule);
        const d = cyclingSpeedKmh(flat, -s, rule);
        expect(u).toBeLessThan(up);
        expect(d).toBeGreaterThanOrEqual(down);
        expect(d).toBeLessThanOrEqual(rule.maxDownhillKmh);
        up = u;
        down = d;
      }
      expect(down).toBe(rule.maxDownhillKmh);
    }
  });

  it('an e-bike climbs faster than a bicycle (the motor); each profile names its rule', () => {
    expect(cyclingSpeedKmh(EBIKE_PROFILE.defaultSpeedKmh, 0.1, EBIKE_PROFILE.slopeRule)).toBeGreaterThan(
      cyclingSpeedKmh(BICYCLE_PROFILE.defaultSpeedKmh, 0.1, BICYCLE_PROFILE.slopeRule),
    );
    expect(BICYCLE_PROFILE.slopeRule).toBe(BICYCLE_SLOPE_RULE);
    expect(EBIKE_PROFILE.slopeRule).toBe(EBIKE_SLOPE_RULE);
  });
});
