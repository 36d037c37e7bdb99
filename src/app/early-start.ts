/**
 * What the app's start begins before the app's code has loaded. The entry (main.tsx) calls
 * {@link startEarly} first: the engine worker starts, the saved workspace is looked up in IndexedDB
 * and, on a first visit, the built-in sample is fetched, read by the worker and analysed — all while
 * the 3 MB of the app's code downloads and runs on the main thread. The app's start then takes what
 * was begun ({@link takeEarlyStart}). In a software-rendered 2-core VM these waited for the app's
 * code and its first render, and the answer came about 4.5 s into a first open.
 *
 * Only modules that import nothing of the app's state belong here (engine client, storage lookup,
 * sample URLs, the read): the entry chunk stays small.
 */
import { loadWorkspace, workspaceMaybeSaved, type KeyValueStorage, type SavedWorkspace } from './browser-storage';
import { engine } from './engine-client';
import type { InputFile } from './inputs';
import { fetchSampleFiles } from './load-sample';
import { readInputs, type ReadInput } from './read-inputs';
import { DEFAULT_CATEGORY } from './store';

/** The start's first steps, under way. */
export interface EarlyStart {
  /** The saved workspace (null: none, unreadable, or no IndexedDB). */
  lookup: Promise<SavedWorkspace | null>;
  /** On a first visit (no workspace saved in this browser): the sample's files; else null. */
  sample: Promise<InputFile[]> | null;
  /**
   * The sample as the worker read it; once it has answered, the worker goes on to analyse it, so the
   * coverage asked for after the lookup finds no workspace is there already. Nothing of it is in the
   * store: the app applies it only when no workspace was saved.
   */
  read: Promise<ReadInput[]> | null;
}

/**
 * Begin the start: look the workspace up and, when `sample` is given, have the worker read and
 * analyse it meanwhile.
 * @param sample the sample's files being fetched (null: a return visit, none)
 * @param storage where the workspace is looked up (default: the browser's IndexedDB)
 */
export function beginStart(sample: Promise<InputFile[]> | null, storage?: KeyValueStorage | null): EarlyStart {
  const lookup = loadWorkspace(storage);
  const read = sample?.then((files) => readInputs(files, { analyse: true, surfaceOf: DEFAULT_CATEGORY })) ?? null;
  // a failure is shown when the sample is needed (no workspace)
  sample?.catch(() => undefined);
  read?.catch(() => undefined);
  return { lookup, sample, read };
}

let early: EarlyStart | null = null;

/** The sample's files on a first visit (no workspace saved in this browser), fetched; null on a return visit. */
const firstVisitSample = (): Promise<InputFile[]> | null => (workspaceMaybeSaved() ? null : fetchSampleFiles());

/**
 * Called by the entry before it loads the app's code: the worker starts, and {@link beginStart} on this visit.
 * @returns settles once the sample's files have been handed to the worker (or could not be fetched); at once on a return visit
 */
export function startEarly(): Promise<void> {
  if (early) return Promise.resolve();
  engine();
  const sample = firstVisitSample();
  early = beginStart(sample);
  // beginStart's read took the files first, so by now they are posted to the worker
  return sample
    ? sample.then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

/** What {@link startEarly} began (begun now when it was not called), once: a second call begins afresh. */
export function takeEarlyStart(): EarlyStart {
  const start = early ?? beginStart(firstVisitSample());
  early = null;
  return start;
}
