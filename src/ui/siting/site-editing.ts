/**
 * Editing proposed sites on the map: press on a site and drag it (the map does not pan meanwhile),
 * click the map in add mode to add one. Uses maplibre's own mouse events: a `mousedown` whose
 * default is prevented does not start the map's drag-pan, and the site follows `mousemove` until
 * `mouseup`. (deck.gl's layer-level onDrag cannot be used with MapboxOverlay: its drag events are
 * the map's pan events, which stop when panning is suppressed.) The dragged site is a DOM disc
 * (./drag-disc.ts) from the press until the map has drawn the drag's final answer.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useSitingStore } from '../../app/siting-store';
import { addSite, moveSite, setDragging } from '../../app/siting-actions';
import { SITE_RADIUS_PX } from '../../app/layers/sites-layer';
import { currentDisplayShift } from '../../app/basemap/basemap-store';
import { fromDisplay, toDisplay } from '../../app/basemap/display-shift';
import { categoryStyle } from '../../app/category-style';
import { createDragDisc } from './drag-disc';

/** Extra pixels around a site disc that still grab it. */
const GRAB_SLACK_PX = 4;

/** Index of the site under a screen point (container pixels), the nearest one within reach, or null. */
export function siteAt(
  map: Pick<MapLibreMap, 'project'>,
  sites: readonly { lon: number; lat: number }[],
  x: number,
  y: number,
): number | null {
  let best: number | null = null;
  let bestD = (SITE_RADIUS_PX + GRAB_SLACK_PX) ** 2;
  sites.forEach((s, i) => {
    const p = map.project(toDisplay(currentDisplayShift(), s.lon, s.lat)); // where the site is drawn
    const d = (p.x - x) ** 2 + (p.y - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** Attach site editing to the map; returns the detach function. */
export function attachSiteEditing(map: MapLibreMap): () => void {
  let dragging: number | null = null;
  const canvas = map.getCanvasContainer();
  const hit = (e: MapMouseEvent) => siteAt(map, useSitingStore.getState().sites, e.point.x, e.point.y);
  const disc = createDragDisc(map.getContainer().querySelector('.maplibregl-control-container') ?? map.getContainer());
  // the disc stays until the store's drag has ended (the answer is in) and the map has drawn it (two frames)
  let hideFrame = 0;
  const stopWatching = useSitingStore.subscribe((s, prev) => {
    if (s.dragging !== null || prev.dragging === null || dragging !== null) return;
    hideFrame = requestAnimationFrame(() => (hideFrame = requestAnimationFrame(() => disc.hide())));
  });

  const onDown = (e: MapMouseEvent) => {
    if (e.originalEvent.button !== 0) return;
    const i = hit(e);
    if (i === null) return;
    e.preventDefault(); // no drag-pan, rotate or box zoom from this press
    dragging = i;
    cancelAnimationFrame(hideFrame);
    const st = useSitingStore.getState();
    const at = map.project(toDisplay(currentDisplayShift(), st.sites[i]!.lon, st.sites[i]!.lat));
    disc.show(at.x, at.y, String(st.numbers[i] ?? st.sites[i]!.rank), categoryStyle(st.category ?? '').rgb);
    setDragging(i);
    canvas.style.cursor = 'grabbing';
  };
  const onMove = (e: MapMouseEvent) => {
    if (dragging !== null) {
      const [lon, lat] = fromDisplay(currentDisplayShift(), e.lngLat.lng, e.lngLat.lat);
      disc.move(e.point.x, e.point.y);
      void moveSite(dragging, lon, lat);
      return;
    }
    canvas.style.cursor = hit(e) !== null ? 'grab' : useSitingStore.getState().addMode ? 'crosshair' : '';
  };
  const onUp = () => {
    if (dragging === null) return;
    dragging = null;
    setDragging(null);
    canvas.style.cursor = '';
  };
  const onClick = (e: MapMouseEvent) => {
    if (!useSitingStore.getState().addMode || hit(e) !== null) return;
    const [lon, lat] = fromDisplay(currentDisplayShift(), e.lngLat.lng, e.lngLat.lat);
    void addSite(lon, lat);
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);
  map.on('click', onClick);
  window.addEventListener('mouseup', onUp);
  return () => {
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
    map.off('click', onClick);
    window.removeEventListener('mouseup', onUp);
    stopWatching();
    cancelAnimationFrame(hideFrame);
    disc.remove();
  };
}
