/**
 * The base-map state: the choice (remembered in localStorage and saved in projects), the Tianditu
 * key (this browser's localStorage only, never in a project file) and the one notice about failing
 * tiles. Actions here are the only writers.
 */
import { create } from 'zustand';
import { DEFAULT_BASEMAP, isGcj02Basemap, parseBasemapChoice, type BasemapChoice } from './basemap-choice';
import { GCJ02_DISPLAY, type DisplayShift } from './display-shift';
import { basemapSpec } from './basemap-sources';

/** localStorage key of the choice (JSON, no key inside). */
export const CHOICE_STORAGE_KEY = 'lifecircle.basemap';
/** localStorage key of the Tianditu key (text). */
export const TIANDITU_KEY_STORAGE_KEY = 'lifecircle.tiandituKey';

/** A tile source that failed: one notice per choice. */
export interface TileFailure {
  /** Host of the first failing tile. */
  host: string;
  /** HTTP status of the first failure, 0 when there was none (host unreachable). */
  status: number;
  /** True once the base map was taken off the map (every tile failed): no more requests. */
  stopped: boolean;
}

export interface BasemapState {
  choice: BasemapChoice;
  tiandituKey: string;
  /** The failing-tiles notice of the current choice, or null. */
  failure: TileFailure | null;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings): nothing is remembered
  }
}

function readStored(): Pick<BasemapState, 'choice' | 'tiandituKey'> {
  const s = storage();
  let choice = parseBasemapChoice(null);
  try {
    const text = s?.getItem(CHOICE_STORAGE_KEY);
    if (text) choice = parseBasemapChoice(JSON.parse(text));
  } catch {
    choice = parseBasemapChoice(null); // unreadable: the default
  }
  return { choice, tiandituKey: s?.getItem(TIANDITU_KEY_STORAGE_KEY) ?? '' };
}

export const useBasemapStore = create<BasemapState>(() => ({ ...readStored(), failure: null }));

/** The choice as stored and as saved in a project file: the choice only (it has no key field). */
export function choiceJson(choice: BasemapChoice): string {
  return JSON.stringify(parseBasemapChoice(choice));
}

/** Change the choice (merged into the current one); remembers it and clears the failure notice. */
export function setBasemap(change: Partial<Omit<BasemapChoice, 'custom'>> & { custom?: Partial<BasemapChoice['custom']> }): void {
  const cur = useBasemapStore.getState().choice;
  const choice = parseBasemapChoice({ ...cur, ...change, custom: { ...cur.custom, ...change.custom } });
  const sameSource = choice.kind === cur.kind && JSON.stringify(choice.custom) === JSON.stringify(cur.custom);
  useBasemapStore.setState((s) => ({ choice, failure: sameSource ? s.failure : null }));
  storage()?.setItem(CHOICE_STORAGE_KEY, choiceJson(choice));
}

/** Set the Tianditu key; kept in this browser's storage only. */
export function setTiandituKey(key: string): void {
  useBasemapStore.setState({ tiandituKey: key, failure: null });
  const s = storage();
  if (key.trim() === '') s?.removeItem(TIANDITU_KEY_STORAGE_KEY);
  else s?.setItem(TIANDITU_KEY_STORAGE_KEY, key);
}

/** Record failing tiles: the first failure opens the notice; later ones only update `stopped`. */
export function reportTileFailure(failure: TileFailure): void {
  const cur = useBasemapStore.getState().failure;
  if (cur && cur.stopped === failure.stopped) return;
  useBasemapStore.setState({ failure: cur ? { ...cur, stopped: failure.stopped } : failure });
}

/** Close the failing-tiles notice (the base map stays as it is). */
export function dismissTileFailure(): void {
  useBasemapStore.setState((s) => (s.failure ? { failure: null } : s));
}

/** The display shift of a choice: GCJ-02 for Amap and custom GCJ-02 templates, else null (identity). */
export function displayShiftOf(choice: BasemapChoice): DisplayShift | null {
  return isGcj02Basemap(choice) ? GCJ02_DISPLAY : null;
}

/** The display shift in force now (see {@link displayShiftOf}). */
export function currentDisplayShift(): DisplayShift | null {
  return displayShiftOf(useBasemapStore.getState().choice);
}

/** Reset to the default (tests). */
export function resetBasemap(): void {
  useBasemapStore.setState({ choice: { ...DEFAULT_BASEMAP, custom: { ...DEFAULT_BASEMAP.custom } }, failure: null });
}

/** The credit line of the base map on the map now, or null (none, not drawable, or taken off after failing). */
export function shownBasemapCredit(state: Pick<BasemapState, 'choice' | 'tiandituKey' | 'failure'>): string | null {
  if (state.failure?.stopped) return null;
  return basemapSpec(state.choice, { tiandituKey: state.tiandituKey, language: 'zh' }).spec?.attribution ?? null;
}
