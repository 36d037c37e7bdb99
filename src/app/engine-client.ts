/**
 * The one connection to the engine worker (comlink). Cancelling long work terminates the worker; the
 * next call starts a fresh one, which actions.ts fills again from the inputs it keeps.
 */
import { wrap, proxy, type Remote } from 'comlink';
import type { EngineSession } from '../worker/session';

let worker: Worker | null = null;
let remote: Remote<EngineSession> | null = null;
let onFailure: ((error: Error) => void) | null = null;
/** A failure of the worker before anyone listened (the entry starts it before the app's code loads). */
let unheard: Error | null = null;

/**
 * Who is told when the worker itself fails (a script that does not load, an uncaught error or an
 * unreadable message) — failures no call's promise reports. The app's start passes its notice; a
 * failure that came before it is told at once.
 */
export function onEngineFailure(listener: ((error: Error) => void) | null): void {
  onFailure = listener;
  if (listener && unheard) {
    const error = unheard;
    unheard = null;
    listener(error);
  }
}

function failed(error: Error): void {
  if (onFailure) onFailure(error);
  else unheard = error;
}

/** The engine session in the worker, started on first use. */
export function engine(): Remote<EngineSession> {
  if (!remote) {
    const w = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    w.addEventListener('error', (ev) => failed(new Error(`engine worker: ${ev.message || 'failed to start'}`)));
    w.addEventListener('messageerror', () => failed(new Error('engine worker: a message could not be read')));
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
