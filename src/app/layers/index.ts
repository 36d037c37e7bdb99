/**
 * All deck.gl map layers from the app state, bottom to top: heat grid, service circles (straight-line
 * model), proposed sites. Roads, the
 * network model's service areas, coverage colours, communities, gap zones, district outlines and
 * names, facilities and the selection highlight are MapLibre layers (roads-layer, maplibre-overlays): deck.gl's
 * instanced strokes cost seconds per frame in software rendering. Hover and click are picked on the
 * CPU from the data (app/picking), so no layer here is pickable. Each builder is pure and keeps its
 * `data` reference stable while its inputs are unchanged (memoised on the store's objects), so a
 * slider move only re-colours or re-sizes through deck.gl `updateTriggers`.
 */
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../store';
import { categoryLookup } from './category-lookup';
import type { CoverageMode } from './coverage-layer';
import { heatLayer } from './heat-layer';
import { serviceAreasLayer } from './service-areas-layer';
import { sitesLayers, type SitesLayerInput } from './sites-layer';

/** The part of the state the layers depend on (all but `data` and `visible` optional). */
export type LayerInputs = Pick<AppState, 'data' | 'visible'> &
  Partial<Pick<AppState, 'settings' | 'coverage' | 'surface' | 'selectedCategory' | 'selection'>> & {
    /** Coverage colours: the selected category (default) or the complete circle (minimum over categories). */
    coverageMode?: CoverageMode;
    /** Proposed sites (siting store), drawn on top. */
    sites?: SitesLayerInput | null;
  };

/** deck.gl layers for the state; hidden or absent layers are left out. Pure: no side effects. */
export function buildLayers(state: LayerInputs): Layer[] {
  const d = state.data;
  const coverage = state.coverage ?? null;
  const categoryId = state.selectedCategory ?? '';
  const style = categoryLookup(state.settings?.categories);
  const layers: (Layer | null)[] = [
    heatLayer(state.surface ?? null, categoryId, state.visible.heat),
    (state.coverage?.model ?? null) === 'network' // isochrones: a MapLibre layer
      ? null
      : serviceAreasLayer({
          facilities: d?.facilities ?? null,
          settings: state.settings ?? null,
          categoryId,
          model: coverage?.model ?? null,
          surface: state.surface ?? null,
          style,
          visible: state.visible.serviceAreas,
        }),
    ...sitesLayers(state.sites ? { ...state.sites, communities: d?.communities ?? null } : null),
  ];
  return layers.filter((l): l is Layer => l !== null);
}
