import { haversineMeters, haversineMetersCos } from '../geo/haversine';
import { haversineLowerBoundFactor, projectX, projectY, unprojectLat } from '../geo/local-projection';
import { projectQueriesOnGrid } from '../geo/projected-queries';
import { tangentPlaneWindowMeters } from '../geo/tangent-plane-window';
import { costsAB, costsBA } from './directed-costs';
import type { RoadGraph } from './graph-builder';
import { getSegmentGrid, type SegmentGrid } from './segment-grid';
import { getSegmentIndex, type SegmentIndex } from './segment-index';

/** Where each point meets the network (struct of arrays, one entry per point). */
export interface SnapResult {
  /** Segment id of the nearest usable segment, or -1 when off-network (farther than `maxSnapMeters`). */
  segment: Int32Array;
  /** Position of the snap point on the segment, 0 at `segA` to 1 at `segB`. */
  t: Float64Array;
  /** Straight (haversine) distance from the point to its snap point, metres; never speed-scaled. */
  accessMeters: Float64Array;
  /**
   * Effort metres along the segment from the snap point to `segA` (`t × segCost`; with terrain
   * `t × segCostBA`: travelling towards A). A source's costs from each end are in `segment-effort.ts`.
   */
  costToA: Float64Array;
  /** Effort metres along the segment from the snap point to `segB` (`(1 − t) × segCost`, or `× segCostAB`). */
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
 * be nearer (or within `maxSnapMeters`). Points outside the grid search from its nearest border
 * cell; points the rings cannot answer (far from every segment) are answered one by one with
 * Flatbush `neighbors`. Ties go to the lower id. Points with non-finite
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
  const toA = costsBA(graph);
  const toB = costsAB(graph);
  const grid = getSegmentGrid(graph);
  const { projection, maxAbsLat, cols, rows, cellSizeMeters: size } = grid;
  const search = searchOf(graph);
  const record = (q: number, seg: number, t: number, meters: number): void => {
    out.segment[q] = seg;
    out.t[q] = t;
    out.accessMeters[q] = meters;
    out.costToA[q] = t * (toA[seg] as number);
    out.costToB[q] = (1 - t) * (toB[seg] as number);
  };
  const single = (q: number): void => {
    const plon = lon[q] as number;
    const plat = lat[q] as number;
    snapOne(graph, getSegmentIndex(graph), plon, plat, projectX(projection, plon), projectY(projection, plat), maxSnapMeters, q, record);
  };
  // a point searched ring by ring from grid cell (row, col); one by one when the rings do not prove the answer
  const fromCell = (q: number, plon: number, plat: number, row: number, col: number): void => {
    const absLat = Math.min(89.9, Math.abs(plat));
    const found = ringSnap(
      graph,
      grid,
      search,
      plon,
      plat,
      Math.cos(plat * RAD),
      row,
      col,
      Math.tan(absLat * RAD),
      haversineLowerBoundFactor(projection, Math.max(maxAbsLat, absLat)),
      maxSnapMeters,
    );
    if (!found) single(q);
    else if (search.bestMeters <= maxSnapMeters) record(q, search.bestSeg, search.bestT, search.bestMeters);
  };
  // a point outside the grid: off-network outright when the grid itself is beyond maxSnapMeters; else
  // searched ring by ring from the border cell nearest to it (every cell the rings read is on its
  // side of the ring's edges, so the same proof holds), and one by one only when the rings do not
  // prove the answer (no Flatbush index is built for a few points just outside the roads' box)
  const outside = (q: number, px: number, py: number): void => {
    const gx = Math.max(0, grid.minX - px, px - (grid.minX + cols * size));
    const gy = Math.max(0, grid.minY - py, py - (grid.minY + rows * size));
    const plat = lat[q] as number;
    const far = Math.sqrt(gx * gx + gy * gy) * haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(plat)));
    if (!(far <= maxSnapMeters)) return;
    const col = Math.min(cols - 1, Math.max(0, Math.floor((px - grid.minX) / size)));
    const row = Math.min(rows - 1, Math.max(0, Math.floor((py - grid.minY) / size)));
    fromCell(q, lon[q] as number, plat, row, col);
  };

  if (64 * count < cols * rows) {
    // few points (a site, a sample of a file): each on its own, no bucketing
    for (let q = 0; q < count; q++) {
      const plon = lon[q] as number;
      const plat = lat[q] as number;
      if (!(Number.isFinite(plon) && Number.isFinite(plat) && Math.abs(plat) <= 90)) continue;
      const px = projectX(projection, plon);
      const py = projectY(projection, plat);
      const col = Math.floor((px - grid.minX) / size);
      const row = Math.floor((py - grid.minY) / size);
      if (!(col >= 0 && col < cols && row >= 0 && row < rows)) {
        outside(q, px, py);
        continue;
      }
      fromCell(q, plon, plat, row, col);
    }
    return out;
  }

  // many points: visited cell by cell, so the cells and segments around them stay in cache
  const cells = projectQueriesOnGrid(projection, lon, lat, grid);
  const { order, lon: sLon, lat: sLat, cosLat: sCos } = cells;
  // answers in cell order (sequential writes), copied out after the sweep; -2 = answered by `single`
  const bSeg = new Int32Array(order.length).fill(-1);
  const bT = new Float64Array(order.length);
  const bMeters = new Float64Array(order.length);
  for (let row = 0; row < rows; row++) {
    // tan of the row's largest |latitude| and the lower-bound factor for its points
    const absLat = Math.min(
      89.9,
      Math.max(
        Math.abs(unprojectLat(projection, grid.minY + row * size)),
        Math.abs(unprojectLat(projection, grid.minY + (row + 1) * size)),
      ),
    );
    const tanAbsLat = Math.tan(absLat * RAD);
    const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, absLat));
    for (let col = 0; col < cols; col++) {
      const cell = row * cols + col;
      const last = cells.cellStart[cell + 1] as number;
      for (let k = cells.cellStart[cell] as number; k < last; k++) {
        if (
          !ringSnap(graph, grid, search, sLon[k] as number, sLat[k] as number, sCos[k] as number, row, col, tanAbsLat, bound, maxSnapMeters)
        ) {
          bSeg[k] = -2;
          single(order[k] as number);
          continue;
        }
        bSeg[k] = search.bestMeters <= maxSnapMeters ? search.bestSeg : -1;
        bT[k] = search.bestT;
        bMeters[k] = search.bestMeters;
      }
    }
  }
  for (let k = 0; k < order.length; k++) {
    const seg = bSeg[k] as number;
    if (seg >= 0) record(order[k] as number, seg, bT[k] as number, bMeters[k] as number);
  }
  for (const q of cells.outside) outside(q, projectX(projection, lon[q] as number), projectY(projection, lat[q] as number));
  return out;
}

/** Per graph: which segments the current point has read (`seen[s] === stamp`), and its best so far. */
interface GridSearch {
  seen: Uint32Array;
  stamp: number;
  bestSeg: number;
  bestT: number;
  bestMeters: number;
}

const searches = new WeakMap<RoadGraph, GridSearch>();

function searchOf(graph: RoadGraph): GridSearch {
  let search = searches.get(graph);
  if (!search) {
    search = { seen: new Uint32Array(graph.segmentCount), stamp: 0, bestSeg: -1, bestT: 0, bestMeters: Infinity };
    searches.set(graph, search);
  }
  return search;
}

/**
 * The nearest segment of one point in grid cell `row`, `col` (or, outside the grid, nearest to
 * that border cell), read ring by ring of cells around it, into `search.bestSeg`, `bestT`, `bestMeters` (-1 / Infinity when none).
 *
 * @param tanAbsLat `tan |φ|` of the point or more (for `tangentPlaneWindowMeters`)
 * @param bound haversine ≥ bound × projected distance between the point and any segment
 * @returns false when `MAX_RINGS` rings did not prove the answer (then answer it otherwise)
 */
function ringSnap(
  graph: RoadGraph,
  grid: SegmentGrid,
  search: GridSearch,
  plon: number,
  plat: number,
  cosLat: number,
  row: number,
  col: number,
  tanAbsLat: number,
  bound: number,
  maxSnapMeters: number,
): boolean {
  const { segA, segB, nodeLon, nodeLat } = graph;
  const { projection, nodeX, nodeY, cols, rows, cellStart, cellSegments, cellSizeMeters: size } = grid;
  const seen = search.seen;
  if (search.stamp === 0xffffffff) {
    seen.fill(0);
    search.stamp = 0;
  }
  const stamp = ++search.stamp;
  const px = projectX(projection, plon);
  const py = projectY(projection, plat);
  const xScale = cosLat / Math.cos(projection.lat0 * RAD);
  let minD2 = Infinity;
  let window2 = Infinity;
  let bestSeg = -1;
  let bestT = 0;
  let bestMeters = Infinity;
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
          const meters = haversineMetersCos(
            plon,
            plat,
            cosLat,
            aLon + t * ((nodeLon[b] as number) - aLon),
            aLat + t * ((nodeLat[b] as number) - aLat),
          );
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
      search.bestSeg = bestSeg;
      search.bestT = bestT;
      search.bestMeters = bestMeters;
      return true;
    }
  }
  return false;
}

/** One point by Flatbush `neighbors`, extended until the lower bound proves the answer exact. */
function snapOne(
  graph: RoadGraph,
  segmentIndex: SegmentIndex,
  plon: number,
  plat: number,
  px: number,
  py: number,
  maxSnapMeters: number,
  q: number,
  record: (q: number, seg: number, t: number, meters: number) => void,
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
