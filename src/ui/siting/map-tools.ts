/**
 * What the siting and export areas attach to the map (MapView calls `attachMapTools` once the map
 * and its deck.gl overlay exist): site dragging/adding and map capture, plus a test hook that
 * gives the screen position of a place.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { attachSiteEditing } from './site-editing';
import { registerMapForCapture } from '../export/map-capture';

declare global {
  interface Window {
    /** Browser-test hook: client (page) pixel position of `[lon, lat]` on the map. */
    __lifecircleProject?: (lon: number, lat: number) => { x: number; y: number };
    /** Browser-test hook: the map's `[lon, lat]` (displayed coordinates) under a client (page) pixel. */
    __lifecircleUnproject?: (x: number, y: number) => [number, number];
    /** Browser-test hook: centre the map on `[lon, lat]` at `zoom`, no animation. */
    __lifecircleJumpTo?: (lon: number, lat: number, zoom: number) => void;
  }
}

/** Attach site editing and map capture; returns the detach function. */
export function attachMapTools(map: MapLibreMap, overlay: MapboxOverlay): () => void {
  const detachEditing = attachSiteEditing(map);
  const detachCapture = registerMapForCapture(map, overlay);
  window.__lifecircleProject = (lon, lat) => {
    const p = map.project([lon, lat]);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };
  window.__lifecircleUnproject = (x, y) => {
    const r = map.getContainer().getBoundingClientRect();
    const p = map.unproject([x - r.left, y - r.top]);
    return [p.lng, p.lat];
  };
  window.__lifecircleJumpTo = (lon, lat, zoom) => map.jumpTo({ center: [lon, lat], zoom });
  return () => {
    detachEditing();
    detachCapture();
    delete window.__lifecircleProject;
    delete window.__lifecircleUnproject;
    delete window.__lifecircleJumpTo;
  };
}
