import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { computeAccessibility } from '../engine/accessibility/compute-accessibility';
import { analyze } from '../engine/analyze';
import { districtGroups } from '../engine/indicators/district-groups';
import { districtPolygons } from '../engine/indicators/district-polygons';
import { categoryDemand } from '../engine/coverage/category-demand';
import { findGapZones } from '../engine/coverage/gap-zones';
import {
  REPORT_LAYERS,
  reportIndicators,
  streamAnalysisReport,
  writeAnalysisReportBytes,
  type ReportFileSink,
} from '../io/analysis-report';
import type { CsvLabelOptions } from '../io/csv-labels';
import type { Problem } from '../engine/model';
import { crsName, type CrsId } from '../io/crs';
import { reportTime } from '../io/report-metadata';
import { reportProblems } from '../io/report-summary';
import { formatProblem, loadInputs, type InputOptions } from './load-inputs';
import { createProgress, type Progress, type TerminalStream } from './progress';

/** A file written in chunks (created or truncated at once; each chunk written whole before the call returns). */
function fileSink(path: string): ReportFileSink {
  const fd = openSync(path, 'w');
  return {
    write: (chunk) => {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at, chunk.length - at);
    },
    close: () => closeSync(fd),
  };
}

/** Output streams of a command (process.stdout/stderr, or buffers in tests). */
export interface CliStreams {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr when it is a terminal: progress is drawn there as a bar (else plain lines through `err`). */
  tty?: TerminalStream;
}

/** Options of `analyze` (paths as typed, output options). */
export interface AnalyzeOptions extends InputOptions {
  out: string;
  exportCrs?: CrsId;
  /** Language of coverage.csv (headers and values) and whether the codes follow as a second header row; default: codes only. */
  csv?: CsvLabelOptions;
  generatedAt?: string;
  /**
   * Formats of the layers: `geojson` (one file per layer) and/or `shapefile` (shapefiles.zip, one
   * shapefile per layer); default geojson. summary.json and coverage.csv are always written.
   */
  formats?: readonly ('geojson' | 'shapefile')[];
  /** Print summary.json on stdout instead of the human summary. */
  json?: boolean;
  /** No warnings on stderr (they stay in summary.json). */
  quiet?: boolean;
}

/**
 * `analyze`: coverage and gaps of every category, written to `outDir` as gap-communities.geojson, gap-zones.geojson,
 * communities.geojson, summary.json, coverage.csv, accessibility.csv (2SFCA, E2SFCA), districts.csv and, when the
 * communities have polygons, districts.geojson (each district's communities dissolved; with `formats` shapefile: shapefiles.zip). The reports carry their provenance; their time is
 * `generatedAt`, else `SOURCE_DATE_EPOCH` (reproducible output), else now.
 *
 * With `json` the only thing on stdout is summary.json; with `quiet` warnings are not printed.
 *
 * @param progress where stages are reported (default: plain lines on `io.err`)
 * @returns exit code: 0 on success, 2 on unusable input (reasons printed on stderr)
 */
export async function runAnalyze(
  opts: AnalyzeOptions,
  io: CliStreams,
  progress: Progress = createProgress(io.err, { quiet: opts.quiet === true }),
): Promise<number> {
  const warn = (w: Problem): void => {
    if (!opts.quiet) io.err(`warning: ${formatProblem(w)}\n`);
  };
  progress.step('reading input', 0);
  const input = await loadInputs(opts);
  for (const e of input.errors) io.err(`error: ${formatProblem(e)}\n`);
  input.warnings.forEach(warn);
  // a Shapefile's .prj names its CRS: say which one was found (no .prj: a warning already says so)
  for (const f of input.inputs) {
    const noPrj = input.warnings.some((w) => w.file === f.file && /has no \.prj/.test(w.reason));
    if (!opts.quiet && f.format === 'shapefile' && f.crs && !noPrj) io.err(`note: ${f.file}: ${crsName(f.crs as CrsId)}, from its .prj\n`);
  }
  if (input.fatal.length > 0 || !input.dataset || !input.settings) {
    io.err(`lifecircle: cannot analyse:\n${input.fatal.map((r) => `  - ${r}\n`).join('')}`);
    return 2;
  }
  const { dataset, settings } = input;
  // reading ~15 %, the engine ~75 %, gap zones and reports the rest (rough shares of a run's time)
  const analysis = analyze(dataset, settings, (stage, f) => {
    if (stage !== 'done') progress.step(stage, 0.15 + 0.75 * f);
  });
  progress.step('gap zones', 0.88);
  const zones = findGapZones(analysis.samples, analysis.fields, settings);
  progress.step('accessibility (2SFCA, E2SFCA)', 0.91);
  const accessibility = computeAccessibility(analysis.travel, dataset, analysis.samples, settings, {
    fields: analysis.fields,
    // demand by age group: a category's populationField (settings file) counts its column's residents
    population: categoryDemand(
      dataset.communities,
      analysis.samples,
      settings.categories.map((c) => c.id),
    ),
  });
  progress.step('district outlines', 0.93);
  // the districts grouped once: for their outlines and for the indicators
  const groups = districtGroups(dataset.communities);
  const outlines = districtPolygons(dataset.communities, groups);
  progress.step('indicators', 0.94);
  const indicators = reportIndicators(dataset, analysis, settings, groups);
  progress.step('writing reports', 0.95);
  analysis.warnings.forEach(warn);
  accessibility.warnings.forEach(warn);
  outlines.warnings.forEach(warn);
  const reportOptions = {
    accessibility,
    indicators,
    districtPolygons: outlines.districts,
    inputs: input.inputs,
    generatedAt: opts.generatedAt ?? reportTime(process.env.SOURCE_DATE_EPOCH),
    ...(opts.exportCrs ? { crs: opts.exportCrs } : {}),
    ...(opts.csv ? { csv: opts.csv } : {}),
  };
  const problems = reportProblems([...input.warnings, ...analysis.warnings, ...accessibility.warnings, ...outlines.warnings], input.errors);
  const report = { dataset, analysis, zones, settings, problems, options: reportOptions };
  const formats = opts.formats ?? ['geojson'];
  mkdirSync(opts.out, { recursive: true });
  let writtenNames: string[];
  let summaryJson: string;
  if (!formats.includes('shapefile')) {
    // each file streamed to disk as it is made: no report is ever whole in memory
    const streamed = streamAnalysisReport(report, (name) => fileSink(join(opts.out, name)));
    writtenNames = streamed.names;
    summaryJson = streamed.summary;
  } else {
    const files = writeAnalysisReportBytes(report);
    const layerNames = new Set<string>(REPORT_LAYERS);
    const written: Record<string, string | Uint8Array> = {};
    for (const [name, data] of Object.entries(files)) if (formats.includes('geojson') || !layerNames.has(name)) written[name] = data;
    const layers = Object.fromEntries(Object.entries(files).filter(([name]) => layerNames.has(name)));
    // the Shapefile writer (shp-write, dbf) is loaded only when shapefiles are asked for
    const { shapefileZip } = await import('../io/shapefile-write');
    written['shapefiles.zip'] = shapefileZip(layers, opts.exportCrs ?? 'WGS84');
    for (const [name, data] of Object.entries(written)) writeFileSync(join(opts.out, name), data);
    writtenNames = Object.keys(written);
    summaryJson = files['summary.json'];
  }
  progress.done();
  if (opts.json) {
    io.out(summaryJson);
    return 0;
  }
  const cov = analysis.coverage;
  io.out(
    `model: ${analysis.model}; ${dataset.communities.length} communities, ${Math.round(cov.population.total)} residents, ${dataset.facilities.length} facilities\n`,
  );
  settings.categories.forEach((c, k) => {
    const t = cov.totals[k]!;
    const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
    io.out(`  ${c.id.padEnd(12)} ${pct(t.share).padStart(8)}  (urban ${pct(t.urbanShare)}, rural ${pct(t.ruralShare)})\n`);
  });
  const complete = cov.population.total > 0 ? cov.completeCovered / cov.population.total : NaN;
  io.out(
    `  complete circle ${Number.isFinite(complete) ? (complete * 100).toFixed(1) : '–'} %; ${analysis.gaps.length} communities with gaps, ${zones.length} gap zones\n`,
  );
  io.out(`wrote ${writtenNames.map((f) => join(opts.out, f)).join(', ')}\n`);
  if (input.errors.length > 0)
    io.out(
      `${input.errors.length} features skipped, ${input.warnings.length + analysis.warnings.length} warnings (see stderr and summary.json)\n`,
    );
  return 0;
}
