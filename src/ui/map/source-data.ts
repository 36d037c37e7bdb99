/**
 * What a MapLibre GeoJSON source is given: a large collection as a `blob:` URL of its JSON text,
 * a small one as the object.
 *
 * Given the object, MapLibre posts it to its worker, and the structured clone runs on the main
 * thread: one JS array per vertex, about 140 ms for the sample's 3 MB of roads in Node, 0.8 s
 * of the first open's main thread in SwiftShader (all sources). Given a URL, MapLibre's worker fetches
 * and parses the text itself; the main thread only pays `JSON.stringify` (about 16–100 ms for
 * the same roads) and the object never crosses to the worker. Small collections (selections,
 * service areas, gap zones that change with a slider) stay objects: no fetch between a change
 * and its frame.
 *
 * One URL per collection object (memoised), revoked when the collection is garbage-collected, so a
 * source switched off and on again, or re-added after a style change, reuses it.
 */
import type { FeatureCollection } from 'geojson';

/** Collections with at least this many features go by URL. */
export const URL_MIN_FEATURES = 1000;

const urls = new WeakMap<FeatureCollection, string>();
const revoke = typeof FinalizationRegistry === 'function' ? new FinalizationRegistry<string>((url) => URL.revokeObjectURL(url)) : null;

/**
 * The `data` to give a GeoJSON source for `fc`.
 * @param fc the collection (not modified; must not be modified afterwards, as the URL keeps its text)
 * @returns a `blob:` URL of its JSON for a large collection where the page can make one, else `fc`
 */
export function sourceData(fc: FeatureCollection): FeatureCollection | string {
  if (fc.features.length < URL_MIN_FEATURES || typeof URL.createObjectURL !== 'function' || typeof Blob !== 'function') return fc;
  let url = urls.get(fc);
  if (url === undefined) {
    url = URL.createObjectURL(new Blob([JSON.stringify(fc)], { type: 'application/json' }));
    urls.set(fc, url);
    revoke?.register(fc, url);
  }
  return url;
}
