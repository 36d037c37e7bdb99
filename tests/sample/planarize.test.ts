import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { planarize } from '../../scripts/sample/planarize';
import { RoadNet } from '../../scripts/sample/road-net';
import { pointSegmentDistanceSquared } from '../../scripts/sample/segment-geometry';

type Pos = [number, number];
const orient = (a: Pos, b: Pos, c: Pos): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const properCross = (a: Pos, b: Pos, c: Pos, d: Pos): boolean =>
  orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;

/**
 * Random streets in a 1 km square (each a polyline running left to right, so it never crosses
 * itself; half run along x, half along y), plus one bridge and one motorway that must stay untouched.
 */
function randomNet(seed: number): { net: RoadNet; original: Pos[][] } {
  const rand = mulberry32(seed);
  const net = new RoadNet();
  for (let w = 0; w < 30; w++) {
    const n = 2 + Math.floor(rand() * 5);
    const along = Array.from({ length: n }, () => rand() * 1000).sort((a, b) => a - b);
    let across = rand() * 1000;
    const nodes = along.map((t) => {
      across += (rand() - 0.5) * 150;
      return w % 2 === 0 ? net.addNode(t, across) : net.addNode(across, t);
    });
    net.addWay(nodes, rand() < 0.5 ? 'residential' : 'track', null, w === 0);
  }
  net.addWay([net.addNode(-10, 500), net.addNode(1010, 510)], 'motorway', null);
  const original = net.ways.map((w) => w.nodes.map((id): Pos => [net.xs[id]!, net.ys[id]!]));
  return { net, original };
}

describe('planarize (sample generator)', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`leaves no street crossing without a shared node, and moves no street (seed ${seed})`, () => {
      const { net, original } = randomNet(seed);
      // Oracle: brute-force count of proper crossings among planar segments before.
      const segsOf = (ways: Pos[][]): Pos[][] =>
        ways.flatMap((c, wi) => (RoadNet.isPlanar(net.ways[wi]!) ? c.slice(1).map((p, k) => [c[k]!, p]) : []));
      const before = segsOf(original);
      let crossingsBefore = 0;
      for (let i = 0; i < before.length; i++)
        for (let j = i + 1; j < before.length; j++) {
          if (properCross(before[i]![0]!, before[i]![1]!, before[j]![0]!, before[j]![1]!)) crossingsBefore++;
        }
      expect(crossingsBefore).toBeGreaterThan(20);

      // Repeat until nothing changes, as the generator does (a split can bring a vertex within snap reach).
      let inserted = 0;
      let passes = 0;
      for (let made = 1; made > 0; passes++) {
        made = planarize(net);
        inserted += made;
      }
      expect(passes).toBeLessThanOrEqual(4);
      expect(inserted).toBeGreaterThanOrEqual(crossingsBefore);
      const after = net.ways.map((w) => w.nodes.map((id): Pos => [net.xs[id]!, net.ys[id]!]));
      const segs = segsOf(after);
      let crossingsAfter = 0;
      for (let i = 0; i < segs.length; i++)
        for (let j = i + 1; j < segs.length; j++) {
          if (properCross(segs[i]![0]!, segs[i]![1]!, segs[j]![0]!, segs[j]![1]!)) crossingsAfter++;
        }
      expect(crossingsAfter).toBe(0);
      // Every way keeps its ends and its original vertices in order; new vertices lie on its old course.
      after.forEach((c, wi) => {
        const old = original[wi]!;
        if (!RoadNet.isPlanar(net.ways[wi]!)) {
          expect(c).toEqual(old);
          return;
        }
        const kept = c.filter((p) => old.some((q) => q[0] === p[0] && q[1] === p[1]));
        expect(kept).toEqual(old);
        let worst = 0;
        for (const p of c) {
          const d = Math.min(...old.slice(1).map((q, k) => pointSegmentDistanceSquared(p[0], p[1], old[k]![0], old[k]![1], q[0], q[1])));
          worst = Math.max(worst, Math.sqrt(d));
        }
        expect(worst).toBeLessThan(1); // snapMeters
        const ids = net.ways[wi]!.nodes;
        const spikes = ids.filter((id, k) => k >= 1 && (ids[k - 1] === id || ids[k + 1] === ids[k - 1]));
        expect(spikes, 'repeated node or back-and-forth spike').toEqual([]);
      });
    });
  }
});
