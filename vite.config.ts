import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { preloadSample } from './scripts/vite-preload-sample';
import { preloadApp } from './scripts/vite-preload-app';

// Relative base so the built app works from any folder and offline.
// The service worker (Workbox, via vite-plugin-pwa) precaches the app shell, the worker, the solver's
// wasm, the built-in sample and the base-map fonts, so after one visit the app opens with no network.
// registerType 'prompt': a new version waits until the user accepts the reload notice.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    preloadSample(), // the sample downloads while the app's script loads
    preloadApp(), // the app's chunk downloads while the entry begins the start
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeManifestIcons: false, // the png glob below already precaches them
      manifest: {
        name: 'Lifecircle 生活圈',
        short_name: 'Lifecircle',
        description: 'Service-coverage planning for 15/20-minute community life circles',
        lang: 'zh-CN',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f4f2ed',
        theme_color: '#1f7a72',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,wasm,geojson,json,woff2,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // the first install controls the open page at once (so a reload is not needed before going offline);
        // later versions still wait for the notice (no skipWaiting)
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 4000 },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30000,
  },
});
