import { contours } from 'd3-contour';
import type { AccessField, DemandSamples, Settings } from '../model';
import { KIND_RURAL } from '../model';
import { bboxOf, cellOf, makeRasterGrid, ringsToLonLat, type RasterGrid } from './raster-grid';

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
 * misalignment leaves no holes), grouped into 4-connected components, each traced as one polygon
 * (d3-contour, threshold ½ around cell centres). Every uncovered populated sample lies in exactly one zone.
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

/** Trace one component as a polygon: a padded sub-raster contoured at ½. */
function trace(grid: RasterGrid, comp: readonly number[]): [number, number][][] {
  const w = grid.width;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const c of comp) {
    const x = c % w, y = (c - x) / w;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  // pad by one cell so the contour closes inside the sub-raster
  const sw = x1 - x0 + 3, sh = y1 - y0 + 3;
  const values = new Float64Array(sw * sh);
  for (const c of comp) {
    const x = c % w, y = (c - x) / w;
    values[x - x0 + 1 + (y - y0 + 1) * sw] = 1;
  }
  const mp = contours().size([sw, sh]).thresholds([0.5]).smooth(false)(Array.from(values))[0]!;
  // the component is 4-connected, so its contour is one polygon (maybe with holes); keep the largest
  // if the tracer split a diagonal pinch.
  const polys = mp.coordinates.map((poly) => poly.map((ring) => ring.map((p) => [p[0]! + x0 - 1, p[1]! + y0 - 1])));
  polys.sort((a, b) => b[0]!.length - a[0]!.length);
  return ringsToLonLat(grid, polys[0] ?? []);
}
