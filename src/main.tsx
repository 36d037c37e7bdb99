/**
 * Entry point, kept small: it begins the start (./app/early-start.ts: the engine worker, the lookup
 * of the saved workspace and, on a first visit, the sample's read and analysis, on a second core)
 * while the app's code — MapLibre, deck.gl, React, 3 MB — downloads and runs; then it loads the app
 * (start-ui.tsx).
 */
import { startEarly } from './app/early-start';

startEarly();
import('./start-ui').catch((e: unknown) => {
  // the app's code did not load (offline before the first visit was cached, or a broken deployment): say so as text
  const root = document.getElementById('root');
  if (root)
    root.textContent = `Lifecircle could not load its code (${e instanceof Error ? e.message : String(e)}). Reload the page. 无法加载程序，请刷新页面。`;
});
