import type { Accessibility } from '../engine/accessibility/compute-accessibility';
import type { Analysis } from '../engine/analyze';
import { accessibilityCsv, accessibilityKeys, accessibilitySummary } from './accessibility-report';
import type { GapZone } from '../engine/coverage/gap-zones';
import type { CommunityGeometry, Dataset, Settings } from '../engine/model';
import { assertCrs, type CrsId } from './crs';
import { writeCsvCell } from './csv-write';
import { csvHeaderRows, csvValueLabels, type CsvLabelOptions } from './csv-labels';
import { ByteWriter, type ByteSink } from './byte-writer';
import { collectionHead, geometryByteWriter, jsonValue, positionWriter, proposedSiteFeatures, type ProposedSite } from './report-geojson';
import { buildProvenance, legacyCrsMember, type InputFileMeta } from './report-metadata';
import { reportColumns, reportTable, type ReportTable } from './report-rows';
import { buildSummary, type ReportProblem } from './report-summary';
import { computeIndicators, type Indicators } from '../engine/indicators/indicators';
import { districtPolygons, type DistrictPolygon } from '../engine/indicators/district-polygons';
import type { DistrictGroups } from '../engine/indicators/district-groups';
import { districtsGeoJson } from './districts-geojson';
import { getPreset } from '../engine/presets';
import { districtsCsv, summaryIndicators } from './indicators-report';

/**
 * The names of the report files. Every GeoJSON file is one layer with one geometry type (GIS tools
 * read a mixed collection as "Geometry: Unknown"): communities and the communities with gaps are
 * polygons (Polygon promoted to MultiPolygon when the communities mix both), their point
 * communities go to a `-points` file when the communities mix points and polygons; gap zones are
 * Polygons; proposed sites are Points.
 */
export type ReportFileName =
  | 'gap-communities.geojson'
  | 'gap-communities-points.geojson'
  | 'gap-zones.geojson'
  | 'sites.geojson'
  | 'communities.geojson'
  | 'communities-points.geojson'
  | 'summary.json'
  | 'coverage.csv'
  | 'accessibility.csv'
  | 'districts.csv'
  | 'districts.geojson';

/** The GeoJSON layers of a report, in the order they are written. */
export const REPORT_LAYERS = [
  'gap-communities.geojson',
  'gap-communities-points.geojson',
  'gap-zones.geojson',
  'sites.geojson',
  'communities.geojson',
  'communities-points.geojson',
  'districts.geojson',
] as const satisfies readonly ReportFileName[];

/**
 * Report files of type `T` by name: the always-present ones, and the `-points` layers, sites.geojson
 * and districts.geojson (communities with polygons) when there are such features.
 */
type ReportFileSet<T> = Partial<Record<(typeof REPORT_LAYERS)[number], T>> & {
  'gap-communities.geojson': T;
  'gap-zones.geojson': T;
  'communities.geojson': T;
  'summary.json': string;
  'coverage.csv': T;
  /** Present when the report was given the accessibility (`ReportOptions.accessibility`). */
  'accessibility.csv'?: T;
  'districts.csv': string;
};

/** The files of an analysis report, by name: what the CLI writes to its out folder and the browser downloads. */
export type AnalysisReportFiles = ReportFileSet<string>;

/** Lorenz points per category minus one in summary.json. */
const REPORT_LORENZ_STEPS = 10;

/**
 * The plan's indicators as a report carries them (the preset's targets, {@link REPORT_LORENZ_STEPS}
 * Lorenz steps): what a report computes when not given them.
 * @param groups the communities' district groups, when the caller has them already (the district outlines)
 */
export function reportIndicators(
  dataset: AnalysisReportInput['dataset'],
  analysis: Analysis,
  settings: Settings,
  groups?: DistrictGroups,
): Indicators {
  return computeIndicators(dataset, analysis, settings, getPreset(settings.preset)?.targets ?? [], REPORT_LORENZ_STEPS, groups);
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
  /**
   * Labels of coverage.csv: headers and categorical values in `lang` (the codes as a second header
   * row with `codes`). Default: the code headers and values (`id`, `t_clinic_min`, `urban`).
   */
  csv?: CsvLabelOptions;
  /** Proposed sites (WGS84), written to sites.geojson (left out when there are none). */
  sites?: readonly ProposedSite[];
  /**
   * Capacity-aware accessibility (`computeAccessibility` of the same analysis): adds
   * `sfca_2_<id>`, `sfca_e2_<id>` (places per 1,000 residents, null when none is in reach) to every
   * community feature, writes accessibility.csv and the `accessibility` member of summary.json.
   */
  accessibility?: Accessibility;
  /**
   * The plan's indicators of the same analysis and thresholds (`computeIndicators`; a caller that
   * keeps them, like the worker session, passes them in). Default: computed here, 10 Lorenz steps.
   */
  indicators?: Indicators;
  /** The districts' dissolved outlines (`districtPolygons` of the dataset's communities); default: computed here. */
  districtPolygons?: readonly DistrictPolygon[];
}

/** What a report is made of: one analysis of a dataset, its gap zones, and what the report should say besides. */
export interface AnalysisReportInput {
  dataset: Dataset;
  /** The analysis of `dataset` with `settings`. */
  analysis: Analysis;
  /** Gap zones of the analysis (`findGapZones`). */
  zones: readonly GapZone[];
  settings: Settings;
  /** Warnings and errors of reading and analysing, for summary.json (`reportProblems`). */
  problems: ReportProblem[];
  options?: ReportOptions;
}

/**
 * coverage.csv as UTF-8 bytes with a BOM: the code header, or the header in a language (then the
 * codes as a second row when asked) with the categorical values labelled (see {@link ReportOptions.csv});
 * one row per community, CRLF line ends, cells as `formatCsvCell` writes them.
 */
function coverageCsv(
  settings: Settings,
  columns: string[],
  communities: Dataset['communities'],
  table: ReportTable,
  labels: CsvLabelOptions | undefined,
  sink?: ByteSink,
): Uint8Array {
  const K = table.categoryIds.length;
  const w = new ByteWriter(communities.length * (40 + 12 * K) + 4096, sink);
  w.text('\uFEFF');
  const header = labels ? csvHeaderRows(settings.categories, columns, labels) : [columns];
  for (const row of header) {
    for (let j = 0; j < row.length; j++) {
      if (j > 0) w.byte(44);
      writeCsvCell(w, row[j]);
    }
    w.text('\r\n');
  }
  const values = labels ? csvValueLabels(settings.categories, labels.lang) : null;
  const { tenths, thousandths, missing } = table;
  for (let c = 0; c < communities.length; c++) {
    const community = communities[c]!;
    writeCsvCell(w, community.id);
    w.byte(44);
    writeCsvCell(w, community.name);
    w.byte(44);
    writeCsvCell(w, values ? values.kind(community.kind) : community.kind);
    w.byte(44);
    writeCsvCell(w, community.population);
    w.byte(44);
    writeCsvCell(w, values ? values.missing(missing[c]!) : missing[c]);
    for (let k = 0; k < K; k++) {
      w.byte(44);
      const v = tenths[c * K + k]!;
      if (Number.isFinite(v)) w.fixed(v, 1, 10);
    }
    for (let k = 0; k < K; k++) {
      w.byte(44);
      const v = thousandths[c * K + k]!;
      if (Number.isFinite(v)) w.fixed(v, 3, 1000);
    }
    w.text('\r\n');
    w.flushIfFull();
  }
  return w.finish();
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
 * - `gap-communities.geojson`: communities not fully covered (`type_of_feature: "community"`);
 * - `gap-zones.geojson`: the gap zones (`"gap_zone"`, Polygons);
 * - `sites.geojson`: proposed sites when given (`"proposed_site"`, Points);
 * - `communities.geojson`: every community with the same properties;
 * - `communities-points.geojson`, `gap-communities-points.geojson`: the point communities, only
 *   when the communities mix points and polygons (see {@link ReportFileName});
 * - `summary.json`: model, preset, settings, shares per category, complete-circle share, problems, provenance;
 * - `districts.csv`: one row per district × category (see io/indicators-report.ts);
 * - `districts.geojson`: each district's communities dissolved into one outline, with its figures
 *   (io/districts-geojson.ts), when the communities have polygons;
 * - `coverage.csv`: one row per community, UTF-8 with BOM, formulas escaped (no coordinates, so no CRS);
 *   headers and categorical values in a language with `options.csv`.
 *
 * Every GeoJSON file carries the provenance in a top-level `"lifecircle"` member.
 *
 * @throws on an unusable `crs` or a malformed `generatedAt` (programmer errors)
 */
export function writeAnalysisReport(input: AnalysisReportInput): AnalysisReportFiles {
  const out = writeAnalysisReportBytes(input);
  const decoder = new TextDecoder();
  const files: Partial<Record<ReportFileName, string>> = {
    'summary.json': out['summary.json'],
    // the BOM is part of the file's text
    'coverage.csv': new TextDecoder('utf-8', { ignoreBOM: true }).decode(out['coverage.csv']),
    'districts.csv': out['districts.csv'],
  };
  if (out['accessibility.csv'] !== undefined)
    files['accessibility.csv'] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out['accessibility.csv']);
  for (const name of REPORT_LAYERS) {
    const bytes = out[name];
    if (bytes) files[name] = decoder.decode(bytes);
  }
  return files as AnalysisReportFiles;
}

/** The report files as {@link writeAnalysisReportBytes} gives them: the GeoJSON layers and coverage.csv as UTF-8 bytes. */
export type AnalysisReportOutput = ReportFileSet<Uint8Array>;

/**
 * {@link writeAnalysisReport} with the GeoJSON files and coverage.csv as UTF-8 bytes (the same bytes the text
 * encodes to): what the CLI writes to disk, without building and encoding strings of tens of MB.
 *
 * @throws on an unusable `crs` or a malformed `generatedAt` (programmer errors)
 */
export function writeAnalysisReportBytes(input: AnalysisReportInput): AnalysisReportOutput {
  return writeReport(input, null);
}

/** A file a streamed report is written to: its bytes in chunks (each may be reused after the call), then close. */
export interface ReportFileSink {
  write: ByteSink;
  close: () => void;
}

/**
 * {@link writeAnalysisReportBytes} streamed to files: `open(name)` is called for each file of the report
 * and gets its bytes in chunks of about a MiB as they are made, the same bytes in the same order, so
 * no file is ever whole in memory (what the CLI writes to disk).
 *
 * @returns the names of the files written, in the order of {@link writeAnalysisReportBytes}'s keys, and summary.json's text
 * @throws on an unusable `crs` or a malformed `generatedAt` (programmer errors)
 */
export function streamAnalysisReport(
  input: AnalysisReportInput,
  open: (name: ReportFileName) => ReportFileSink,
): { names: ReportFileName[]; summary: string } {
  const opened = new Map<ReportFileName, ReportFileSink>();
  const sinkOf = (name: ReportFileName): ByteSink => {
    const file = open(name);
    opened.set(name, file);
    return file.write;
  };
  const out = writeReport(input, sinkOf);
  const encoder = new TextEncoder();
  // the files not streamed while they were made (small ones): whole, now
  for (const [name, data] of Object.entries(out) as [ReportFileName, string | Uint8Array][]) {
    if (!opened.has(name)) sinkOf(name)(typeof data === 'string' ? encoder.encode(data) : data);
  }
  for (const file of opened.values()) file.close();
  return { names: Object.keys(out) as ReportFileName[], summary: out['summary.json'] };
}

/**
 * The report: with `sinkOf`, the communities layers, coverage.csv and accessibility.csv are streamed
 * to their sinks as they are made (their entries are then empty arrays); the others are returned whole.
 */
function writeReport(input: AnalysisReportInput, sinkOf: ((name: ReportFileName) => ByteSink) | null): AnalysisReportOutput {
  const { dataset, analysis, zones, settings, problems, options = {} } = input;
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
  // Each community's values and feature are computed once: coverage.csv, communities.geojson and (for
  // communities with gaps) gap-communities.geojson share them.
  const table = reportTable(analysis);
  const K = table.categoryIds.length;
  // keys as reportColumns names the analysis's categories
  const keys = reportColumns(table.categoryIds).map((col, j) => `${j === 0 ? '{' : ','}${JSON.stringify(col)}:`);
  const acc = options.accessibility;
  // places per 1,000 per category, after the coverage columns
  const accKeys = acc ? ids.flatMap((id) => accessibilityKeys(id).map((k) => `,${JSON.stringify(k)}:`)) : [];
  const geo = geometryByteWriter(crs);
  const withDistrict = dataset.communities.some((c) => c.district !== undefined);
  const indicators = options.indicators ?? reportIndicators(dataset, analysis, settings);
  // bytes of the head: a writer longer than that holds a feature
  const headBytes = new TextEncoder().encode(head).length;
  const n = dataset.communities.length;
  const isPoint = dataset.communities.map((c) => c.geometry.type === 'Point');
  const pointCount = isPoint.filter(Boolean).length;
  // one geometry type per layer: points apart when mixed with polygons, Polygon promoted when mixed with MultiPolygon
  const splitPoints = pointCount > 0 && pointCount < n;
  const promote =
    dataset.communities.some((c) => c.geometry.type === 'MultiPolygon') && dataset.communities.some((c) => c.geometry.type === 'Polygon');
  // sized from the positions to write (about 22 bytes each, plus the properties), so the buffer
  // rarely grows: each growth copies it and a large fresh buffer can set off a full garbage collection
  const positionsOf = (g: CommunityGeometry): number =>
    g.type === 'Point' ? 1 : g.type === 'Polygon' ? ringsLength(g.coordinates) : g.coordinates.reduce((s, p) => s + ringsLength(p), 0);
  const featureBytes = new Float64Array(n);
  dataset.communities.forEach((c, i) => (featureBytes[i] = 24 * (positionsOf(c.geometry) + 2) + 60 * (keys.length + accKeys.length) + 200));
  let pointBytes = head.length * 3;
  for (let i = 0; i < n; i++) if (splitPoints && isPoint[i]) pointBytes += featureBytes[i]!;
  let gapBytes = head.length * 3;
  let gapPointBytes = head.length * 3;
  for (const g of analysis.gaps) {
    if (splitPoints && isPoint[g.community]) gapPointBytes += featureBytes[g.community]!;
    else gapBytes += featureBytes[g.community]!;
  }
  // gaps in community order (as findGaps gives them): each gap feature is copied as soon as it is written, so
  // the layers can be streamed; otherwise they are copied afterwards, in the gaps' order, from memory
  const gapsInOrder = analysis.gaps.every((g, j, a) => j === 0 || a[j - 1]!.community < g.community);
  const stream = sinkOf !== null && gapsInOrder ? sinkOf : null;
  const all = new ByteWriter(head.length * 6 + featureBytes.reduce((s, b) => s + b, 0) - pointBytes, stream?.('communities.geojson'));
  const points = new ByteWriter(splitPoints ? pointBytes : 16, splitPoints ? stream?.('communities-points.geojson') : undefined);
  const gaps = new ByteWriter(gapBytes, stream?.('gap-communities.geojson'));
  const gapPoints = new ByteWriter(splitPoints ? gapPointBytes : 16, splitPoints ? stream?.('gap-communities-points.geojson') : undefined);
  all.text(head);
  points.text(head);
  gaps.text(head);
  gapPoints.text(head);
  // each community's feature is written once, into its layer; start/end are its bytes there (until a flush)
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  let nextGap = 0;
  // the property keys encoded once (each is written once per community)
  const encoder = new TextEncoder();
  const keyBytes = keys.map((k) => encoder.encode(k));
  const accKeyBytes = accKeys.map((k) => encoder.encode(k));
  const featureOpen = encoder.encode('{"type":"Feature","properties":');
  const featureTail = encoder.encode(',"type_of_feature":"community"},"geometry":');
  const nullBytes = encoder.encode('null');
  const separator = encoder.encode(',\n');
  // places per 1,000 as placesPerThousand gives it (0.001; null when none is in reach)
  const places = (w: ByteWriter, v: number): void => {
    if (Number.isFinite(v)) w.fixed(Math.round(v * 1e6), 3, 1000);
    else w.raw(nullBytes);
  };
  const accCategories = acc ? acc.categories : [];
  for (let i = 0; i < n; i++) {
    const community = dataset.communities[i]!;
    const w = splitPoints && isPoint[i] ? points : all;
    if (w.total > headBytes) w.raw(separator);
    start[i] = w.length;
    w.raw(featureOpen);
    w.raw(keyBytes[0]!);
    w.jsonString(community.id);
    w.raw(keyBytes[1]!);
    w.jsonString(community.name);
    w.raw(keyBytes[2]!);
    w.jsonString(community.kind);
    w.raw(keyBytes[3]!);
    w.number(community.population);
    w.raw(keyBytes[4]!);
    w.jsonString(table.missing[i]!);
    for (let k = 0; k < K; k++) {
      w.raw(keyBytes[5 + k]!);
      const v = table.tenths[i * K + k]!;
      if (Number.isFinite(v)) w.fixed(v, 1, 10);
      else w.raw(nullBytes);
    }
    for (let k = 0; k < K; k++) {
      w.raw(keyBytes[5 + K + k]!);
      const v = table.thousandths[i * K + k]!;
      if (Number.isFinite(v)) w.fixed(v, 3, 1000);
      else w.raw(nullBytes);
    }
    for (let k = 0; k < accCategories.length; k++) {
      const a = accCategories[k]!;
      w.raw(accKeyBytes[2 * k]!);
      places(w, a.sfca2[i]!);
      w.raw(accKeyBytes[2 * k + 1]!);
      places(w, a.sfcaE2[i]!);
    }
    // the district the community reports under (null: unassigned), when the communities have districts
    if (withDistrict) w.text(`,"district":${jsonValue(community.district ?? null)}`);
    w.raw(featureTail);
    geo.geometry(w, community.geometry, promote);
    w.byte(125);
    end[i] = w.length;
    if (gapsInOrder && nextGap < analysis.gaps.length && analysis.gaps[nextGap]!.community === i) {
      const gw = w === points ? gapPoints : gaps;
      if (gw.total > headBytes) gw.raw(separator);
      gw.copyFrom(w, start[i]!, end[i]!);
      gw.flushIfFull();
      nextGap++;
    }
    w.flushIfFull();
  }
  const close = (w: ByteWriter): Uint8Array => {
    w.text(w.total > headBytes ? '\n]}\n' : ']}\n');
    return w.finish();
  };

  if (!gapsInOrder) {
    for (const g of analysis.gaps) {
      const pt = splitPoints && isPoint[g.community];
      const w = pt ? gapPoints : gaps;
      if (w.length > headBytes) w.text(',\n');
      w.copyFrom(pt ? points : all, start[g.community]!, end[g.community]!);
    }
  }

  let zoneBytes = head.length * 3;
  for (const z of zones) zoneBytes += 24 * (ringsLength(z.polygon) + 2) + 200;
  const zoneWriter = new ByteWriter(zoneBytes);
  zoneWriter.text(head);
  for (const z of zones) {
    if (zoneWriter.length > headBytes) zoneWriter.text(',\n');
    zoneWriter.text('{"type":"Feature","properties":{"type_of_feature":"gap_zone","category":');
    zoneWriter.text(jsonValue(ids[z.category] ?? null));
    zoneWriter.text(',"population":');
    zoneWriter.number(Math.round(z.population));
    zoneWriter.text('},"geometry":');
    geo.polygon(zoneWriter, z.polygon);
    zoneWriter.byte(125);
  }

  const out: Partial<Record<ReportFileName, Uint8Array>> = {
    'gap-communities.geojson': close(gaps),
    ...(splitPoints ? { 'gap-communities-points.geojson': close(gapPoints) } : {}),
    'gap-zones.geojson': close(zoneWriter),
  };
  const sites = options.sites ?? [];
  if (sites.length > 0) {
    const siteText = proposedSiteFeatures(sites, positionWriter(crs))
      .map((f) => JSON.stringify(f))
      .join(',\n');
    out['sites.geojson'] = new TextEncoder().encode(`${head}${siteText}\n]}\n`);
  }
  out['communities.geojson'] = close(all);
  if (splitPoints) out['communities-points.geojson'] = close(points);
  const districts = districtsGeoJson(head, options.districtPolygons ?? districtPolygons(dataset.communities).districts, indicators, geo);
  if (districts) out['districts.geojson'] = districts;
  const summary = buildSummary(analysis, settings, dataset.communities.length, problems, provenance, summaryIndicators(indicators));
  return {
    ...(out as Omit<AnalysisReportOutput, 'summary.json' | 'coverage.csv' | 'districts.csv'>),
    'summary.json': `${JSON.stringify(acc ? { ...summary, accessibility: accessibilitySummary(dataset, acc, settings) } : summary, null, 2)}\n`,
    'coverage.csv': coverageCsv(settings, columns, dataset.communities, table, options.csv, stream?.('coverage.csv')),
    'districts.csv': districtsCsv(indicators, settings),
    ...(acc ? { 'accessibility.csv': accessibilityCsv(dataset, table, acc, settings, stream?.('accessibility.csv')) } : {}),
  };
}
