/**
 * The app's state: plain serialisable data only (loaded GeoJSON, language, visible layers). Actions
 * live in ./actions.ts; layers are derived from this state by the pure builders in ./layers/.
 */
import { create } from 'zustand';
import type { FeatureCollection } from 'geojson';
import type { Settings } from '../engine/model';
import type { CoverageView } from '../engine/coverage/coverage-view';
import type { Language } from '../i18n/language';
import type { LayerName, LayerOptions, LayerReport } from '../worker/session';

// The worker's layer types, for the UI (which must not import the worker).
export type { LayerName, LayerOptions, LayerReport };

/** The layers a user can show or hide. */
export interface VisibleLayers {
  roads: boolean;
  communities: boolean;
  facilities: boolean;
  /** Communities coloured by the covered share of the selected category. */
  coverage: boolean;
  gapZones: boolean;
  /** Travel-time heat grid of the selected category. */
  heat: boolean;
  /** Service circles (straight line) or isochrones (network) of the selected category. */
  serviceAreas: boolean;
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

/** A file loaded into a layer (its bytes live in app/inputs.ts, not in the store). */
export interface LoadedFile {
  name: string;
  size: number;
  options: LayerOptions;
  /** True when the file is the built-in synthetic sample (see ./layer-origin.ts). */
  sample?: boolean;
}

/** Long work in the worker: what runs and how far it is (0–1). */
export interface Job {
  stage: string;
  fraction: number;
}

/** What the user clicked on the map or in a table. */
export type Selection = { type: 'community'; index: number } | { type: 'facility'; index: number } | null;

/** A request to move the map (gap-table row click); `seq` makes repeated requests distinct. */
export interface FlyTo {
  lon: number;
  lat: number;
  zoom: number;
  seq: number;
}

/** Travel-time grid and isochrones of one category (typed arrays from the worker). */
export interface SurfaceState {
  category: string;
  grid: { lon0: number; lat0: number; dLon: number; dLat: number; width: number; height: number; cellMeters: number };
  seconds: Float32Array;
  isochrones: { seconds: number; multiPolygon: [number, number][][][] }[];
}

export interface AppState {
  language: Language;
  visible: VisibleLayers;
  /** The dataset as validated by the engine (WGS84), as collections for drawing. */
  data: LoadedData | null;
  status: LoadStatus;
  /** Message of the last load failure, or null. */
  error: string | null;
  /** Files in each layer. */
  files: Partial<Record<LayerName, LoadedFile>>;
  /** Load report of the last file offered for each layer (kept also when the file was refused). */
  reports: Partial<Record<LayerName, LayerReport & { ok: boolean }>>;
  /** Active settings (preset merged with the user's changes), or null before the engine answered. */
  settings: Settings | null;
  /** Problems with settings the user entered (they were refused). */
  settingsErrors: string[];
  coverage: CoverageView | null;
  /** Analysis warnings (off-network communities, categories without facilities …). */
  analysisWarnings: { file: string; index: number; id?: string; reason: string }[];
  /** Category shown by the service-area, heat and coverage layers. */
  selectedCategory: string;
  surface: SurfaceState | null;
  selection: Selection;
  job: Job | null;
  flyTo: FlyTo | null;
  /** Milliseconds of the last coverage update (slider to numbers), for the status line and tests. */
  lastUpdateMs: number | null;
}

/** The category the map and the answer show first (the engine worker computes its service areas at the start). */
export const DEFAULT_CATEGORY = 'clinic';

/** The state before anything is loaded, in the given language. */
export function initialState(language: Language): AppState {
  return {
    language,
    visible: { roads: true, communities: true, facilities: true, coverage: true, gapZones: true, heat: false, serviceAreas: true },
    data: null,
    status: 'idle',
    error: null,
    files: {},
    reports: {},
    settings: null,
    settingsErrors: [],
    coverage: null,
    analysisWarnings: [],
    selectedCategory: DEFAULT_CATEGORY,
    surface: null,
    selection: null,
    job: null,
    flyTo: null,
    lastUpdateMs: null,
  };
}

/** The app store (zustand). Read with `useAppStore(selector)`, change through ./actions.ts. */
export const useAppStore = create<AppState>(() => initialState('zh'));
