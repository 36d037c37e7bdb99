import { type LocalProjection, projectionForBBox, projectX, projectY } from '../geo/local-projection';
import { bboxOf } from '../geo/bbox';
import { fitGrid, type QueryGrid } from '../geo/projected-queries';
import type { RoadGraph } from './graph-builder';

/**
 * A uniform grid over a graph's segments in a local metric projection: every segment is listed
 * in each cell it passes through (its supercover, with a small tolerance; a short segment in every
 * cell of its box), so the segments near a
 * point are read straight from the cells around it, with no tree search. Struct of arrays,
 * integer indices; cells row-major (`cell = row × cols + col`).
 */
export interface SegmentGrid extends QueryGrid {
  projection: LocalProjection;
  /** Projected node coordinates, metres. */
  nodeX: Float64Array;
  nodeY: Float64Array;
  /** Length `cols × rows + 1`: the segments of cell `c` are `cellSegments[cellStart[c] .. cellStart[c+1]-1]`. */
  cellStart: Uint32Array;
  /** Segment ids, cell by cell (ascending within a cell). */
  cellSegments: Uint32Array;
  /** Largest |latitude| of any node, degrees; southernmost and northernmost node latitude (0 without nodes). */
  maxAbsLat: number;
  minLat: number;
  maxLat: number;
}

const cache = new WeakMap<RoadGraph, SegmentGrid>();

/**
 * The segment grid of a graph, built on first use and cached per graph object (the graph is
 * treated as immutable). Projection centre: middle of the nodes' bounding box. Cell side: the
 * typical segment spacing `√(box area / segments)` (at least 1 m), enlarged when there would be
 * more than `4 × segments + 64` cells.
 *
 * @param graph a graph from `buildRoadGraph`
 */
export function getSegmentGrid(graph: RoadGraph): SegmentGrid {
  let built = cache.get(graph);
  if (!built) {
    built = buildSegmentGrid(graph);
    cache.set(graph, built);
  }
  return built;
}

/** Relative slack when deciding which cells a segment touches (rounding must never lose a cell). */
const SLACK = 1e-9;

function buildSegmentGrid(graph: RoadGraph): SegmentGrid {
  const { nodeCount, nodeLon, nodeLat, segmentCount, segA, segB } = graph;
  const [minLon, minLat, maxLon, maxLat] = bboxOf(nodeLon, nodeLat, nodeCount) ?? [0, 0, 0, 0];
  const maxAbsLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const projection = projectionForBBox(minLon, minLat, maxLon, maxLat);
  const nodeX = new Float64Array(nodeCount);
  const nodeY = new Float64Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    nodeX[n] = projectX(projection, nodeLon[n] as number);
    nodeY[n] = projectY(projection, nodeLat[n] as number);
  }
  // a segment has nodes, so with segments the box exists; without, an empty grid at the origin
  const box = segmentCount > 0 ? bboxOf(nodeX, nodeY) : null;
  const [minX, minY, maxX, maxY] = box ?? [0, 0, 0, 0];
  let size = 1;
  let cols = 0;
  let rows = 0;
  if (box) {
    const w = Math.max(maxX - minX, 1);
    const h = Math.max(maxY - minY, 1);
    const spacing = Math.max(1, Math.sqrt((w * h) / segmentCount), Math.max(w, h) / segmentCount);
    ({ cellSizeMeters: size, cols, rows } = fitGrid(maxX - minX, maxY - minY, spacing, 4 * segmentCount + 64));
  }
  const grid = { minX, minY, size, cols, rows };
  const cellStart = new Uint32Array(cols * rows + 1);
  const count = (c: number): void => {
    cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
  };
  for (let s = 0; s < segmentCount; s++) forEachCell(grid, nodeX, nodeY, segA[s] as number, segB[s] as number, count);
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const cellSegments = new Uint32Array(cellStart[cols * rows] as number);
  const fill = cellStart.slice(0, Math.max(1, cols * rows));
  let segment = 0;
  const place = (c: number): void => {
    const at = fill[c] as number;
    fill[c] = at + 1;
    cellSegments[at] = segment;
  };
  for (segment = 0; segment < segmentCount; segment++)
    forEachCell(grid, nodeX, nodeY, segA[segment] as number, segB[segment] as number, place);
  return {
    projection,
    nodeX,
    nodeY,
    minX,
    minY,
    cellSizeMeters: size,
    cols,
    rows,
    cellStart,
    cellSegments,
    maxAbsLat,
    minLat,
    maxLat,
  };
}

/**
 * Calls `visit` for every cell the segment from node `a` to node `b` passes through: all cells of
 * its box when that is at most 2 × 2 cells, else row by row, the part of the segment inside the
 * row's band (grown by a relative slack) giving a column range.
 */
function forEachCell(
  grid: { minX: number; minY: number; size: number; cols: number; rows: number },
  nodeX: Float64Array,
  nodeY: Float64Array,
  a: number,
  b: number,
  visit: (cell: number) => void,
): void {
  const { minX, minY, size, cols, rows } = grid;
  const ax = ((nodeX[a] as number) - minX) / size;
  const ay = ((nodeY[a] as number) - minY) / size;
  const bx = ((nodeX[b] as number) - minX) / size;
  const by = ((nodeY[b] as number) - minY) / size;
  const eps = SLACK * (1 + Math.max(Math.abs(ax), Math.abs(ay), Math.abs(bx), Math.abs(by)));
  const row0 = clamp(Math.floor(Math.min(ay, by) - eps), rows);
  const row1 = clamp(Math.floor(Math.max(ay, by) + eps), rows);
  const col0 = clamp(Math.floor(Math.min(ax, bx) - eps), cols);
  const col1 = clamp(Math.floor(Math.max(ax, bx) + eps), cols);
  if (row1 - row0 <= 1 && col1 - col0 <= 1) {
    // a short segment: every cell of its box (at most one more than it passes through)
    for (let row = row0; row <= row1; row++) for (let col = col0; col <= col1; col++) visit(row * cols + col);
    return;
  }
  const dy = by - ay;
  for (let row = row0; row <= row1; row++) {
    // x range of the segment within the band [row, row + 1] (in cell units)
    let x0: number;
    let x1: number;
    if (Math.abs(dy) <= eps) {
      x0 = Math.min(ax, bx);
      x1 = Math.max(ax, bx);
    } else {
      const t0 = Math.max(0, Math.min(1, (row - eps - ay) / dy));
      const t1 = Math.max(0, Math.min(1, (row + 1 + eps - ay) / dy));
      const xa = ax + Math.min(t0, t1) * (bx - ax);
      const xb = ax + Math.max(t0, t1) * (bx - ax);
      x0 = Math.min(xa, xb);
      x1 = Math.max(xa, xb);
    }
    const from = clamp(Math.floor(x0 - eps), cols);
    const to = clamp(Math.floor(x1 + eps), cols);
    for (let col = from; col <= to; col++) visit(row * cols + col);
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
