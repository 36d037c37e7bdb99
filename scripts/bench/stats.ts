/**
 * Small timing helpers for the benchmark: a stage stopwatch and medians.
 */
import { performance } from 'node:perf_hooks';

/** Stage name → milliseconds of one run, in the order the stages ran. */
export type StageTimes = Record<string, number>;

/**
 * Times stages of one run: `stage(name, fn)` runs `fn`, records its wall and CPU time in ms and
 * returns its value. `totalMs()` is the wall time since the stopwatch was made (not the sum of stages).
 */
export class Stopwatch {
  readonly stages: StageTimes = {};
  /** CPU milliseconds per stage (process CPU time: user + system, all threads). */
  readonly stagesCpu: StageTimes = {};
  private readonly started = performance.now();
  private readonly cpuStarted = process.cpuUsage();

  /** Runs `fn` and records its wall time under `name` (added to when the name repeats). */
  stage<T>(name: string, fn: () => T): T {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const value = fn();
    this.stages[name] = (this.stages[name] ?? 0) + (performance.now() - t0);
    const used = process.cpuUsage(c0);
    this.stagesCpu[name] = (this.stagesCpu[name] ?? 0) + (used.user + used.system) / 1000;
    return value;
  }

  /** Milliseconds since construction. */
  totalMs(): number {
    return performance.now() - this.started;
  }

  /** CPU milliseconds (user + system, all threads of the process: GC helpers included) since construction. */
  cpuMs(): number {
    const used = process.cpuUsage(this.cpuStarted);
    return (used.user + used.system) / 1000;
  }
}

/**
 * Median of numbers (mean of the two middle values for an even count).
 *
 * @throws RangeError on an empty list
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of every stage over several runs (stages named as in the first run). */
export function medianStages(runs: readonly StageTimes[]): StageTimes {
  const out: StageTimes = {};
  const first = runs[0];
  if (!first) return out;
  for (const name of Object.keys(first)) out[name] = median(runs.map((r) => r[name] ?? NaN));
  return out;
}

/** Resident set size now, MB. */
export function rssMB(): number {
  return process.memoryUsage.rss() / 2 ** 20;
}

/** Peak resident set size of this process so far, MB (`process.resourceUsage().maxRSS` is in KB). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Node flags of the bench's TypeScript children: a big heap, `gc()` exposed, tsx to load the sources. */
export const CHILD_NODE_ARGS: readonly string[] = ['--max-old-space-size=8192', '--expose-gc', '--import', 'tsx'];

/** Runs a full garbage collection when node was started with `--expose-gc`. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Machine speed right now: CPU nanoseconds per element of a tight thresholded sum over 6,000,000
 * Float32 values (median of 5). A figure to compare runs by: when it doubles, the cores were shared
 * or throttled and every time in the report is inflated about alike.
 */
export function calibrationNsPerElement(): number {
  const n = 6_000_000;
  const values = new Float32Array(n);
  for (let i = 0; i < n; i++) values[i] = (i * 7919) % 1800;
  const runs: number[] = [];
  let sink = 0;
  for (let r = 0; r < 5; r++) {
    const c0 = process.cpuUsage();
    let sum = 0;
    for (let i = 0; i < n; i++) if (values[i]! <= 900) sum += values[i]!;
    const used = process.cpuUsage(c0);
    sink += sum;
    runs.push(((used.user + used.system) * 1000) / n);
  }
  return sink > 0 ? median(runs) : NaN;
}
