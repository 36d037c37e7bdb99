import type { Problem } from '../model';
import { reversedEdgeCosts } from '../network/directed-costs';
import type { RoadGraph } from '../network/graph-builder';
import type { ElevationGrid } from './elevation-grid';
import { directedSegmentCosts } from './segment-slopes';
import { walkingTimeFactor, type SlopeTimeFactor } from './slope-speed';

/** A graph with terrain costs, and what the terrain step has to say. */
export interface TerrainGraph {
  /** The directed graph (`segCostAB`, `segCostBA`, reversed `edgeCost`), or the input itself when the DEM covers no road. */
  graph: RoadGraph;
  /** Whether any segment got elevation (false: flat costs everywhere). */
  applied: boolean;
  /** Road segments of the graph, and how many of them kept flat costs in part (`flat`) or wholly (`outside`). */
  segments: { total: number; flat: number; outside: number };
  warnings: Problem[];
}

/**
 * Makes a road graph's costs depend on slope (docs/architecture.md, "Terrain"): per segment the
 * cost of each direction from `directedSegmentCosts`, and the CSR `edgeCost` of the reversed graph
 * (edge `u → v` costs the effort of travelling `v → u`, the resident's direction). Without grids
 * the graph is returned as it is; a DEM that covers no segment returns it too, with a warning
 * that says so; segments partly or wholly outside the DEM (or over voids) are counted in one
 * warning and keep flat costs for those parts.
 *
 * @param graph from `buildRoadGraph`; not mutated
 * @param grids elevation grids (metres, WGS84)
 * @param timeFactor time on a slope ÷ time on flat ground (default: Tobler walking)
 */
export function applyTerrain(
  graph: RoadGraph,
  grids: readonly ElevationGrid[],
  timeFactor: SlopeTimeFactor = walkingTimeFactor,
): TerrainGraph {
  const total = graph.segmentCount;
  if (grids.length === 0 || total === 0) return { graph, applied: false, segments: { total, flat: total, outside: total }, warnings: [] };
  const names = grids.map((g) => g.name).join(', ');
  const costs = directedSegmentCosts(graph, grids, timeFactor);
  const segments = { total, flat: costs.flatSegments, outside: costs.outsideSegments };
  if (costs.outsideSegments === graph.segmentCount) {
    return {
      graph,
      applied: false,
      segments,
      warnings: [
        { file: names, index: -1, reason: `the elevation data (${names}) does not overlap the roads: every road keeps flat costs` },
      ],
    };
  }
  const warnings: Problem[] =
    costs.flatSegments > 0
      ? [
          {
            file: names,
            index: -1,
            reason: `${costs.flatSegments} of ${graph.segmentCount} road segments lie partly or wholly outside the elevation data (or over no-data voids): those parts keep flat costs`,
          },
        ]
      : [];
  return {
    graph: {
      ...graph,
      segCostAB: costs.costAB,
      segCostBA: costs.costBA,
      edgeCost: reversedEdgeCosts(graph, costs.costAB, costs.costBA),
    },
    applied: true,
    segments,
    warnings,
  };
}
