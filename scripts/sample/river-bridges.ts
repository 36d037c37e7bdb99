/**
 * Town bridges over the rivers: every 0.7–1.4 km along a river where streets reach both banks, an
 * elevated way from a node set back ~170 m from one bank to a node on the other side. Its ramps
 * pass over the riverside streets without meeting them; only its two ends join the street graph.
 */
import { RIVERS } from './geography';
import { NodeIndex } from './node-index';
import { RoadNet } from './road-net';

const BRIDGE_NAMES = [
  '灵桥',
  '江厦桥',
  '新江桥',
  '解放桥',
  '琴桥',
  '永丰桥',
  '庆丰桥',
  '外滩大桥',
  '兴宁桥',
  '长丰桥',
  '澄浪桥',
  '芝兰桥',
  '湾头大桥',
  '青林湾大桥',
  '明州大桥',
  '常洪桥',
  '招宝山大桥',
  '清水浦大桥',
  '甬新桥',
  '春晓桥',
];

/**
 * Add town bridges; returns how many.
 * @param setbackMeters how far beyond the bank each bridge lands (default 170)
 */
export function buildRiverBridges(net: RoadNet, rand: () => number, setbackMeters = 170): number {
  const planarNodes = new Set<number>();
  for (const w of net.ways) if (RoadNet.isPlanar(w)) for (const id of w.nodes) planarNodes.add(id);
  const index = new NodeIndex(
    net,
    [...planarNodes].sort((a, b) => a - b),
  );
  let count = 0;
  for (const r of RIVERS) {
    let nextAt = 300 + rand() * 700;
    let walked = 0;
    for (let i = 1; i < r.xs.length; i++) {
      const ax = r.xs[i - 1]!,
        ay = r.ys[i - 1]!,
        bx = r.xs[i]!,
        by = r.ys[i]!;
      const len = Math.hypot(bx - ax, by - ay);
      const nx = -(by - ay) / len,
        ny = (bx - ax) / len;
      for (let d = 0; d < len; d += 25, walked += 25) {
        if (walked < nextAt) continue;
        const px = ax + ((bx - ax) * d) / len,
          py = ay + ((by - ay) * d) / len;
        const reach = r.halfWidthMeters + setbackMeters;
        const left = index.nearest(px + nx * reach, py + ny * reach, 90);
        const right = index.nearest(px - nx * reach, py - ny * reach, 90);
        if (left < 0 || right < 0) continue;
        const mid = net.addNode(px + 5 * (rand() - 0.5), py + 5 * (rand() - 0.5));
        const name = count < BRIDGE_NAMES.length ? BRIDGE_NAMES[count]! : `${r.zh}${count + 1}号桥`;
        net.addWay([left, mid, right], rand() < 0.5 ? 'secondary' : 'tertiary', name, true);
        count++;
        nextAt = walked + 700 + rand() * 700;
      }
    }
  }
  return count;
}
