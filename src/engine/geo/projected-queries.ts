import { type LocalProjection, projectX, projectY } from './local-projection';

const RAD = Math.PI / 180;

/**
 * Query points (e.g. demand samples) bucketed once by a square grid in a local projection, ready
 * for batched nearest searches against any index built in the same projection (see `sweepCells`):
 * build it once per point set and reuse it for every category. Struct of arrays, integer indices;
 * projected coordinates are not stored (`projectX(projection, lon[k])` is one multiply-add).
 */
export interface ProjectedQueries {
  projection: LocalProjection;
  /** The input arrays the grid was built from (not copied; treated as immutable). */
  inputLon: Float64Array;
  inputLat: Float64Array;
  /** Left and bottom edge of the grid, metres. */
  minX: number;
  minY: number;
  /** Side of a cell, metres. */
  cellSizeMeters: number;
  cols: number;
  rows: number;
  /** Input positions of the bucketed points, cell by cell (row-major: cell = row × cols + col). */
  order: Uint32Array;
  /** Length `cols × rows + 1`: the points of cell `c` are at `cellStart[c] .. cellStart[c+1]-1` of `order`. */
  cellStart: Uint32Array;
  /** Input positions of the finite points outside the grid's extent (answered one by one). */
  outside: Uint32Array;
  /** Longitude, latitude (degrees) and `Math.cos(lat × π / 180)` of the bucketed points, in `order`'s order. */
  lon: Float64Array;
  lat: Float64Array;
  cosLat: Float64Array;
  /**
   * Work arrays for answers by slot (see {@link answerSlots}: nearest position, metres), made by
   * the first search that needs them and overwritten by every later one (so searching category
   * after category allocates nothing); null until then.
   */
  work: { nearest: Int32Array; meters: Float64Array } | null;
  /** See {@link answerSlots}; null until made. */
  slots: AnswerSlots | null;
}

/**
 * Where batched searches put the answer of each point: a slot. Slots are grouped by blocks of
 * 2^`shift` consecutive input positions (in cell order within a block), so copying answers into
 * input order writes within one small block at a time instead of all over the output arrays (the
 * random writes were a fifth of a search's time at 1M points). Every bucketed and every outside
 * point has a slot; points with a non-finite coordinate have none.
 */
export interface AnswerSlots {
  /** Slot of each answered point: of bucketed point `order[k]` at `k`, of `outside[j]` at `order.length + j`. */
  slotOf: Uint32Array;
  /** Input position of the point of each slot. */
  input: Uint32Array;
}

/** At most this many blocks, so the block cursors stay in the first-level cache. */
const MAX_SLOT_BLOCKS = 256;
/** Input positions per block at least (a block of a Float32 output is then 16 KB). */
const MIN_SLOT_SHIFT = 12;

/**
 * The answer slots of `cells`, made on first use and kept in `cells.slots`.
 *
 * @param cells points bucketed by {@link projectQueries}
 */
export function answerSlots(cells: ProjectedQueries): AnswerSlots {
  if (cells.slots) return cells.slots;
  const { order, outside } = cells;
  const n = cells.inputLon.length;
  const inside = order.length;
  let shift = MIN_SLOT_SHIFT;
  while (n > MAX_SLOT_BLOCKS * 2 ** shift) shift++;
  const blocks = Math.max(1, (n + (1 << shift) - 1) >>> shift);
  const cursor = new Uint32Array(blocks + 1);
  for (let k = 0; k < inside; k++) cursor[((order[k] as number) >>> shift) + 1]! += 1;
  for (let j = 0; j < outside.length; j++) cursor[((outside[j] as number) >>> shift) + 1]! += 1;
  for (let b = 0; b < blocks; b++) cursor[b + 1] = (cursor[b + 1] as number) + (cursor[b] as number);
  const slotOf = new Uint32Array(inside + outside.length);
  const input = new Uint32Array(inside + outside.length);
  for (let k = 0; k < slotOf.length; k++) {
    const q = (k < inside ? order[k] : outside[k - inside]) as number;
    const b = q >>> shift;
    const slot = cursor[b] as number;
    cursor[b] = slot + 1;
    slotOf[k] = slot;
    input[slot] = q;
  }
  cells.slots = { slotOf, input };
  return cells.slots;
}

/** Bands of the two-pass bucketing (see `bucket`). */
const BANDS = 256;

/** Target number of points per grid cell: small cells, grouped per index by `planGroups`. */
const POINTS_PER_CELL = 4;

/**
 * Buckets points by a square grid of about four points per cell over the part of their bounding
 * box inside `extent` (a counting sort; within a cell points keep their input order). Finite
 * points outside `extent` are listed in `outside`; points with a non-finite coordinate or
 * |lat| > 90 are left out.
 *
 * @param projection the projection of the indexes the points will be matched against
 * @param lon longitudes, degrees; not mutated
 * @param lat latitudes, degrees; not mutated
 * @param extent `[minX, minY, maxX, maxY]` in projected metres where a shared grid pays off (e.g.
 *   the indexed items' box with a margin)
 * @param maxCellSizeMeters largest cell side, metres (e.g. a few item spacings when the points are
 *   sparser than the items, so one cell's search stays small); default unlimited
 * @throws RangeError on mismatched lengths
 */
export function projectQueries(
  projection: LocalProjection,
  lon: Float64Array,
  lat: Float64Array,
  extent: readonly [number, number, number, number],
  maxCellSizeMeters = Infinity,
): ProjectedQueries {
  return bucket(projection, lon, lat, extent, maxCellSizeMeters, null);
}

/**
 * A square grid in projected metres: left and bottom edge, side of a cell, and size; cells
 * row-major (`cell = row × cols + col`). What {@link projectQueriesOnGrid} buckets by, and the
 * geometry of the point and segment grids.
 */
export interface QueryGrid {
  minX: number;
  minY: number;
  cellSizeMeters: number;
  cols: number;
  rows: number;
}

/**
 * Like {@link projectQueries}, but on a given grid (e.g. a segment grid's, so a point's cell is
 * the index's cell): points outside its `cols × rows` cells go to `outside`.
 *
 * @param projection the projection of the grid
 * @param lon longitudes, degrees; not mutated
 * @param lat latitudes, degrees; not mutated
 * @param grid origin, cell side (metres) and size of the grid
 */
export function projectQueriesOnGrid(projection: LocalProjection, lon: Float64Array, lat: Float64Array, grid: QueryGrid): ProjectedQueries {
  const extent = [grid.minX, grid.minY, grid.minX + grid.cols * grid.cellSizeMeters, grid.minY + grid.rows * grid.cellSizeMeters] as const;
  return bucket(projection, lon, lat, extent, Infinity, grid);
}

function bucket(
  projection: LocalProjection,
  lon: Float64Array,
  lat: Float64Array,
  extent: readonly [number, number, number, number],
  maxCellSizeMeters: number,
  grid: QueryGrid | null,
): ProjectedQueries {
  const n = lon.length;
  if (lat.length !== n) throw new RangeError(`projectQueries: lon has ${n} values, lat ${lat.length}`);
  const usable = (plon: number, plat: number): boolean => Number.isFinite(plon) && Number.isFinite(plat) && Math.abs(plat) <= 90;
  let inside = 0;
  let outsideCount = 0;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let q = 0; q < n; q++) {
    const plon = lon[q] as number;
    const plat = lat[q] as number;
    if (!usable(plon, plat)) continue;
    const px = projectX(projection, plon);
    const py = projectY(projection, plat);
    if (!(px >= extent[0] && px <= extent[2] && py >= extent[1] && py <= extent[3])) {
      outsideCount++;
      continue;
    }
    inside++;
    if (px < minX) minX = px;
    if (px > maxX) maxX = px;
    if (py < minY) minY = py;
    if (py > maxY) maxY = py;
  }
  let size = 1;
  let cols = 0;
  let rows = 0;
  if (grid) {
    ({ minX, minY, cellSizeMeters: size, cols, rows } = grid);
    maxX = minX + cols * size;
    maxY = minY + rows * size;
  } else if (inside > 0) {
    const area = Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1);
    ({
      cellSizeMeters: size,
      cols,
      rows,
    } = fitGrid(
      maxX - minX,
      maxY - minY,
      Math.max(1, Math.min(maxCellSizeMeters, Math.sqrt((POINTS_PER_CELL * area) / inside))),
      4 * inside + 64,
    ));
  } else {
    minX = minY = 0;
  }
  const cellOf = new Int32Array(n);
  const cellStart = new Uint32Array(cols * rows + 1);
  for (let q = 0; q < n; q++) {
    const plon = lon[q] as number;
    const plat = lat[q] as number;
    cellOf[q] = -1;
    if (!usable(plon, plat)) continue;
    const px = projectX(projection, plon);
    const py = projectY(projection, plat);
    if (!(px >= minX && px <= maxX && py >= minY && py <= maxY)) continue;
    const c = Math.min(rows - 1, Math.floor((py - minY) / size)) * cols + Math.min(cols - 1, Math.floor((px - minX) / size));
    cellOf[q] = c;
    cellStart[c + 1] = (cellStart[c + 1] as number) + 1;
  }
  for (let c = 0; c < cols * rows; c++) cellStart[c + 1] = (cellStart[c + 1] as number) + (cellStart[c] as number);
  const order = new Uint32Array(inside);
  const sLon = new Float64Array(inside);
  const sLat = new Float64Array(inside);
  const sCos = new Float64Array(inside);
  const outside = new Uint32Array(outsideCount);
  // Counting sort into cell order in two passes, so that no pass writes all over the arrays: first
  // by band (a run of consecutive cells, BANDS of them), streaming; then, band by band, into cells
  // within the band's stretch (a cache-sized window). Within a cell points keep their input order.
  const cellCount = cols * rows;
  let bandShift = 0;
  while (cellCount > BANDS * 2 ** bandShift) bandShift++;
  const bandCount = cellCount > 0 ? ((cellCount - 1) >>> bandShift) + 1 : 0;
  const bandFill = new Uint32Array(bandCount);
  for (let b = 0; b < bandCount; b++) bandFill[b] = cellStart[b << bandShift] as number;
  outsideCount = 0;
  for (let q = 0; q < n; q++) {
    const c = cellOf[q] as number;
    if (c >= 0) {
      const b = c >>> bandShift;
      const at = bandFill[b] as number;
      bandFill[b] = at + 1;
      order[at] = q;
      sLon[at] = lon[q] as number;
      sLat[at] = lat[q] as number;
      sCos[at] = c; // the cell, until the second pass
    } else if (usable(lon[q] as number, lat[q] as number)) outside[outsideCount++] = q;
  }
  const fill = cellStart.slice(0, Math.max(1, cellCount));
  let band = { q: new Uint32Array(0), lon: new Float64Array(0), lat: new Float64Array(0), cell: new Float64Array(0) };
  for (let b = 0; b < bandCount; b++) {
    const start = cellStart[b << bandShift] as number;
    const end = cellStart[Math.min(cellCount, (b + 1) << bandShift)] as number;
    const m = end - start;
    if (band.q.length < m) band = { q: new Uint32Array(m), lon: new Float64Array(m), lat: new Float64Array(m), cell: new Float64Array(m) };
    band.q.set(order.subarray(start, end));
    band.lon.set(sLon.subarray(start, end));
    band.lat.set(sLat.subarray(start, end));
    band.cell.set(sCos.subarray(start, end));
    for (let i = 0; i < m; i++) {
      const c = band.cell[i] as number;
      const at = fill[c] as number;
      fill[c] = at + 1;
      const plat = band.lat[i] as number;
      order[at] = band.q[i] as number;
      sLon[at] = band.lon[i] as number;
      sLat[at] = plat;
      sCos[at] = Math.cos(plat * RAD);
    }
  }
  return {
    projection,
    inputLon: lon,
    inputLat: lat,
    minX,
    minY,
    cellSizeMeters: size,
    cols,
    rows,
    order,
    cellStart,
    outside,
    lon: sLon,
    lat: sLat,
    cosLat: sCos,
    work: null,
    slots: null,
  };
}

/**
 * Columns and rows of a grid of `cellSizeMeters` cells covering a `width × height` box (metres,
 * from its lower-left corner), the cells enlarged until there are at most `maxCells`.
 */
export function fitGrid(
  width: number,
  height: number,
  cellSizeMeters: number,
  maxCells: number,
): { cellSizeMeters: number; cols: number; rows: number } {
  let size = cellSizeMeters;
  for (;;) {
    const cols = Math.floor(width / size) + 1;
    const rows = Math.floor(height / size) + 1;
    if (cols * rows <= maxCells) return { cellSizeMeters: size, cols, rows };
    size *= Math.sqrt((cols * rows) / maxCells) * 1.01;
  }
}
