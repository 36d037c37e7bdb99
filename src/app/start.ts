/**
 * The app's start (called once from main.tsx): failures of the worker go to the app's notice; the
 * subscriptions that keep state in step start (siting follows coverage; the workspace and the siting
 * state are saved in the browser); then the saved workspace is restored, or the built-in sample is
 * loaded on a first visit, and a remembered PMTiles base map gets its kept file back. Nothing subscribes at import time, so importing app modules (tests,
 * tools) has no side effects.
 */
import { loadSample, restoreWorkspace, showError } from './actions';
import { engine, onEngineFailure } from './engine-client';
import { fetchSampleFiles } from './load-sample';
import { startPersistence } from './persistence';
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
  // while the saved workspace is looked up, the worker's script loads and the sample's files come
  engine();
  const sample = fetchSampleFiles();
  sample.catch(() => undefined); // a failure is shown by loadSample, if the sample is needed
  return restoreWorkspace().then((restored) => (restored ? undefined : loadSample(sample)));
}
