/**
 * A module loaded on first use (a dynamic `import()`, its own chunk; the service worker precaches every
 * chunk, so it loads offline too): the first call starts the load, later calls share it; a failed load
 * is forgotten, so the next call tries again, and rejects with a {@link LazyLoadError}.
 */
export function lazyModule<M>(load: () => Promise<M>): () => Promise<M> {
  let pending: Promise<M> | null = null;
  return () => {
    pending ??= load().catch((e: unknown) => {
      pending = null;
      throw new LazyLoadError(e);
    });
    return pending;
  };
}

/** A part of the app's code did not load (offline before it was cached, or a broken deployment). */
export class LazyLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'LazyLoadError';
  }
}
