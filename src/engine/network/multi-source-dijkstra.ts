import type { RoadGraph } from './graph-builder';
import { MinHeap } from './heap';

/** Sources of a multi-source search: parallel arrays, one entry per seed. */
export interface DijkstraSeeds {
  /** Node id of each seed. */
  node: Uint32Array;
  /** Cost already spent when the search starts at the seed (≥ 0), e.g. an access leg. */
  cost: Float64Array;
  /** Label carried to every node the seed reaches first, e.g. a facility index (≥ 0). */
  label: Int32Array;
}

/** Per node: the cost from the nearest seed and that seed's label. */
export interface NodeField {
  /** Cost from the nearest seed (seed cost + path cost); `Infinity` when unreached. */
  cost: Float64Array;
  /** Label of the nearest seed, or -1 when unreached. */
  label: Int32Array;
}

/** Most buckets per node the bucket phase may use before the rest of the search goes to a heap. */
const BUCKETS_PER_NODE = 2;

/**
 * Shortest paths from many sources at once: every node gets the cost to its nearest seed and that
 * seed's label, in one run for all seeds. Exact ties (several seeds, or paths of exactly the same
 * cost): the lower label wins, whatever the node numbering — guaranteed when every edge cost is
 * > 0; through zero-cost edges a tie may keep the label that settled first.
 *
 * Queue: buckets of width half the smallest edge cost (a node's cost is final once its bucket is
 * reached, so a bucket needs no ordering: O(1) per push and pop), for costs up to
 * `2 × nodeCount` bucket widths; costlier entries (and every entry when some edge costs 0) go to
 * a typed-array binary heap with lazy deletion, searched after the buckets. Costs are the same
 * float64 sums as in a textbook Dijkstra, bit for bit.
 *
 * @param graph CSR graph (`offsets`, `targets`, `edgeCost` ≥ 0)
 * @param seeds sources; not mutated
 * @param cutoffCost nodes costlier than this stay unreached (default `Infinity`)
 * @throws RangeError on a seed with a node out of range, a negative/NaN cost or mismatched lengths
 */
export function multiSourceDijkstra(
  graph: Pick<RoadGraph, 'nodeCount' | 'offsets' | 'targets' | 'edgeCost'>,
  seeds: DijkstraSeeds,
  cutoffCost = Infinity,
): NodeField {
  const { nodeCount, offsets, targets, edgeCost } = graph;
  const seedCount = seeds.node.length;
  if (seeds.cost.length !== seedCount || seeds.label.length !== seedCount) {
    throw new RangeError(`multiSourceDijkstra: seed arrays differ in length (${seedCount}, ${seeds.cost.length}, ${seeds.label.length})`);
  }
  if (!(cutoffCost >= 0)) throw new RangeError(`multiSourceDijkstra: bad cutoffCost ${cutoffCost}`);
  const cost = new Float64Array(nodeCount).fill(Infinity);
  const label = new Int32Array(nodeCount).fill(-1);
  // the queue and settled flags of the previous run are reused (at 500k nodes a run would
  // otherwise allocate ~25 MB of scratch, and large allocations set off full GCs)
  const reused = spare;
  spare = null;
  const settled = reused && reused.settled.length >= nodeCount ? reused.settled.fill(0, 0, nodeCount) : new Uint8Array(nodeCount);

  let minEdge = Infinity;
  for (let e = 0; e < edgeCost.length; e++) {
    const c = edgeCost[e] as number;
    if (c < minEdge) minEdge = c;
  }
  // bucket of a cost = floor(cost × perWidth); with no edges every seed shares bucket 0, with a
  // zero-cost edge every entry goes to the heap (bucket 0 ≥ bucketLimit 0)
  const perWidth = minEdge > 0 && minEdge < Infinity ? 2 / minEdge : 0;
  const bucketLimit = minEdge > 0 ? Math.max(1024, BUCKETS_PER_NODE * nodeCount) : 0;
  const queue = reused ? reused.queue.reset(bucketLimit) : new BucketQueue(Math.max(1024, seedCount), bucketLimit, Math.max(64, seedCount));

  for (let i = 0; i < seedCount; i++) {
    const node = seeds.node[i] as number;
    const c = seeds.cost[i] as number;
    const l = seeds.label[i] as number;
    if (node >= nodeCount) throw new RangeError(`multiSourceDijkstra: seed ${i} node ${node} ≥ nodeCount ${nodeCount}`);
    if (!(c >= 0)) throw new RangeError(`multiSourceDijkstra: seed ${i} has bad cost ${c}`);
    if (c > cutoffCost) continue;
    const old = cost[node] as number;
    if (c < old) {
      cost[node] = c;
      label[node] = l;
      queue.push(node, c, Math.floor(c * perWidth));
    } else if (c === old && l < (label[node] as number)) {
      label[node] = l;
    }
  }

  // bucket phase: any order within a bucket (an edge costs ≥ 2 widths, so no node of the
  // current bucket can improve another); a bucket's list may grow only with later buckets
  for (let b = 0; b < queue.bucketEnd; b++) {
    let k = queue.head[b] as number;
    while (k >= 0) {
      const u = queue.entryNode[k] as number;
      k = queue.entryNext[k] as number;
      if (settled[u] === 1) continue;
      settled[u] = 1;
      const cu = cost[u] as number;
      const lu = label[u] as number;
      const end = offsets[u + 1] as number;
      for (let e = offsets[u] as number; e < end; e++) {
        const v = targets[e] as number;
        const cv = cu + (edgeCost[e] as number);
        const old = cost[v] as number;
        if (cv < old) {
          if (cv > cutoffCost) continue;
          cost[v] = cv;
          label[v] = lu;
          queue.push(v, cv, Math.floor(cv * perWidth));
        } else if (cv === old && lu < (label[v] as number) && settled[v] === 0) {
          label[v] = lu;
        }
      }
    }
  }

  // heap phase: costs beyond the buckets, in cost order (stale entries skipped)
  const heap = queue.overflow;
  while (heap.size > 0) {
    const u = heap.pop() as number;
    if (settled[u] === 1) continue;
    settled[u] = 1;
    const cu = cost[u] as number;
    const lu = label[u] as number;
    const end = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < end; e++) {
      const v = targets[e] as number;
      const cv = cu + (edgeCost[e] as number);
      const old = cost[v] as number;
      if (cv < old) {
        if (cv > cutoffCost) continue;
        cost[v] = cv;
        label[v] = lu;
        heap.push(v, cv);
      } else if (cv === old && lu < (label[v] as number) && settled[v] === 0) {
        label[v] = lu;
      }
    }
  }
  spare = { queue, settled };
  return { cost, label };
}

/** Scratch of the last finished run, for the next one. */
let spare: { queue: BucketQueue; settled: Uint8Array } | null = null;

/**
 * Singly linked lists of node ids per bucket (entries in typed arrays, grown by doubling) plus
 * a heap for entries whose bucket is `≥ bucketLimit`. Entries are never removed: a node whose
 * cost drops is pushed again and the caller skips it once settled.
 */
class BucketQueue {
  /** First entry of each bucket, -1 when empty; length ≥ `bucketEnd`. */
  head: Int32Array;
  /** One past the highest bucket used. */
  bucketEnd = 0;
  entryNode: Uint32Array;
  entryNext: Int32Array;
  /** Entries of buckets ≥ `bucketLimit`, keyed by cost. */
  readonly overflow: MinHeap;
  private used = 0;

  constructor(
    entryCapacity: number,
    private bucketLimit: number,
    heapCapacity: number,
  ) {
    this.head = new Int32Array(Math.min(1024, bucketLimit)).fill(-1);
    this.entryNode = new Uint32Array(entryCapacity);
    this.entryNext = new Int32Array(entryCapacity);
    this.overflow = new MinHeap(heapCapacity);
  }

  /** Empties the queue (keeping its memory) for a run with another bucket limit. */
  reset(bucketLimit: number): this {
    this.head.fill(-1, 0, this.bucketEnd);
    this.bucketEnd = 0;
    this.used = 0;
    this.overflow.clear();
    this.bucketLimit = bucketLimit;
    return this;
  }

  push(node: number, cost: number, bucket: number): void {
    if (bucket >= this.bucketLimit) {
      this.overflow.push(node, cost);
      return;
    }
    if (bucket >= this.head.length) this.growHead(bucket);
    if (this.used === this.entryNode.length) this.growEntries();
    const k = this.used++;
    this.entryNode[k] = node;
    this.entryNext[k] = this.head[bucket] as number;
    this.head[bucket] = k;
    if (bucket >= this.bucketEnd) this.bucketEnd = bucket + 1;
  }

  private growHead(bucket: number): void {
    let length = this.head.length;
    while (length <= bucket) length *= 2;
    const head = new Int32Array(Math.min(length, this.bucketLimit)).fill(-1);
    head.set(this.head);
    this.head = head;
  }

  private growEntries(): void {
    const node = new Uint32Array(this.entryNode.length * 2);
    const next = new Int32Array(this.entryNode.length * 2);
    node.set(this.entryNode);
    next.set(this.entryNext);
    this.entryNode = node;
    this.entryNext = next;
  }
}
