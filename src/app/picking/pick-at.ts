/**
 * One pick over the map's targets, the way a picking buffer would answer it: the object nearest the
 * cursor within `reachPx` screen pixels (0 = under it), ties to the topmost target.
 */
import type { PickLayerId, PickTarget, TargetHit } from './pick-targets';
import type { ScreenFrame } from './screen-frame';

/** A picked object and the id of the layer that draws it. */
export interface MapPick extends TargetHit {
  layerId: PickLayerId;
}

/**
 * The nearest object to the cursor of `frame` among `targets` (topmost first), within `reachPx`
 * pixels; with `only`, among those targets' layer ids alone.
 */
export function pickAt(targets: readonly PickTarget[], frame: ScreenFrame, reachPx: number, only?: ReadonlySet<string>): MapPick | null {
  let best: MapPick | null = null;
  for (const t of targets) {
    if (only && !only.has(t.layerId)) continue;
    const h = t.hit(frame, reachPx);
    if (!h || (best && h.gapPx >= best.gapPx)) continue;
    best = { layerId: t.layerId, ...h };
    if (best.gapPx === 0) break; // under the cursor: nothing below can be nearer
  }
  return best;
}
