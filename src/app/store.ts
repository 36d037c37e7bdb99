/**
 * The app's state: plain serialisable data only (loaded GeoJSON, language, visible layers). Actions
 * live in ./actions.ts; layers are derived from this state by the pure builders in ./layers/.
 */
import { create } from 'zustand';
import type { FeatureCollection } from 'geojson';

/** UI language: Chinese (default for zh* browsers) or English. */
export type Language = 'zh' | 'en';

/** The layers a user can show or hide. */
export interface VisibleLayers {
  roads: boolean;
  communities: boolean;
  facilities: boolean;
}

/** Where the shown data comes from; drives the attribution line. */
export type DataSource = 'sample' | 'osm' | 'user';

/** The three collections of a dataset as loaded (WGS84 GeoJSON). */
export interface LoadedData {
  source: DataSource;
  /** Roads as LineStrings, or null when the dataset has none. */
  roads: FeatureCollection | null;
  communities: FeatureCollection;
  facilities: FeatureCollection;
}

/** Loading status of the dataset. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AppState {
  language: Language;
  visible: VisibleLayers;
  data: LoadedData | null;
  status: LoadStatus;
  /** Message of the last load failure, or null. */
  error: string | null;
}

/** The state before anything is loaded, in the given language. */
export function initialState(language: Language): AppState {
  return {
    language,
    visible: { roads: true, communities: true, facilities: true },
    data: null,
    status: 'idle',
    error: null,
  };
}

/** The app store (zustand). Read with `useAppStore(selector)`, change through ./actions.ts. */
export const useAppStore = create<AppState>(() => initialState('zh'));
