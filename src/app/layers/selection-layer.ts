/**
 * The features of what the user clicked (store.selection); the highlight itself (the community's
 * outline or a ring around the facility) is a MapLibre overlay (maplibre-overlays.ts).
 */
import type { Feature, FeatureCollection } from 'geojson';

const cache = new WeakMap<FeatureCollection, Map<number, Feature[]>>();

/** The features whose property `index` is `index` (memoised per collection and index). */
export function featuresWithIndex(fc: FeatureCollection, index: number): Feature[] {
  let byIndex = cache.get(fc);
  if (!byIndex) cache.set(fc, (byIndex = new Map()));
  const hit = byIndex.get(index);
  if (hit) return hit;
  const out = fc.features.filter((f) => f.properties?.index === index);
  byIndex.set(index, out);
  return out;
}
