/**
 * Seams between neighbouring district grids: every edge node of one grid (a node missing a
 * neighbour) links to the nearest node of another district's grid within reach, unless the link
 * would cross a river. Crossings among the links are resolved later by planarize.ts.
 */
import { crossesRiver } from './geography';
import { NodeIndex } from './node-index';
import { RoadNet } from './road-net';
import type { DistrictGrid } from './urban-grid';

/**
 * Add seam links between grids; returns how many were added.
 * @param reachMeters longest seam link (default 230)
 */
export function stitchGrids(net: RoadNet, grids: readonly DistrictGrid[], reachMeters = 230): number {
  const owner = new Map<number, number>();
  const all: number[] = [];
  for (const g of grids)
    for (const id of g.nodeIds) {
      owner.set(id, g.district);
      all.push(id);
    }
  const index = new NodeIndex(net, all);
  const done = new Set<string>();
  let added = 0;
  for (const g of grids) {
    const w = 2 * g.half + 1;
    const at = (i: number, j: number): number =>
      Math.abs(i) > g.half || Math.abs(j) > g.half ? -1 : g.node[(i + g.half) * w + (j + g.half)]!;
    for (let i = -g.half; i <= g.half; i++) {
      for (let j = -g.half; j <= g.half; j++) {
        const a = at(i, j);
        if (a < 0 || (at(i + 1, j) >= 0 && at(i - 1, j) >= 0 && at(i, j + 1) >= 0 && at(i, j - 1) >= 0)) continue;
        const b = index.nearest(net.xs[a]!, net.ys[a]!, reachMeters, (id) => owner.get(id) !== g.district);
        if (b < 0) continue;
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (done.has(key) || crossesRiver(net.xs[a]!, net.ys[a]!, net.xs[b]!, net.ys[b]!)) continue;
        done.add(key);
        net.addWay([a, b], 'residential', null);
        added++;
      }
    }
  }
  return added;
}
