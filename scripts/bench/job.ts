/**
 * What the benchmark parent asks a child process to do, and what the child answers. One child runs
 * one (size, model) so memory is isolated and its peak RSS is its own.
 */
import type { CityFigures, CitySize } from './synthetic-city';
import type { AccessibilityBench } from './accessibility-bench';
import type { BaselineResult } from './naive-baseline';
import type { StageTimes } from './stats';

/** `network` / `straight`: the staged pipeline and `analyze()`; `baseline`: the naive turf scan. */
export type JobKind = 'network' | 'straight' | 'baseline';

export interface BenchJob {
  size: CitySize;
  kind: JobKind;
  repeats: number;
  seed: number;
}

export interface BenchResult {
  job: BenchJob;
  figures: CityFigures;
  /** Counts the engine saw. */
  counts: { graphSegments: number | null; graphNodes: number | null; facilities: number; samples: number };
  /** Generating the city (not counted in any total), ms. */
  generateMs: number;
  /** Median per stage, ms. */
  stages: StageTimes;
  /** Median CPU time per stage, ms. */
  stagesCpu: StageTimes;
  /** Median of the pipeline wall times, ms. */
  totalMs: number;
  /** Median CPU time of the pipeline runs, ms. */
  cpuMs: number;
  /** Median of the load average (1 min) over the runs: above 2 the 2-core machine was shared. */
  loadAverage: number;
  /** Every pipeline wall time, ms. */
  totalRunsMs: number[];
  /** Median of `analyze()` end to end (samples … coverage, warnings and gaps), ms. */
  analyzeMs: number;
  /** Median slider move (re-threshold only), ms. */
  sliderMs: number;
  /** RSS right after generating the city (and a GC), MB. */
  datasetRssMB: number;
  /** Peak RSS of the child after generating and the staged pipeline runs, before `analyze()` ran, MB. */
  pipelinePeakRssMB: number;
  /** Peak RSS of the child process over everything (`resourceUsage().maxRSS`), MB. */
  peakRssMB: number;
  /** Disagreements found by the checks (0 when all is well); a message per kind. */
  problems: string[];
  /** Facts for the report (checks that passed, figures). */
  notes: string[];
  baseline?: BaselineResult;
  /** 2SFCA and E2SFCA of every category, and the brute-force ratio. */
  accessibility?: AccessibilityBench;
}
