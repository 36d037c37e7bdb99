import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../engine/analyze';
import { findGapZones } from '../engine/coverage/gap-zones';
import { writeAnalysisReport } from '../io/analysis-report';
import type { CrsId } from '../io/crs';
import { reportTime } from '../io/report-metadata';
import { reportProblems } from '../io/report-summary';
import { formatProblem, loadInputs, type InputOptions } from './load-inputs';
import { createProgress } from './progress';

/** Output streams of a command (process.stdout/stderr, or buffers in tests). */
export interface CliStreams {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `analyze`: coverage and gaps of every category, written to `outDir` as gaps.geojson,
 * communities.geojson, summary.json and coverage.csv. The reports carry their provenance; their time is
 * `generatedAt`, else `SOURCE_DATE_EPOCH` (reproducible output), else now.
 *
 * @returns exit code: 0 on success, 2 on unusable input (reasons printed on stderr)
 */
export async function runAnalyze(opts: InputOptions & { out: string; exportCrs?: CrsId; generatedAt?: string }, io: CliStreams): Promise<number> {
  const progress = createProgress(io.err);
  progress.step('reading input');
  const input = await loadInputs(opts);
  progress.done();
  for (const e of input.errors) io.err(`error: ${formatProblem(e)}\n`);
  for (const w of input.warnings) io.err(`warning: ${formatProblem(w)}\n`);
  if (input.fatal.length > 0 || !input.dataset || !input.settings) {
    io.err(`lifecircle: cannot analyse:\n${input.fatal.map((r) => `  - ${r}\n`).join('')}`);
    return 2;
  }
  const { dataset, settings } = input;
  const analysis = analyze(dataset, settings, (stage) => progress.step(stage));
  progress.step('gap zones');
  const zones = findGapZones(analysis.samples, analysis.fields, settings);
  progress.step('writing reports');
  for (const w of analysis.warnings) io.err(`warning: ${formatProblem(w)}\n`);
  const files = writeAnalysisReport(dataset, analysis, zones, settings, reportProblems([...input.warnings, ...analysis.warnings], input.errors), {
    inputs: input.inputs, generatedAt: opts.generatedAt ?? reportTime(process.env.SOURCE_DATE_EPOCH), ...(opts.exportCrs ? { crs: opts.exportCrs } : {}),
  });
  mkdirSync(opts.out, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(opts.out, name), text);
  progress.done();
  const cov = analysis.coverage;
  io.out(`model: ${analysis.model}; ${dataset.communities.length} communities, ${Math.round(cov.population.total)} residents, ${dataset.facilities.length} facilities\n`);
  settings.categories.forEach((c, k) => {
    const t = cov.totals[k]!;
    const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
    io.out(`  ${c.id.padEnd(12)} ${pct(t.share).padStart(8)}  (urban ${pct(t.urbanShare)}, rural ${pct(t.ruralShare)})\n`);
  });
  const complete = cov.population.total > 0 ? cov.completeCovered / cov.population.total : NaN;
  io.out(`  complete circle ${Number.isFinite(complete) ? (complete * 100).toFixed(1) : '–'} %; ${analysis.gaps.length} communities with gaps, ${zones.length} gap zones\n`);
  io.out(`wrote ${Object.keys(files).map((f) => join(opts.out, f)).join(', ')}\n`);
  if (input.errors.length > 0) io.out(`${input.errors.length} features skipped, ${input.warnings.length + analysis.warnings.length} warnings (see stderr and summary.json)\n`);
  return 0;
}
