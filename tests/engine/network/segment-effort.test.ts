import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multiSourceDijkstra } from '../../../src/engine/network/multi-source-dijkstra';
import { alongSameSegment, endSeedEffort, prefersEndB, viaNearerEnd } from '../../../src/engine/network/segment-effort';

/** A point or source on segment `seg` at `t` (multiples of 1/8) with an access leg. */
interface OnSegment {
  seg: number;
  t: number;
  access: number;
}

/**
 * A small random graph in exact arithmetic: integer node ids, segment costs multiples of 8 (so
 * `t × cost` is an integer) and integer access legs, so every sum below is exact.
 */
const problem = fc
  .integer({ min: 2, max: 7 })
  .chain((nodeCount) =>
    fc.record({
      nodeCount: fc.constant(nodeCount),
      segments: fc
        .array(
          fc.record({
            a: fc.nat(nodeCount - 1),
            b: fc.nat(nodeCount - 1),
            cost: fc.integer({ min: 1, max: 40 }).map((c) => 8 * c),
          }),
          { minLength: 1, maxLength: 10 },
        )
        .map((s) => s.filter((x) => x.a !== x.b))
        .filter((s) => s.length > 0),
    }),
  )
  .chain((g) => {
    const on = fc.record({
      seg: fc.nat(g.segments.length - 1),
      t: fc.integer({ min: 0, max: 8 }).map((k) => k / 8),
      access: fc.integer({ min: 0, max: 50 }),
    });
    return fc.record({
      graph: fc.constant(g),
      sources: fc.array(on, { minLength: 1, maxLength: 4 }),
      points: fc.array(on, { minLength: 1, maxLength: 8 }),
    });
  });

/** CSR of the segments, both directions. */
function csr(nodeCount: number, segments: { a: number; b: number; cost: number }[]) {
  const offsets = new Uint32Array(nodeCount + 1);
  for (const s of segments) {
    offsets[s.a + 1]!++;
    offsets[s.b + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, nodeCount);
  const targets = new Uint32Array(2 * segments.length);
  const edgeCost = new Float32Array(2 * segments.length);
  for (const s of segments) {
    targets[fill[s.a]!] = s.b;
    edgeCost[fill[s.a]!++] = s.cost;
    targets[fill[s.b]!] = s.a;
    edgeCost[fill[s.b]!++] = s.cost;
  }
  return { nodeCount, offsets, targets, edgeCost };
}

/**
 * Oracle: split every segment at the points and sources on it, hang every source on a super source
 * by its access leg and run a textbook O(V²) Dijkstra; a point's effort = its distance + its access.
 */
function bruteForce(
  nodeCount: number,
  segments: { a: number; b: number; cost: number }[],
  sources: OnSegment[],
  points: OnSegment[],
): number[] {
  const V = nodeCount + sources.length + points.length + 1;
  const superSource = V - 1;
  const edges: [number, number, number][] = [];
  const onSeg = (k: number): { node: number; t: number }[] =>
    [...sources.map((s, i) => ({ s, node: nodeCount + i })), ...points.map((s, i) => ({ s, node: nodeCount + sources.length + i }))]
      .filter((x) => x.s.seg === k)
      .map((x) => ({ node: x.node, t: x.s.t }));
  segments.forEach((seg, k) => {
    const chain = [{ node: seg.a, t: 0 }, ...onSeg(k).sort((p, q) => p.t - q.t), { node: seg.b, t: 1 }];
    for (let i = 0; i + 1 < chain.length; i++) edges.push([chain[i]!.node, chain[i + 1]!.node, (chain[i + 1]!.t - chain[i]!.t) * seg.cost]);
  });
  sources.forEach((s, i) => edges.push([superSource, nodeCount + i, s.access]));
  const dist = new Array<number>(V).fill(Infinity);
  const done = new Array<boolean>(V).fill(false);
  dist[superSource] = 0;
  for (;;) {
    let u = -1;
    for (let v = 0; v < V; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) break;
    done[u] = true;
    for (const [x, y, c] of edges) {
      if (x === u && dist[u]! + c < dist[y]!) dist[y] = dist[u]! + c;
      if (y === u && dist[u]! + c < dist[x]!) dist[x] = dist[u]! + c;
    }
  }
  return points.map((p, i) => dist[nodeCount + sources.length + i]! + p.access);
}

describe('segment effort (end A / end B / same segment)', () => {
  it('seeded at both ends, gives every point the effort of a brute-force search on the split graph', () => {
    fc.assert(
      fc.property(problem, ({ graph: { nodeCount, segments }, sources, points }) => {
        const seeds = {
          node: new Uint32Array(2 * sources.length),
          cost: new Float64Array(2 * sources.length),
          label: new Int32Array(2 * sources.length),
        };
        sources.forEach((f, i) => {
          const seg = segments[f.seg]!;
          seeds.node[2 * i] = seg.a;
          seeds.cost[2 * i] = endSeedEffort(f.access, f.t * seg.cost);
          seeds.node[2 * i + 1] = seg.b;
          seeds.cost[2 * i + 1] = endSeedEffort(f.access, (1 - f.t) * seg.cost);
          seeds.label[2 * i] = seeds.label[2 * i + 1] = i;
        });
        const { cost } = multiSourceDijkstra(csr(nodeCount, segments), seeds);
        const got = points.map((p) => {
          const seg = segments[p.seg]!;
          let best = viaNearerEnd(cost[seg.a]!, p.t * seg.cost, cost[seg.b]!, (1 - p.t) * seg.cost);
          for (const f of sources) if (f.seg === p.seg) best = Math.min(best, alongSameSegment(p.t, f.t, seg.cost, seg.cost, f.access));
          return best + p.access;
        });
        expect(got).toEqual(bruteForce(nodeCount, segments, sources, points));
      }),
      { numRuns: 300 },
    );
  });

  it('picks the end with the smaller total, end A on ties, and Infinity when neither end is reached', () => {
    expect(viaNearerEnd(10, 5, 3, 4)).toBe(7);
    expect(prefersEndB(10, 5, 3, 4)).toBe(true);
    expect(viaNearerEnd(3, 4, 5, 2)).toBe(7);
    expect(prefersEndB(3, 4, 5, 2)).toBe(false);
    expect(viaNearerEnd(Infinity, 1, Infinity, 2)).toBe(Infinity);
    expect(prefersEndB(Infinity, 1, Infinity, 2)).toBe(false);
    expect(alongSameSegment(0.25, 0.75, 80, 120, 3)).toBe(43);
    expect(alongSameSegment(0.75, 0.25, 120, 80, 3)).toBe(43);
  });
});
