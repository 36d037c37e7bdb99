/**
 * One frame per change instead of one per batch of tiles, for software renderers
 * (app/render/software-renderer). After a zoom step, a pan or a setData, MapLibre redraws the whole
 * map each time a source's tiles arrive from its workers; where a full frame costs 0.3–0.6 s
 * (SwiftShader at 1400 × 900) a zoom step drew five or six frames, each shown for a moment and then
 * replaced. Here a repaint asked for while tiles are still loading waits until they all are (or at
 * most `maxHoldMs`), so the map is drawn once with everything in it. A jump of the camera (a zoom
 * step, a fitBounds) asks for the new view's tiles at once and is drawn when they are in, not first
 * as the old tiles scaled (a frame that would cost as much and delay the right one) unless they take
 * longer than `maxJumpHoldMs`. A moving camera
 * (drag, pinch, flight) is drawn at once as before: the hold only applies while the view stands still.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Longest wait for tiles before the map is drawn anyway (ms): a slow source does not freeze the others. */
const MAX_HOLD_MS = 1500;
/**
 * Longest wait for the tiles of a jump (zoom step) before the old tiles are drawn scaled (ms). As long
 * as the hold for tiles: drawing the old tiles scaled first costs a whole frame (0.4–0.7 s of main
 * thread in SwiftShader), during which the new tiles wait too; with 400 ms a zoom step on the sample
 * drew two frames and settled ~0.5 s later than with one frame when its tiles were in (~1 s after the
 * step on 2 loaded cores).
 */
const MAX_JUMP_HOLD_MS = MAX_HOLD_MS;

/** The part of MapLibre's map the hold uses. */
export type HoldableMap = Pick<
  MapLibreMap,
  'triggerRepaint' | 'isMoving' | 'areTilesLoaded' | 'getZoom' | 'getCenter' | 'getBearing' | 'getPitch' | 'on' | 'off'
> & { style?: { _updateSources?: (transform: never) => void }; transform?: unknown; _camera?: { transform?: unknown } };

/**
 * Asks the map's sources for the tiles of the current view without drawing a frame (what MapLibre
 * does at the start of its next frame: `Style._updateSources` with the camera's transform; MapLibre
 * internals, checked for before use).
 * @returns false when this MapLibre has no such method (then the jump is drawn at once, as before)
 */
function requestTiles(map: HoldableMap): boolean {
  const update = map.style?._updateSources;
  const transform = map._camera?.transform ?? map.transform; // MapLibre 6 keeps it on its camera
  if (typeof update !== 'function' || !transform) return false;
  update.call(map.style, transform as never);
  return true;
}

/** The camera as a string (zoom, centre, bearing, pitch): a change means the view moved since the last frame. */
const cameraOf = (map: HoldableMap) => {
  const c = map.getCenter();
  return `${map.getZoom()},${c.lng},${c.lat},${map.getBearing()},${map.getPitch()}`;
};

/**
 * Holds the map's repaints while tiles load and the camera stands still; returns a function that
 * restores MapLibre's own `triggerRepaint`.
 * @param maxHoldMs longest hold (ms) from the first held repaint
 * @param maxJumpHoldMs longest hold (ms) of a camera jump
 * @param clock milliseconds now (tests pass their own)
 */
export function attachRepaintHold(
  map: HoldableMap,
  maxHoldMs = MAX_HOLD_MS,
  maxJumpHoldMs = MAX_JUMP_HOLD_MS,
  clock: () => number = () => performance.now(),
): () => void {
  // MapLibre calls this.triggerRepaint() from inside: an own property on the instance takes its place
  const original = map.triggerRepaint;
  const repaint = () => original.call(map);
  let drawnCamera = cameraOf(map);
  /** Time (clock ms) the held repaint is drawn at the latest. */
  let deadline: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    deadline = null;
    clearTimeout(timer);
    timer = undefined;
    repaint();
  };
  /** Camera whose tiles were asked for while held (a jump not drawn yet). */
  let requestedCamera: string | null = null;
  const onRender = () => {
    drawnCamera = cameraOf(map);
    requestedCamera = null;
  };
  map.on('render', onRender);
  /** Whether a decision waits for the end of the current task (a jump is still "moving" in its own events). */
  let deciding = false;
  const held = function triggerRepaint() {
    if (deciding) return;
    if (map.isMoving()) {
      // MapLibre's jumps (easeTo with no duration: the + button, the jumping wheel) ask for a repaint
      // from their own move event, while the map still counts as moving; decide once that is over
      deciding = true;
      queueMicrotask(() => {
        deciding = false;
        decide();
      });
      return;
    }
    decide();
  };
  const decide = () => {
    if (map.isMoving()) return release();
    const camera = cameraOf(map);
    if (camera !== drawnCamera && camera !== requestedCamera) {
      if (!requestTiles(map)) return release();
      requestedCamera = camera;
      if (!map.areTilesLoaded()) {
        // the jump is seen soon, if need be as the old tiles scaled
        const by = clock() + maxJumpHoldMs;
        if (deadline === null || by < deadline) {
          deadline = by;
          clearTimeout(timer);
          timer = undefined;
        }
      }
    }
    if (map.areTilesLoaded()) return release();
    deadline ??= clock() + maxHoldMs;
    const left = deadline - clock();
    if (left <= 0) return release();
    timer ??= setTimeout(release, left);
  };
  Object.defineProperty(map, 'triggerRepaint', { value: held, configurable: true, writable: true });
  return () => {
    clearTimeout(timer);
    map.off('render', onRender);
    delete (map as { triggerRepaint?: unknown }).triggerRepaint;
    if (map.triggerRepaint !== original)
      Object.defineProperty(map, 'triggerRepaint', { value: original, configurable: true, writable: true });
  };
}
