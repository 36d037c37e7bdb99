/**
 * The default map style: a plain background and nothing else. No glyphs, no sprite, no sources, so
 * the map makes no network request; the loaded data (roads, communities, facilities) is the basemap.
 */
import type { StyleSpecification } from 'maplibre-gl';

/** Background colour of the default style, `#rrggbb`. */
export const BACKGROUND_COLOR = '#f4f2ed';

/** A new copy of the offline style (maplibre may keep a reference, so never share one object). */
export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'lifecircle-offline',
    // paint changes (a layer switch: opacities) show at once: no 300 ms fade, each of whose frames costs a full redraw in a software renderer
    transition: { duration: 0, delay: 0 },
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  };
}
