/**
 * Points drawn as discs (facilities, point communities, proposed sites): a Flatbush over their
 * WGS84 positions, and the disc under or nearest the cursor within a reach in screen pixels.
 */
import Flatbush from 'flatbush';
import { frameBox, frameX, frameY, type ScreenFrame } from './screen-frame';

/** A static index of points. */
export interface PointIndex {
  /** `[lon0, lat0, lon1, lat1, …]`, degrees, one pair per item (item order of the caller). */
  readonly coords: Float64Array;
  /** The tree over the finite points (null when there are none); its ids are in `items`. */
  readonly tree: Flatbush | null;
  /** Item number of each tree entry. */
  readonly items: Uint32Array;
}

/** A hit: the item and the screen distance from the cursor to its disc (0 on the disc). */
export interface PointHit {
  item: number;
  gapPx: number;
}

/** Builds the index of `coords` (pairs; non-finite points are left out and never hit). */
export function pointIndex(coords: Float64Array): PointIndex {
  const n = coords.length >> 1;
  const items: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(coords[2 * i]) && Number.isFinite(coords[2 * i + 1])) items.push(i);
  if (items.length === 0) return { coords, tree: null, items: new Uint32Array(0) };
  const tree = new Flatbush(items.length);
  for (const i of items) tree.add(coords[2 * i]!, coords[2 * i + 1]!, coords[2 * i]!, coords[2 * i + 1]!);
  tree.finish();
  return { coords, tree, items: Uint32Array.from(items) };
}

/**
 * The disc nearest the cursor: item `i` is drawn with radius `radiusPx(i)` screen pixels and is hit
 * when the cursor is within `reachPx` of the disc. The smallest gap wins; ties go to the item drawn
 * last (the highest number, on top).
 * @param maxRadiusPx an upper bound of `radiusPx` (sizes the search box)
 * @returns the hit, or null when no disc is within reach
 */
export function pointAt(
  index: PointIndex,
  frame: ScreenFrame,
  radiusPx: (item: number) => number,
  maxRadiusPx: number,
  reachPx: number,
): PointHit | null {
  if (!index.tree) return null;
  const box = frameBox(frame, maxRadiusPx + reachPx + 1);
  if (!box) return null;
  let best: PointHit | null = null;
  for (const k of index.tree.search(box[0], box[1], box[2], box[3])) {
    const i = index.items[k]!;
    const lon = index.coords[2 * i]!;
    const lat = index.coords[2 * i + 1]!;
    const dist = Math.hypot(frameX(frame, lon, lat) - frame.x, frameY(frame, lon, lat) - frame.y);
    const gap = Math.max(0, dist - radiusPx(i));
    if (gap > reachPx) continue;
    if (!best || gap < best.gapPx || (gap === best.gapPx && i > best.item)) best = { item: i, gapPx: gap };
  }
  return best;
}
