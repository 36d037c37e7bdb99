import type { RoadGraph } from '../network/graph-builder';
import { elevationAt, type ElevationGrid } from './elevation-grid';
import type { SlopeTimeFactor } from './slope-speed';

/** Largest horizontal distance between two elevation samples along a segment, metres. */
const MAX_SAMPLE_STEP_METERS = 30;

/** Per-segment costs of both directions, and how much of the network the DEM covered. */
export interface DirectedSegmentCosts {
  /** Effort metres A → B per segment. */
  costAB: Float64Array;
  /** Effort metres B → A per segment. */
  costBA: Float64Array;
  /** Sub-segments (between two elevation samples) over all segments. */
  subSegments: number;
  /** Segments whose every sub-segment had elevation at both ends. */
  coveredSegments: number;
  /** Segments with at least one sub-segment without elevation (outside the DEM or over a no-data void): those parts cost flat. */
  flatSegments: number;
  /** Segments without any elevation at all. */
  outsideSegments: number;
}

/**
 * Samples elevation along every segment and prices both directions. A segment of length `L` is cut
 * into `n = ceil(L / 30 m)` equal sub-segments (straight in lon/lat, like the segment); elevation
 * is read bilinearly at their `n + 1` ends (node elevations once per node); sub-segment `i` has
 * slope `s_i = (z_{i+1} − z_i) ÷ (L / n)` going A → B and `−s_i` going B → A. The cost is
 * `segCost × mean_i factor(±s_i)`: the flat effort (length × speed-override factor) times the mean
 * time factor of the slope rule. A sub-segment with an end outside every grid or on no data keeps
 * factor 1 (flat). On flat ground every factor is exactly 1, their sum exactly `n`, so the costs
 * equal `segCost` bit for bit.
 *
 * @param graph the flat graph (`segCost`, `segLengthMeters`, node coordinates); not mutated
 * @param grids elevation grids (metres), searched in order
 * @param timeFactor time on a slope ÷ time on the flat (e.g. `walkingTimeFactor`)
 * @param maxStepMeters largest distance between samples, metres (default 30)
 */
export function directedSegmentCosts(
  graph: Pick<RoadGraph, 'nodeCount' | 'nodeLon' | 'nodeLat' | 'segmentCount' | 'segA' | 'segB' | 'segLengthMeters' | 'segCost'>,
  grids: readonly ElevationGrid[],
  timeFactor: SlopeTimeFactor,
  maxStepMeters = MAX_SAMPLE_STEP_METERS,
): DirectedSegmentCosts {
  if (!(maxStepMeters > 0)) throw new RangeError(`directedSegmentCosts: bad maxStepMeters ${maxStepMeters}`);
  const { nodeCount, nodeLon, nodeLat, segmentCount, segA, segB, segLengthMeters, segCost } = graph;
  const nodeZ = new Float64Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) nodeZ[n] = elevationAt(grids, nodeLon[n] as number, nodeLat[n] as number);
  const costAB = new Float64Array(segmentCount);
  const costBA = new Float64Array(segmentCount);
  let subSegments = 0;
  let coveredSegments = 0;
  let flatSegments = 0;
  let outsideSegments = 0;
  for (let s = 0; s < segmentCount; s++) {
    const a = segA[s] as number;
    const b = segB[s] as number;
    const length = segLengthMeters[s] as number;
    const n = Math.max(1, Math.ceil(length / maxStepMeters));
    const run = length / n;
    const lonA = nodeLon[a] as number;
    const latA = nodeLat[a] as number;
    const dLon = (nodeLon[b] as number) - lonA;
    const dLat = (nodeLat[b] as number) - latA;
    let forward = 0;
    let backward = 0;
    let missing = 0;
    let z0 = nodeZ[a] as number;
    for (let i = 1; i <= n; i++) {
      const z1 = i === n ? (nodeZ[b] as number) : elevationAt(grids, lonA + (dLon * i) / n, latA + (dLat * i) / n);
      if (Number.isNaN(z0) || Number.isNaN(z1)) {
        forward += 1;
        backward += 1;
        missing++;
      } else {
        const slope = (z1 - z0) / run;
        forward += timeFactor(slope);
        backward += timeFactor(-slope);
      }
      z0 = z1;
    }
    subSegments += n;
    if (missing === 0) coveredSegments++;
    else {
      flatSegments++;
      if (missing === n) outsideSegments++;
    }
    const cost = segCost[s] as number;
    costAB[s] = cost * (forward / n);
    costBA[s] = cost * (backward / n);
  }
  return { costAB, costBA, subSegments, coveredSegments, flatSegments, outsideSegments };
}
