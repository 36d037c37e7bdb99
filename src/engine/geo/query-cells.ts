/**
 * Query points bucketed by the cells of a uniform square grid (a counting sort), so a batch of
 * nearest-neighbour queries can share one index search per cell. Struct of arrays, integer indices.
 */
export interface QueryCells {
  /** Left edge of the grid, metres (same plane as the points). */
  minX: number;
  /** Bottom edge of the grid, metres. */
  minY: number;
  /** Side of a cell, metres (≥ the requested size: enlarged so there are at most ~4 cells per point). */
  cellSizeMeters: number;
  cols: number;
  rows: number;
  /** Positions of the bucketed points, cell by cell (row-major: cell = row × cols + col). */
  order: Uint32Array;
  /** Length `cols × rows + 1`: the points of cell `c` are `order[cellStart[c] .. cellStart[c+1]-1]`. */
  cellStart: Uint32Array;
  /** Positions of the finite points outside the grid's extent (not in `order`). */
  outside: Uint32Array;
  /** x of the bucketed points in `order`'s order (contiguous per cell, for cache-friendly scans). */
  x: Float64Array;
  /** y of the bucketed points in `order`'s order. */
  y: Float64Array;
  /** The `carry` arrays, each permuted into `order`'s order. */
  carried: Float64Array[];
}

/**
 * Buckets points by grid cell. The grid covers the points' bounding box clipped to `extent`
 * (the region where a shared search pays off); finite points outside it are listed in `outside`,
 * points with a non-finite coordinate are left out. Within a cell, points keep their input order.
 *
 * @param x point x, metres (any planar projection)
 * @param y point y, metres
 * @param extent `[minX, minY, maxX, maxY]` to clip the grid to, metres
 * @param cellSizeMeters wanted side of a cell (> 0); enlarged when the grid would have more than
 *   `4 × points + 64` cells
 * @param carry up to two more per-point arrays (e.g. lon, lat) to permute into cell order; not mutated
 * @throws RangeError on mismatched lengths, a bad cell size or more than two `carry` arrays
 */
export function bucketQueryCells(
  x: Float64Array, y: Float64Array, extent: readonly [number, number, number, number], cellSizeMeters: number,
  carry: readonly Float64Array[] = [],
): QueryCells {
  const n = x.length;
  if (y.length !== n) throw new RangeError(`bucketQueryCells: x has ${n} values, y ${y.length}`);
  if (carry.length > 2 || carry.some((a) => a.length !== n)) throw new RangeError(`bucketQueryCells: carry takes up to 2 arrays of ${n} values`);
  if (!(cellSizeMeters > 0 && Number.isFinite(cellSizeMeters))) throw new RangeError(`bucketQueryCells: bad cell size ${cellSizeMeters}`);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (!(px >= extent[0] && px <= extent[2] && py >= extent[1] && py <= extent[3])) continue;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  let size = cellSizeMeters;
  let cols = 0;
  let rows = 0;
  if (minX <= maxX) {
    const maxCells = 4 * n + 64;
    for (;;) {
      cols = Math.floor((maxX - minX) / size) + 1;
      rows = Math.floor((maxY - minY) / size) + 1;
      if (cols * rows <= maxCells) break;
      size *= Math.sqrt((cols * rows) / maxCells) * 1.01;
    }
  } else {
    minX = minY = 0;
  }
  const cellOf = new Int32Array(n);
  const cellStart = new Uint32Array(cols * rows + 1);
  let outsideCount = 0;
  for (let i = 0; i < n; i++) {
    const px = x[i] as number;
    const py = y[i] as number;
    if (!(px >= minX && px <= maxX && py >= minY && py <= maxY)) {
      cellOf[i] = -1;
      if (Number.isFinite(px) && Number.isFinite(py)) outsideCount++;
      continue;
    }
    const c = Math.min(rows - 1, Math.floor((py - minY) / size)) * cols + Math.min(cols - 1, Math.floor((px - minX) / size));
    cellOf[i] = c;
    cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const total = cellStart[cols * rows] as number;
  const order = new Uint32Array(total);
  const sortedX = new Float64Array(total);
  const sortedY = new Float64Array(total);
  const carried = carry.map(() => new Float64Array(total));
  const carry0 = carried[0];
  const carry1 = carried[1];
  const outside = new Uint32Array(outsideCount);
  const fill = cellStart.slice(0, Math.max(1, cols * rows));
  outsideCount = 0;
  for (let i = 0; i < n; i++) {
    const c = cellOf[i] as number;
    if (c >= 0) {
      const at = fill[c] as number;
      order[at] = i;
      sortedX[at] = x[i] as number;
      sortedY[at] = y[i] as number;
      if (carry0) carry0[at] = (carry[0] as Float64Array)[i] as number;
      if (carry1) carry1[at] = (carry[1] as Float64Array)[i] as number;
      fill[c] = at + 1;
    } else if (Number.isFinite(x[i] as number) && Number.isFinite(y[i] as number)) outside[outsideCount++] = i;
  }
  return { minX, minY, cellSizeMeters: size, cols, rows, order, cellStart, outside, x: sortedX, y: sortedY, carried };
}
