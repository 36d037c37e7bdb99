import { type CategoryDef, KIND_RURAL, KIND_URBAN, type Settings } from '../model';
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
  // the targets' snaps in segment order (a search reads them in sequence, not by target index)
  const slots = segTargets.length;
  const slotToA = new Float64Array(slots);
  const slotToB = new Float64Array(slots);
  const slotAccess = new Float64Array(slots);
  const slotT = new Float64Array(slots);
  const slotKind = new Uint8Array(slots);
  for (let k = 0; k < slots; k++) {
    const i = segTargets[k]!;
    slotToA[k] = snap.costToA[i]!;
    slotToB[k] = snap.costToB[i]!;
    slotAccess[k] = snap.accessMeters[i]!;
    slotT[k] = snap.t[i]!;
    slotKind[k] = targets.kind[i]!;
  }
  // per kind: seconds = fround(effort / speed) ≤ limit implies effort ≤ this (a hair above
  // limit × speed, for the float32 rounding), so a larger effort is skipped without dividing
  const effortLimit = [KIND_URBAN, KIND_RURAL].map((k) => limits[k]! * speeds[k]! * (1 + 1e-6) + 1e-6) as [number, number];
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
      const speed0 = speeds[KIND_URBAN]!;
      const speed1 = speeds[KIND_RURAL]!;
      const limit0 = limits[KIND_URBAN]!;
      const limit1 = limits[KIND_RURAL]!;
      const effort0 = effortLimit[0];
      const effort1 = effortLimit[1];
      // every segment with a reached end, once: the site's own first (same-segment paths), then
      // the segments around each node the search reached
      for (let q = -1, touchedCount = touched.length; q < touchedCount; q++) {
        let k0: number;
        let k1: number;
        if (q < 0) {
          k0 = 0;
          k1 = 1;
        } else {
          const u = touched[q]!;
          k0 = nodeSegStart[u]!;
          k1 = nodeSegStart[u + 1]!;
        }
        for (let j = k0; j < k1; j++) {
          const s = q < 0 ? siteSeg : nodeSegs[j]!;
          if (segSeen[s] === stamp) continue;
          segSeen[s] = stamp;
          const costA = cost[segA[s]!]!;
          const costB = cost[segB[s]!]!;
          const onSite = s === siteSeg;
          for (let k = segStart[s]!, end = segStart[s + 1]!; k < end; k++) {
            let best = viaNearerEnd(costA, slotToA[k]!, costB, slotToB[k]!);
            if (onSite) {
              const direct = alongSameSegment(slotT[k]!, siteT, segAB[s]!, segBA[s]!, access);
              if (direct < best) best = direct;
            }
            const effort = best + slotAccess[k]!;
            if (slotKind[k] === KIND_URBAN) {
              if (effort > effort0) continue;
              const seconds = Math.fround(effort / speed0);
              if (seconds <= limit0) visit(segTargets[k]!, seconds);
            } else {
              if (effort > effort1) continue;
              const seconds = Math.fround(effort / speed1);
              if (seconds <= limit1) visit(segTargets[k]!, seconds);
            }
          }
        }
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
