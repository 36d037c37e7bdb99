/**
 * Gap zones of the selected category (coverage.zones: contiguous uncovered populated areas), drawn
 * as hatched-looking magenta outlines with a light fill over the coverage colours.
 */
import { PolygonLayer } from '@deck.gl/layers';
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

/** The gap-zones layer (id `gap-zones`), or null when hidden, without zones or category (`k` < 0). */
export function gapZonesLayer(zones: readonly GapZone[] | null, k: number, visible: boolean): PolygonLayer<GapZone> | null {
  if (!zones || !visible || k < 0) return null;
  return new PolygonLayer<GapZone>({
    id: 'gap-zones',
    data: zonesOfCategory(zones, k),
    getPolygon: (z) => z.polygon,
    filled: true,
    stroked: true,
    getFillColor: [...GAP_COLOR, GAP_FILL_ALPHA],
    getLineColor: [...GAP_COLOR, 255],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    pickable: false, // picked on the CPU from the data (app/picking), never by a deck.gl picking pass
  });
}
