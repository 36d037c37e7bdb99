/**
 * The workspace kept in IndexedDB so that it survives a reload: the input files (bytes, names,
 * options), the user's settings and the data source. Nothing leaves the browser.
 */
import type { InputFile } from './inputs';
import type { DataSource } from './store';

const DB = 'lifecircle';
const STORE = 'workspace';
const KEY = 'current';

/** What is saved. */
export interface SavedWorkspace {
  version: 1;
  source: DataSource;
  inputs: InputFile[];
  /** Settings as the user set them (settings-file shape), or null for the preset. */
  settings: unknown;
  selectedCategory: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = f(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
  } finally {
    db.close();
  }
}

/** Save the workspace (replacing the previous one). */
export async function saveWorkspace(ws: SavedWorkspace): Promise<void> {
  await run('readwrite', (s) => s.put(ws, KEY));
}

/** The saved workspace, or null when there is none or it cannot be read. */
export async function loadWorkspace(): Promise<SavedWorkspace | null> {
  try {
    const v = (await run('readonly', (s) => s.get(KEY))) as SavedWorkspace | undefined;
    return v && v.version === 1 && Array.isArray(v.inputs) ? v : null;
  } catch {
    return null;
  }
}

/** Forget the saved workspace. */
export async function clearWorkspace(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}
