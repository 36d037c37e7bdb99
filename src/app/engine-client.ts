/**
 * The one connection to the engine worker (comlink). Cancelling long work terminates the worker; the
 * next call starts a fresh one, which actions.ts fills again from the inputs it keeps.
 */
import { wrap, proxy, type Remote } from 'comlink';
import type { EngineSession } from '../worker/session';

let worker: Worker | null = null;
let remote: Remote<EngineSession> | null = null;
let onFailure: ((error: Error) => void) | null = null;

/**
 * Who is told when the worker itself fails (a script that does not load, an uncaught error or an
 * unreadable message) — failures no call's promise reports. The app's start passes its notice.
 */
export function onEngineFailure(listener: ((error: Error) => void) | null): void {
  onFailure = listener;
}

/** The engine session in the worker, started on first use. */
export function engine(): Remote<EngineSession> {
  if (!remote) {
    const w = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('error', (ev) => onFailure?.(new Error(`engine worker: ${ev.message || 'failed to start'}`)));
    w.addEventListener('messageerror', () => onFailure?.(new Error('engine worker: a message could not be read')));
    worker = w;
    remote = wrap<EngineSession>(w);
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
