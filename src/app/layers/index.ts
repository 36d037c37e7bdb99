/**
 * All deck.gl map layers from the app state, bottom to top: heat grid, service areas, coverage
 * colours, communities, gap zones, district outlines, facilities, selection highlight (roads are a MapLibre layer
 * below them, see roads-layer). Each builder is pure and keeps its
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
import { selectionLayer } from './selection-layer';
import { sitesLayers, type SitesLayerInput } from './sites-layer';
import { districtOutlineLayers } from './district-outlines-layer';
import type { DistrictPolygon } from '../../engine/indicators/district-polygons';

/** The part of the state the layers depend on (all but `data` and `visible` optional). */
export type LayerInputs = Pick<AppState, 'data' | 'visible'> &
  Partial<Pick<AppState, 'settings' | 'coverage' | 'surface' | 'selectedCategory' | 'selection'>> & {
    /** Coverage colours: the selected category (default) or the complete circle (minimum over categories). */
    coverageMode?: CoverageMode;
    /** Proposed sites (siting store), drawn on top. */
    sites?: SitesLayerInput | null;
    /** District outlines (indicators store) and the label of the "unassigned" group. */
    districts?: { outlines: readonly DistrictPolygon[] | null; visible: boolean; unassigned: string } | null;
  };

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
    serviceAreasLayer({
      facilities: d?.facilities ?? null,
      settings: state.settings ?? null,
      categoryId,
      model: coverage?.model ?? null,
      surface: state.surface ?? null,
      style,
      visible: state.visible.serviceAreas,
    }),
    coverageShown,
    communitiesLayer(d?.communities ?? null, state.visible.communities, coverageShown === null),
    gapZonesLayer(coverage?.zones ?? null, k, state.visible.gapZones),
    ...districtOutlineLayers(state.districts?.outlines ?? null, state.districts?.visible ?? false, state.districts?.unassigned ?? ''),
    facilitiesLayer(d?.facilities ?? null, state.visible.facilities, style),
    selectionLayer(d?.communities ?? null, d?.facilities ?? null, state.selection ?? null),
    ...sitesLayers(state.sites ? { ...state.sites, communities: d?.communities ?? null } : null),
  ];
  return layers.filter((l): l is Layer => l !== null);
}
