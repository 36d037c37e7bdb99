import type Flatbush from 'flatbush';
import type { QueryCells } from './query-cells';

/** What a batched nearest search does with the points and candidates of one cell (see {@link sweepCells}). */
export interface CellSweepHooks {
  /**
   * Called before the points of a cell are evaluated.
   *
   * @returns a factor `c` with haversine ≥ c × projected distance between any point of the cell and
   *   any indexed item (e.g. `haversineLowerBoundFactor`), in (0, 1]
   */
  beginCell(cell: number): number;
  /** Loads the items a box search returned (ids into the index) as the candidates of the next `evaluate` calls. */
  load(ids: number[]): void;
  /**
   * Finds the nearest candidate of the point at position `k` of the cell order (`cells.order[k]`
   * is its input position; `cells.x[k]`, `cells.y[k]`, `cells.carried[·][k]` its data) and records
   * it (a later call for the same point overwrites it).
   *
   * @returns the haversine metres any item outside the searched box must exceed for the recorded
   *   answer to be final (the best distance, or a smaller cap such as `maxSnapMeters`); `Infinity`
   *   when nothing was found and there is no cap
   */
  evaluate(k: number): number;
  /**
   * Answers point `q` (input position) on its own, exactly (used when a shared search does not pay
   * off). `k` is its position in the cell order, or -1 for a point outside the grid; what
   * `evaluate(k)` recorded for it, if anything, is to be discarded.
   */
  single(q: number, k: number): void;
}

/** Options of {@link sweepCells}. */
export interface CellSweepOptions {
  /** First margin around a cell to search, metres (projected). */
  firstRadiusMeters: number;
  /** A cell whose search returns more items than this answers its points one by one (default 2048). */
  maxCandidates?: number;
}

const MAX_ROUNDS = 6;

/**
 * Answers nearest-item queries cell by cell: one Flatbush box search per cell (its box grown by a
 * margin r), every point of the cell evaluated against those candidates, and a point's answer
 * accepted only when it is proven: an item outside the box is at least `c × margin` haversine
 * metres away, where `margin` is the point's projected distance to the box's edge, so the answer is
 * final when `c × margin > evaluate(k)`. Unproven points get a wider box (just wide enough for the
 * distance they found, or 4 r when they found nothing); after a few rounds, or when a box holds
 * more than `maxCandidates` items, and for points outside the grid, `single` answers them.
 *
 * @param index the Flatbush index, in the plane of the bucketed points
 * @param cells the points bucketed by `bucketQueryCells`
 * @param options first radius and candidate limit
 * @param hooks begins a cell, loads candidates, evaluates and answers points
 */
export function sweepCells(
  index: Flatbush, cells: QueryCells, options: CellSweepOptions, hooks: CellSweepHooks,
): void {
  const { cols, rows, cellSizeMeters: size, order, cellStart, outside, x, y } = cells;
  const maxCandidates = options.maxCandidates ?? 2048;
  let pending = new Uint32Array(64);
  for (let cell = 0; cell < cols * rows; cell++) {
    const start = cellStart[cell] as number;
    const count = (cellStart[cell + 1] as number) - start;
    if (count === 0) continue;
    if (pending.length < count) pending = new Uint32Array(Math.max(count, 2 * pending.length));
    for (let k = 0; k < count; k++) pending[k] = start + k;
    let pendingCount = count;
    const cellMinX = cells.minX + (cell % cols) * size;
    const cellMinY = cells.minY + Math.floor(cell / cols) * size;
    const c = hooks.beginCell(cell);
    let r = options.firstRadiusMeters;
    for (let round = 0; round < MAX_ROUNDS && pendingCount > 0; round++) {
      const minX = cellMinX - r;
      const minY = cellMinY - r;
      const maxX = cellMinX + size + r;
      const maxY = cellMinY + size + r;
      const ids = index.search(minX, minY, maxX, maxY);
      if (ids.length > maxCandidates) break;
      hooks.load(ids);
      let kept = 0;
      let widest = 0;
      for (let k = 0; k < pendingCount; k++) {
        const at = pending[k] as number;
        const need = hooks.evaluate(at);
        const px = x[at] as number;
        const py = y[at] as number;
        const margin = Math.min(px - minX, maxX - px, py - minY, maxY - py);
        if (c * margin > need) continue;
        pending[kept++] = at;
        if (need > widest) widest = need;
      }
      pendingCount = kept;
      r = widest < Infinity ? Math.max(r, (widest / c) * (1 + 1e-9) + 1e-6) : 4 * r;
    }
    for (let k = 0; k < pendingCount; k++) {
      const at = pending[k] as number;
      hooks.single(order[at] as number, at);
    }
  }
  for (const q of outside) hooks.single(q, -1);
}

/** A grid and first search margin for {@link sweepCells}, from {@link planCellSweep}. */
export interface CellSweepPlan {
  /** Side of a grid cell, metres. */
  cellSizeMeters: number;
  /** First search margin around a cell, metres. */
  firstRadiusMeters: number;
  /** Where the grid may extend (`[minX, minY, maxX, maxY]`, metres): 4 cells around the index's box. */
  extent: [number, number, number, number];
}

/**
 * Plans a sweep from the densities of the items and the query points: item spacing
 * `s = √(index box area / items)` (at least 1 m), query spacing `u` likewise over the part of the
 * points' box that overlaps the index; cell side `max(itemCellFactor × s, min(queryCellFactor × u, 4 s))`
 * (a cell holds several points and few items; when the points are sparser than the items it stays
 * at most 4 item spacings, so a cell's search is not much bigger than one point's) and first margin `s`.
 *
 * @param index the Flatbush index
 * @param x projected query x, metres (NaN for points to leave out)
 * @param y projected query y, metres
 * @param finiteCount how many query points have finite coordinates
 * @param factors cell side in item spacings and in query spacings
 */
export function planCellSweep(
  index: Flatbush, x: Float64Array, y: Float64Array, finiteCount: number,
  factors: { itemCellFactor: number; queryCellFactor: number },
): CellSweepPlan {
  const w = index.maxX - index.minX;
  const h = index.maxY - index.minY;
  const items = index.numItems;
  const itemSpacing = Math.max(Math.sqrt((w * h) / items), Math.max(w, h) / items, 1);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let q = 0; q < x.length; q++) {
    const qx = x[q] as number;
    const qy = y[q] as number;
    if (qx < minX) minX = qx;
    if (qx > maxX) maxX = qx;
    if (qy < minY) minY = qy;
    if (qy > maxY) maxY = qy;
  }
  const qw = Math.max(0, Math.min(maxX, index.maxX) - Math.max(minX, index.minX));
  const qh = Math.max(0, Math.min(maxY, index.maxY) - Math.max(minY, index.minY));
  const querySpacing = finiteCount > 0 ? Math.sqrt((qw * qh) / finiteCount) : 0;
  const cellSizeMeters = Math.max(factors.itemCellFactor * itemSpacing, Math.min(factors.queryCellFactor * querySpacing, 4 * itemSpacing));
  const margin = 4 * cellSizeMeters;
  return {
    cellSizeMeters,
    firstRadiusMeters: itemSpacing,
    extent: [index.minX - margin, index.minY - margin, index.maxX + margin, index.maxY + margin],
  };
}
