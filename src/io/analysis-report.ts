import type { Analysis } from '../engine/analyze';
import type { GapZone } from '../engine/coverage/gap-zones';
import type { CommunityGeometry, Dataset, Settings } from '../engine/model';
import { assertCrs, type CrsId } from './crs';
import { writeCsv } from './csv-write';
import { ByteWriter } from './byte-writer';
import { collectionHead, geometryByteWriter, jsonValue, positionWriter, proposedSiteFeatures, type ProposedSite } from './report-geojson';
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

/** Positions in a polygon's rings, plus one per ring for closing it. */
function ringsLength(rings: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const r of rings) n += r.length + 1;
  return n;
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
  const out = writeAnalysisReportBytes(dataset, analysis, zones, settings, problems, options);
  const decoder = new TextDecoder();
  return {
    'gaps.geojson': decoder.decode(out['gaps.geojson']),
    'communities.geojson': decoder.decode(out['communities.geojson']),
    'summary.json': out['summary.json'],
    'coverage.csv': out['coverage.csv'],
  };
}

/** The report files as {@link writeAnalysisReportBytes} gives them: the two GeoJSON files as UTF-8 bytes. */
export interface AnalysisReportOutput {
  'gaps.geojson': Uint8Array;
  'communities.geojson': Uint8Array;
  'summary.json': string;
  'coverage.csv': string;
}

/**
 * {@link writeAnalysisReport} with the two GeoJSON files as UTF-8 bytes (the same bytes the text
 * encodes to): what the CLI writes to disk, without building and encoding strings of tens of MB.
 *
 * @throws on an unusable `crs` or a malformed `generatedAt` (programmer errors)
 */
export function writeAnalysisReportBytes(
  dataset: Dataset,
  analysis: Analysis,
  zones: readonly GapZone[],
  settings: Settings,
  problems: ReportProblem[],
  options: ReportOptions = {},
): AnalysisReportOutput {
  const crs = options.crs ?? 'WGS84';
  assertCrs(crs);
  const provenance = buildProvenance({
    settings,
    model: analysis.model,
    crs,
    ...(options.inputs ? { inputs: options.inputs } : {}),
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
  });
  const head = collectionHead({ crs: legacyCrsMember(provenance.crs), lifecircle: provenance });
  const ids = settings.categories.map((c) => c.id);
  const columns = reportColumns(ids);
  // Each community's row and feature are computed once: coverage.csv, communities.geojson and (for
  // communities with gaps) gaps.geojson share them.
  const rows = dataset.communities.map((c, i) => communityRowValues(c, i, analysis));
  // keys as reportColumns names the analysis's categories
  const keys = reportColumns(analysis.coverage.categoryIds).map((col, j) => `${j === 0 ? '{' : ','}${JSON.stringify(col)}:`);
  const geo = geometryByteWriter(crs);
  // sized from the positions to write (about 22 bytes each, plus the properties), so the buffer
  // rarely grows: each growth copies it and a large fresh buffer can set off a full garbage collection
  const positionsOf = (g: CommunityGeometry): number =>
    g.type === 'Point' ? 1 : g.type === 'Polygon' ? ringsLength(g.coordinates) : g.coordinates.reduce((s, p) => s + ringsLength(p), 0);
  const featureBytes = new Float64Array(dataset.communities.length);
  dataset.communities.forEach((c, i) => (featureBytes[i] = 24 * (positionsOf(c.geometry) + 2) + 60 * keys.length + 200));
  const all = new ByteWriter(head.length * 3 + featureBytes.reduce((s, b) => s + b, 0));
  all.text(head);
  const start = new Float64Array(dataset.communities.length + 1);
  dataset.communities.forEach((community, i) => {
    if (i > 0) all.text(',\n');
    start[i] = all.length;
    const row = rows[i]!;
    all.text('{"type":"Feature","properties":');
    for (let j = 0; j < keys.length; j++) {
      all.text(keys[j]!);
      const v = row[j];
      if (typeof v === 'number') all.number(v);
      else all.text(v === null || v === undefined ? 'null' : JSON.stringify(v));
    }
    all.text(',"type_of_feature":"community"},"geometry":');
    geo.geometry(all, community.geometry);
    all.byte(125);
  });
  start[dataset.communities.length] = all.length;
  all.text(dataset.communities.length > 0 ? '\n]}\n' : ']}\n');

  let gapBytes = head.length * 3 + 4096 * (options.sites?.length ?? 0);
  for (const g of analysis.gaps) gapBytes += featureBytes[g.community]!;
  for (const z of zones) gapBytes += 24 * (ringsLength(z.polygon) + 2) + 200;
  const gaps = new ByteWriter(gapBytes);
  gaps.text(head);
  let first = true;
  const sep = (): void => {
    if (!first) gaps.text(',\n');
    first = false;
  };
  for (const g of analysis.gaps) {
    sep();
    gaps.copyFrom(
      all,
      start[g.community]!,
      g.community + 1 < dataset.communities.length ? start[g.community + 1]! - 2 : start[g.community + 1]!,
    );
  }
  for (const z of zones) {
    sep();
    gaps.text('{"type":"Feature","properties":{"type_of_feature":"gap_zone","category":');
    gaps.text(jsonValue(ids[z.category] ?? null));
    gaps.text(',"population":');
    gaps.number(Math.round(z.population));
    gaps.text('},"geometry":');
    geo.polygon(gaps, z.polygon);
    gaps.byte(125);
  }
  for (const f of proposedSiteFeatures(options.sites ?? [], positionWriter(crs))) {
    sep();
    gaps.text(JSON.stringify(f));
  }
  gaps.text(first ? ']}\n' : '\n]}\n');
  return {
    'gaps.geojson': gaps.bytes(),
    'communities.geojson': all.bytes(),
    'summary.json': `${JSON.stringify(buildSummary(analysis, settings, dataset.communities.length, problems, provenance), null, 2)}\n`,
    'coverage.csv': writeCsv(columns, rows),
  };
}
