/**
 * Pictures of the map: the maplibre canvas and the deck.gl canvas over it, composited into one
 * canvas. Neither WebGL context keeps its drawing buffer, so both are read inside the map's
 * `render` event, right after a forced deck.gl redraw: the buffers still hold the frame then.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { haversineMeters } from '../../engine/geo/haversine';

let handle: { map: MapLibreMap; overlay: MapboxOverlay } | null = null;

/** Make the map capturable (MapView calls this once the map exists); returns the detach function. */
export function registerMapForCapture(map: MapLibreMap, overlay: MapboxOverlay): () => void {
  handle = { map, overlay };
  return () => {
    if (handle?.map === map) handle = null;
  };
}

/** The registered map, or null. */
export function capturedMap(): MapLibreMap | null {
  return handle?.map ?? null;
}

/** The current map view as one canvas (device pixels), or null when there is no map. */
export function captureMap(): Promise<HTMLCanvasElement | null> {
  const h = handle;
  if (!h) return Promise.resolve(null);
  return new Promise((resolve) => {
    h.map.once('render', () => {
      const base = h.map.getCanvas();
      // force a deck.gl draw now, in the same task as the read (private but stable since deck 8)
      (h.overlay as unknown as { _deck?: { redraw(reason: string): void } })._deck?.redraw('capture');
      const top = h.overlay.getCanvas();
      const out = document.createElement('canvas');
      out.width = base.width;
      out.height = base.height;
      const ctx = out.getContext('2d');
      if (!ctx) return resolve(null);
      ctx.drawImage(base, 0, 0);
      if (top && top.width > 0) ctx.drawImage(top, 0, 0, out.width, out.height);
      resolve(out);
    });
    h.map.triggerRepaint();
  });
}

/** Resolves on the map's next `idle` (tiles loaded, no transition), or after `timeoutMs` at most. */
function nextIdle(map: MapLibreMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, timeoutMs);
    function done() {
      clearTimeout(timer);
      map.off('idle', done);
      resolve();
    }
    map.once('idle', done);
    map.triggerRepaint();
  });
}

/**
 * Runs `f` with the map framed on the study area: the view fits `bounds` (`[west, south, east,
 * north]`, degrees; north up, no tilt, `paddingPixels` of margin) instead of whatever part is on
 * screen, and returns to the user's view afterwards. Without a map or bounds `f` runs on the current view.
 * @param idleTimeoutMs longest wait for the framed map to finish drawing (default 30 s)
 */
export async function withStudyArea<T>(
  bounds: readonly [number, number, number, number] | null,
  f: () => Promise<T>,
  paddingPixels = 40,
  idleTimeoutMs = 30000,
): Promise<T> {
  const map = handle?.map;
  if (!map || !bounds || !bounds.every(Number.isFinite)) return f();
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const el = map.getContainer();
  const pad = Math.max(0, Math.min(paddingPixels, el.clientWidth / 4, el.clientHeight / 4));
  const idle = nextIdle(map, idleTimeoutMs);
  map.fitBounds(
    [
      [bounds[0], bounds[1]],
      [bounds[2], bounds[3]],
    ],
    { padding: pad, animate: false, bearing: 0, pitch: 0 },
  );
  await idle;
  try {
    return await f();
  } finally {
    map.jumpTo(camera);
  }
}

/**
 * A scale bar for the current view: a round length (1, 2 or 5 × 10ⁿ metres) and its width in CSS
 * pixels, at most `maxPixels` wide, measured along the horizontal through the view's centre.
 */
export function scaleBar(map: Pick<MapLibreMap, 'unproject' | 'getContainer'>, maxPixels = 120): { meters: number; pixels: number } {
  const el = map.getContainer();
  const y = el.clientHeight / 2;
  const x0 = el.clientWidth / 2 - maxPixels / 2;
  const a = map.unproject([x0, y]);
  const b = map.unproject([x0 + maxPixels, y]);
  const maxMeters = haversineMeters(a.lng, a.lat, b.lng, b.lat);
  const pow = 10 ** Math.floor(Math.log10(maxMeters));
  const meters = [5, 2, 1].map((m) => m * pow).find((m) => m <= maxMeters) ?? pow;
  return { meters, pixels: (meters / maxMeters) * maxPixels };
}
