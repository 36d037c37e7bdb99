/**
 * Country roads: lanes through every village (meeting at its centre node), a spanning tree that
 * ties each village to its nearest neighbour or town (so the countryside hangs together), and some
 * extra links for loops. Long links are `unclassified`, short ones often `track`.
 */
import { NodeIndex } from './node-index';
import { drawPolyline, addRoadWithBridges } from './road-draw';
import { RoadNet, type Highway } from './road-net';
import type { DistrictGrid } from './urban-grid';
import type { Village } from './villages';
import type { NamePool } from './names';

/**
 * Add village lanes and links; returns the centre node of every village (same order).
 * @param townNodes per district, the grid nodes a village may link to
 */
export function buildRuralRoads(
  net: RoadNet,
  villages: readonly Village[],
  grids: readonly DistrictGrid[],
  rand: () => number,
  roadNames: NamePool,
): number[] {
  const centres = villages.map((v) => net.addNode(v.x, v.y));
  villages.forEach((v, k) => {
    const lanes = 1 + Math.floor(rand() * 3);
    const a0 = rand() * Math.PI;
    for (let l = 0; l < lanes; l++) {
      const ang = a0 + (l * Math.PI) / lanes + 0.2 * (rand() - 0.5);
      const ends = [1, -1].map((sgn) => {
        const len = v.radiusMeters * (0.8 + 0.5 * rand());
        const mid = net.addNode(
          v.x + (sgn * len * Math.cos(ang)) / 2 + 8 * (rand() - 0.5),
          v.y + (sgn * len * Math.sin(ang)) / 2 + 8 * (rand() - 0.5),
        );
        const end = net.addNode(v.x + sgn * len * Math.cos(ang), v.y + sgn * len * Math.sin(ang));
        return [mid, end] as const;
      });
      const highway: Highway = l === 0 ? 'unclassified' : rand() < 0.5 ? 'track' : 'path';
      addRoadWithBridges(net, [ends[0]![1], ends[0]![0], centres[k]!, ends[1]![0], ends[1]![1]], highway, null, null);
    }
  });

  const indexes = grids.map((g) => new NodeIndex(net, g.nodeIds));
  const link = (a: number, b: number, long: boolean): void => {
    const nodes = drawPolyline(net, a, b, 170, 0.08, rand);
    const highway: Highway = long || rand() < 0.5 ? 'unclassified' : 'track';
    const name = highway === 'unclassified' && rand() < 0.3 ? roadNames.take().replace(/[路街巷]$/, '线') : null;
    addRoadWithBridges(net, nodes, highway, name, name ? name.replace(/线$/, '桥') : null);
  };

  // Prim's spanning tree with all towns in the tree from the start.
  const n = villages.length;
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const bestTo = new Int32Array(n).fill(-1);
  const bestIsTown = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    for (const idx of indexes) {
      const t = idx.nearest(villages[v]!.x, villages[v]!.y, 12000);
      if (t < 0) continue;
      const d = Math.hypot(net.xs[t]! - villages[v]!.x, net.ys[t]! - villages[v]!.y);
      if (d < best[v]!) {
        best[v] = d;
        bestTo[v] = t;
        bestIsTown[v] = 1;
      }
    }
  }
  const linked = new Set<string>();
  for (let added = 0; added < n; added++) {
    let v = -1;
    for (let u = 0; u < n; u++) if (!inTree[u] && (v < 0 || best[u]! < best[v]!)) v = u;
    if (v < 0 || !Number.isFinite(best[v]!)) break;
    inTree[v] = 1;
    link(centres[v]!, bestTo[v]!, bestIsTown[v] === 1 || best[v]! > 2500);
    if (!bestIsTown[v]) linked.add(pairKey(centres[v]!, bestTo[v]!));
    for (let u = 0; u < n; u++) {
      if (inTree[u]) continue;
      const d = Math.hypot(villages[u]!.x - villages[v]!.x, villages[u]!.y - villages[v]!.y);
      if (d < best[u]!) {
        best[u] = d;
        bestTo[u] = centres[v]!;
        bestIsTown[u] = 0;
      }
    }
  }

  // Loops: some villages also link to their nearest other neighbour.
  for (let v = 0; v < n; v++) {
    if (rand() >= 0.45) continue;
    let w = -1;
    let wd = 3500;
    for (let u = 0; u < n; u++) {
      if (u === v || linked.has(pairKey(centres[v]!, centres[u]!))) continue;
      const d = Math.hypot(villages[u]!.x - villages[v]!.x, villages[u]!.y - villages[v]!.y);
      if (d < wd) {
        wd = d;
        w = u;
      }
    }
    if (w < 0) continue;
    linked.add(pairKey(centres[v]!, centres[w]!));
    link(centres[v]!, centres[w]!, wd > 2500);
  }
  return centres;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}
