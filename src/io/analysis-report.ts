import type { Analysis } from '../engine/analyze';
import type { GapZone } from '../engine/coverage/gap-zones';
import type { Dataset, Settings } from '../engine/model';
import { writeCsv } from './csv-write';
import { communityFeatures, gapZoneFeatures, stringifyCollection } from './report-geojson';
import { communityRow, reportColumns } from './report-rows';
import { buildSummary, type ReportProblem } from './report-summary';

/** The files of an analysis report, by name: what the CLI writes to its out folder and the browser downloads. */
export interface AnalysisReportFiles {
  'gaps.geojson': string;
  'communities.geojson': string;
  'summary.json': string;
  'coverage.csv': string;
}

/**
 * Write every report file of an analysis as text.
 *
 * - `gaps.geojson`: communities not fully covered, then the gap zones (`type_of_feature: "gap_zone"`);
 * - `communities.geojson`: every community with the same properties;
 * - `summary.json`: model, preset, settings, shares per category, complete-circle share, problems;
 * - `coverage.csv`: one row per community, UTF-8 with BOM, formulas escaped.
 */
export function writeAnalysisReport(dataset: Dataset, analysis: Analysis, zones: readonly GapZone[], settings: Settings, problems: ReportProblem[]): AnalysisReportFiles {
  const ids = settings.categories.map((c) => c.id);
  const gaps = { type: 'FeatureCollection' as const, features: [...communityFeatures(dataset, analysis, true), ...gapZoneFeatures(zones, ids)] };
  const all = { type: 'FeatureCollection' as const, features: communityFeatures(dataset, analysis, false) };
  const columns = reportColumns(ids);
  const rows = dataset.communities.map((c, i) => {
    const row = communityRow(c, i, analysis.coverage);
    return columns.map((col) => row[col] ?? null);
  });
  return {
    'gaps.geojson': stringifyCollection(gaps),
    'communities.geojson': stringifyCollection(all),
    'summary.json': `${JSON.stringify(buildSummary(analysis, settings, dataset.communities.length, problems), null, 2)}\n`,
    'coverage.csv': writeCsv(columns, rows),
  };
}
