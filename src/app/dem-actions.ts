/**
 * Elevation files: sent to the worker (which holds the grids), kept here as bytes so that a
 * restarted worker (cancel) gets them again.
 */
import type { DemReport } from '../worker/session';
import { engine } from './engine-client';

let kept: { name: string; bytes: Uint8Array }[] = [];

/**
 * Sends elevation files to the worker; those it reads are kept (a file of the same name replaces
 * the earlier one). The caller re-runs the analysis.
 *
 * @returns one report per file (refused files say why)
 */
export async function sendDemFiles(files: readonly { name: string; bytes: Uint8Array }[]): Promise<DemReport[]> {
  const reports: DemReport[] = [];
  for (const f of files) {
    const r = await engine().loadDem(f.name, f.bytes);
    if (r.ok) kept = [...kept.filter((k) => k.name !== f.name), f];
    reports.push(r);
  }
  return reports;
}

/** Removes every elevation file (flat ground again). */
export async function clearDemFiles(): Promise<void> {
  kept = [];
  await engine().clearDem();
}

/** Sends the kept elevation files to a new worker. */
export async function replayDemFiles(): Promise<void> {
  for (const f of kept) await engine().loadDem(f.name, f.bytes);
}
