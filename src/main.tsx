/** Entry point: language from the browser, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import { browserLanguage } from './i18n';
import { setLanguage } from './app/actions';
import { App } from './ui/App';

setLanguage(browserLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
