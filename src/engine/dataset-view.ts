/**
 * The validated dataset as the app draws it (what crosses the worker boundary): facilities,
 * communities and roads as paths with their class. Plain data; reshapes a Dataset, nothing more.
 */
import type { Community, Dataset, Facility } from './model';
import { isWalkable } from './network/walkability';

/** The validated dataset, for map layers and tables (WGS84 degrees). */
export interface DatasetView {
  facilities: Facility[];
  communities: Community[];
  /** Roads as `[lon, lat]` paths with their class; non-walkable ways included (drawn, not used for walking). */
  roads: { path: [number, number][]; highway: string | null; walkable: boolean }[];
}

/** The view of a dataset; an empty view for null (nothing loaded). Shares the dataset's arrays, never changes them. */
export function datasetView(dataset: Dataset | null): DatasetView {
  if (!dataset) return { facilities: [], communities: [], roads: [] };
  return {
    facilities: dataset.facilities,
    communities: dataset.communities,
    roads: (dataset.roads ?? []).map((r) => ({ path: r.coordinates, highway: r.highway, walkable: isWalkable(r.highway, r.footAccess) })),
  };
}
