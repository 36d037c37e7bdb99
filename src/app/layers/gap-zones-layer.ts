/**
 * Gap zones of the selected category (coverage.zones: contiguous uncovered populated areas): their
 * colours and the zones of one category. MapLibre draws them (maplibre-overlays) as magenta outlines
 * with a light fill over the coverage colours.
 */
import type { GapZone } from '../../engine/coverage/gap-zones';
import type { Rgb } from '../category-style';

/** Outline colour `[r, g, b]` of gap zones (fill: the same at {@link GAP_FILL_ALPHA}). */
export const GAP_COLOR: Rgb = [176, 0, 122];
/** Opacity 0–255 of gap-zone fills. */
export const GAP_FILL_ALPHA = 70;

const cache = new WeakMap<readonly GapZone[], Map<number, GapZone[]>>();

/** The zones of category index `k`, in their order; memoised per zones array and category. */
export function zonesOfCategory(zones: readonly GapZone[], k: number): GapZone[] {
  let byK = cache.get(zones);
  if (!byK) cache.set(zones, (byK = new Map()));
  const hit = byK.get(k);
  if (hit) return hit;
  const out = zones.filter((z) => z.category === k);
  byK.set(k, out);
  return out;
}
