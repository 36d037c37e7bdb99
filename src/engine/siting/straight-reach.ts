import Flatbush from 'flatbush';
import { bboxOf } from '../geo/bbox';
import { type FlatbushLayout, flatbushLayout } from '../geo/flatbush-layout';
import { EARTH_RADIUS_METERS, haversineMeters } from '../geo/haversine';
import { haversineLowerBoundFactor, projectionForBBox, projectX, projectY } from '../geo/local-projection';
import type { CategoryDef, Settings } from '../model';
import { checkQueryPoints, type QueryPoints, walkSpeedsMetersPerSecond } from '../travel/travel-model';
import type { ReachVisitor, SiteReach } from './site-reach';
import { thresholdSeconds } from './uncovered-demand';

const RAD = Math.PI / 180;

/**
 * Site reach under the straight-line model: `seconds = haversine × detourFactor / speed`, exactly
 * as `createStraightLineModel` (float32 seconds compared with the threshold). Targets come from a
 * Flatbush radius query in a local projection, widened by `haversineLowerBoundFactor` so none is
 * missed.
 *
 * @param targets points to test; not mutated
 * @param category thresholds (minutes)
 * @param settings `walkSpeedKmh`, `detourFactor`
 */
export function createStraightReach(targets: QueryPoints, category: CategoryDef, settings: Settings): SiteReach {
  checkQueryPoints(targets);
  const speeds = walkSpeedsMetersPerSecond(settings);
  const limits = thresholdSeconds(category);
  const detour = settings.detourFactor;
  if (!(detour >= 0 && Number.isFinite(detour))) throw new RangeError(`createStraightReach: bad detourFactor ${detour}`);
  const { lon, lat, kind } = targets;
  const n = lon.length;
  // farthest haversine distance any kind can be covered at (a hair more, for float32 rounding)
  const radiusOf = (k: number): number => (detour > 0 ? ((limits[k]! * speeds[k]!) / detour) * (1 + 1e-6) + 1e-6 : Infinity);
  const radiusUrban = radiusOf(0);
  const radiusRural = radiusOf(1);
  const radiusMeters = Math.max(radiusUrban, radiusRural);
  const [minLon, minLat, maxLon, maxLat] = bboxOf(lon, lat) ?? [0, 0, 0, 0];
  const maxAbsLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const projection = projectionForBBox(minLon, minLat, maxLon, maxLat);
  let layout: FlatbushLayout | null = null;
  // per leaf of the index (Flatbush's sorted order, so a search reads memory mostly in sequence):
  // lon, lat, cos(lat), kind, and the target it is
  let leafData = new Float64Array(0);
  let leafTarget = new Uint32Array(0);
  if (n > 0) {
    const index = new Flatbush(n, 16);
    for (let i = 0; i < n; i++) {
      const x = projectX(projection, lon[i]!);
      const y = projectY(projection, lat[i]!);
      index.add(x, y, x, y);
    }
    index.finish();
    leafData = new Float64Array(n * 4);
    layout = flatbushLayout(index);
    leafTarget = Uint32Array.from(layout.indices.subarray(0, n));
    for (let leaf = 0; leaf < n; leaf++) {
      const i = leafTarget[leaf]!;
      leafData[4 * leaf] = lon[i]!;
      leafData[4 * leaf + 1] = lat[i]!;
      leafData[4 * leaf + 2] = Math.cos(lat[i]! * RAD);
      leafData[4 * leaf + 3] = kind[i]!;
    }
  }

  return {
    model: 'straight',
    targetCount: n,
    reach(siteLon: number, siteLat: number, visit: ReachVisitor): boolean {
      if (!Number.isFinite(siteLon) || !Number.isFinite(siteLat)) throw new RangeError(`reach: bad site [${siteLon}, ${siteLat}]`);
      if (!layout) return true;
      const px = projectX(projection, siteLon);
      const py = projectY(projection, siteLat);
      const bound = haversineLowerBoundFactor(projection, Math.max(maxAbsLat, Math.abs(siteLat)));
      const r = radiusMeters / bound;
      const cosSite = Math.cos(siteLat * RAD);
      const limit0 = limits[0]!,
        limit1 = limits[1]!,
        speed0 = speeds[0]!,
        speed1 = speeds[1]!;
      const { boxes } = layout;
      // a target farther than r in the projection is farther than radiusMeters by haversine (the
      // bound above), so it cannot be covered: skip it without trigonometry (a hair of slack for
      // the squared sum's rounding)
      const r2 = Number.isFinite(r) ? r * r * (1 + 1e-9) : Infinity;
      // the same bound per kind (a kind with a shorter reach skips the trigonometry sooner)
      const rUrban = radiusUrban / bound;
      const rRural = radiusRural / bound;
      const r2Urban = rUrban * rUrban * (1 + 1e-9);
      const r2Rural = rRural * rRural * (1 + 1e-9);
      // leaf at box position `pos`: haversineMeters(lon, lat, siteLon, siteLat) term by term with
      // the target's cosine precomputed (bit-identical metres), then the model's float32 seconds
      const test = (pos: number): void => {
        const dx = boxes[pos]! - px,
          dy = boxes[pos + 1]! - py;
        const d2 = dx * dx + dy * dy;
        const urban = leafData[pos + 3] === 0;
        if (!(d2 <= (urban ? r2Urban : r2Rural))) return;
        const o = pos; // 4 values per leaf, like the boxes
        const sinDLat = Math.sin(((siteLat - leafData[o + 1]!) * RAD) / 2);
        const sinDLon = Math.sin(((siteLon - leafData[o]!) * RAD) / 2);
        const a = sinDLat * sinDLat + leafData[o + 2]! * cosSite * sinDLon * sinDLon;
        const meters = 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
        const seconds = Math.fround((meters * detour) / (urban ? speed0 : speed1));
        if (seconds <= (urban ? limit0 : limit1)) visit(leafTarget[pos >> 2]!, seconds);
      };
      if (r2 === Infinity) {
        // detour factor 0: every target, in target order
        for (let i = 0; i < n; i++) {
          const seconds = Math.fround((haversineMeters(lon[i]!, lat[i]!, siteLon, siteLat) * detour) / speeds[kind[i]!]!);
          if (seconds <= limits[kind[i]!]!) visit(i, seconds);
        }
        return true;
      }
      searchLayout(layout, px - r, py - r, px + r, py + r, test);
      return true;
    },
  };
}

/**
 * Calls `leaf(pos)` for every item of `index` intersecting the box, in exactly the order
 * `Flatbush#search` (flatbush 4.7) returns them, including its sweep of subtrees fully inside the
 * box (tests check the order against `search`). `pos` is the item's offset in the layout's `boxes`
 * (4 per item; its id is `flatbushLayout(index).indices[pos >> 2]`), so callers can keep per-item data in leaf
 * order and read memory mostly in sequence.
 *
 * @param index a finished Flatbush index
 * @param minX box, in the index's units
 * @param leaf called once per item in the box
 */
export function searchLeaves(index: Flatbush, minX: number, minY: number, maxX: number, maxY: number, leaf: (pos: number) => void): void {
  searchLayout(flatbushLayout(index), minX, minY, maxX, maxY, leaf);
}

/** {@link searchLeaves} on the layout of the index (read once per index, not per search). */
function searchLayout(layout: FlatbushLayout, minX: number, minY: number, maxX: number, maxY: number, leaf: (pos: number) => void): void {
  const { boxes, levelBounds, indices, nodeSize, numItems } = layout;
  const numItems4 = numItems * 4;
  let nodeIndex: number | undefined = boxes.length - 4;
  let level = levelBounds.length - 1;
  const queue: number[] = [];
  let contained = false;
  while (nodeIndex !== undefined) {
    const end = Math.min(nodeIndex + nodeSize * 4, levelBounds[level]!);
    if (contained) {
      let pos = nodeIndex;
      for (let l = level; l > 0; l--) pos = indices[pos >> 2]!;
      const leafEnd = Math.min(pos + (end - nodeIndex) * nodeSize ** level, numItems4);
      for (; pos < leafEnd; pos += 4) leaf(pos);
    } else if (nodeIndex >= numItems4) {
      for (let pos = nodeIndex; pos < end; pos += 4) {
        const x0 = boxes[pos]!,
          y0 = boxes[pos + 1]!,
          x1 = boxes[pos + 2]!,
          y1 = boxes[pos + 3]!;
        if (maxX < x0 || maxY < y0 || minX > x1 || minY > y1) continue;
        const inside = +(minX <= x0 && minY <= y0 && maxX >= x1 && maxY >= y1);
        queue.push(indices[pos >> 2]! | inside, level - 1);
      }
    } else {
      for (let pos = nodeIndex; pos < end; pos += 4) {
        const x0 = boxes[pos]!,
          y0 = boxes[pos + 1]!;
        if (maxX < x0 || maxY < y0 || minX > boxes[pos + 2]! || minY > boxes[pos + 3]!) continue;
        leaf(pos);
      }
    }
    level = queue.pop()!;
    nodeIndex = queue.pop();
    if (nodeIndex !== undefined) {
      contained = (nodeIndex & 1) === 1;
      nodeIndex &= ~1;
    }
  }
}
