/**
 * The benchmark report: markdown tables of medians and one PASS/FAIL line per goal of the issue.
 */
import type { BenchResult } from './job';

/** The goals on the 2-core, 24 GB machine (issue text). */
const GOALS = Object.freeze({
  networkTotalMs: 5000,
  networkPeakRssMB: 2048,
  straightTotalMs: 2000,
  baselineRatio: 100,
});

const ms = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '—' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const mb = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : '—');
const int = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en-US'));

/** A markdown table with right-aligned columns padded to equal width. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, c) => cell.padStart(widths[c]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Our straight-line time for the baseline's work: index build + queries of every category, ms. */
function straightSearchMs(r: BenchResult): number {
  return Object.entries(r.stages)
    .filter(([k]) => k.startsWith('index') || k.startsWith('queries'))
    .reduce((s, [, v]) => s + v, 0);
}

/** Baseline ms ÷ our straight-line search ms for the same size, or NaN. */
function baselineRatio(straight: BenchResult | undefined, baseline: BenchResult | undefined): number {
  if (!straight || !baseline?.baseline) return NaN;
  return baseline.baseline.extrapolatedMs / straightSearchMs(straight);
}

function stageTable(results: BenchResult[], extra: (r: BenchResult) => Record<string, string>): string {
  const first = results[0];
  if (!first) return '(no runs)';
  const stageNames = Object.keys(first.stages);
  const extraNames = Object.keys(extra(first));
  const header = [
    'size',
    'segments',
    'facilities',
    'samples',
    'model',
    ...stageNames.map((s) => `${s} ms`),
    'total ms',
    'CPU ms',
    'load',
    'analyze() ms',
    'slider ms',
    'data RSS MB',
    'peak RSS MB',
    ...extraNames,
  ];
  const rows = results.map((r) => [
    r.job.size.name,
    int(r.counts.graphSegments ?? r.figures.walkableSegments),
    int(r.counts.facilities),
    int(r.counts.samples),
    r.job.kind,
    ...stageNames.map((s) => ms(r.stages[s])),
    ms(r.totalMs),
    ms(r.cpuMs),
    r.loadAverage.toFixed(1),
    ms(r.analyzeMs),
    ms(r.sliderMs),
    mb(r.datasetRssMB),
    `${mb(r.pipelinePeakRssMB)} (${mb(r.peakRssMB)})`,
    ...Object.values(extra(r)),
  ]);
  return markdownTable(header, rows);
}

/** CPU time per stage: on a shared machine the wall times above include waiting for a core. */
function cpuTable(results: BenchResult[]): string {
  const first = results[0];
  if (!first) return '';
  const stageNames = Object.keys(first.stagesCpu);
  return markdownTable(
    ['size', 'model', ...stageNames.map((s) => `${s} CPU ms`), 'total CPU ms'],
    results.map((r) => [r.job.size.name, r.job.kind, ...stageNames.map((s) => ms(r.stagesCpu[s])), ms(r.cpuMs)]),
  );
}

/** Figures about the machine, measured by the parent before the runs. */
export interface MachineFigures {
  /** The engine measured: commit, and uncommitted engine files if any. */
  version: string;
  /** See `calibrationNsPerElement`. */
  calibrationNs: number;
  /** 1-minute load average when the benchmark started. */
  loadAverage: number;
  cpus: number;
  memGB: number;
}

/** The whole report: network table, straight-line table with baseline ratios, baseline table, goals. */
export function formatReport(results: BenchResult[], repeatsBySize: Record<string, number>, machine: MachineFigures): string {
  const of = (size: string, kind: string): BenchResult | undefined => results.find((r) => r.job.size.name === size && r.job.kind === kind);
  const out: string[] = [];
  out.push(`Engine: ${machine.version}.`);
  out.push(
    `Machine: ${machine.cpus} cores, ${machine.memGB.toFixed(0)} GB, Node ${process.versions.node}; load average at start ${machine.loadAverage.toFixed(1)}; ` +
      `calibration ${machine.calibrationNs.toFixed(2)} CPU ns per element of a tight loop (lower = faster machine; compare runs by it).`,
  );
  out.push(
    `Medians of ${Object.entries(repeatsBySize)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')} run(s). Stage times and totals exclude generating the city.`,
  );
  out.push(
    'segments = walkable segments in the graph; CPU = process CPU time of the pipeline (GC threads included); load = 1-min load average during the runs (2 cores: above 2 the machine was shared);',
  );
  out.push("analyze() = the engine's one call end to end (same answers, checked); slider = computeCoverage with every threshold +5 min;");
  out.push(
    'peak RSS = maxRSS of the child after the staged runs (in brackets: after the analyze() runs too); data RSS = after generating the city.',
  );
  out.push('', '### Road network model', '');
  out.push(
    stageTable(
      results.filter((r) => r.job.kind === 'network'),
      () => ({}),
    ),
  );
  out.push('', cpuTable(results.filter((r) => r.job.kind === 'network')));
  out.push('', '### Straight-line model (and the naive @turf/distance baseline)', '');
  out.push(
    stageTable(
      results.filter((r) => r.job.kind === 'straight'),
      (r) => {
        const b = of(r.job.size.name, 'baseline')?.baseline;
        const ratio = baselineRatio(r, of(r.job.size.name, 'baseline'));
        return {
          'baseline ms': b ? `${ms(b.extrapolatedMs)}${b.subsetSamples < b.totalSamples ? '*' : ''}` : '—',
          ratio: Number.isFinite(ratio) ? `${ratio.toFixed(0)}×` : '—',
        };
      },
    ),
  );
  out.push('', cpuTable(results.filter((r) => r.job.kind === 'straight')));
  const baselines = results.filter((r) => r.baseline);
  if (baselines.length > 0) {
    out.push(
      '',
      'ratio = naive baseline ÷ our straight-line index + queries (the same work: nearest facility of 6 categories for every sample).',
    );
    out.push('* extrapolated linearly from the subset of samples the baseline scanned:', '');
    out.push(
      markdownTable(
        ['size', 'samples scanned', 'of', 'turf calls', 'scan ms', 'all samples ms', 'max |Δ| s vs ours', 'max rel Δ'],
        baselines.map((r) => {
          const b = r.baseline!;
          return [
            r.job.size.name,
            int(b.subsetSamples),
            int(b.totalSamples),
            int(b.pairs),
            ms(b.subsetMs),
            `${ms(b.extrapolatedMs)}${b.subsetSamples < b.totalSamples ? ` (extrapolated from ${b.subsetSamples.toLocaleString('en-US')} samples)` : ''}`,
            b.maxAbsDiffSeconds.toExponential(2),
            b.maxRelDiff.toExponential(2),
          ];
        }),
      ),
    );
  }

  out.push('', '### Goals', '');
  const goal = (text: string, value: number | undefined, pass: (v: number) => boolean, shown: (v: number) => string): void => {
    if (value === undefined || !Number.isFinite(value)) out.push(`- NOT MEASURED  ${text} (size not run)`);
    else out.push(`- ${pass(value) ? 'PASS' : 'FAIL'}  ${text}: ${shown(value)}`);
  };
  const ln = of('L', 'network');
  const ls = of('L', 'straight');
  goal(
    `L network, 6 categories, staged pipeline < ${GOALS.networkTotalMs} ms`,
    ln?.totalMs,
    (v) => v < GOALS.networkTotalMs,
    (v) => `${ms(v)} ms`,
  );
  goal(
    `L network, 6 categories, analyze() end to end < ${GOALS.networkTotalMs} ms`,
    ln?.analyzeMs,
    (v) => v < GOALS.networkTotalMs,
    (v) => `${ms(v)} ms`,
  );
  goal(
    `L network peak RSS < ${GOALS.networkPeakRssMB} MB (child process, dataset included)`,
    ln?.peakRssMB,
    (v) => v < GOALS.networkPeakRssMB,
    (v) => `${mb(v)} MB`,
  );
  goal(
    `L straight-line, 6 categories, staged pipeline < ${GOALS.straightTotalMs} ms`,
    ls?.totalMs,
    (v) => v < GOALS.straightTotalMs,
    (v) => `${ms(v)} ms`,
  );
  goal(
    `L straight-line, 6 categories, analyze() end to end < ${GOALS.straightTotalMs} ms`,
    ls?.analyzeMs,
    (v) => v < GOALS.straightTotalMs,
    (v) => `${ms(v)} ms`,
  );
  const mRatio = baselineRatio(of('M', 'straight'), of('M', 'baseline'));
  goal(
    `M (100,000 samples) straight-line ≥ ${GOALS.baselineRatio}× faster than the naive baseline`,
    mRatio,
    (v) => v >= GOALS.baselineRatio,
    (v) => `${v.toFixed(0)}×`,
  );

  const notes = results.flatMap((r) => r.notes.map((n) => `${r.job.size.name} ${r.job.kind}: ${n}`));
  const problems = results.flatMap((r) => r.problems.map((p) => `${r.job.size.name} ${r.job.kind}: ${p}`));
  out.push('', '### Checks', '');
  for (const n of notes) out.push(`- ok  ${n}`);
  for (const p of problems) out.push(`- DISAGREE  ${p}`);
  return out.join('\n');
}
