/**
 * The one connection to the engine worker (comlink). Cancelling long work terminates the worker; the
 * next call starts a fresh one, which actions.ts fills again from the inputs it keeps.
 */
import { wrap, proxy, type Remote } from 'comlink';
import type { EngineSession } from '../worker/session';

let worker: Worker | null = null;
let remote: Remote<EngineSession> | null = null;

/** The engine session in the worker, started on first use. */
export function engine(): Remote<EngineSession> {
  if (!remote) {
    worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    remote = wrap<EngineSession>(worker);
  }
  return remote;
}

/** Stop whatever the worker is doing; its state is gone (the caller replays inputs). */
export function terminateEngine(): void {
  worker?.terminate();
  worker = null;
  remote = null;
}

/** Wrap a callback so the worker can call it (progress). */
export const callback = proxy;
