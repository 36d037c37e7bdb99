/**
 * All deck.gl map layers from the app state, bottom to top: heat grid, service circles (straight-line
 * model), coverage colours, communities, gap zones, facilities, proposed sites. Roads, the
 * network model's service areas, district outlines and names, the selection highlight are MapLibre layers (roads-layer,
 * maplibre-overlays), and so is the picture of coverage, communities and gap zones: their deck.gl
 * layers here are pick-only (see {@link PICK_ONLY_LAYER_IDS}). Each builder is pure and keeps its
 * `data` reference stable while its inputs are unchanged (memoised on the store's objects), so a
 * slider move only re-colours or re-sizes through deck.gl `updateTriggers`.
 */
import type { Layer } from '@deck.gl/core';
import type { AppState } from '../store';
import { communitiesLayer } from './communities-layer';
import { facilitiesLayer } from './facilities-layer';
import { categoryLookup } from './category-lookup';
import { coverageLayer, type CoverageMode } from './coverage-layer';
import { gapZonesLayer } from './gap-zones-layer';
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

/**
 * Ids of the deck.gl layers kept only for clicks and hover text (GPU picking): MapLibre draws them
 * (maplibre-overlays.ts), so the map's deck.gl overlay leaves them out of every drawing pass but
 * the picking one. Fill only (no strokes), so a picking pass stays cheap too.
 */
export const PICK_ONLY_LAYER_IDS: ReadonlySet<string> = new Set(['coverage', 'communities', 'gap-zones']);

const fillOnly = <L extends Layer>(l: L | null): Layer | null => (l ? l.clone({ stroked: false } as never) : null);

/** deck.gl layers for the state; hidden or absent layers are left out. Pure: no side effects. */
export function buildLayers(state: LayerInputs): Layer[] {
  const d = state.data;
  const coverage = state.coverage ?? null;
  const categoryId = state.selectedCategory ?? '';
  const k = coverage ? coverage.categoryIds.indexOf(categoryId) : -1;
  const mode = state.coverageMode ?? 'category';
  const style = categoryLookup(state.settings?.categories);
  const coverageShown = coverageLayer(d?.communities ?? null, coverage, k, mode, state.visible.coverage);
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
    coverageShown,
    fillOnly(communitiesLayer(d?.communities ?? null, state.visible.communities, coverageShown === null)),
    fillOnly(gapZonesLayer(coverage?.zones ?? null, k, state.visible.gapZones)),
    facilitiesLayer(d?.facilities ?? null, state.visible.facilities, style),
    ...sitesLayers(state.sites ? { ...state.sites, communities: d?.communities ?? null } : null),
  ];
  return layers.filter((l): l is Layer => l !== null);
}
