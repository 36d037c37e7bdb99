/**
 * Registers the service worker (vite-plugin-pwa, Workbox precache) that lets the app open offline
 * after the first visit, and keeps what the update notice needs: whether a new version waits, and
 * the function that activates it and reloads. Nothing is registered in the dev server.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { create } from 'zustand';
import { registerSW } from 'virtual:pwa-register';

interface OfflineState {
  /** A new version is installed and waits for the user's reload. */
  needRefresh: boolean;
  /** The app shell has just been cached for the first time (the app now works offline). */
  offlineReady: boolean;
  /** Activates the waiting version and reloads the page. */
  update: (() => Promise<void>) | null;
}

export const useOfflineStore = create<OfflineState>(() => ({ needRefresh: false, offlineReady: false, update: null }));

/** Registers the service worker once (production builds only). */
export function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh: () => useOfflineStore.setState({ needRefresh: true }),
    onOfflineReady: () => useOfflineStore.setState({ offlineReady: true }),
    // blocked (private mode, tests) or unsupported: the app works as before, online only
    onRegisterError: () => undefined,
  });
  useOfflineStore.setState({ update: () => update(true) });
}

/** Hides the notice (the waiting version activates on the next visit). */
export function dismissOfflineNotice(): void {
  useOfflineStore.setState({ needRefresh: false, offlineReady: false });
}
