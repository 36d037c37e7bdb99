/**
 * Export actions: the report files (the gap layers gap-communities, gap-zones and proposed sites
 * zipped, communities.geojson, coverage.csv, summary.json) as downloads in the chosen coordinate system,
 * and project files (`*.lifecircle.json`: inputs, settings, proposals and view state in one file)
 * saved and opened again to the identical state. Loaded on first use (the UI imports it with
 * `import()`), with the readers and writers it brings: the buttons' choices are in report-choices.ts.
 */
import type { CrsId } from '../io/crs';
import { detectFormat } from '../io/read-layer-file';
import { parseProject, PROJECT_OPTION_KEYS, serializeProject, type ProjectFileOptions, type ProjectScenario } from '../io/project-file';
import { zipSync, strToU8 } from 'fflate';
import { REPORT_LAYERS, type AnalysisReportFiles, type ReportFileName } from '../io/analysis-report';
import { REPORT_FILES, type ReportKind } from './report-choices';
import { shapefileZip } from '../io/shapefile-write';
import type { ProposedSite } from '../io/report-geojson';
import { engine } from './engine-client';
import { downloadBlob, downloadText } from './download';
import { allInputs, removeInput, type InputFile } from './inputs';
import { applyWorkspace, loadFile, selectCategory, setLanguage } from './actions';
import { useAppStore, type DataSource, type VisibleLayers } from './store';
import { useSitingStore, type Scenario, type SitingForm } from './siting-store';
import { parseBasemapChoice, type BasemapChoice } from './basemap/basemap-choice';
import { setBasemap, useBasemapStore } from './basemap/basemap-store';
import { restorePmtilesBasemap } from './basemap/pmtiles-actions';
import { clearProposal, proposedSites, restoreProposal, setScenarios, setSitingForm } from './siting-actions';

const MIME: Record<ReportFileName, string> = {
  'gap-communities.geojson': 'application/geo+json',
  'gap-communities-points.geojson': 'application/geo+json',
  'gap-zones.geojson': 'application/geo+json',
  'sites.geojson': 'application/geo+json',
  'communities.geojson': 'application/geo+json',
  'communities-points.geojson': 'application/geo+json',
  'coverage.csv': 'text/csv;charset=utf-8',
  'accessibility.csv': 'text/csv;charset=utf-8',
  'districts.csv': 'text/csv;charset=utf-8',
  'districts.geojson': 'application/geo+json',
  'summary.json': 'application/json',
};

/**
 * The report files of the current analysis in `crs`, with the current proposal's sites in
 * sites.geojson and coverage.csv in the UI's language (headers and values; codes in the GeoJSON).
 */
export function reportFiles(crs: CrsId = 'WGS84', sites: ProposedSite[] = proposedSites()): Promise<AnalysisReportFiles> {
  return engine().reportFiles({ crs, sites, csv: { lang: useAppStore.getState().language } });
}

/**
 * The files of one download: its name and bytes; several report files (the gap layers, always;
 * communities with a `-points` layer; districts.csv with districts.geojson) become one zip.
 */
function reportDownload(kind: ReportKind, files: AnalysisReportFiles): { name: string; blob: Blob } {
  const spec = REPORT_FILES[kind];
  const present = spec.files.filter((n) => files[n] !== undefined);
  if (present.length === 1 && kind !== 'gaps') {
    const name = present[0]!;
    // coverage.csv carries its BOM in the text; a Blob of a string writes it as UTF-8
    return { name, blob: new Blob([files[name]!], { type: MIME[name] }) };
  }
  const zipped = zipSync(Object.fromEntries(present.map((n) => [n, strToU8(files[n]!)])), { level: 6, mtime: new Date(1980, 0, 1) });
  return { name: spec.zip ?? `${kind}.zip`, blob: new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) };
}

/** Download one report (one file, or a zip of layers; see {@link reportDownload}). */
export async function downloadReport(kind: ReportKind, crs: CrsId = 'WGS84'): Promise<void> {
  const { name, blob } = reportDownload(kind, await reportFiles(crs));
  downloadBlob(name, blob);
}

/**
 * Download every GeoJSON layer of the report (gap communities, gap zones, sites, communities) as
 * `shapefiles.zip`: one shapefile per layer in `crs`, UTF-8 attributes (see io/shapefile-write.ts).
 */
export async function downloadShapefiles(crs: CrsId = 'WGS84'): Promise<void> {
  const files = await reportFiles(crs);
  const layers: Record<string, string> = {};
  for (const name of REPORT_LAYERS) if (files[name] !== undefined) layers[name] = files[name];
  const zipped = shapefileZip(layers, crs);
  downloadBlob('shapefiles.zip', new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
}

/** The view state a project keeps (everything else is derived again on opening). */
export interface ProjectView {
  source: DataSource;
  language: 'zh' | 'en';
  selectedCategory: string;
  visible: VisibleLayers;
  siting: { form: SitingForm; scenarioCategories: string[]; current: number | null };
  /** The base map shown (never its key: the Tianditu key stays in the browser). */
  basemap?: BasemapChoice;
}

function projectOptions(options: InputFile['options']): ProjectFileOptions {
  const out: Record<string, unknown> = {};
  for (const k of PROJECT_OPTION_KEYS) if (options[k] !== undefined) out[k] = options[k];
  return out as ProjectFileOptions;
}

const scenarioSites = (s: Pick<Scenario, 'category' | 'sites'>): ProposedSite[] =>
  [...s.sites]
    .sort((a, b) => a.rank - b.rank)
    .map((x) => ({
      lon: x.lon,
      lat: x.lat,
      rank: x.rank,
      category: s.category,
      gain_population: Math.round(x.gainPopulation),
      covered_ids: x.coveredIds,
    }));

/**
 * The workspace as a project file text: input files, settings, saved scenarios then the current
 * proposal (its index in `view.siting.current`), and the view state.
 */
function projectText(): string {
  const app = useAppStore.getState();
  const siting = useSitingStore.getState();
  const files = allInputs().map((f) => ({
    layer: f.layer,
    name: f.name,
    format: app.reports[f.layer]?.format ?? detectFormat(f.name, f.bytes),
    options: projectOptions(f.options),
    bytes: f.bytes,
  }));
  const proposals: ProjectScenario[] = siting.scenarios.map((s) => ({ name: s.name, sites: scenarioSites(s) }));
  const current = siting.category && siting.sites.length > 0 ? proposals.length : null;
  if (current !== null) proposals.push({ name: '', sites: proposedSites() });
  const view: ProjectView = {
    source: app.data?.source ?? 'user',
    language: app.language,
    selectedCategory: app.selectedCategory,
    visible: app.visible,
    siting: { form: siting.form, scenarioCategories: siting.scenarios.map((s) => s.category), current },
    basemap: parseBasemapChoice(useBasemapStore.getState().choice),
  };
  return serializeProject({ files, settings: app.settings, proposals, view: view as unknown as Record<string, unknown> });
}

/** Download the workspace as `<name>.lifecircle.json`. */
export function saveProject(name = 'workspace'): void {
  downloadText(`${name}.lifecircle.json`, projectText(), 'application/json');
}

/**
 * Open a project file: its inputs replace the loaded ones, then its settings, view state, scenarios
 * and current proposal are restored. An unusable file changes nothing and says why.
 */
export async function openProject(name: string, text: string): Promise<{ ok: boolean; problems: string[] }> {
  const res = parseProject(text, name);
  const problems = [...res.errors, ...res.warnings].map((p) => p.reason);
  const p = res.value;
  if (!p) return { ok: false, problems };
  const view = p.view as Partial<ProjectView>;
  clearProposal();
  setScenarios([]);
  const inputs: InputFile[] = p.files.map((f) => ({ layer: f.layer, name: f.name, bytes: f.bytes, options: { ...f.options } }));
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    if (inputs.some((f) => f.layer === layer) || !allInputs().some((f) => f.layer === layer)) continue;
    removeInput(layer);
    await engine().clearLayer(layer);
    useAppStore.setState((s) => {
      const files = { ...s.files };
      delete files[layer];
      return { files };
    });
  }
  const source: DataSource = view.source === 'sample' || view.source === 'osm' ? view.source : 'user';
  // the autosave (persistence.ts) keeps the opened project once it is loaded
  const restored = await applyWorkspace({
    version: 1,
    source,
    inputs,
    settings: p.settings,
    selectedCategory: view.selectedCategory ?? 'clinic',
  });
  if (!restored) {
    if (p.settings) await engine().setSettings(p.settings);
    for (const f of inputs) await loadFile(f.layer, f.name, f.bytes, f.options);
  }
  if (view.language === 'zh' || view.language === 'en') setLanguage(view.language);
  if (view.visible) useAppStore.setState({ visible: { ...useAppStore.getState().visible, ...view.visible } });
  if (view.selectedCategory) selectCategory(view.selectedCategory);
  if (view.basemap) {
    setBasemap(parseBasemapChoice(view.basemap));
    void restorePmtilesBasemap(); // a project holds the choice `pmtiles`, the file is kept in this browser (or gone: None)
  }
  const siting = view.siting;
  if (siting?.form) setSitingForm(siting.form);
  const current = typeof siting?.current === 'number' ? siting.current : null;
  const toScenario = (s: ProjectScenario, i: number): Scenario => ({
    name: s.name,
    category: s.sites[0]?.category ?? siting?.scenarioCategories?.[i] ?? 'clinic',
    sites: s.sites.map((x) => ({
      lon: x.lon,
      lat: x.lat,
      rank: x.rank,
      gainPopulation: x.gain_population,
      coveredIds: [...x.covered_ids],
    })),
  });
  setScenarios(p.proposals.flatMap((s, i) => (i === current ? [] : [toScenario(s, i)])));
  const cur = current !== null ? p.proposals[current] : undefined;
  if (cur && cur.sites.length > 0) {
    const ordered = [...cur.sites].sort((a, b) => a.rank - b.rank);
    await restoreProposal(ordered[0]!.category, ordered);
  }
  if (siting?.form) setSitingForm(siting.form);
  return { ok: true, problems };
}
