/**
 * Polygons (community areas, gap zones): their rings in flat typed arrays and a Flatbush over each
 * part's bounding box; the polygon under the cursor (even–odd rule, holes included) or, within a
 * reach in screen pixels, the one whose edge is nearest.
 */
import Flatbush from 'flatbush';
import { frameBox, frameX, frameY, type ScreenFrame } from './screen-frame';

/** A static index of polygon parts, each belonging to one item (a Polygon, or a part of a MultiPolygon). */
export interface PolygonIndex {
  /** Vertices `[lon, lat, …]` of every ring, degrees. */
  readonly coords: Float64Array;
  /** Ring r spans vertices `ringStart[r]` to `ringStart[r + 1]` (exclusive). */
  readonly ringStart: Uint32Array;
  /** Part p has rings `partRing[p]` to `partRing[p + 1]` (exclusive). */
  readonly partRing: Uint32Array;
  /** Item of each part. */
  readonly partItem: Uint32Array;
  /** The tree over the part boxes (null when there are no parts). */
  readonly tree: Flatbush | null;
}

/** A hit: the item and the screen distance from the cursor to it (0 inside). */
export interface PolygonHit {
  item: number;
  gapPx: number;
}

/** Rings of one polygon part, `[lon, lat]` positions (exterior first; holes after). */
export type PolygonRings = readonly (readonly (readonly number[])[])[];

/**
 * Builds the index. `parts[j]` is a polygon (its rings) of item `items[j]`; rings with fewer than
 * three vertices and non-finite vertices are left out.
 */
export function polygonIndex(parts: readonly PolygonRings[], items: ArrayLike<number>): PolygonIndex {
  if (parts.length !== items.length) throw new Error(`polygonIndex: ${parts.length} parts but ${items.length} items`);
  const coords: number[] = [];
  const ringStart: number[] = [0];
  const partRing: number[] = [0];
  const partItem: number[] = [];
  const boxes: number[] = [];
  parts.forEach((rings, j) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    const ringsBefore = ringStart.length;
    for (const ring of rings) {
      const ok = ring.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
      if (ok.length < 3) continue;
      for (const p of ok) {
        const x = p[0]!;
        const y = p[1]!;
        coords.push(x, y);
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      ringStart.push(coords.length >> 1);
    }
    if (ringStart.length === ringsBefore) return;
    partRing.push(ringStart.length - 1);
    partItem.push(items[j]!);
    boxes.push(minX, minY, maxX, maxY);
  });
  let tree: Flatbush | null = null;
  if (partItem.length > 0) {
    tree = new Flatbush(partItem.length);
    for (let p = 0; p < partItem.length; p++) tree.add(boxes[4 * p]!, boxes[4 * p + 1]!, boxes[4 * p + 2]!, boxes[4 * p + 3]!);
    tree.finish();
  }
  return {
    coords: Float64Array.from(coords),
    ringStart: Uint32Array.from(ringStart),
    partRing: Uint32Array.from(partRing),
    partItem: Uint32Array.from(partItem),
    tree,
  };
}

/** Whether (lon, lat) is inside part `p` by the even–odd rule over all its rings. */
function partContains(index: PolygonIndex, p: number, lon: number, lat: number): boolean {
  const { coords, ringStart } = index;
  let inside = false;
  for (let r = index.partRing[p]!; r < index.partRing[p + 1]!; r++) {
    const s = ringStart[r]!;
    const e = ringStart[r + 1]!;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const xi = coords[2 * i]!;
      const yi = coords[2 * i + 1]!;
      const xj = coords[2 * j]!;
      const yj = coords[2 * j + 1]!;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Screen distance (pixels) from the cursor to the nearest edge of part `p` (rings closed). */
function partEdgeDistancePx(index: PolygonIndex, p: number, frame: ScreenFrame): number {
  const { coords, ringStart } = index;
  let best = Infinity;
  for (let r = index.partRing[p]!; r < index.partRing[p + 1]!; r++) {
    const s = ringStart[r]!;
    const e = ringStart[r + 1]!;
    for (let i = s, j = e - 1; i < e; j = i++) {
      const ax = frameX(frame, coords[2 * j]!, coords[2 * j + 1]!) - frame.x;
      const ay = frameY(frame, coords[2 * j]!, coords[2 * j + 1]!) - frame.y;
      const bx = frameX(frame, coords[2 * i]!, coords[2 * i + 1]!) - frame.x;
      const by = frameY(frame, coords[2 * i]!, coords[2 * i + 1]!) - frame.y;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * The polygon under the cursor (gap 0), or with `reachPx` > 0 the one whose edge is nearest within
 * that many pixels. Ties go to the item drawn last (the highest number, on top).
 */
export function polygonAt(index: PolygonIndex, frame: ScreenFrame, reachPx: number): PolygonHit | null {
  if (!index.tree) return null;
  const box = frameBox(frame, reachPx);
  if (!box) return null;
  let best: PolygonHit | null = null;
  for (const p of index.tree.search(box[0], box[1], box[2], box[3])) {
    const item = index.partItem[p]!;
    if (best && best.gapPx === 0 && item < best.item) continue; // cannot beat a hit inside, drawn above
    let gap: number;
    if (partContains(index, p, frame.lon, frame.lat)) gap = 0;
    else if (reachPx > 0) {
      gap = partEdgeDistancePx(index, p, frame);
      if (gap > reachPx) continue;
    } else continue;
    if (!best || gap < best.gapPx || (gap === best.gapPx && item > best.item)) best = { item, gapPx: gap };
  }
  return best;
}
