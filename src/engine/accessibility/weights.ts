/**
 * Distance-decay weights of the floating-catchment methods (PySAL `access` weights.py: `step_fn`,
 * `gaussian`, `gravity`), scaled to the category's threshold: a weight is a function of the share
 * `x = t / T` of the catchment a trip uses (t seconds, T the threshold of the demand point's kind in
 * seconds), so one table serves the urban 15-minute and the rural 20-minute circle alike.
 */

/**
 * A weight table as a settings file gives it (`categories[i].accessWeights`).
 *
 * - `step`: minutes → weight, e.g. `{ "5": 1, "10": 0.68, "15": 0.22 }` (Luo & Qi's E2SFCA zones);
 *   the largest key stands for the threshold, the others are scaled with it (5 of 15 minutes =
 *   the first third of the catchment). A trip gets the weight of the first key it does not exceed
 *   (inclusive, as PySAL's `step_fn`).
 * - `gaussian`: `exp(−x² / (2σ²))` with `sigma` a share of the threshold (PySAL `gaussian`).
 * - `gravity`: `max(x, min)^alpha` with `alpha < 0` and `min` a share of the threshold > 0 (PySAL
 *   `gravity` with the threshold as its scale).
 */
export type AccessWeights =
  { type: 'step'; steps: Record<string, number> } | { type: 'gaussian'; sigma: number } | { type: 'gravity'; alpha: number; min: number };

/** The default E2SFCA weights: `{ "5": 1, "10": 0.68, "15": 0.22 }` minutes of a 15-minute circle. */
export const DEFAULT_ACCESS_WEIGHTS: AccessWeights = { type: 'step', steps: { '5': 1, '10': 0.68, '15': 0.22 } };

/**
 * A weight function of one category for one threshold: `weight(seconds)` for a trip of `seconds`
 * inside the catchment (callers apply the catchment `seconds ≤ thresholdSeconds` themselves).
 */
export type WeightFn = (seconds: number) => number;

/**
 * What is wrong with a weight table, as `[path, reason]` pairs (path relative to the table, e.g.
 * `steps.10`); empty when it is usable. A table must be decreasing: the weights never grow with
 * time (a later step weight above an earlier one, or a gravity `alpha` > 0, is refused).
 *
 * @param w the table (from a settings file: any shape)
 */
export function weightProblems(w: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (typeof w !== 'object' || w === null || Array.isArray(w))
    return [['', 'is not an object {"type": "step" | "gaussian" | "gravity", …}']];
  const o = w as Record<string, unknown>;
  const num = (key: string): number | null => {
    const v = o[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    out.push([key, `${JSON.stringify(v) ?? 'undefined'} is not a number`]);
    return null;
  };
  const allowed = o.type === 'step' ? ['type', 'steps'] : o.type === 'gaussian' ? ['type', 'sigma'] : ['type', 'alpha', 'min'];
  for (const k of Object.keys(o)) if (!allowed.includes(k)) out.push([k, `unknown field (allowed: ${allowed.join(', ')})`]);
  if (o.type === 'step') {
    const steps = o.steps;
    if (typeof steps !== 'object' || steps === null || Array.isArray(steps) || Object.keys(steps).length === 0) {
      out.push(['steps', 'must be a non-empty object of minutes → weight, e.g. {"5": 1, "10": 0.68, "15": 0.22}']);
      return out;
    }
    const entries: [number, number, string][] = [];
    for (const [k, v] of Object.entries(steps as Record<string, unknown>)) {
      const minutes = Number(k);
      if (k.trim() === '' || !Number.isFinite(minutes) || minutes <= 0) out.push([`steps.${k}`, `key "${k}" is not minutes > 0`]);
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) out.push([`steps.${k}`, `${JSON.stringify(v)} is not a weight ≥ 0`]);
      else entries.push([minutes, v, k]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < entries.length; i++) {
      if (entries[i]![1] > entries[i - 1]![1])
        out.push([
          `steps.${entries[i]![2]}`,
          `weight ${entries[i]![1]} at ${entries[i]![2]} min is above ${entries[i - 1]![1]} at ${entries[i - 1]![2]} min: the table must be decreasing`,
        ]);
    }
    if (entries.length > 0 && entries.every((e) => e[1] === 0)) out.push(['steps', 'every weight is 0']);
  } else if (o.type === 'gaussian') {
    const s = num('sigma');
    if (s !== null && !(s > 0)) out.push(['sigma', `${s} must be > 0 (a share of the threshold, e.g. 0.5)`]);
  } else if (o.type === 'gravity') {
    const a = num('alpha');
    const m = num('min');
    if (a !== null && a > 0) out.push(['alpha', `${a} > 0 makes the weight grow with time: the table must be decreasing (alpha ≤ 0)`]);
    if (m !== null && !(m > 0 && m <= 1)) out.push(['min', `${m} must be > 0 and ≤ 1 (a share of the threshold)`]);
  } else {
    out.push(['type', `${JSON.stringify(o.type) ?? 'undefined'} must be "step", "gaussian" or "gravity"`]);
  }
  return out;
}

/**
 * The weight function of a table for one threshold.
 *
 * @param w a valid table ({@link weightProblems} empty)
 * @param thresholdSeconds the catchment T of the demand point's kind, seconds (> 0)
 * @throws RangeError on an invalid table or threshold (programmer error: settings are checked on reading)
 */
export function weightFunction(w: AccessWeights, thresholdSeconds: number): WeightFn {
  const problems = weightProblems(w);
  if (problems.length > 0) throw new RangeError(`weightFunction: ${problems.map(([p, r]) => `${p}: ${r}`).join('; ')}`);
  if (!(thresholdSeconds > 0)) throw new RangeError(`weightFunction: bad threshold ${thresholdSeconds} s`);
  const T = thresholdSeconds;
  if (w.type === 'step') {
    const entries = Object.entries(w.steps)
      .map(([k, v]) => [Number(k), v] as const)
      .sort((a, b) => a[0] - b[0]);
    const maxKey = entries[entries.length - 1]![0];
    // step ends in seconds: key / largest key of the threshold (5 of 15 min at T = 900 s: exactly 300 s)
    const ends = Float64Array.from(entries, ([k]) => (k * T) / maxKey);
    const values = Float64Array.from(entries, ([, v]) => v);
    const n = ends.length;
    return (seconds) => {
      for (let i = 0; i < n; i++) if (seconds <= ends[i]!) return values[i]!;
      return 0;
    };
  }
  if (w.type === 'gaussian') {
    const s = w.sigma * T;
    const twoS2 = 2 * s * s;
    return (seconds) => Math.exp(-(seconds * seconds) / twoS2);
  }
  const { alpha, min } = w;
  return (seconds) => Math.pow(Math.max(seconds / T, min), alpha);
}
