import type { AccessField, DemandSamples, Settings } from '../model';
import { KIND_RURAL } from '../model';
import { bboxOf, cellOf, makeRasterGrid, type RasterGrid } from './raster-grid';

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
export function findGapZones(samples: DemandSamples, fields: readonly AccessField[], settings: Settings, cellMeters = settings.sampleSpacingMeters): GapZone[] {
  if (samples.count === 0) return [];
  const grid = makeRasterGrid(bboxOf(samples.lon, samples.lat), cellMeters);
  const cellOfSample = new Int32Array(samples.count);
  for (let i = 0; i < samples.count; i++) cellOfSample[i] = cellOf(grid, samples.lon[i]!, samples.lat[i]!);
  const zones: GapZone[] = [];
  settings.categories.forEach((cat, k) => {
    const field = fields[k]!;
    const limits = [cat.thresholdMinutes.urban * 60, cat.thresholdMinutes.rural * 60];
    const cellPop = new Map<number, { pop: number; n: number }>();
    for (let i = 0; i < samples.count; i++) {
      const p = samples.population[i]!;
      if (!(p > 0)) continue;
      if (field.seconds[i]! <= limits[samples.kind[i] === KIND_RURAL ? 1 : 0]!) continue;
      const cell = cellOfSample[i]!;
      const acc = cellPop.get(cell);
      if (acc) {
        acc.pop += p;
        acc.n++;
      } else cellPop.set(cell, { pop: p, n: 1 });
    }
    const catZones: GapZone[] = [];
    for (const comp of components(grid, closeCells(grid, cellPop))) {
      let population = 0;
      let sampleCount = 0;
      for (const c of comp) {
        const acc = cellPop.get(c);
        if (!acc) continue;
        population += acc.pop;
        sampleCount += acc.n;
      }
      catZones.push({ category: k, population, sampleCount, polygon: trace(grid, comp) });
    }
    catZones.sort((a, b) => b.population - a.population);
    zones.push(...catZones);
  });
  return zones;
}

/**
 * Morphological closing (3×3 dilation, then erosion) of the occupied cells, so that cells left empty
 * only because the sample grid and the raster are not aligned do not split a zone. Returns the closed
 * set (a superset of the occupied cells).
 */
function closeCells(grid: RasterGrid, occupied: Map<number, unknown>): Set<number> {
  const w = grid.width, h = grid.height;
  const inGrid = (x: number, y: number) => x >= 0 && y >= 0 && x < w && y < h;
  const dilated = new Set<number>();
  for (const c of occupied.keys()) {
    const x = c % w, y = (c - x) / w;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (inGrid(x + dx, y + dy)) dilated.add(c + dx + dy * w);
  }
  const closed = new Set<number>();
  for (const c of dilated) {
    const x = c % w, y = (c - x) / w;
    let all = true;
    for (let dy = -1; dy <= 1 && all; dy++) for (let dx = -1; dx <= 1 && all; dx++) if (inGrid(x + dx, y + dy) && !dilated.has(c + dx + dy * w)) all = false;
    if (all) closed.add(c);
  }
  for (const c of occupied.keys()) closed.add(c);
  return closed;
}

/** 4-connected components of a cell set, each a list of cell indices (deterministic order). */
function components(grid: RasterGrid, cells: Set<number>): number[][] {
  const seen = new Set<number>();
  const out: number[][] = [];
  const w = grid.width;
  for (const start of [...cells].sort((a, b) => a - b)) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const c = stack.pop()!;
      comp.push(c);
      const x = c % w;
      const nbrs = [x > 0 ? c - 1 : -1, x < w - 1 ? c + 1 : -1, c - w, c + w];
      for (const n of nbrs) if (n >= 0 && cells.has(n) && !seen.has(n)) {
        seen.add(n);
        stack.push(n);
      }
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
    const x = c % w, y = (c - x) / w;
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
        const dx = (cur % W) - (prev % W), dy = Math.floor(cur / W) - Math.floor(prev / W);
        let pick = 0;
        if (options.length > 1) {
          // left turn of (dx, dy) is (-dy, dx)
          const score = (k: number) => {
            const ex = (k % W) - (cur % W), ey = Math.floor(k / W) - Math.floor(cur / W);
            return ex === -dy && ey === dx ? 0 : ex === dx && ey === dy ? 1 : 2;
          };
          for (let i = 1; i < options.length; i++) if (score(options[i]!) < score(options[pick]!)) pick = i;
        }
        const next = options.splice(pick, 1)[0]!;
        const nx = (next % W) - (cur % W), ny = Math.floor(next / W) - Math.floor(cur / W);
        if (nx !== dx || ny !== dy) ring.push(cur); // keep corners only
        prev = cur;
        cur = next;
      }
      ring.push(startKey);
      rings.push(ring.map(toLonLat));
    }
  }
  const area = (r: [number, number][]) => {
    let a = 0;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j]![0] - r[i]![0]) * (r[j]![1] + r[i]![1]);
    return a;
  };
  const exteriors = rings.filter((r) => area(r) > 0).sort((a, b) => area(b) - area(a));
  const holes = rings.filter((r) => area(r) < 0);
  return exteriors.length > 0 ? [exteriors[0]!, ...holes] : [];
}
