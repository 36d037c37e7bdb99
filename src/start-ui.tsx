/** The app: language from the browser, the app's start (subscriptions, saved workspace or sample), then the UI. Loaded by main.tsx once the engine worker is started. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import { browserLanguage } from './i18n';
import { setLanguage } from './app/actions';
import { startApp } from './app/start';
import { App } from './ui/App';
import { startServiceWorker } from './app/offline/service-worker';

setLanguage(browserLanguage());
void startApp();
startServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
