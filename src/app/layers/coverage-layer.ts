/**
 * Communities coloured by covered share (red → green, see SHARE_RAMP): of the selected category, or
 * "complete circle" = the smallest share over all categories. MapLibre draws them (maplibre-overlays).
 */
import type { Feature } from 'geojson';
import type { CoverageView } from '../../engine/coverage/coverage-view';

/** What the coverage layer colours by: one category's share, or the minimum over all categories. */
export type CoverageMode = 'category' | 'complete';

/** Opacity 0–255 of coverage fills. */
export const COVERAGE_FILL_ALPHA = 190;

const valueCache = new WeakMap<CoverageView, Map<string, Float64Array>>();

/**
 * Covered share per community (0–1, NaN when unknown): `share[c·K + k]` of category index `k`, or
 * in `complete` mode the minimum over every category (NaN if any is NaN). Memoised per coverage
 * object, category and mode, so an unchanged coverage gives the same array.
 * @throws when `k` is not a category index of the coverage in `category` mode
 */
export function coverageValues(coverage: CoverageView, k: number, mode: CoverageMode): Float64Array {
  const K = coverage.categoryIds.length;
  if (mode === 'category' && !(Number.isInteger(k) && k >= 0 && k < K))
    throw new Error(`coverageValues: category index ${k} not in 0..${K - 1}`);
  const key = mode === 'complete' ? 'complete' : String(k);
  let byKey = valueCache.get(coverage);
  if (!byKey) valueCache.set(coverage, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const C = K > 0 ? Math.floor(coverage.share.length / K) : 0;
  const out = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    if (mode === 'category') out[c] = coverage.share[c * K + k]!;
    else {
      let m = Infinity;
      for (let j = 0; j < K; j++) {
        const v = coverage.share[c * K + j]!;
        if (Number.isNaN(v)) {
          m = NaN;
          break;
        }
        if (v < m) m = v;
      }
      out[c] = m === Infinity ? NaN : m;
    }
  }
  byKey.set(key, out);
  return out;
}

/** The covered share of a community feature (property `index`) in `values`, NaN when it has none. */
export function featureShare(values: Float64Array, feature: Feature): number {
  const i = feature.properties?.index;
  return Number.isInteger(i) && i < values.length ? values[i as number]! : NaN;
}
