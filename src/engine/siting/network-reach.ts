import type { CategoryDef, Settings } from '../model';
import type { RoadGraph } from '../network/graph-builder';
import { MinHeap } from '../network/heap';
import { costsAB, costsBA } from '../network/directed-costs';
import { alongSameSegment, endSeedEffort, sourceCostFromA, sourceCostFromB, viaNearerEnd } from '../network/segment-effort';
import { type SnapResult, snapPoints } from '../network/snap';
import { checkQueryPoints, type QueryPoints, walkSpeedsMetersPerSecond } from '../travel/travel-model';
import type { ReachVisitor, SiteReach } from './site-reach';
import { thresholdSeconds } from './uncovered-demand';

/**
 * Site reach on the road network, computed as `createNetworkModel` would with the site added as a
 * facility: the site snaps to the nearest usable segment (off-network beyond `maxSnapMeters`:
 * reaches no one); a Dijkstra seeded at both ends of that segment (seed cost = access leg + effort
 * along the segment to the end) runs until the cost exceeds the largest threshold effort of the
 * category; a target's effort = its access leg + min(cost[A] + costToA, cost[B] + costToB, direct
 * path along a shared segment); seconds = effort / walking speed of its kind, rounded to float32.
 * Search arrays are reused between queries and reset sparsely, so one query costs only the area
 * it reaches.
 *
 * @param graph the model's road graph; treated as immutable
 * @param targets points to test (snapped once here); not mutated
 * @param category thresholds (minutes)
 * @param settings `walkSpeedKmh`, `maxSnapMeters`
 * @param options `snap`: the targets already snapped (`snapPoints(graph, lon, lat, maxSnapMeters)`,
 *   e.g. the model's cached `pointSnap`). The search walks the graph's edges, which hold each
 *   segment's cost in the resident's direction (network/directed-costs.ts): trips from the targets to the site.
 */
export function createNetworkReach(
  graph: RoadGraph,
  targets: QueryPoints,
  category: CategoryDef,
  settings: Settings,
  options: { snap?: SnapResult } = {},
): SiteReach {
  checkQueryPoints(targets);
  const speeds = walkSpeedsMetersPerSecond(settings);
  const limits = thresholdSeconds(category);
  const maxSnap = settings.maxSnapMeters;
  const { nodeCount, segmentCount, segA, segB, offsets, targets: edgeTarget, edgeCost } = graph;
  const segAB = costsAB(graph);
  const segBA = costsBA(graph);
  // a hair above the largest effort any kind can be covered at (float32 rounding of seconds)
  const cutoff = Math.max(limits[0]! * speeds[0]!, limits[1]! * speeds[1]!) * (1 + 1e-6) + 1e-6;

  const snap = options.snap ?? snapPoints(graph, targets.lon, targets.lat, maxSnap);
  const segStart = new Uint32Array(segmentCount + 1);
  const n = targets.lon.length;
  for (let i = 0; i < n; i++) {
    const s = snap.segment[i]!;
    if (s >= 0) segStart[s + 1]!++;
  }
  for (let s = 0; s < segmentCount; s++) segStart[s + 1]! += segStart[s]!;
  const segTargets = new Uint32Array(segStart[segmentCount]!);
  const fill = segStart.slice(0, segmentCount);
  for (let i = 0; i < n; i++) {
    const s = snap.segment[i]!;
    if (s >= 0) segTargets[fill[s]!++] = i;
  }
  // node → incident segments (CSR)
  const nodeSegStart = new Uint32Array(nodeCount + 1);
  for (let s = 0; s < segmentCount; s++) {
    nodeSegStart[segA[s]! + 1]!++;
    nodeSegStart[segB[s]! + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) nodeSegStart[v + 1]! += nodeSegStart[v]!;
  const nodeSegs = new Uint32Array(2 * segmentCount);
  const nodeFill = nodeSegStart.slice(0, nodeCount);
  for (let s = 0; s < segmentCount; s++) {
    nodeSegs[nodeFill[segA[s]!]!++] = s;
    nodeSegs[nodeFill[segB[s]!]!++] = s;
  }

  const cost = new Float64Array(nodeCount).fill(Infinity);
  const settled = new Uint8Array(nodeCount);
  const touched: number[] = [];
  const segSeen = new Uint32Array(segmentCount);
  let stamp = 0;
  const heap = new MinHeap(256);
  const siteLon = new Float64Array(1);
  const siteLat = new Float64Array(1);
  const { kind } = targets;

  const relax = (node: number, c: number): void => {
    if (c > cutoff || !(c < cost[node]!)) return;
    if (cost[node] === Infinity) touched.push(node);
    cost[node] = c;
    heap.push(node, c);
  };

  return {
    model: 'network',
    targetCount: n,
    reach(lon: number, lat: number, visit: ReachVisitor): boolean {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`reach: bad site [${lon}, ${lat}]`);
      siteLon[0] = lon;
      siteLat[0] = lat;
      const site = snapPoints(graph, siteLon, siteLat, maxSnap);
      const siteSeg = site.segment[0]!;
      if (siteSeg < 0) return false;
      const access = site.accessMeters[0]!;
      const siteT = site.t[0]!;
      relax(segA[siteSeg]!, endSeedEffort(access, sourceCostFromA(graph, siteSeg, siteT)));
      relax(segB[siteSeg]!, endSeedEffort(access, sourceCostFromB(graph, siteSeg, siteT)));
      while (heap.size > 0) {
        const u = heap.pop()!;
        if (settled[u]) continue;
        settled[u] = 1;
        const cu = cost[u]!;
        for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
          const v = edgeTarget[e]!;
          if (!settled[v]) relax(v, cu + edgeCost[e]!);
        }
      }
      stamp = stamp === 0xffffffff ? 1 : stamp + 1;
      if (stamp === 1) segSeen.fill(0);
      const scan = (s: number): void => {
        if (segSeen[s] === stamp) return;
        segSeen[s] = stamp;
        const costA = cost[segA[s]!]!;
        const costB = cost[segB[s]!]!;
        for (let k = segStart[s]!, end = segStart[s + 1]!; k < end; k++) {
          const i = segTargets[k]!;
          let best = viaNearerEnd(costA, snap.costToA[i]!, costB, snap.costToB[i]!);
          if (s === siteSeg) {
            const direct = alongSameSegment(snap.t[i]!, siteT, segAB[s]!, segBA[s]!, access);
            if (direct < best) best = direct;
          }
          const kd = kind[i]!;
          const seconds = Math.fround((best + snap.accessMeters[i]!) / speeds[kd]!);
          if (seconds <= limits[kd]!) visit(i, seconds);
        }
      };
      scan(siteSeg);
      for (const u of touched) {
        for (let k = nodeSegStart[u]!, end = nodeSegStart[u + 1]!; k < end; k++) scan(nodeSegs[k]!);
      }
      for (const u of touched) {
        cost[u] = Infinity;
        settled[u] = 0;
      }
      touched.length = 0;
      return true;
    },
  };
}
