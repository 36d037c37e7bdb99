import type { Analysis } from '../engine/analyze';
import type { GapZone } from '../engine/coverage/gap-zones';
import type { Dataset, Settings } from '../engine/model';
import { assertCrs, type CrsId } from './crs';
import { writeCsv } from './csv-write';
import { collectionText, geometryTextWriter, jsonValue, positionWriter, proposedSiteFeatures, type ProposedSite } from './report-geojson';
import { buildProvenance, legacyCrsMember, type InputFileMeta } from './report-metadata';
import { communityRowValues, reportColumns } from './report-rows';
import { buildSummary, type ReportProblem } from './report-summary';

/** The files of an analysis report, by name: what the CLI writes to its out folder and the browser downloads. */
export interface AnalysisReportFiles {
  'gaps.geojson': string;
  'communities.geojson': string;
  'summary.json': string;
  'coverage.csv': string;
}

/** Options of {@link writeAnalysisReport}. */
export interface ReportOptions {
  /**
   * Coordinate system of the exported GeoJSON (default `WGS84`, RFC 7946). Any other CRS (GCJ-02,
   * BD-09, a projection the user loaded) is stated in the `lifecircle.crs` member and, when it has
   * an EPSG code, in the legacy `crs` member GDAL reads.
   */
  crs?: CrsId;
  /** Input files (name, format, size, SHA-256, feature counts) for the provenance. */
  inputs?: readonly InputFileMeta[];
  /** Report time, ISO 8601 (default now); fix it for reproducible output. */
  generatedAt?: string;
  /** Proposed sites (WGS84) written into gaps.geojson after the gap zones. */
  sites?: readonly ProposedSite[];
}

/**
 * Write every report file of an analysis as text (schema: docs/report-schema.md).
 *
 * - `gaps.geojson`: communities not fully covered, then the gap zones (`type_of_feature: "gap_zone"`),
 *   then proposed sites when given (`"proposed_site"`);
 * - `communities.geojson`: every community with the same properties;
 * - `summary.json`: model, preset, settings, shares per category, complete-circle share, problems, provenance;
 * - `coverage.csv`: one row per community, UTF-8 with BOM, formulas escaped (no coordinates, so no CRS).
 *
 * Both GeoJSON files carry the provenance in a top-level `"lifecircle"` member.
 *
 * @throws on an unusable `crs` or a malformed `generatedAt` (programmer errors)
 */
export function writeAnalysisReport(
  dataset: Dataset,
  analysis: Analysis,
  zones: readonly GapZone[],
  settings: Settings,
  problems: ReportProblem[],
  options: ReportOptions = {},
): AnalysisReportFiles {
  const crs = options.crs ?? 'WGS84';
  assertCrs(crs);
  const provenance = buildProvenance({
    settings,
    model: analysis.model,
    crs,
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  });
  const members = { crs: legacyCrsMember(provenance.crs), lifecircle: provenance };
  const ids = settings.categories.map((c) => c.id);
  const columns = reportColumns(ids);
  // Each community's row and feature text are computed once: coverage.csv, communities.geojson and
  // (for communities with gaps) gaps.geojson share them.
  const rows = dataset.communities.map((c, i) => communityRowValues(c, i, analysis));
  // keys as communityRow names them (the analysis's categories: those of the settings)
  const keys = reportColumns(analysis.coverage.categoryIds).map((col) => `${JSON.stringify(col)}:`);
  const geo = geometryTextWriter(crs);
  const communityTexts = dataset.communities.map((community, i) => {
    const row = rows[i]!;
    let props = '{';
    for (let j = 0; j < keys.length; j++) props += `${j > 0 ? ',' : ''}${keys[j]!}${jsonValue(row[j])}`;
    return `{"type":"Feature","properties":${props},"type_of_feature":"community"},"geometry":${geo.geometry(community.geometry)}}`;
  });
  const pos = positionWriter(crs);
  const zoneTexts = zones.map(
    (z) =>
      `{"type":"Feature","properties":{"type_of_feature":"gap_zone","category":${jsonValue(ids[z.category] ?? null)},"population":${jsonValue(Math.round(z.population))}},"geometry":${geo.polygon(z.polygon)}}`,
  );
  const gapTexts = [
    ...analysis.gaps.map((g) => communityTexts[g.community]!),
    ...zoneTexts,
    ...proposedSiteFeatures(options.sites ?? [], pos).map((f) => JSON.stringify(f)),
  ];
  return {
    'gaps.geojson': collectionText(gapTexts, members),
    'communities.geojson': collectionText(communityTexts, members),
    'summary.json': `${JSON.stringify(buildSummary(analysis, settings, dataset.communities.length, problems, provenance), null, 2)}\n`,
    'coverage.csv': writeCsv(columns, rows),
  };
}
