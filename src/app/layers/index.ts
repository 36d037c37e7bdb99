/**
 * All map layers from the app state, bottom to top: roads, communities, facilities.
 */
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../store';
import { roadsLayer } from './roads-layer';
import { communitiesLayer } from './communities-layer';
import { facilitiesLayer } from './facilities-layer';

/** The part of the state the layers depend on. */
export type LayerInputs = Pick<AppState, 'data' | 'visible'>;

/** deck.gl layers for the state; hidden or absent layers are left out. Pure: no side effects. */
export function buildLayers(state: LayerInputs): Layer[] {
  const d = state.data;
  const layers: (Layer | null)[] = [
    roadsLayer(d?.roads ?? null, state.visible.roads),
    communitiesLayer(d?.communities ?? null, state.visible.communities),
    facilitiesLayer(d?.facilities ?? null, state.visible.facilities),
  ];
  return layers.filter((l): l is Layer => l !== null);
}
