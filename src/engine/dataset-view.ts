/**
 * The validated dataset as the app draws it (what crosses the worker boundary): facilities,
 * communities, and roads as paths with their class in flat columns. Plain data; reshapes a Dataset, nothing more.
 */
import type { Community, Dataset, Facility } from './model';
import { isWalkable } from './network/walkability';

/**
 * Roads in flat columns (what crosses the worker boundary: a few typed arrays, copied at once,
 * instead of one array per vertex for the structured clone to walk). Road `r` has the vertices
 * `start[r] … start[r + 1] − 1`; vertex `v` is at `coords[2v]` (longitude, degrees),
 * `coords[2v + 1]` (latitude, degrees).
 */
export interface RoadPaths {
  /** Number of roads. */
  count: number;
  /** First vertex of each road; `start[count]` is the number of vertices. */
  start: Int32Array;
  /** Longitude, latitude of every vertex, road after road (degrees). */
  coords: Float64Array;
  /** Each road's `highway` class, or null. */
  highway: (string | null)[];
  /** 1 where the road is walkable (non-walkable ways are drawn, not used for walking). */
  walkable: Uint8Array;
}

/** The validated dataset, for map layers and tables (WGS84 degrees). */
export interface DatasetView {
  facilities: Facility[];
  communities: Community[];
  /** Roads as paths with their class; non-walkable ways included. */
  roads: RoadPaths;
}

/** The view of a dataset; an empty view for null (nothing loaded). Shares the dataset's facilities and communities, never changes them. */
export function datasetView(dataset: Dataset | null): DatasetView {
  const roads = dataset?.roads ?? [];
  const count = roads.length;
  const start = new Int32Array(count + 1);
  for (let r = 0; r < count; r++) start[r + 1] = (start[r] as number) + roads[r]!.coordinates.length;
  const coords = new Float64Array(2 * (start[count] as number));
  const walkable = new Uint8Array(count);
  const highway: (string | null)[] = new Array<string | null>(count);
  for (let r = 0; r < count; r++) {
    const road = roads[r]!;
    let at = 2 * (start[r] as number);
    for (const [lon, lat] of road.coordinates) {
      coords[at++] = lon;
      coords[at++] = lat;
    }
    highway[r] = road.highway;
    walkable[r] = isWalkable(road.highway, road.footAccess) ? 1 : 0;
  }
  return {
    facilities: dataset?.facilities ?? [],
    communities: dataset?.communities ?? [],
    roads: { count, start, coords, highway, walkable },
  };
}
