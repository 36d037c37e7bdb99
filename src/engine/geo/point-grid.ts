import { fitGrid, type QueryGrid } from './projected-queries';
import { bboxOf } from './bbox';

/**
 * A uniform grid over projected points for box searches: the same items a Flatbush box search
 * over the same points returns (those inside the box, edges included), in cell order, without a
 * tree walk or an array per search. Made for many small searches over points spread over a city
 * (one per group of query cells, see `sweepCells`): with it instead of Flatbush, the straight-line
 * queries of 6 categories at 1M samples took about 10 % less time. Struct of arrays, integer ids;
 * build once, then query.
 */
export interface PointGrid extends QueryGrid {
  /** Length `cols × rows + 1`: the items of cell `c` are at `cellStart[c] .. cellStart[c+1]-1` of `ids`. */
  cellStart: Uint32Array;
  /** Item ids (positions in the input arrays), cell by cell. */
  ids: Uint32Array;
  /** Projected coordinates of the items, in `ids`' order. */
  x: Float64Array;
  y: Float64Array;
}

/** The answer of {@link searchPointGrid}: item ids in `ids[0 .. count-1]` (a buffer reused between searches). */
export interface IdBuffer {
  ids: Int32Array;
  count: number;
}

/** Target number of items per cell. */
const ITEMS_PER_CELL = 2;

/**
 * Buckets points (projected metres, finite) by a square grid of about two points per cell.
 *
 * @param x projected x of each point, metres
 * @param y projected y of each point, metres
 * @throws RangeError on mismatched lengths or a non-finite coordinate
 */
export function createPointGrid(x: Float64Array, y: Float64Array): PointGrid {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`createPointGrid: x has ${n} values, y ${y.length}`);
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (!Number.isFinite(px) || !Number.isFinite(py)) throw new RangeError(`createPointGrid: point ${i} is [${px}, ${py}]`);
  }
  const box = bboxOf(x, y);
  if (!box) {
    return {
      minX: 0,
      minY: 0,
      cellSizeMeters: 1,
      cols: 0,
      rows: 0,
      cellStart: new Uint32Array(1),
      ids: new Uint32Array(0),
      x: new Float64Array(0),
      y: new Float64Array(0),
    };
  }
  const [minX, minY, maxX, maxY] = box;
  const width = maxX - minX;
  const height = maxY - minY;
  const area = Math.max(width, 1) * Math.max(height, 1);
  const { cellSizeMeters: size, cols, rows } = fitGrid(width, height, Math.max(1, Math.sqrt((ITEMS_PER_CELL * area) / n)), 4 * n + 64);
  const x0 = minX;
  const y0 = minY;
  const cellOf = (px: number, py: number): number =>
    Math.min(rows - 1, Math.floor((py - y0) / size)) * cols + Math.min(cols - 1, Math.floor((px - x0) / size));
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let i = 0; i < n; i++) cellStart[cellOf(x[i] as number, y[i] as number) + 1]! += 1;
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const fill = cellStart.slice(0, cols * rows);
  const ids = new Uint32Array(n);
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    const c = cellOf(px, py);
    const at = fill[c] as number;
    fill[c] = at + 1;
    ids[at] = i;
    gx[at] = px;
    gy[at] = py;
  }
  return { minX, minY, cellSizeMeters: size, cols, rows, cellStart, ids, x: gx, y: gy };
}

/**
 * The items inside `[minX, maxX] × [minY, maxY]` (edges included), written to `into.ids` (grown
 * when needed) with their number in `into.count`. Cell by cell, row-major; within a cell in input
 * order.
 *
 * @param grid from {@link createPointGrid}
 * @param into the buffer to fill (its old content is overwritten)
 */
export function searchPointGrid(grid: PointGrid, minX: number, minY: number, maxX: number, maxY: number, into: IdBuffer): void {
  into.count = 0;
  const { cols, rows, cellSizeMeters: size, cellStart, ids, x, y } = grid;
  if (cols === 0 || !(minX <= maxX && minY <= maxY)) return;
  const c0 = Math.max(0, Math.floor((minX - grid.minX) / size));
  const c1 = Math.min(cols - 1, Math.floor((maxX - grid.minX) / size));
  const r0 = Math.max(0, Math.floor((minY - grid.minY) / size));
  const r1 = Math.min(rows - 1, Math.floor((maxY - grid.minY) / size));
  if (c0 > c1 || r0 > r1) return;
  // points on the far edge of the grid sit in the last cell (see createPointGrid): nothing is missed
  let out = into.ids;
  let count = 0;
  for (let r = r0; r <= r1; r++) {
    const start = cellStart[r * cols + c0] as number;
    const end = cellStart[r * cols + c1 + 1] as number;
    if (count + (end - start) > out.length) {
      const grown = new Int32Array(Math.max(2 * out.length, count + (end - start), 64));
      grown.set(out.subarray(0, count));
      out = grown;
      into.ids = grown;
    }
    for (let k = start; k < end; k++) {
      const px = x[k] as number;
      const py = y[k] as number;
      if (px >= minX && px <= maxX && py >= minY && py <= maxY) out[count++] = ids[k] as number;
    }
  }
  into.count = count;
}
