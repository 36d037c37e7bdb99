/**
 * Make the street graph planar: wherever two planar ways (not motorways, not bridges) cross
 * without a shared vertex, insert one shared node into both. A crossing within `snapMeters` of a
 * segment's end reuses that end node instead of making a sliver, and an end that passes within
 * `snapMeters` of another segment without touching it is joined to it (it might cross once rounded).
 */
import { pointSegmentDistanceSquared, segmentIntersection } from './segment-geometry';
import { RoadNet } from './road-net';

interface Split {
  t: number;
  node: number;
}

/**
 * Split crossing segments in place; returns the number of vertices inserted into ways (0 once the
 * network is planar, so callers can repeat until it is).
 * @param cellMeters spatial-hash cell (default 250)
 * @param snapMeters reuse an end node closer than this to the crossing (default 1)
 */
export function planarize(net: RoadNet, cellMeters = 250, snapMeters = 1): number {
  const segWay: number[] = [];
  const segIdx: number[] = [];
  const cellX0: number[] = [];
  const cellY0: number[] = [];
  const cells = new Map<number, number[]>();
  const cellKey = (cx: number, cy: number): number => (cx + 32768) * 65536 + (cy + 32768);
  net.ways.forEach((w, wi) => {
    if (!RoadNet.isPlanar(w)) return;
    for (let i = 1; i < w.nodes.length; i++) {
      const s = segWay.length;
      segWay.push(wi);
      segIdx.push(i - 1);
      const a = w.nodes[i - 1]!,
        b = w.nodes[i]!;
      const cx0 = Math.floor((Math.min(net.xs[a]!, net.xs[b]!) - snapMeters) / cellMeters);
      const cx1 = Math.floor((Math.max(net.xs[a]!, net.xs[b]!) + snapMeters) / cellMeters);
      const cy0 = Math.floor((Math.min(net.ys[a]!, net.ys[b]!) - snapMeters) / cellMeters);
      const cy1 = Math.floor((Math.max(net.ys[a]!, net.ys[b]!) + snapMeters) / cellMeters);
      cellX0.push(cx0);
      cellY0.push(cy0);
      for (let cx = cx0; cx <= cx1; cx++)
        for (let cy = cy0; cy <= cy1; cy++) {
          const key = cellKey(cx, cy);
          const list = cells.get(key);
          if (list) list.push(s);
          else cells.set(key, [s]);
        }
    }
  });
  const ends = (s: number): [number, number] => {
    const nodes = net.ways[segWay[s]!]!.nodes;
    return [nodes[segIdx[s]!]!, nodes[segIdx[s]! + 1]!];
  };
  const splits = new Map<number, Split[]>();
  const addSplit = (s: number, t: number, node: number): void => {
    const list = splits.get(s);
    if (list) list.push({ t, node });
    else splits.set(s, [{ t, node }]);
  };
  for (const [key, list] of cells) {
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const s1 = list[p]!,
          s2 = list[q]!;
        // Test each pair once: in the first cell their padded boxes share.
        if (cellKey(Math.max(cellX0[s1]!, cellX0[s2]!), Math.max(cellY0[s1]!, cellY0[s2]!)) !== key) continue;
        const [a, b] = ends(s1);
        const [c, d] = ends(s2);
        if (a === c || a === d || b === c || b === d) continue;
        const hit = segmentIntersection(net.xs[a]!, net.ys[a]!, net.xs[b]!, net.ys[b]!, net.xs[c]!, net.ys[c]!, net.xs[d]!, net.ys[d]!);
        if (!hit) {
          // A near miss (an end within snapMeters of the other segment) would cross once rounded: join it.
          const onFirst = nearTouch(net, a, b, c, d, snapMeters);
          const onSecond = onFirst ? null : nearTouch(net, c, d, a, b, snapMeters);
          if (onFirst) addSplit(s1, onFirst.t, onFirst.node);
          if (onSecond) addSplit(s2, onSecond.t, onSecond.node);
          continue;
        }
        const [t, u] = hit;
        const len1 = Math.hypot(net.xs[b]! - net.xs[a]!, net.ys[b]! - net.ys[a]!);
        const len2 = Math.hypot(net.xs[d]! - net.xs[c]!, net.ys[d]! - net.ys[c]!);
        const near1 = t * len1 < snapMeters ? a : (1 - t) * len1 < snapMeters ? b : -1;
        const near2 = u * len2 < snapMeters ? c : (1 - u) * len2 < snapMeters ? d : -1;
        if (near1 >= 0 && near2 >= 0) continue; // ends almost touch: leave them
        const node =
          near1 >= 0
            ? near1
            : near2 >= 0
              ? near2
              : net.addNode(net.xs[a]! + t * (net.xs[b]! - net.xs[a]!), net.ys[a]! + t * (net.ys[b]! - net.ys[a]!));
        if (near1 < 0) addSplit(s1, t, node);
        if (near2 < 0) addSplit(s2, u, node);
      }
    }
  }
  // Rebuild the split ways, segment by segment.
  let inserted = 0;
  const byWay = new Map<number, number[]>();
  for (const s of splits.keys()) {
    const list = byWay.get(segWay[s]!);
    if (list) list.push(s);
    else byWay.set(segWay[s]!, [s]);
  }
  for (const [wi, segs] of byWay) {
    const way = net.ways[wi]!;
    const bySeg = new Map<number, Split[]>();
    for (const s of segs) bySeg.set(segIdx[s]!, splits.get(s)!);
    const own = new Set(way.nodes);
    const out: number[] = [way.nodes[0]!];
    for (let i = 1; i < way.nodes.length; i++) {
      const extra = bySeg.get(i - 1);
      if (extra) {
        for (const sp of extra.sort((x, y) => x.t - y.t || x.node - y.node)) {
          // A node the way already passed through (a snapped end) is not added again; a node new
          // to it may come twice where the way crosses itself.
          if (out[out.length - 1] === sp.node || own.has(sp.node)) continue;
          out.push(sp.node);
          inserted++;
        }
      }
      if (out[out.length - 1] !== way.nodes[i]) out.push(way.nodes[i]!);
    }
    way.nodes = out;
  }
  return inserted;
}

/** An end of segment c–d within `snapMeters` of the interior of a–b: where to split a–b, and with which node. */
function nearTouch(net: RoadNet, a: number, b: number, c: number, d: number, snapMeters: number): { t: number; node: number } | null {
  const ax = net.xs[a]!,
    ay = net.ys[a]!,
    bx = net.xs[b]!,
    by = net.ys[b]!;
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  for (const e of [c, d]) {
    const ex = net.xs[e]!,
      ey = net.ys[e]!;
    if (pointSegmentDistanceSquared(ex, ey, ax, ay, bx, by) >= snapMeters * snapMeters) continue;
    const t = ((ex - ax) * (bx - ax) + (ey - ay) * (by - ay)) / len2;
    const len = Math.sqrt(len2);
    if (t * len < snapMeters || (1 - t) * len < snapMeters) continue;
    return { t, node: e };
  }
  return null;
}
