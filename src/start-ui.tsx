/** The app: language from the browser, the app's start (subscriptions, saved workspace or sample), the UI, and the service worker once the first open is over. Loaded by main.tsx once the start is begun. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import { browserLanguage } from './i18n';
import { setLanguage } from './app/actions';
import { startApp } from './app/start';
import { App } from './ui/App';
import { startServiceWorker } from './app/offline/service-worker';
import { whenQuiet } from './app/render/when-quiet';

/** The service worker is registered once the first data is shown and the page has been this long without a long task (ms)… */
const QUIET_BEFORE_PRECACHE_MS = 2000;
/** …or this long (ms) after the first data at the latest. */
const MAX_WAIT_BEFORE_PRECACHE_MS = 20_000;

setLanguage(browserLanguage());
// its first precache (12 MB fetched and stored on a thread of this process) took 2.4 s of task time
// during a first open in a software-rendered 2-core VM, while the map and the engine needed the CPU
void startApp().finally(() => whenQuiet(QUIET_BEFORE_PRECACHE_MS, MAX_WAIT_BEFORE_PRECACHE_MS).then(startServiceWorker));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
