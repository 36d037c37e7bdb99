/**
 * Changes to the app store. Each action is a plain function; components call them from handlers.
 */
import i18n from '../i18n';
import { useAppStore, type Language, type LoadedData, type VisibleLayers } from './store';
import { fetchSample } from './load-sample';

/** Switches the UI language (labels, legend, attribution). */
export function setLanguage(language: Language): void {
  useAppStore.setState({ language });
  void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** Shows or hides one layer. */
export function setLayerVisible(layer: keyof VisibleLayers, visible: boolean): void {
  useAppStore.setState((s) => ({ visible: { ...s.visible, [layer]: visible } }));
}

/** Replaces the dataset. */
export function setData(data: LoadedData): void {
  useAppStore.setState({ data, status: 'ready', error: null });
}

/** Loads the built-in sample city (bundled with the app; no network beyond the app's own server). */
export async function loadSample(): Promise<void> {
  useAppStore.setState({ status: 'loading', error: null });
  try {
    setData(await fetchSample());
  } catch (err) {
    useAppStore.setState({ status: 'error', error: err instanceof Error ? err.message : String(err) });
  }
}
