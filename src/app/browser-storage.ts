/**
 * Where the app's records live in the browser (IndexedDB through idb-keyval, and a synchronous
 * localStorage flag) and the lookup of the saved workspace: the part of ./persistence.ts that the
 * entry (main.tsx, through ./early-start.ts) needs before the app's code has loaded, so it imports
 * nothing of the app but types. The autosave and the other records are in ./persistence.ts.
 */
import { createStore, get as idbGet, set as idbSet, type UseStore } from 'idb-keyval';
import type { InputFile } from './inputs';
import { SAVED_FLAG } from './saved-flag';
import type { DataSource } from './store';

/**
 * An input as saved: a file of the built-in sample is saved without its bytes (`builtInSample`,
 * `bytes` empty) — the app carries them, and writing its 4 MB into IndexedDB (three times) cost the first open
 * 0.54 s of main-thread samples (a profile on a loaded 2-core machine); withSampleBytes (./persistence.ts) puts them back.
 */
export type SavedInput = InputFile & { builtInSample?: true };

/** The saved workspace. */
export interface SavedWorkspace {
  version: 1;
  source: DataSource;
  inputs: SavedInput[];
  /** Settings as the user set them (settings-file shape), or null for the preset. */
  settings: unknown;
  selectedCategory: string;
}

/** Where records are kept: IndexedDB in the browser, any key-value map in tests. */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** Database and object store of the workspace since the first version (saved workspaces still open). */
const DB = 'lifecircle';
const STORE = 'workspace';
export const WORKSPACE_KEY = 'current';
export const SITING_KEY = 'siting';
export const PMTILES_KEY = 'pmtiles';
let idbStore: UseStore | null = null;

/** The IndexedDB storage (opened on first use), or null where there is no IndexedDB. */
export function browserStorage(): KeyValueStorage | null {
  if (typeof indexedDB === 'undefined') return null;
  return {
    get: (key) => idbGet(key, (idbStore ??= createStore(DB, STORE))),
    set: (key, value) => idbSet(key, value, (idbStore ??= createStore(DB, STORE))),
  };
}

/**
 * Whether a workspace was saved in this browser (a synchronous localStorage flag, so the start
 * need not wait for IndexedDB to decide whether to fetch the sample). False without localStorage.
 */
export function workspaceMaybeSaved(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(SAVED_FLAG) === '1';
  } catch {
    return false;
  }
}

/** The saved workspace, or null when there is none, it cannot be read or there is no storage. */
export async function loadWorkspace(storage: KeyValueStorage | null = browserStorage()): Promise<SavedWorkspace | null> {
  if (!storage) return null;
  try {
    const v = (await storage.get(WORKSPACE_KEY)) as SavedWorkspace | undefined;
    return v && v.version === 1 && Array.isArray(v.inputs) ? v : null;
  } catch {
    return null;
  }
}
