import { haversineMeters, haversineMetersCos } from '../geo/haversine';
import { haversineLowerBoundFactor, projectX, projectY, unprojectLat } from '../geo/local-projection';
import { projectQueriesOnGrid } from '../geo/projected-queries';
import { tangentPlaneWindowMeters } from '../geo/tangent-plane-window';
import type { RoadGraph } from './graph-builder';
import { getSegmentGrid } from './segment-grid';
import { getSegmentIndex, type SegmentIndex } from './segment-index';

/** Where each point meets the network (struct of arrays, one entry per point). */
export interface SnapResult {
  /** Segment id of the nearest usable segment, or -1 when off-network (farther than `maxSnapMeters`). */
  segment: Int32Array;
  /** Position of the snap point on the segment, 0 at `segA` to 1 at `segB`. */
  t: Float64Array;
  /** Straight (haversine) distance from the point to its snap point, metres; never speed-scaled. */
  accessMeters: Float64Array;
  /** Effort metres along the segment from the snap point to `segA` (`t × segCost`). */
  costToA: Float64Array;
  /** Effort metres along the segment from the snap point to `segB` (`(1 − t) × segCost`). */
  costToB: Float64Array;
}

const RAD = Math.PI / 180;
const FIRST_CANDIDATES = 4;
/** Rings of grid cells a point searches before it is answered by Flatbush `neighbors` instead. */
const MAX_RINGS = 12;

/**
 * Snaps points to the nearest point of the nearest segment. The snap point on a segment minimises
 * the distance in the point's local tangent plane (segments are straight in lon/lat); the segment
 * chosen is the one whose snap point is nearest by haversine, exactly. Points are visited cell by
 * cell of the graph's segment grid (see `getSegmentGrid`) and read the segments of the cells
 * around them ring by ring; candidates are ranked by their tangent-plane distance, only those
 * within `tangentPlaneWindowMeters` of the best get the haversine, and the search stops when a
 * safe lower bound (`haversineLowerBoundFactor`) proves that no segment outside the rings read can
 * be nearer (or within `maxSnapMeters`). Points outside the grid, or far from every segment, are
 * answered one by one with Flatbush `neighbors`. Ties go to the lower id. Points with non-finite
 * coordinates are off-network.
 *
 * @param graph the road graph
 * @param lon point longitudes, degrees
 * @param lat point latitudes, degrees
 * @param maxSnapMeters a point farther than this from every segment is off-network (segment -1)
 */
export function snapPoints(graph: RoadGraph, lon: Float64Array, lat: Float64Array, maxSnapMeters: number): SnapResult {
  if (lon.length !== lat.length) throw new RangeError(`snapPoints: lon has ${lon.length} values, lat ${lat.length}`);
  if (!(maxSnapMeters >= 0)) throw new RangeError(`snapPoints: bad maxSnapMeters ${maxSnapMeters}`);
  const count = lon.length;
  const out: SnapResult = {
    segment: new Int32Array(count).fill(-1),
    t: new Float64Array(count),
    accessMeters: new Float64Array(count).fill(Infinity),
    costToA: new Float64Array(count).fill(Infinity),
    costToB: new Float64Array(count).fill(Infinity),
  };
  if (graph.segmentCount === 0) return out;
  const { segA, segB, nodeLon, nodeLat, segCost } = graph;
  const grid = getSegmentGrid(graph);
  const { projection, nodeX, nodeY, maxAbsLat, cols, rows, cellStart, cellSegments, cellSizeMeters: size } = grid;
  const cosLat0 = Math.cos(projection.lat0 * RAD);
  const record = (q: number, seg: number, t: number, meters: number): void => {
    const cost = segCost[seg] as number;
    out.segment[q] = seg;
    out.t[q] = t;
    out.accessMeters[q] = meters;
    out.costToA[q] = t * cost;
    out.costToB[q] = (1 - t) * cost;
  };
  const single = (q: number): void => {
    const plon = lon[q] as number;
    const plat = lat[q] as number;
    snapOne(graph, getSegmentIndex(graph), plon, plat, projectX(projection, plon), projectY(projection, plat), maxSnapMeters, q, record);
  };

  const cells = projectQueriesOnGrid(projection, lon, lat, grid);
  const { order, lon: sLon, lat: sLat, cosLat: sCos } = cells;
  const gridMaxX = grid.minX + cols * size;
  const gridMaxY = grid.minY + rows * size;
  // per grid row: tan of the row's largest |latitude| and the lower-bound factor for its points
  const rowTan = new Float64Array(rows);
  const rowBound = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const absLat = Math.max(Math.abs(unprojectLat(projection, grid.minY + row * size)), Math.abs(unprojectLat(projection, grid.minY + (row + 1) * size)));
    rowTan[row] = Math.tan(Math.min(89.9, absLat) * RAD);
    rowBound[row] = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, absLat));
  }
  // answers in cell order (sequential writes), copied out after the sweep; -2 = answered by `single`
  const bSeg = new Int32Array(order.length).fill(-1);
  const bT = new Float64Array(order.length);
  const bMeters = new Float64Array(order.length);
  // a segment is read once per point: seen[s] === the point's stamp
  const seen = new Uint32Array(graph.segmentCount);
  let stamp = 0;

  for (let cell = 0; cell < cols * rows; cell++) {
    const first = cells.cellStart[cell] as number;
    const last = cells.cellStart[cell + 1] as number;
    if (first === last) continue;
    const row = Math.floor(cell / cols);
    const col = cell - row * cols;
    const tanAbsLat = rowTan[row] as number;
    const bound = rowBound[row] as number;
    for (let k = first; k < last; k++) {
      stamp++;
      const plon = sLon[k] as number;
      const plat = sLat[k] as number;
      const cosLat = sCos[k] as number;
      const px = projectX(projection, plon);
      const py = projectY(projection, plat);
      const xScale = cosLat / cosLat0;
      let minD2 = Infinity;
      let window2 = Infinity;
      let bestSeg = -1;
      let bestT = 0;
      let bestMeters = Infinity;
      let proven = false;
      for (let ring = 0; ring <= MAX_RINGS; ring++) {
        const r0 = row - ring;
        const r1 = row + ring;
        const c0 = col - ring;
        const c1 = col + ring;
        for (let rr = Math.max(0, r0); rr <= Math.min(rows - 1, r1); rr++) {
          // the ring's cells in this row: all of them on its top and bottom rows, else its two ends
          const edge = rr === r0 || rr === r1;
          const step = edge ? 1 : c1 - c0;
          for (let cc = edge ? Math.max(0, c0) : c0; cc <= Math.min(cols - 1, c1); cc += step) {
            if (cc < 0) continue;
            const gc = rr * cols + cc;
            const end = cellStart[gc + 1] as number;
            for (let e = cellStart[gc] as number; e < end; e++) {
              const s = cellSegments[e] as number;
              if (seen[s] === stamp) continue;
              seen[s] = stamp;
              const a = segA[s] as number;
              const b = segB[s] as number;
              const axp = nodeX[a] as number;
              const ayp = nodeY[a] as number;
              const bxp = nodeX[b] as number;
              const byp = nodeY[b] as number;
              // its box is already farther than the window of the best so far: it cannot win
              const gx = Math.max(0, Math.max(Math.min(axp, bxp) - px, px - Math.max(axp, bxp))) * xScale;
              const gy = Math.max(0, Math.max(Math.min(ayp, byp) - py, py - Math.max(ayp, byp)));
              if (gx * gx + gy * gy > window2) continue;
              // the same operations as `consider` in `snapOne`, so t is bit-identical
              const ax = (axp - px) * xScale;
              const ay = ayp - py;
              const dx = (bxp - px) * xScale - ax;
              const dy = byp - py - ay;
              const len2 = dx * dx + dy * dy;
              let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
              t = t < 0 ? 0 : t > 1 ? 1 : t;
              const ex = ax + t * dx;
              const ey = ay + t * dy;
              const d2 = ex * ex + ey * ey;
              if (d2 < minD2) {
                minD2 = d2;
                const window = tangentPlaneWindowMeters(tanAbsLat, Math.sqrt(d2));
                window2 = window * window;
              }
              if (d2 > window2) continue;
              const aLon = nodeLon[a] as number;
              const aLat = nodeLat[a] as number;
              const meters = haversineMetersCos(plon, plat, cosLat, aLon + t * ((nodeLon[b] as number) - aLon), aLat + t * ((nodeLat[b] as number) - aLat));
              if (meters < bestMeters || (meters === bestMeters && s < bestSeg)) {
                bestMeters = meters;
                bestSeg = s;
                bestT = t;
              }
            }
          }
        }
        // every segment outside the cells read lies beyond the block's edge (sides at the grid's
        // border hold none beyond them)
        const margin = Math.min(
          c0 <= 0 ? Infinity : px - (grid.minX + c0 * size),
          c1 >= cols - 1 ? Infinity : grid.minX + (c1 + 1) * size - px,
          r0 <= 0 ? Infinity : py - (grid.minY + r0 * size),
          r1 >= rows - 1 ? Infinity : grid.minY + (r1 + 1) * size - py,
        );
        if (bound * margin > Math.min(bestMeters, maxSnapMeters) || margin === Infinity) {
          proven = true;
          break;
        }
      }
      if (!proven) {
        bSeg[k] = -2;
        single(order[k] as number);
        continue;
      }
      bSeg[k] = bestMeters <= maxSnapMeters ? bestSeg : -1;
      bT[k] = bestT;
      bMeters[k] = bestMeters;
    }
  }
  for (let k = 0; k < order.length; k++) {
    const seg = bSeg[k] as number;
    if (seg >= 0) record(order[k] as number, seg, bT[k] as number, bMeters[k] as number);
  }
  // points outside the grid: off-network outright when the grid itself is beyond maxSnapMeters
  for (const q of cells.outside) {
    const px = projectX(projection, lon[q] as number);
    const py = projectY(projection, lat[q] as number);
    const gx = Math.max(0, grid.minX - px, px - gridMaxX);
    const gy = Math.max(0, grid.minY - py, py - gridMaxY);
    const far = Math.sqrt(gx * gx + gy * gy) * haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(lat[q] as number)));
    if (far > maxSnapMeters) continue;
    single(q);
  }
  return out;
}

/** One point by Flatbush `neighbors`, extended until the lower bound proves the answer exact. */
function snapOne(
  graph: RoadGraph, segmentIndex: SegmentIndex, plon: number, plat: number, px: number, py: number,
  maxSnapMeters: number, q: number, record: (q: number, seg: number, t: number, meters: number) => void,
): void {
  const { projection, nodeX, nodeY, index, maxAbsLat } = segmentIndex;
  if (!index) return;
  const { segA, segB, nodeLon, nodeLat } = graph;
  const xScale = Math.cos(plat * RAD) / Math.cos(projection.lat0 * RAD);
  let bestSeg = -1;
  let bestT = 0;
  let bestMeters = Infinity;

  const consider = (s: number): void => {
    const a = segA[s] as number;
    const b = segB[s] as number;
    // local tangent plane at the point: x rescaled from the projection's latitude to the point's
    const ax = ((nodeX[a] as number) - px) * xScale;
    const ay = (nodeY[a] as number) - py;
    const dx = ((nodeX[b] as number) - px) * xScale - ax;
    const dy = (nodeY[b] as number) - py - ay;
    const len2 = dx * dx + dy * dy;
    let t = len2 > 0 ? -(ax * dx + ay * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const aLon = nodeLon[a] as number;
    const aLat = nodeLat[a] as number;
    const meters = haversineMeters(plon, plat, aLon + t * ((nodeLon[b] as number) - aLon), aLat + t * ((nodeLat[b] as number) - aLat));
    if (meters < bestMeters || (meters === bestMeters && s < bestSeg)) {
      bestMeters = meters;
      bestSeg = s;
      bestT = t;
    }
  };
  const boxDistance = (s: number): number => {
    const a = segA[s] as number;
    const b = segB[s] as number;
    const ax = nodeX[a] as number;
    const bx = nodeX[b] as number;
    const ay = nodeY[a] as number;
    const by = nodeY[b] as number;
    const dx = Math.max(Math.min(ax, bx) - px, px - Math.max(ax, bx), 0);
    const dy = Math.max(Math.min(ay, by) - py, py - Math.max(ay, by), 0);
    return Math.sqrt(dx * dx + dy * dy);
  };

  const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(plat)));
  const first = index.neighbors(px, py, FIRST_CANDIDATES, maxSnapMeters / bound);
  for (const s of first) consider(s);
  const last = first[first.length - 1];
  if (first.length === FIRST_CANDIDATES && last !== undefined && boxDistance(last) * bound <= bestMeters) {
    for (const s of index.neighbors(px, py, Infinity, Math.min(bestMeters, maxSnapMeters) / bound)) consider(s);
  }
  if (bestSeg < 0 || bestMeters > maxSnapMeters) return;
  record(q, bestSeg, bestT, bestMeters);
}
