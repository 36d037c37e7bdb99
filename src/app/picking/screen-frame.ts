/**
 * The map's projection around the cursor as an affine map from WGS84 lon/lat (degrees) to screen
 * pixels: exact at the cursor, and within 0.02 px over the few pixels a pick
 * reaches (Web Mercator and the GCJ-02 display shift are smooth there). Every pick test (point
 * discs, polygon edges, the search box of the indexes) runs in this frame, so a mouse move costs
 * five projections, not one per candidate.
 */
import { haversineMeters } from '../../engine/geo/haversine';

/** Projects WGS84 `[lon, lat]` (degrees) to screen `[x, y]` (CSS pixels), display shift included. */
export type ProjectWgs84 = (lon: number, lat: number) => [number, number];

/** An affine WGS84 → screen map around one cursor position. */
export interface ScreenFrame {
  /** The cursor, screen pixels. */
  x: number;
  y: number;
  /** WGS84 position under the cursor, degrees. */
  lon: number;
  lat: number;
  /** Screen position of (lon, lat) by the projection (≈ the cursor). */
  x0: number;
  y0: number;
  /** Jacobian, pixels per degree: `x = x0 + a·Δlon + b·Δlat`, `y = y0 + c·Δlon + d·Δlat`. */
  a: number;
  b: number;
  c: number;
  d: number;
  /** Screen pixels per metre at the cursor (east–west). */
  pxPerMeter: number;
}

/** Step of the finite differences, degrees (about 1 m; far below a pixel's worth of curvature). */
const STEP_DEG = 1e-5;

/**
 * The frame at cursor `(x, y)` whose WGS84 position is `(lon, lat)` (the inverse of `project`
 * there, e.g. map.unproject followed by the inverse display shift).
 */
export function screenFrame(project: ProjectWgs84, x: number, y: number, lon: number, lat: number): ScreenFrame {
  const [x0, y0] = project(lon, lat);
  // central differences: the Jacobian at the cursor itself
  const [xe, ye] = project(lon + STEP_DEG, lat);
  const [xw, yw] = project(lon - STEP_DEG, lat);
  const [xn, yn] = project(lon, lat + STEP_DEG);
  const [xs, ys] = project(lon, lat - STEP_DEG);
  const a = (xe - xw) / (2 * STEP_DEG);
  const c = (ye - yw) / (2 * STEP_DEG);
  const b = (xn - xs) / (2 * STEP_DEG);
  const d = (yn - ys) / (2 * STEP_DEG);
  const pxPerMeter = Math.hypot(a, c) / (haversineMeters(lon - STEP_DEG, lat, lon + STEP_DEG, lat) / (2 * STEP_DEG));
  return { x, y, lon, lat, x0, y0, a, b, c, d, pxPerMeter };
}

/** Screen x of a WGS84 point in the frame. */
export const frameX = (f: ScreenFrame, lon: number, lat: number): number => f.x0 + f.a * (lon - f.lon) + f.b * (lat - f.lat);
/** Screen y of a WGS84 point in the frame. */
export const frameY = (f: ScreenFrame, lon: number, lat: number): number => f.y0 + f.c * (lon - f.lon) + f.d * (lat - f.lat);

/**
 * `[minLon, minLat, maxLon, maxLat]` of the screen square `reachPx` around the cursor (the search
 * box of the indexes), or null when the frame is degenerate (a non-invertible Jacobian).
 */
export function frameBox(f: ScreenFrame, reachPx: number): [number, number, number, number] | null {
  const det = f.a * f.d - f.b * f.c;
  if (!(Math.abs(det) > 0) || !Number.isFinite(det)) return null;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [sx, sy] of [
    [-1, -1],
    [1, -1],
    [-1, 1],
    [1, 1],
  ] as const) {
    const dx = f.x + sx * reachPx - f.x0;
    const dy = f.y + sy * reachPx - f.y0;
    const lon = f.lon + (f.d * dx - f.b * dy) / det;
    const lat = f.lat + (-f.c * dx + f.a * dy) / det;
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}
