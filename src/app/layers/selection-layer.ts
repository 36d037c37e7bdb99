/**
 * Highlight of what the user clicked (store.selection): the community's outline or a ring around
 * the facility, drawn on top of everything.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { Selection } from '../store';

/** Highlight colour `[r, g, b]`. */
const SELECTION_COLOR: [number, number, number] = [0, 170, 255];

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

/** The selection layer (id `selection`), or null when nothing (drawable) is selected. */
export function selectionLayer(
  communities: FeatureCollection | null,
  facilities: FeatureCollection | null,
  selection: Selection,
): GeoJsonLayer | null {
  if (!selection) return null;
  const fc = selection.type === 'community' ? communities : facilities;
  if (!fc) return null;
  const data = featuresWithIndex(fc, selection.index);
  if (data.length === 0) return null;
  return new GeoJsonLayer({
    id: 'selection',
    data,
    filled: false,
    stroked: true,
    pointType: 'circle',
    getLineColor: [...SELECTION_COLOR, 255],
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    getPointRadius: 10,
    pointRadiusUnits: 'pixels',
    pickable: false,
  });
}
