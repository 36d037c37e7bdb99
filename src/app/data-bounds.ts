/**
 * Bounding box of the loaded data, for fitting the map view.
 */
import bbox from '@turf/bbox';
import { type BBox, unionBBox } from '../engine/geo/bbox';
import type { LoadedData } from './store';

/** `[west, south, east, north]` in degrees. */
export type Bounds = [number, number, number, number];

/** Boxes already computed, per dataset object (the map's fit and the export panel ask for the same one). */
const computed = new WeakMap<LoadedData, Bounds | null>();

/**
 * Box around every coordinate of the dataset's roads, communities and facilities, or null when the
 * dataset has no coordinates. Computed once per dataset object (a walk over every vertex).
 */
export function dataBounds(data: LoadedData): Bounds | null {
  if (computed.has(data)) return computed.get(data)!;
  const box = boundsOf(data);
  computed.set(data, box);
  return box;
}

function boundsOf(data: LoadedData): Bounds | null {
  let box: BBox | null = null;
  for (const fc of [data.roads, data.communities, data.facilities]) {
    if (!fc || fc.features.length === 0) continue;
    const [bw, bs, be, bn] = bbox(fc);
    if (![bw, bs, be, bn].every(Number.isFinite)) continue;
    box = unionBBox(box, [bw, bs, be, bn]);
  }
  return box;
}
