/**
 * How slope changes travel speed. Slope `s` is rise ÷ run (metres per horizontal metre) in the
 * direction of travel: positive uphill, negative downhill. Both rules return the speed as a share
 * of the flat speed, so flat ground (s = 0) keeps exactly the speed the settings choose.
 */

const TOBLER_EXPONENT = 3.5;
const TOBLER_OPTIMUM = 0.05;
const TOBLER_FLAT = Math.exp(-TOBLER_EXPONENT * TOBLER_OPTIMUM);

/**
 * Tobler's hiking function normalised to flat ground:
 * `v(s) / v_flat = exp(−3.5·|s + 0.05|) / exp(−3.5·0.05)` (Tobler 1993; fastest at 5 % downhill,
 * ×1.19; 10 % uphill ×0.70; 10 % downhill ×1.00).
 *
 * @param slope rise ÷ run in the direction of travel
 * @returns walking speed ÷ flat walking speed (exactly 1 at slope 0)
 */
export function toblerSpeedRatio(slope: number): number {
  return Math.exp(-TOBLER_EXPONENT * Math.abs(slope + TOBLER_OPTIMUM)) / TOBLER_FLAT;
}

/** Parameters of {@link cyclingSpeedKmh}. */
export interface CyclingSlopeRule {
  /** Uphill: speed = flat ÷ (1 + uphillPerSlope × s); 10 means half speed at 10 %. */
  uphillPerSlope: number;
  /** Downhill: speed = flat × (1 + downhillPerSlope × |s|), before the cap. */
  downhillPerSlope: number;
  /** Downhill cap, km/h: never faster than this (nor slower than the flat speed because of it). */
  maxDownhillKmh: number;
}

/**
 * Bicycle: half the flat speed at 10 % uphill, 1.5× at 10 % downhill, capped at 30 km/h (braking on
 * shared village roads). Physics behind the uphill half: a rider and bicycle of 85 kg climbing 10 %
 * push against ~83 N of gravity plus ~4 N of rolling resistance, so ~200 W (a fit commuter's
 * sustained effort) gives ~2.2 m/s ≈ 8 km/h, half of the profile's 16 km/h on the flat. The same
 * shape (speed ∝ 1 ÷ (1 + k·s) uphill, capped downhill) is what OSRM's and GraphHopper's bike
 * profiles approximate with per-slope speed tables.
 */
export const BICYCLE_SLOPE_RULE: CyclingSlopeRule = Object.freeze({ uphillPerSlope: 10, downhillPerSlope: 5, maxDownhillKmh: 30 });

/**
 * E-bike (电动自行车): 10 % uphill at 1 ÷ 1.6 of the flat speed (20 → 12.5 km/h), downhill as the
 * bicycle (×1.5 at 10 %, capped at 30 km/h). Physics: GB 17761-2018 caps the motor's rated power
 * at 400 W and the vehicle at 55 kg; with a 70 kg rider (125 kg) 10 % takes ~122 N of gravity plus
 * ~8 N rolling, so 400 W of motor and ~50 W of pedalling give ~3.5 m/s ≈ 12.5 km/h.
 */
export const EBIKE_SLOPE_RULE: CyclingSlopeRule = Object.freeze({ uphillPerSlope: 6, downhillPerSlope: 5, maxDownhillKmh: 30 });

/**
 * Cycling speed on a slope: uphill the speed falls as `flat ÷ (1 + uphillPerSlope × s)` (the
 * rider's power goes into climbing); downhill it rises as `flat × (1 + downhillPerSlope × |s|)`
 * but never above `max(flat, maxDownhillKmh)`. Each riding profile names its rule
 * (`ModeProfile.slopeRule`: {@link BICYCLE_SLOPE_RULE}, {@link EBIKE_SLOPE_RULE}).
 *
 * @param flatKmh the mode's speed on flat ground, km/h (> 0)
 * @param slope rise ÷ run in the direction of travel
 * @param rule the uphill/downhill coefficients and downhill cap
 * @returns km/h (exactly `flatKmh` at slope 0)
 */
export function cyclingSpeedKmh(flatKmh: number, slope: number, rule: CyclingSlopeRule = BICYCLE_SLOPE_RULE): number {
  if (slope > 0) return flatKmh / (1 + rule.uphillPerSlope * slope);
  if (slope < 0) return Math.min(flatKmh * (1 - rule.downhillPerSlope * slope), Math.max(flatKmh, rule.maxDownhillKmh));
  return flatKmh;
}

/**
 * Time on a slope as a multiple of the time on flat ground (1 ÷ the speed ratio): the factor a
 * graph's effort metres are multiplied by.
 */
export type SlopeTimeFactor = (slope: number) => number;

/** Walking: `1 ÷ toblerSpeedRatio(slope)`. */
export const walkingTimeFactor: SlopeTimeFactor = (slope) => 1 / toblerSpeedRatio(slope);

/**
 * Cycling at a given flat speed: `flatKmh ÷ cyclingSpeedKmh(flatKmh, slope, rule)`.
 *
 * @param flatKmh the mode's flat speed, km/h
 */
export function cyclingTimeFactor(flatKmh: number, rule: CyclingSlopeRule = BICYCLE_SLOPE_RULE): SlopeTimeFactor {
  return (slope) => flatKmh / cyclingSpeedKmh(flatKmh, slope, rule);
}
