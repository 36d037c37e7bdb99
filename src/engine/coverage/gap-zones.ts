import type { AccessField, CategoryDef, DemandSamples, Settings } from '../model';
import { KIND_RURAL } from '../model';
import { ringArea2 } from '../geo/winding';
import { bboxOf } from '../geo/bbox';
import { cellOf, makeRasterGrid, type RasterGrid } from './raster-grid';

/** A contiguous uncovered populated area of one category. */
export interface GapZone {
  /** Category index (order of the settings). */
  category: number;
  /** Residents of the uncovered samples inside the zone. */
  population: number;
  /** Demand samples inside the zone. */
  sampleCount: number;
  /** Polygon rings `[lon, lat]` (exterior first, RFC 7946 winding). */
  polygon: [number, number][][];
}

/**
 * Gap zones: per category, the uncovered populated demand samples rasterised on a grid of cells
 * `cellMeters` wide (default: the sample spacing), closed morphologically (so raster/sample-grid
 * misalignment leaves no holes), grouped into 4-connected components, each traced as one polygon:
 * the exact union of its cells. Every uncovered populated sample lies in exactly one zone.
 *
 * @param samples demand samples
 * @param fields access fields in settings order
 * @param settings thresholds (minutes) per kind
 * @param cellMeters raster cell size in metres
 * @returns zones sorted by category, then by uncovered population (largest first)
 */
export function findGapZones(
  samples: DemandSamples,
  fields: readonly AccessField[],
  settings: Settings,
  cellMeters = settings.sampleSpacingMeters,
): GapZone[] {
  const index = createGapZoneIndex(samples, cellMeters);
  return settings.categories.flatMap((cat, k) => index.zones(fields[k]!, cat, k));
}

/** Build once per set of samples, then query the zones of any category and thresholds (what a slider needs). */
export interface GapZoneIndex {
  /** Zones of one category, largest uncovered population first. */
  zones(field: AccessField, category: CategoryDef, categoryIndex: number): GapZone[];
}

/**
 * The raster and the cell of every sample, computed once; per query only the uncovered samples of one
 * category are rasterised, closed and traced.
 */
export function createGapZoneIndex(samples: DemandSamples, cellMeters: number): GapZoneIndex {
  if (samples.count === 0) return { zones: () => [] };
  const grid = makeRasterGrid(bboxOf(samples.lon, samples.lat)!, cellMeters);
  const cellOfSample = new Int32Array(samples.count);
  for (let i = 0; i < samples.count; i++) cellOfSample[i] = cellOf(grid, samples.lon[i]!, samples.lat[i]!);
  const N = grid.width * grid.height;
  const pop = new Float64Array(N);
  const count = new Int32Array(N);
  const mask = new Uint8Array(N); // bit 1: occupied, bit 2: dilated, bit 4: closed, bit 8: labelled
  return {
    zones(field, cat, k) {
      const limits = [cat.thresholdMinutes.urban * 60, cat.thresholdMinutes.rural * 60];
      const occupied: number[] = [];
      for (let i = 0; i < samples.count; i++) {
        const p = samples.population[i]!;
        if (!(p > 0)) continue;
        if (field.seconds[i]! <= limits[samples.kind[i] === KIND_RURAL ? 1 : 0]!) continue;
        const cell = cellOfSample[i]!;
        if (count[cell] === 0) occupied.push(cell);
        pop[cell]! += p;
        count[cell]!++;
      }
      const touched = closeCells(grid, occupied, mask);
      const out: GapZone[] = [];
      for (const comp of components(grid, touched, mask)) {
        let population = 0;
        let sampleCount = 0;
        for (const c of comp) {
          population += pop[c]!;
          sampleCount += count[c]!;
        }
        out.push({ category: k, population, sampleCount, polygon: trace(grid, comp) });
      }
      for (const c of touched) mask[c] = 0;
      for (const c of occupied) {
        pop[c] = 0;
        count[c] = 0;
      }
      return out.sort((a, b) => b.population - a.population);
    },
  };
}

const OCCUPIED = 1,
  DILATED = 2,
  CLOSED = 4,
  LABELLED = 8;

/**
 * Morphological closing (3×3 dilation, then erosion) of the occupied cells, so that cells left empty
 * only because the sample grid and the raster are not aligned do not split a zone. Marks CLOSED in
 * `mask` (a superset of the occupied cells) and returns every cell it touched, sorted.
 */
function closeCells(grid: RasterGrid, occupied: readonly number[], mask: Uint8Array): Int32Array {
  const w = grid.width,
    h = grid.height;
  const touched: number[] = [];
  for (const c of occupied) mask[c]! |= OCCUPIED;
  for (const c of occupied) {
    const x = c % w,
      y = (c - x) / w;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const nx = x + dx,
          ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
        const n = nx + ny * w;
        if ((mask[n]! & DILATED) === 0) {
          mask[n]! |= DILATED;
          touched.push(n);
        }
      }
  }
  for (const c of touched) {
    if (mask[c]! & OCCUPIED) {
      mask[c]! |= CLOSED;
      continue;
    }
    const x = c % w,
      y = (c - x) / w;
    let all = true;
    for (let dy = -1; dy <= 1 && all; dy++)
      for (let dx = -1; dx <= 1 && all; dx++) {
        const nx = x + dx,
          ny = y + dy;
        if (nx >= 0 && ny >= 0 && nx < w && ny < h && (mask[nx + ny * w]! & DILATED) === 0) all = false;
      }
    if (all) mask[c]! |= CLOSED;
  }
  return Int32Array.from(touched).sort();
}

/** 4-connected components of the CLOSED cells, each a list of cell indices (deterministic order). */
function components(grid: RasterGrid, touched: Int32Array, mask: Uint8Array): number[][] {
  const out: number[][] = [];
  const w = grid.width,
    h = grid.height;
  const stack: number[] = [];
  for (const start of touched) {
    if ((mask[start]! & CLOSED) === 0 || (mask[start]! & LABELLED) !== 0) continue;
    const comp: number[] = [];
    stack.push(start);
    mask[start]! |= LABELLED;
    while (stack.length > 0) {
      const c = stack.pop()!;
      comp.push(c);
      const x = c % w;
      const visit = (n: number) => {
        if ((mask[n]! & (CLOSED | LABELLED)) === CLOSED) {
          mask[n]! |= LABELLED;
          stack.push(n);
        }
      };
      if (x > 0) visit(c - 1);
      if (x < w - 1) visit(c + 1);
      if (c >= w) visit(c - w);
      if (c + w < w * h) visit(c + w);
    }
    out.push(comp);
  }
  return out;
}

/**
 * Trace one component as the exact union of its cells: boundary edges directed with the cell on their
 * left (exteriors counter-clockwise, holes clockwise in lon/lat), chained preferring left turns so that
 * cells touching only at a corner stay apart (4-connectivity), collinear vertices dropped.
 */
function trace(grid: RasterGrid, comp: readonly number[]): [number, number][][] {
  const w = grid.width;
  const W = w + 1; // vertex (x, y) → key x + y·W
  const cells = new Set(comp);
  const has = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < grid.height && cells.has(x + y * w);
  // outgoing edges per start vertex: end vertex keys
  const out = new Map<number, number[]>();
  const edge = (x0: number, y0: number, x1: number, y1: number) => {
    const k = x0 + y0 * W;
    const list = out.get(k);
    if (list) list.push(x1 + y1 * W);
    else out.set(k, [x1 + y1 * W]);
  };
  for (const c of comp) {
    const x = c % w,
      y = (c - x) / w;
    if (!has(x, y - 1)) edge(x, y, x + 1, y);
    if (!has(x + 1, y)) edge(x + 1, y, x + 1, y + 1);
    if (!has(x, y + 1)) edge(x + 1, y + 1, x, y + 1);
    if (!has(x - 1, y)) edge(x, y + 1, x, y);
  }
  const rings: [number, number][][] = [];
  const toLonLat = (k: number): [number, number] => [grid.lon0 + (k % W) * grid.dLon, grid.lat0 + Math.floor(k / W) * grid.dLat];
  for (const [startKey, ends] of out) {
    while (ends.length > 0) {
      const ring: number[] = [startKey];
      let prev = startKey;
      let cur = ends.pop()!;
      while (cur !== startKey || ring.length === 0) {
        const options = out.get(cur)!;
        const dx = (cur % W) - (prev % W),
          dy = Math.floor(cur / W) - Math.floor(prev / W);
        let pick = 0;
        if (options.length > 1) {
          // left turn of (dx, dy) is (-dy, dx)
          const score = (k: number) => {
            const ex = (k % W) - (cur % W),
              ey = Math.floor(k / W) - Math.floor(cur / W);
            return ex === -dy && ey === dx ? 0 : ex === dx && ey === dy ? 1 : 2;
          };
          for (let i = 1; i < options.length; i++) if (score(options[i]!) < score(options[pick]!)) pick = i;
        }
        const next = options.splice(pick, 1)[0]!;
        const nx = (next % W) - (cur % W),
          ny = Math.floor(next / W) - Math.floor(cur / W);
        if (nx !== dx || ny !== dy) ring.push(cur); // keep corners only
        prev = cur;
        cur = next;
      }
      ring.push(startKey);
      rings.push(ring.map(toLonLat));
    }
  }
  const exteriors = rings.filter((r) => ringArea2(r) > 0).sort((a, b) => ringArea2(b) - ringArea2(a));
  const holes = rings.filter((r) => ringArea2(r) < 0);
  return exteriors.length > 0 ? [exteriors[0]!, ...holes] : [];
}
