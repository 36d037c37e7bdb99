/**
 * Mouse-wheel zoom that jumps instead of easing, for software renderers (app/render/software-renderer).
 * MapLibre eases a wheel step over 200 ms and reports the end 200 ms later; where each full frame
 * costs 0.1–0.4 s that is five or six frames and over a second before the new zoom settles. Here each
 * wheel event zooms at once, in its handler (around the pointer, as far per delta as MapLibre's
 * wheel handler), so a wheel step draws one frame. Not in an animation frame: while the GPU process
 * is behind, the next animation frame can be a second away (measured in render-timing.e2e).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** MapLibre's zoom rates per wheel delta pixel: mouse wheel, and small (trackpad or pinch) deltas. */
const WHEEL_ZOOM_RATE = 1 / 450;
const TRACKPAD_ZOOM_RATE = 1 / 100;
/** Deltas up to this many pixels count as trackpad deltas (MapLibre's threshold). */
const TRACKPAD_MAX_DELTA = 4.000244140625;
/** Pixels per line for wheels that report lines (Firefox). */
const LINE_PX = 40;

/**
 * Zoom change (levels, positive = in) for a wheel `deltaY` in pixels: MapLibre's sigmoid, at most
 * one level per event.
 */
export function wheelZoomDelta(deltaY: number): number {
  if (deltaY === 0) return 0;
  const rate = Math.abs(deltaY) > TRACKPAD_MAX_DELTA ? WHEEL_ZOOM_RATE : TRACKPAD_ZOOM_RATE;
  const levels = Math.log2(2 / (1 + Math.exp(-Math.abs(deltaY * rate))));
  return deltaY < 0 ? levels : -levels;
}

/** Replaces the map's wheel zoom with the jumping one; returns a function that restores MapLibre's. */
export function attachInstantWheelZoom(map: MapLibreMap): () => void {
  map.scrollZoom.disable();
  const target = map.getCanvasContainer();
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    let d = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * LINE_PX : e.deltaY;
    if (e.shiftKey) d /= 4; // as MapLibre: shift zooms slower
    const dz = wheelZoomDelta(d);
    if (dz === 0) return;
    const rect = target.getBoundingClientRect();
    const zoom = Math.min(map.getMaxZoom(), Math.max(map.getMinZoom(), map.getZoom() + dz));
    map.easeTo({ zoom, around: map.unproject([e.clientX - rect.left, e.clientY - rect.top]), duration: 0 });
  };
  target.addEventListener('wheel', onWheel, { passive: false });
  return () => {
    target.removeEventListener('wheel', onWheel);
    map.scrollZoom.enable();
  };
}
