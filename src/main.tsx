/**
 * Entry point, kept small: it begins the start (./app/early-start.ts: the engine worker, the lookup
 * of the saved workspace and, on a first visit, the sample's read and analysis, on a second core)
 * while the app's code — MapLibre, deck.gl, React, 3 MB — downloads and runs; then it loads the app
 * (start-ui.tsx).
 */
import { startEarly } from './app/early-start';

/** At most this long (ms) the app's code waits for the sample to reach the worker (a slow download must not hold it). */
const SAMPLE_WAIT_MS = 500;

const handed = startEarly();
// the app's chunk is downloading meanwhile (index.html preloads it); it runs once the sample's files are
// posted to the worker: its evaluation holds the main thread for 0.5–1 s, and the worker's read would wait for it
Promise.race([handed, new Promise((resolve) => setTimeout(resolve, SAMPLE_WAIT_MS))])
  .then(() => import('./start-ui'))
  .catch((e: unknown) => {
    // the app's code did not load (offline before the first visit was cached, or a broken deployment): say so as text
    const root = document.getElementById('root');
    if (root)
      root.textContent = `Lifecircle could not load its code (${e instanceof Error ? e.message : String(e)}). Reload the page. 无法加载程序，请刷新页面。`;
  });
