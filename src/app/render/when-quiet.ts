/**
 * Waiting for the page to be quiet: work that can wait (the service worker's first precache, megabytes
 * fetched and stored on a thread of the page's process) is started once the first open's rendering is
 * over, not in the middle of it, where on a 2-core machine it takes CPU from the map and the engine.
 */

/**
 * Resolves once the page has had no long task (≥ 50 ms, the Long Tasks API) for `quietMs`, or after
 * `maxMs` at the latest; where long tasks cannot be observed, after `quietMs`.
 * @param quietMs quiet time asked for (ms)
 * @param maxMs longest wait (ms)
 */
export function whenQuiet(quietMs: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let lastBusy = performance.now();
    let observer: PerformanceObserver | null = null;
    const start = lastBusy;
    const done = (): void => {
      observer?.disconnect();
      resolve();
    };
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      setTimeout(done, quietMs);
      return;
    }
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lastBusy = Math.max(lastBusy, e.startTime + e.duration);
    });
    observer.observe({ type: 'longtask' });
    const check = (): void => {
      const now = performance.now();
      if (now - lastBusy >= quietMs || now - start >= maxMs) done();
      else setTimeout(check, Math.min(quietMs - (now - lastBusy), maxMs - (now - start)) + 10);
    };
    setTimeout(check, quietMs);
  });
}
