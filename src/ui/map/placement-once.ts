/**
 * One frame, not two, when labels arrive, for software renderers (app/render/software-renderer).
 * With `fadeDuration: 0` MapLibre places every label in full in each frame. When a frame brings new
 * label tiles (the district names after a zoom step or a setData) it still marks the placement it has
 * just finished as stale — a guard for placements spread over several frames, which a full placement
 * is not — and so draws the map once more with nothing changed. Where a frame costs 0.3–0.6 s
 * (SwiftShader at 1400 × 900) that was the third frame of every zoom step. Here a full placement
 * finished in the same frame in which the new label tiles were indexed is not stale. MapLibre
 * internals (`Style._updatePlacement`, `Style.placement`, `Placement.stale`), checked before use.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The part of MapLibre's placement this uses. */
interface PlacementLike {
  stale: boolean;
  hasTransitions(now: number): boolean;
}

/** The part of MapLibre's style this uses. */
export interface PlacingStyle {
  placement?: PlacementLike;
  pauseablePlacement?: { isDone(): boolean };
  _updatePlacement?: (transform: unknown, showCollisionBoxes: boolean, fadeDuration: number, ...rest: unknown[]) => boolean;
}

/**
 * Wraps `style._updatePlacement` (once per style object): after a full placement committed in this
 * call (fade duration 0), the placement is not stale and asks for no further frame.
 * @returns false when this MapLibre's style has no such method (then nothing changes)
 */
export function placeOnce(style: PlacingStyle, clock: () => number = () => performance.now()): boolean {
  const update = style._updatePlacement;
  if (typeof update !== 'function') return false;
  if ((update as { placeOnce?: true }).placeOnce) return true;
  const wrapped = function (this: PlacingStyle, ...args: Parameters<typeof update>): boolean {
    const before = this.placement;
    const dirty = update.apply(this, args);
    const fadeDuration = args[2];
    const placement = this.placement;
    // a new placement object means a placement was committed in this call; with fade 0 it was a full one
    if (dirty && fadeDuration === 0 && placement && placement !== before && placement.stale === true && this.pauseablePlacement?.isDone()) {
      placement.stale = false;
      return placement.hasTransitions(clock());
    }
    return dirty;
  };
  style._updatePlacement = Object.assign(wrapped, { placeOnce: true as const });
  return true;
}

/**
 * Keeps {@link placeOnce} on the map's style, also after the style is replaced (a base-map change);
 * returns a function that stops (the wrapped style keeps its wrapper until it is replaced).
 */
export function attachPlaceOnce(map: Pick<MapLibreMap, 'on' | 'off'> & { style?: unknown }): () => void {
  const apply = () => {
    if (map.style) placeOnce(map.style as PlacingStyle);
  };
  apply();
  map.on('styledata', apply);
  return () => map.off('styledata', apply);
}
