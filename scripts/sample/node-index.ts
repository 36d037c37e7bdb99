/** A KDBush index over a chosen subset of the network's nodes, for nearest-node queries. */
import KDBush from 'kdbush';
import type { RoadNet } from './road-net';

/** Index over `nodeIds` (indices into `net`); build once, then query. */
export class NodeIndex {
  private readonly index: KDBush;

  constructor(
    private readonly net: RoadNet,
    readonly nodeIds: readonly number[],
  ) {
    this.index = new KDBush(Math.max(1, nodeIds.length));
    for (const id of nodeIds) this.index.add(net.xs[id]!, net.ys[id]!);
    if (nodeIds.length === 0) this.index.add(Infinity, Infinity);
    this.index.finish();
  }

  /**
   * The node nearest to (x, y) within `radiusMeters` (ties → lower node index), or -1.
   * @param accept optional filter on node indices
   */
  nearest(x: number, y: number, radiusMeters: number, accept?: (id: number) => boolean): number {
    let best = -1;
    let bestD = Infinity;
    for (const k of this.index.within(x, y, radiusMeters)) {
      const id = this.nodeIds[k];
      if (id === undefined || (accept && !accept(id))) continue;
      const d = Math.hypot(this.net.xs[id]! - x, this.net.ys[id]! - y);
      if (d < bestD || (d === bestD && id < best)) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }
}
