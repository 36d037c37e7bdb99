/**
 * Metres from points to the nearest road of a road layer, for the GCJ-02/BD-09 offset check
 * (`testCrsOffset` in crs-offset.ts) where no session graph is at hand (the command line).
 */
import type { Road } from '../engine/model';
import { getRoadGraph } from '../engine/network/graph-builder';
import { snapPoints } from '../engine/network/snap';
import type { RoadDistances } from './crs-offset';

/**
 * The road graph of `roads` (`getRoadGraph`: the analysis of the same array reuses it) answers batches of WGS84 points with the haversine metres to the
 * nearest segment (Infinity beyond `maxMeters` or without any segment).
 *
 * @param roads roads read by `readRoads` (WGS84)
 * @returns the distance function, or undefined when there is no road
 */
export function roadDistancesOf(roads: readonly Road[]): RoadDistances | undefined {
  if (roads.length === 0) return undefined;
  const graph = getRoadGraph(roads);
  return (lon, lat, maxMeters = Infinity) => snapPoints(graph, lon, lat, maxMeters).accessMeters;
}
