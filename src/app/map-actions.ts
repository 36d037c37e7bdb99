/**
 * Map-only state and actions: how the coverage layer colours communities, and the details a map
 * click asks the engine for (whom a facility serves, a community's nearest facilities). Kept apart
 * from the shared store so the map owns it; selection itself is store.selection (actions.select).
 */
import { create } from 'zustand';
import type { CommunityAccessibilityRow } from '../engine/accessibility/community-accessibility';
import type { NearestFacility } from '../engine/coverage/nearest-facilities';
import type { ServedBy } from '../engine/coverage/served-by';
import { select, showError } from './actions';
import { engine } from './engine-client';
import type { CoverageMode } from './layers/coverage-layer';
import { useAppStore } from './store';

/** Map UI state. */
export interface MapState {
  /** Coverage colours: the selected category or the complete circle (minimum over categories). */
  coverageMode: CoverageMode;
  /** Engine answer for the selected facility (null while loading or when none is selected). */
  servedBy: ServedBy | null;
  /** Engine answer for the selected community: nearest facility per category. */
  nearest: { index: number; facilities: NearestFacility[] } | null;
  /** Engine answer for the selected community: places per 1,000 residents per category (2SFCA, E2SFCA). */
  access: { index: number; rows: CommunityAccessibilityRow[] } | null;
}

/** The map's own store (zustand). */
export const useMapStore = create<MapState>(() => ({ coverageMode: 'category', servedBy: null, nearest: null, access: null }));

/** Colour communities by the selected category's share or by the complete circle. */
export function setCoverageMode(coverageMode: CoverageMode): void {
  useMapStore.setState({ coverageMode });
}

/** Layer ids whose picked object is a community feature (property `index`). */
const COMMUNITY_LAYERS = new Set(['coverage', 'communities']);

/**
 * The layers a click can select from (facilities, community fills): a click picks among these alone
 * (app/picking, on the CPU), so a gap zone over a community does not hide it from a click.
 */
export const CLICKABLE_LAYER_IDS: readonly string[] = ['facilities', ...COMMUNITY_LAYERS];

/**
 * A map click: select the community or facility under the cursor (the topmost of `picks`, skipping
 * layers that are not selectable such as gap zones), or clear the selection when there is none.
 * @param picks picked objects, topmost first, as `{layerId, object}`
 */
export function clickMap(picks: readonly { layerId: string; object: unknown }[]): void {
  for (const { layerId, object } of picks) {
    if (layerId === 'facilities') {
      const index = (object as { index?: unknown } | null)?.index;
      if (Number.isInteger(index) && (index as number) >= 0) return select({ type: 'facility', index: index as number });
    }
    if (COMMUNITY_LAYERS.has(layerId)) {
      const index = (object as { properties?: { index?: unknown } } | null)?.properties?.index;
      if (Number.isInteger(index)) return select({ type: 'community', index: index as number });
    }
  }
  select(null);
}

let request = 0;

/**
 * Ask the engine for the details of the current selection (after a click, and again when coverage
 * changes since thresholds decide who is within). A late answer for an older request is dropped.
 */
export async function refreshSelectionDetail(): Promise<void> {
  const { selection, coverage } = useAppStore.getState();
  const mine = ++request;
  useMapStore.setState({ servedBy: null, nearest: null, access: null });
  if (!selection || !coverage) return;
  try {
    if (selection.type === 'facility') {
      const servedBy = await engine().servedBy(selection.index);
      if (mine === request) useMapStore.setState({ servedBy });
    } else {
      const facilities = await engine().communityDetail(selection.index);
      if (mine === request) useMapStore.setState({ nearest: { index: selection.index, facilities } });
      // capacity-aware accessibility after the card's times (it costs a search per facility, once per thresholds)
      const rows = await engine().communityAccessibility(selection.index);
      if (mine === request) useMapStore.setState({ access: { index: selection.index, rows } });
    }
  } catch (e) {
    // the dataset changed under the selection (index gone): the card shows what the store has;
    // any other failure of the worker is shown
    if (!/^(servedBy|nearestFacilities|communityAccessibility): no (facility|community) /.test(e instanceof Error ? e.message : ''))
      showError(e);
  }
}
