/**
 * Changes to the app store. Components call these; only these talk to the engine worker.
 */
import type { DatasetView } from '../engine/dataset-view';
import i18n from '../i18n';
import type { LayerName, LayerOptions } from '../worker/session';
import { callback, engine, terminateEngine } from './engine-client';
import { replayDemFiles } from './dem-actions';
import { datasetCollections } from './dataset-collections';
import { allInputs, clearInputs, removeInput, setInput, type InputFile } from './inputs';
import { fetchSampleFiles } from './load-sample';
import type { EarlyStart } from './early-start';
import { needsSampleBytes, withSampleBytes, type SavedWorkspace } from './persistence';
import { readInputs, type ReadInput } from './read-inputs';
import { restoredIsSample } from './layer-origin';
import type { Language } from '../i18n/language';
import type { OsmImportReport } from '../io/osm/osm-import-types';
import { useAppStore, type DataSource, type LoadedData, type VisibleLayers } from './store';

const get = useAppStore.getState;
const set = useAppStore.setState;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Show a failure of the worker (or of anything an action awaited) where the user sees it: the notice
 * of the data section (`store.error`); a running job's bar goes away and loading ends.
 */
export function showError(e: unknown): void {
  set((s) => ({ error: message(e), job: null, ...(s.status === 'loading' ? ({ status: s.data ? 'ready' : 'error' } as const) : {}) }));
}

/** Switches the UI language (labels, legend, attribution). */
export function setLanguage(language: Language): void {
  set({ language });
  void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** Shows or hides one layer. */
export function setLayerVisible(layer: keyof VisibleLayers, visible: boolean): void {
  set((s) => ({ visible: { ...s.visible, [layer]: visible } }));
  if ((layer === 'heat' || layer === 'serviceAreas') && visible) void refreshSurface().catch(showError);
}

/** Replaces the drawn dataset (used by tests and by the loaders below). */
function setData(data: LoadedData): void {
  set({ data, status: 'ready', error: null });
}

/** Source of the data being loaded (the store's `data.source` once loaded). */
let source: DataSource = 'user';

/**
 * Record what the worker read: each input's report, the accepted inputs (kept for a restarted worker
 * and the autosave), then draw the dataset once (not once per layer: each redraw of the map costs
 * seconds in a software renderer). False when any was refused.
 */
function recordInputs(read: readonly ReadInput[]): boolean {
  let view: DatasetView | null = null;
  let ok = true;
  for (const { input, res } of read) {
    set((s) => ({ reports: { ...s.reports, [input.layer]: { ...res.report, ok: res.ok } } }));
    if (!res.ok) {
      ok = false;
      continue;
    }
    view = res.dataset;
    setInput(input);
    set((s) => ({
      files: {
        ...s.files,
        // the layer's own name: a layer of an OSM extract goes by `<extract>.<layer>.geojson`
        [input.layer]: { name: res.report.file, size: input.bytes.length, options: input.options, sample: input.sample === true },
      },
    }));
  }
  if (view) setData(datasetCollections(view, source));
  return ok;
}

/** Send inputs in turn, record their reports, then draw the dataset once. False when any was refused. */
async function sendInputs(inputs: readonly InputFile[]): Promise<boolean> {
  return recordInputs(await readInputs(inputs));
}

/**
 * Load a file into a layer (GeoJSON, CSV, zipped Shapefile), then recompute coverage. A broken file
 * leaves everything as it was and its report says why.
 */
export async function loadFile(layer: LayerName, name: string, bytes: Uint8Array, options: LayerOptions = {}): Promise<boolean> {
  set({ status: 'loading', error: null, job: { stage: 'reading', fraction: 0 } });
  try {
    source = 'user';
    // re-reading the loaded bytes with new options (the mapping step) keeps whether they are the sample
    const prev = allInputs().find((i) => i.layer === layer);
    const sample = prev?.bytes === bytes && prev.sample === true;
    const ok = await sendInputs([{ layer, name, bytes, options, sample }]);
    set({ status: get().data ? 'ready' : 'idle', job: null });
    if (ok) await runCoverage();
    return ok;
  } catch (e) {
    set({ status: get().data ? 'ready' : 'error', error: message(e), job: null });
    return false;
  }
}

/**
 * Load a whole OpenStreetMap extract (.osm.pbf, .osm, .osm.gz): the worker imports it into the three
 * layers and loads them as they are (no GeoJSON text on the way), each with its own load report, and
 * coverage runs once. The extract's bytes are kept as the input of each layer (one array, shared), so
 * a saved workspace, a project or a restarted worker imports it again. A refused extract shows why
 * and leaves every layer as it was.
 *
 * @returns the import report (counts kept, skipped, estimated), or null when refused
 */
export async function loadOsmExtract(name: string, bytes: Uint8Array): Promise<OsmImportReport | null> {
  set({ status: 'loading', error: null, job: { stage: 'reading', fraction: 0 } });
  try {
    source = 'user';
    const t0 = performance.now();
    const lang = get().language;
    const res = await engine().importOsmExtract(name, bytes, lang);
    if (!res.ok) {
      set({ status: get().data ? 'ready' : 'idle', error: res.error, job: null });
      return null;
    }
    // the stages as performance measures (`osm:…`), for the speed test and the browser's profiler
    const t1 = performance.now();
    performance.measure('osm:worker-import', { start: t0, end: t1, detail: res.timings });
    for (const report of res.layers) {
      const input: InputFile = { layer: report.layer, name, bytes, options: { osmLang: lang } };
      setInput(input);
      set((s) => ({
        reports: { ...s.reports, [report.layer]: { ...report, ok: true } },
        files: { ...s.files, [report.layer]: { name: report.file, size: bytes.length, options: input.options, sample: false } },
      }));
    }
    setData(datasetCollections(res.dataset, source));
    set({ status: 'ready', job: null });
    const t2 = performance.now();
    performance.measure('osm:load-layers', { start: t1, end: t2 });
    await runCoverage();
    performance.measure('osm:coverage', { start: t2, end: performance.now() });
    return res.report;
  } catch (e) {
    set({ status: get().data ? 'ready' : 'error', error: message(e), job: null });
    return null;
  }
}

/** Loads the built-in sample city (bundled with the app; no network beyond the app's own server), from `prefetched` files when the start already fetched them. */
export function loadSample(prefetched: Promise<InputFile[]> = fetchSampleFiles()): Promise<void> {
  return applySample(prefetched.then(readInputs));
}

/** Record the sample the worker read (or say why it could not), then compute coverage. */
async function applySample(read: Promise<ReadInput[]>): Promise<void> {
  set({ status: 'loading', error: null, job: { stage: 'sample', fraction: 0 } });
  try {
    const files = await read;
    source = 'sample';
    recordInputs(files);
    set({ status: 'ready', job: null });
    await runCoverage();
  } catch (e) {
    set({ status: 'error', error: message(e), job: null });
  }
}

/**
 * Restore the workspace saved in the browser, or load the built-in sample when there is none (or it
 * has no inputs, or it failed to load). On a first visit the worker has read and is analysing the
 * sample while IndexedDB looks the workspace up (./early-start.ts), but nothing of it reaches the
 * store — nothing is drawn, and the autosave has nothing to write over a saved workspace — until the
 * lookup found none; a workspace found after all clears the sample's layers from the worker before
 * it is applied.
 * @param start the lookup and the sample's read, begun by beginStart (./early-start.ts)
 */
export async function restoreWorkspaceOrSample(start: EarlyStart): Promise<void> {
  const ws = await start.lookup;
  performance.mark('lifecircle:workspace-looked-up');
  if (ws && ws.inputs.length > 0) {
    if (start.read) await forgetSampleRead(start.read);
    const sample = needsSampleBytes(ws) ? (start.sample ?? fetchSampleFiles()) : null;
    if (await applyWorkspace(ws, sample)) return;
    await loadSample(sample ?? start.sample ?? undefined);
  } else await (start.read ? applySample(start.read) : loadSample());
}

/** Wait for the worker's read of the sample to end, then remove the layers it put there. */
async function forgetSampleRead(read: Promise<ReadInput[]>): Promise<void> {
  const layers = await read.then(
    (r) => r.filter((x) => x.res.ok).map((x) => x.input.layer),
    () => [] as LayerName[],
  );
  for (const layer of new Set(layers)) await engine().clearLayer(layer);
}

/**
 * Replace the loaded inputs and settings with a workspace's (a saved one, an opened project), then
 * compute coverage. False when it has no inputs or loading failed (the failure is shown).
 * @param sample the built-in sample's files, for a saved workspace that has them without bytes (default: fetched when needed)
 */
export async function applyWorkspace(saved: SavedWorkspace, sample: Promise<InputFile[]> | null = null): Promise<boolean> {
  if (saved.inputs.length === 0) return false;
  set({ status: 'loading', error: null, job: { stage: 'restoring', fraction: 0 } });
  try {
    // the built-in sample's files are saved without their bytes: the app carries them
    const ws = needsSampleBytes(saved) ? withSampleBytes(saved, await (sample ?? fetchSampleFiles())) : saved;
    source = ws.source;
    clearInputs();
    if (ws.settings) await engine().setSettings(ws.settings);
    await sendInputs(ws.inputs.map((input) => ({ ...input, sample: restoredIsSample(input, ws.source) })));
    set({ status: 'ready', job: null, selectedCategory: ws.selectedCategory });
    await runCoverage();
    return true;
  } catch (e) {
    set({ status: 'error', error: message(e), job: null });
    return false;
  }
}

/** Remove a layer (roads: the straight-line model is used). */
export async function removeLayer(layer: LayerName): Promise<void> {
  removeInput(layer);
  try {
    const view = await engine().clearLayer(layer);
    set((s) => {
      const files = { ...s.files };
      delete files[layer];
      return { files };
    });
    setData(datasetCollections(view, source));
    await runCoverage();
  } catch (e) {
    showError(e);
  }
}

let running: Promise<void> | null = null;
let again = false;

/**
 * Coverage under the current settings. Only a change other than a threshold recomputes travel times
 * (with progress); threshold changes re-threshold in milliseconds. Calls made while one runs are
 * coalesced into one more run.
 */
export async function runCoverage(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const t0 = performance.now();
      const s = get();
      if (!s.data || s.data.communities.features.length === 0) break;
      const res = await engine().coverage(callback((stage: string, fraction: number) => set({ job: { stage, fraction } })));
      set({
        coverage: res,
        analysisWarnings: res.warnings,
        job: null,
        lastUpdateMs: performance.now() - t0,
        settings: await engine().getSettings(),
      });
      if (get().visible.heat || get().visible.serviceAreas) await refreshSurface();
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** The category the service-area, heat and coverage layers show. */
export function selectCategory(id: string): void {
  set({ selectedCategory: id, surface: null });
  void refreshSurface().catch(showError);
}

/** Travel-time grid and isochrones of the selected category, when a layer needs them. */
async function refreshSurface(): Promise<void> {
  const s = get();
  if (!s.coverage || !(s.visible.heat || s.visible.serviceAreas)) return;
  const res = await engine().surface(s.selectedCategory);
  if (res && get().selectedCategory === s.selectedCategory) {
    set({ surface: { category: s.selectedCategory, grid: res.surface.grid, seconds: res.surface.seconds, isochrones: res.isochrones } });
  }
}

/**
 * Cancel long work: the worker is stopped and restarted with the inputs and settings it had. A
 * cancelled file read leaves inputs and settings as they were, so the results shown still hold: they
 * stay, and the restarted worker computes them again (it needs them for details and siting). A
 * cancelled analysis clears the results until the next change runs it again (it was stopped because
 * it was slow, so it does not restart by itself).
 */
export async function cancelJob(): Promise<void> {
  const readCancelled = get().job?.stage === 'reading';
  terminateEngine();
  // the terminated worker never answers the pending call: forget it, so the next change runs afresh
  running = null;
  again = false;
  // results of a cancelled analysis would be stale (new data or speeds): none is shown until the next run
  set({ job: null, status: get().data ? 'ready' : 'idle', ...(readCancelled ? {} : { coverage: null, surface: null }) });
  const s = get();
  try {
    if (s.settings) await engine().setSettings(s.settings);
    await readInputs(allInputs());
    await replayDemFiles();
    if (readCancelled && get().coverage) await runCoverage();
  } catch (e) {
    showError(e);
  }
}

/** Select a community or facility (map click, table row), or nothing. */
export function select(selection: ReturnType<typeof get>['selection']): void {
  set({ selection });
}

/** Move the map to a place (gap-table row click). */
export function flyTo(lon: number, lat: number, zoom = 14): void {
  set((s) => ({ flyTo: { lon, lat, zoom, seq: (s.flyTo?.seq ?? 0) + 1 } }));
}
