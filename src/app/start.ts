/**
 * The app's start (called once from main.tsx): failures of the worker go to the app's notice; the
 * subscriptions that keep state in step start (siting follows coverage; the workspace and the siting
 * state are saved in the browser); then the saved workspace is restored, or the built-in sample is
 * loaded on a first visit, and a remembered PMTiles base map gets its kept file back. Nothing subscribes at import time, so importing app modules (tests,
 * tools) has no side effects.
 */
import { restoreWorkspaceOrSample, showError } from './actions';
import { onEngineFailure } from './engine-client';
import { takeEarlyStart } from './early-start';
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
  // the worker, the lookup of the saved workspace and, on a first visit, the sample's read and
  // analysis were begun by the entry (./early-start.ts) while this code loaded
  const start = takeEarlyStart();
  performance.mark('lifecircle:start');
  return restoreWorkspaceOrSample(start);
}
