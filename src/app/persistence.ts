/**
 * The one place the app keeps state across reloads, in IndexedDB through idb-keyval (the workspace
 * holds the input files' bytes — megabytes, binary — which localStorage can neither hold nor store
 * as bytes). Two records in one object store: the workspace (input files with their options, the
 * settings, the data source, the selected category) and the siting state (form, proposal, saved
 * scenarios). Both are snapshots of the stores (./store.ts, ./siting-store.ts, ./inputs.ts), which
 * stay the one source of truth; the records are only written by the autosave that
 * `startPersistence` starts (from the app's start) and read back on start. A third record holds the
 * local PMTiles base map's file (name and bytes, written when a file is opened, read back on start by
 * ./basemap/pmtiles-actions.ts): the choice of base map is in localStorage and in projects, the file
 * only here. Nothing leaves the browser. Where the records live, and the lookup of the saved
 * workspace (which the entry starts before the app's code loads), are in ./browser-storage.ts.
 */
import { allInputs, type InputFile } from './inputs';
import { browserStorage, PMTILES_KEY, SITING_KEY, WORKSPACE_KEY, type KeyValueStorage, type SavedWorkspace } from './browser-storage';
import { SAVED_FLAG } from './saved-flag';
import { useAppStore, type AppState } from './store';
import { useSitingStore, type Scenario, type SitingForm, type SitingState } from './siting-store';
import { restoreProposal, setScenarios, setSitingForm } from './siting-actions';

export { loadWorkspace, type KeyValueStorage, type SavedWorkspace } from './browser-storage';

/** The saved siting state: the form, the current proposal (WGS84 degrees) and the scenarios. */
export interface SavedSiting {
  version: 1;
  form: SitingForm;
  category: string | null;
  sites: { lon: number; lat: number }[];
  scenarios: Scenario[];
}

/** The saved PMTiles base-map file (IndexedDB stores the Blob as bytes; tens of megabytes are fine). */
export interface SavedPmtiles {
  version: 1;
  /** The file's name as picked. */
  name: string;
  bytes: Blob;
}

/** Quiet time (ms) after the last change before a record is written (a dragged slider writes once). */
const SAVE_DELAY_MS = 300;

/** Sets the flag of {@link workspaceMaybeSaved} (ignored where localStorage is missing or full). */
function flagWorkspaceSaved(): void {
  try {
    if (typeof localStorage !== 'undefined') localStorage.setItem(SAVED_FLAG, '1');
  } catch {
    // private mode: the next start fetches the sample while it looks the workspace up, as a first visit
  }
}

/** The saved siting state, or null when there is none, it cannot be read or there is no storage. */
export async function loadSiting(storage: KeyValueStorage | null = browserStorage()): Promise<SavedSiting | null> {
  if (!storage) return null;
  try {
    const v = (await storage.get(SITING_KEY)) as SavedSiting | undefined;
    return v && v.version === 1 && Array.isArray(v.sites) && Array.isArray(v.scenarios) ? v : null;
  } catch {
    return null;
  }
}

/**
 * Keeps `file` as the PMTiles base-map file (replacing the one before).
 * @returns true when it was written; false when there is no storage or writing failed (quota, private mode)
 */
export async function savePmtilesFile(file: File, storage: KeyValueStorage | null = browserStorage()): Promise<boolean> {
  if (!storage) return false;
  try {
    const record: SavedPmtiles = { version: 1, name: file.name, bytes: file };
    await storage.set(PMTILES_KEY, record);
    return true;
  } catch (e) {
    console.warn(
      `lifecircle: could not keep the base-map file ${file.name} (${e instanceof Error ? e.message : String(e)}); pick it again after a reload`,
    );
    return false;
  }
}

/** The saved PMTiles base-map file as a File, or null when there is none, it cannot be read or there is no storage. */
export async function loadPmtilesFile(storage: KeyValueStorage | null = browserStorage()): Promise<File | null> {
  if (!storage) return null;
  try {
    const v = (await storage.get(PMTILES_KEY)) as SavedPmtiles | undefined;
    if (!v || v.version !== 1 || typeof v.name !== 'string' || !(v.bytes instanceof Blob)) return null;
    return new File([v.bytes], v.name);
  } catch {
    return null;
  }
}

/** The record as written: the built-in sample's files without their bytes (see SavedInput, ./browser-storage.ts). */
function storedWorkspace(ws: SavedWorkspace): SavedWorkspace {
  return {
    ...ws,
    inputs: ws.inputs.map((i) => (i.sample === true ? { ...i, bytes: new Uint8Array(0), builtInSample: true as const } : i)),
  };
}

/** Whether a saved workspace has files of the built-in sample saved without their bytes. */
export function needsSampleBytes(ws: SavedWorkspace): boolean {
  return ws.inputs.some((i) => i.builtInSample === true);
}

/**
 * The workspace with the built-in sample's bytes put back (matched by layer and file name; the
 * saved options stay).
 * @param sample the sample's files as the app carries them
 * @throws naming the file when the sample has no such file
 */
export function withSampleBytes(ws: SavedWorkspace, sample: readonly InputFile[]): SavedWorkspace {
  return {
    ...ws,
    inputs: ws.inputs.map((i) => {
      if (i.builtInSample !== true) return i;
      const file = sample.find((f) => f.layer === i.layer && f.name === i.name);
      if (!file) throw new Error(`${i.name}: not a file of the built-in sample (${i.layer})`);
      const { builtInSample: _, ...input } = i;
      return { ...input, bytes: file.bytes, sample: true };
    }),
  };
}

/** The workspace record of the current state (the inputs' bytes are shared, not copied). */
function workspaceSnapshot(app: AppState = useAppStore.getState(), inputs: InputFile[] = allInputs()): SavedWorkspace {
  return { version: 1, source: app.data?.source ?? 'user', inputs, settings: app.settings, selectedCategory: app.selectedCategory };
}

/** The siting record of the current state. */
function sitingSnapshot(s: SitingState = useSitingStore.getState()): SavedSiting {
  return {
    version: 1,
    form: s.form,
    category: s.category,
    sites: s.sites.map((x) => ({ lon: x.lon, lat: x.lat })),
    scenarios: s.scenarios,
  };
}

/** What decides whether the workspace record is out of date: same inputs (by identity), settings, source and category. */
function workspaceKey(ws: SavedWorkspace): unknown[] {
  return [ws.source, ws.selectedCategory, JSON.stringify(ws.settings), ...ws.inputs];
}

const sameKey = (a: unknown[] | null, b: unknown[]): boolean => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Start the autosave: the workspace is written a moment after its inputs, settings, source or
 * category change (never in the middle of loading), the siting state a moment after its form,
 * proposal or scenarios change (not during a drag). The siting state saved before a reload is put
 * back once, with the first coverage. Writing failures (private mode, quota) only cost persistence.
 * @param storage where to keep the records; none (no IndexedDB): nothing is saved or restored
 * @returns a function that stops the autosave
 */
export function startPersistence(storage: KeyValueStorage | null = browserStorage()): () => void {
  if (!storage) return () => undefined;
  const write = (key: string, value: unknown): Promise<boolean> =>
    storage.set(key, value).then(
      () => true,
      (e: unknown) => {
        console.warn(
          `lifecircle: could not save the ${key === SITING_KEY ? 'siting state' : 'workspace'} (${e instanceof Error ? e.message : String(e)}); it will not survive a reload`,
        );
        return false;
      },
    );

  // workspace
  let savedKey: unknown[] | null = workspaceKey(workspaceSnapshot());
  let workspaceTimer: ReturnType<typeof setTimeout> | null = null;
  const saveWorkspaceSoon = () => {
    if (workspaceTimer) clearTimeout(workspaceTimer);
    workspaceTimer = setTimeout(() => {
      workspaceTimer = null;
      if (useAppStore.getState().status === 'loading') return; // the change that ends loading saves
      const ws = workspaceSnapshot();
      const key = workspaceKey(ws);
      if (sameKey(savedKey, key)) return;
      savedKey = key;
      void write(WORKSPACE_KEY, storedWorkspace(ws)).then((ok) => ok && flagWorkspaceSaved());
    }, SAVE_DELAY_MS);
  };
  const stopWorkspace = useAppStore.subscribe((s, prev) => {
    if (s.status === 'loading') return;
    if (
      s.files === prev.files &&
      s.settings === prev.settings &&
      s.selectedCategory === prev.selectedCategory &&
      s.data?.source === prev.data?.source &&
      s.status === prev.status
    )
      return;
    saveWorkspaceSoon(); // the timer compares with what was saved, once per burst
  });

  // siting: nothing is written before the saved state was restored (or found absent)
  let sitingRestored = false;
  let sitingTimer: ReturnType<typeof setTimeout> | null = null;
  const stopSiting = useSitingStore.subscribe((s, prev) => {
    if (!sitingRestored || s.dragging !== null) return;
    if (
      s.sites === prev.sites &&
      s.scenarios === prev.scenarios &&
      s.form === prev.form &&
      s.category === prev.category &&
      prev.dragging === null
    )
      return;
    if (sitingTimer) clearTimeout(sitingTimer);
    sitingTimer = setTimeout(() => {
      sitingTimer = null;
      void write(SITING_KEY, sitingSnapshot());
    }, SAVE_DELAY_MS);
  });
  const stopRestore = useAppStore.subscribe((state) => {
    if (!state.coverage || sitingRestored) return;
    stopRestore();
    void restoreSiting(storage).finally(() => {
      sitingRestored = true;
    });
  });

  return () => {
    stopWorkspace();
    stopSiting();
    stopRestore();
    if (workspaceTimer) clearTimeout(workspaceTimer);
    if (sitingTimer) clearTimeout(sitingTimer);
  };
}

/** Put the saved siting state back, unless the user already has a proposal or scenarios. */
async function restoreSiting(storage: KeyValueStorage): Promise<void> {
  const saved = await loadSiting(storage);
  const now = useSitingStore.getState();
  if (!saved || now.category || now.scenarios.length > 0) return;
  setSitingForm(saved.form);
  if (saved.scenarios.length > 0) setScenarios(saved.scenarios);
  if (saved.category && saved.sites.length > 0 && useAppStore.getState().coverage?.categoryIds.includes(saved.category))
    await restoreProposal(saved.category, saved.sites);
}
