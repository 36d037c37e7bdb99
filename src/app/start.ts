/**
 * The app's start (called once from main.tsx): failures of the worker go to the app's notice; the
 * subscriptions that keep state in step start (siting follows coverage; the workspace and the siting
 * state are saved in the browser); then the saved workspace is restored, or the built-in sample is
 * loaded on a first visit, and a remembered PMTiles base map gets its kept file back. Nothing subscribes at import time, so importing app modules (tests,
 * tools) has no side effects.
 */
import { restoreWorkspaceOrSample, showError } from './actions';
import { engine, onEngineFailure } from './engine-client';
import { startPersistence, workspaceMaybeSaved } from './persistence';
import { fetchSampleFiles } from './load-sample';
import { followCoverage } from './siting-actions';
import { restorePmtilesBasemap } from './basemap/pmtiles-actions';

let started = false;

/**
 * Start the app once (later calls do nothing).
 * @returns a promise that settles when the first data is loaded (or loading failed and says why)
 */
export function startApp(): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  onEngineFailure(showError);
  followCoverage();
  startPersistence();
  void restorePmtilesBasemap();
  // while the saved workspace is looked up (IndexedDB: its answer waits for the first render, 0.3–2 s),
  // the worker's script loads and, on a first visit, the sample's files come; a return visit
  // (a workspace was saved here) fetches the sample only if restoring fails
  engine();
  performance.mark('lifecircle:start');
  const sample = workspaceMaybeSaved() ? null : fetchSampleFiles();
  sample?.catch(() => undefined); // a failure is shown when the sample is needed
  return restoreWorkspaceOrSample(sample);
}
