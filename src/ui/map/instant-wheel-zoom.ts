/**
 * Mouse-wheel zoom that jumps instead of easing, for software renderers (app/render/software-renderer).
 * MapLibre eases a wheel step over 200 ms and reports the end 200 ms later; where each full frame
 * costs 0.1–0.4 s that is five or six frames and over a second before the new zoom settles. Here the
 * wheel deltas of one animation frame are summed and applied at once (zoom around the pointer, the
 * same zoom per delta as MapLibre's wheel handler), so a wheel step draws one frame.
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
 * Zoom change (levels, positive = in) for a summed wheel `deltaY` in pixels: MapLibre's sigmoid,
 * at most one level per frame.
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
  let delta = 0;
  let x = 0;
  let y = 0;
  let frame = 0;
  const apply = () => {
    frame = 0;
    const dz = wheelZoomDelta(delta);
    delta = 0;
    if (dz === 0) return;
    const zoom = Math.min(map.getMaxZoom(), Math.max(map.getMinZoom(), map.getZoom() + dz));
    map.easeTo({ zoom, around: map.unproject([x, y]), duration: 0 });
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    let d = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? e.deltaY * LINE_PX : e.deltaY;
    if (e.shiftKey) d /= 4; // as MapLibre: shift zooms slower
    delta += d;
    const rect = target.getBoundingClientRect();
    x = e.clientX - rect.left;
    y = e.clientY - rect.top;
    if (!frame) frame = requestAnimationFrame(apply);
  };
  target.addEventListener('wheel', onWheel, { passive: false });
  return () => {
    target.removeEventListener('wheel', onWheel);
    if (frame) cancelAnimationFrame(frame);
    map.scrollZoom.enable();
  };
}
