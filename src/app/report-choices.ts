/**
 * What the export section offers before anything is exported: the report downloads by button and the
 * coordinate systems a report can be written in. Kept apart from export-actions.ts (the writers,
 * zips and project files), which is loaded on the first export.
 */
import type { CrsId } from '../io/crs-id';
import { exportCrsList } from '../io/export-crs';
import type { ReportFileName } from '../io/analysis-report';
import type { LayerName, LayerReport } from '../worker/session';
import type { LoadedFile } from './store';

/**
 * The downloads, by button: the files of each (one GeoJSON file per layer, one geometry type each).
 * A download of more than one file is a zip named `zip`.
 */
export const REPORT_FILES = {
  gaps: {
    files: ['gap-communities.geojson', 'gap-communities-points.geojson', 'gap-zones.geojson', 'sites.geojson'],
    zip: 'gap-layers.zip',
  },
  communities: { files: ['communities.geojson', 'communities-points.geojson'], zip: 'communities.zip' },
  csv: { files: ['coverage.csv'], zip: null },
  accessibility: { files: ['accessibility.csv'], zip: null },
  districts: { files: ['districts.csv', 'districts.geojson'], zip: 'districts.zip' },
  summary: { files: ['summary.json'], zip: null },
} as const satisfies Record<string, { files: readonly ReportFileName[]; zip: string | null }>;
export type ReportKind = keyof typeof REPORT_FILES;

/**
 * The coordinate systems a report can be exported in (io/export-crs.ts): WGS84 (default), GCJ-02,
 * BD-09, CGCS2000, then every other CRS a loaded file was read in (its options, else what its .prj
 * or columns said), then the CGCS2000 Gauss–Krüger zones at the data's centre and all the others;
 * each once: every system the CLI's `--export-crs` takes.
 * @param centerLon longitude of the data's centre, degrees east (NaN: no zone first)
 */
export function exportCrsOptions(
  files: Partial<Record<LayerName, Pick<LoadedFile, 'options'>>>,
  reports: Partial<Record<LayerName, Pick<LayerReport, 'crs'>>> = {},
  centerLon = NaN,
): CrsId[] {
  const loaded: CrsId[] = [];
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    for (const crs of [files[layer]?.options.crs, files[layer] ? reports[layer]?.crs : undefined]) {
      if (crs) loaded.push(crs as CrsId);
    }
  }
  return exportCrsList(centerLon, loaded);
}
