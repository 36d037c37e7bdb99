import { type IdBuffer, type PointGrid, searchPointGrid } from './point-grid';
import type { ProjectedQueries } from './projected-queries';

/** Projected bounding box of the indexed items, metres, and their number (a Flatbush index is one). */
export interface ItemBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  numItems: number;
}

/** Ratio bounds for one group of cells: how haversine metres relate to projected metres there. */
export interface GroupFactors {
  /**
   * `c` with haversine ≥ c × projected distance between any point of the group and any indexed
   * item (e.g. `haversineLowerBoundFactor`), in (0, 1].
   */
  lower: number;
  /**
   * `C` with (the metres `evaluate` would record for a point of the group against an item) ≤
   * C × (projected distance from the point to the item), C ≥ 1.
   */
  upper: number;
}

/** What a batched nearest search does with the points and candidates of one group (see {@link sweepCells}). */
export interface CellSweepHooks {
  /** Called before a group (a block of grid cells) is searched; the rectangle is in projected metres. */
  beginGroup(minX: number, minY: number, maxX: number, maxY: number): GroupFactors;
  /**
   * Loads the items a box search returned (`ids[0 .. count-1]`, ids into the index) as the
   * candidates of the group whose rectangle is given.
   *
   * @returns the least, over the candidates, of the largest projected distance from any point of
   *   the rectangle to the candidate (`Infinity` when there is none)
   */
  load(ids: Int32Array, count: number, minX: number, minY: number, maxX: number, maxY: number): number;
  /** Drops the loaded candidates whose projected distance to the rectangle exceeds `limitMeters`. */
  keep(limitMeters: number): void;
  /**
   * Finds the nearest kept candidate of every point of the group exactly, and records it. The
   * points are `pending[0 .. count-1]`, positions in the cell order (`cells.order[k]` is a point's
   * input position; `cells.lon[k]`, `cells.lat[k]`, `cells.cosLat[k]` its data).
   */
  evaluate(pending: Uint32Array, count: number): void;
  /**
   * Answers point `q` (input position) on its own, exactly (used when a shared search does not pay
   * off). `k` is its position in the cell order, or `order.length + j` for the `j`-th point
   * outside the grid (`cells.outside[j]`).
   */
  single(q: number, k: number): void;
}

/** Options of {@link sweepCells}. */
export interface CellSweepOptions {
  /** Side of a group in cells: groups of `groupCells × groupCells` cells share one search (≥ 1). */
  groupCells: number;
  /** First margin around a group to search, metres (projected). */
  firstRadiusMeters: number;
  /** A group whose search returns more items than this answers its points one by one (default 4096). */
  maxCandidates?: number;
}

const MAX_ROUNDS = 6;

/**
 * Answers nearest-item queries group by group (a group = a square block of grid cells): one
 * box search per group (its rectangle grown by a margin r), and every point of the group
 * is evaluated against only the candidates that can still win. With `U` the least, over the
 * candidates, of their farthest projected distance from the group's rectangle, every point of the
 * group has an item within `need = upper × U` haversine metres; an item outside the
 * box is at least `lower × r` away, so when `lower × r > need` the search is complete, and a
 * candidate whose projected distance to the rectangle exceeds `need / lower` cannot be as near as
 * the best (strictly: ties stay). Otherwise the box is widened once to `need / lower` (or 4 r when
 * nothing was found) and searched again; after a few rounds, or when a box holds more than
 * `maxCandidates` items, and for points outside the grid, `single` answers them.
 *
 * @param items the indexed points bucketed for box searches, in the plane of the bucketed queries
 * @param cells the points bucketed by `projectQueries`
 * @param options group size, first radius and candidate limit
 * @param hooks begins a group, loads and prunes candidates, evaluates and answers points
 */
export function sweepCells(items: PointGrid, cells: ProjectedQueries, options: CellSweepOptions, hooks: CellSweepHooks): void {
  const { order, outside } = cells;
  const m = Math.max(1, Math.floor(options.groupCells));
  const maxCandidates = options.maxCandidates ?? 4096;
  const found: IdBuffer = { ids: new Int32Array(256), count: 0 };
  forEachGroup(cells, m, (pending, count, gMinX, gMinY, gMaxX, gMaxY) => {
    const { lower, upper } = hooks.beginGroup(gMinX, gMinY, gMaxX, gMaxY);
    let r = options.firstRadiusMeters;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      searchPointGrid(items, gMinX - r, gMinY - r, gMaxX + r, gMaxY + r, found);
      if (found.count > maxCandidates) break;
      const farthest = hooks.load(found.ids, found.count, gMinX, gMinY, gMaxX, gMaxY);
      const need = upper * farthest * (1 + 1e-9);
      if (lower * r > need) {
        hooks.keep((need / lower) * (1 + 1e-9) + 1e-6);
        hooks.evaluate(pending, count);
        return;
      }
      r = need < Infinity ? (need / lower) * (1 + 1e-9) + 1e-6 : 4 * r;
    }
    for (let k = 0; k < count; k++) hooks.single(order[pending[k] as number] as number, pending[k] as number);
  });
  for (let j = 0; j < outside.length; j++) hooks.single(outside[j] as number, order.length + j);
}

/**
 * Calls `visit` for every non-empty group of `m × m` grid cells, in row-major order, with the
 * cell-order positions of its points (`pending[0 .. count-1]`, reused between calls) and its
 * rectangle in projected metres.
 */
function forEachGroup(
  cells: ProjectedQueries,
  m: number,
  visit: (pending: Uint32Array, count: number, minX: number, minY: number, maxX: number, maxY: number) => void,
): void {
  const { cols, rows, cellSizeMeters: size, cellStart } = cells;
  let pending = new Uint32Array(256);
  for (let row0 = 0; row0 < rows; row0 += m) {
    const row1 = Math.min(rows, row0 + m);
    for (let col0 = 0; col0 < cols; col0 += m) {
      const col1 = Math.min(cols, col0 + m);
      let count = 0;
      for (let row = row0; row < row1; row++) {
        count += (cellStart[row * cols + col1] as number) - (cellStart[row * cols + col0] as number);
      }
      if (count === 0) continue;
      if (pending.length < count) pending = new Uint32Array(Math.max(count, 2 * pending.length));
      count = 0;
      for (let row = row0; row < row1; row++) {
        const end = cellStart[row * cols + col1] as number;
        for (let k = cellStart[row * cols + col0] as number; k < end; k++) pending[count++] = k;
      }
      visit(pending, count, cells.minX + col0 * size, cells.minY + row0 * size, cells.minX + col1 * size, cells.minY + row1 * size);
    }
  }
}

/**
 * Group side (in cells) and first search margin for {@link sweepCells}: groups about
 * `itemGroupFactor` item spacings wide (item spacing `s = √(index box area / items)`, at least
 * 1 m), never less than one cell; first margin `s`.
 *
 * @param index bounding box and number of the indexed items
 * @param cellSizeMeters side of the query grid's cells, metres
 * @param itemGroupFactor group side in item spacings
 */
export function planGroups(
  index: ItemBounds,
  cellSizeMeters: number,
  itemGroupFactor: number,
): { groupCells: number; firstRadiusMeters: number } {
  const itemSpacing = itemSpacingMeters(index);
  return {
    groupCells: Math.max(1, Math.round((itemGroupFactor * itemSpacing) / cellSizeMeters)),
    firstRadiusMeters: itemSpacing,
  };
}

/** Typical distance between indexed items, metres: `√(box area / items)`, at least 1 m. */
function itemSpacingMeters(index: ItemBounds): number {
  const w = index.maxX - index.minX;
  const h = index.maxY - index.minY;
  const items = index.numItems;
  return Math.max(Math.sqrt((w * h) / items), Math.max(w, h) / items, 1);
}

/**
 * Where a shared query grid pays off for an index: its box grown by a quarter of its larger side
 * and 4 item spacings (`[minX, minY, maxX, maxY]`, metres). Points farther out are answered one by one.
 */
export function sweepExtent(index: ItemBounds): [number, number, number, number] {
  const margin = 0.25 * Math.max(index.maxX - index.minX, index.maxY - index.minY) + 4 * itemSpacingMeters(index);
  return [index.minX - margin, index.minY - margin, index.maxX + margin, index.maxY + margin];
}
