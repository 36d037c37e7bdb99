/**
 * Opening a `.pmtiles` file as the base map, choosing its theme, and putting the file back after a
 * reload. A file that cannot be drawn (not PMTiles, raster tiles, another schema) is reported and the
 * current base map stays. An opened file is kept in this browser (../persistence.ts, IndexedDB), never
 * in a project: projects and localStorage hold the choice `pmtiles`, the file is found here on start.
 * The reader (pmtiles, @protomaps/basemaps) loads with the first file (./pmtiles-code.ts); when it cannot
 * load, the file is refused with that reason.
 */
import { loadPmtilesFile, savePmtilesFile, type KeyValueStorage } from '../persistence';
import { loadPmtilesCode } from './pmtiles-code';
import { PMTILES_THEME_STORAGE_KEY, usePmtilesStore } from './pmtiles-store';
import type { PmtilesTheme } from './pmtiles-names';
import { setBasemap, useBasemapStore } from './basemap-store';

/** Where the file is kept: IndexedDB by default (`undefined`), a key-value map in tests, `null` for nowhere. */
type Storage = KeyValueStorage | null | undefined;

/** Reads the file and draws it; `keep` also stores it for the next visit. */
async function open(file: File, keep: boolean, storage: Storage): Promise<boolean> {
  usePmtilesStore.setState({ status: { kind: 'reading', file: file.name } });
  let code: Awaited<ReturnType<typeof loadPmtilesCode>>;
  try {
    code = await loadPmtilesCode(); // the reader is loaded with the first file
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    usePmtilesStore.setState({ status: { kind: 'refused', problem: { reason: 'codeNotLoaded', file: file.name, detail } } });
    return false;
  }
  const result = await code.openPmtilesFile(file);
  if (!result.ok) {
    usePmtilesStore.setState({ status: { kind: 'refused', problem: result.problem } });
    return false;
  }
  const basemap = { url: code.servePmtiles(result.archive), fileName: file.name, info: result.info, kept: !keep }; // a restored file is already kept
  usePmtilesStore.setState({ basemap, status: { kind: 'idle' }, lost: null });
  setBasemap({ kind: 'pmtiles' });
  if (keep && (await savePmtilesFile(file, storage)) && usePmtilesStore.getState().basemap === basemap)
    usePmtilesStore.setState({ basemap: { ...basemap, kept: true } });
  return true;
}

/**
 * Reads the header and metadata; on success it becomes the base map and is kept in this browser
 * (`kept` turns true once written).
 *
 * @param file the picked or dropped file
 * @param storage where to keep it (default IndexedDB)
 * @returns true when the file is now the base map
 */
export function openPmtilesBasemap(file: File, storage?: Storage): Promise<boolean> {
  return open(file, true, storage);
}

/**
 * On start: when the remembered choice is `pmtiles` and no file is open, opens the file kept in this
 * browser. When it is gone (site data cleared, no IndexedDB) or no longer opens, the base map falls
 * back to None and `lost` says so. Does nothing for other choices, or when the user chose meanwhile.
 *
 * @param storage where the file is kept (default IndexedDB)
 */
export async function restorePmtilesBasemap(storage?: Storage): Promise<void> {
  const waiting = () => useBasemapStore.getState().choice.kind === 'pmtiles' && usePmtilesStore.getState().basemap === null;
  if (!waiting()) return;
  const file = await loadPmtilesFile(storage);
  if (!waiting()) return;
  if (file && (await open(file, false, storage))) return;
  if (!waiting()) return;
  usePmtilesStore.setState({ status: { kind: 'idle' }, lost: { file: file?.name ?? null } });
  setBasemap({ kind: 'none' });
}

/** Closes the notice about a kept file that could not be put back. */
export function dismissPmtilesLost(): void {
  usePmtilesStore.setState({ lost: null });
}

/** Sets the theme the PMTiles base map is drawn in. */
export function setPmtilesTheme(theme: PmtilesTheme): void {
  usePmtilesStore.setState({ theme });
  try {
    localStorage.setItem(PMTILES_THEME_STORAGE_KEY, theme); // remembered for the next visit
  } catch {
    // storage blocked: the theme lasts for this visit only
  }
}
