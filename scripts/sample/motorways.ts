/**
 * Expressways across the box (`highway=motorway`, not walkable): their own vertices only, so they
 * cross streets and rivers without ever meeting them.
 */
import { toXY } from './local-frame';
import { RoadNet } from './road-net';

const MOTORWAYS: { name: string; path: [number, number][] }[] = [
  {
    name: 'G15沈海高速',
    path: [
      [121.47, 30.015],
      [121.49, 29.93],
      [121.505, 29.85],
      [121.52, 29.76],
      [121.5, 29.605],
    ],
  },
  {
    name: 'G1501宁波绕城高速',
    path: [
      [121.305, 29.785],
      [121.42, 29.78],
      [121.53, 29.775],
      [121.66, 29.8],
      [121.79, 29.845],
      [121.945, 29.86],
    ],
  },
  {
    name: 'S20穿山疏港高速',
    path: [
      [121.305, 29.955],
      [121.42, 29.945],
      [121.52, 29.935],
      [121.62, 29.925],
      [121.7, 29.905],
      [121.8, 29.875],
      [121.945, 29.875],
    ],
  },
];

/**
 * Add the motorways with a vertex about every `stepMeters` (default 350) and a gentle sway.
 * @returns the number of motorway ways
 */
export function buildMotorways(net: RoadNet, rand: () => number, stepMeters = 350): number {
  for (const m of MOTORWAYS) {
    const pts = m.path.map(([lon, lat]) => toXY(lon, lat));
    const nodes: number[] = [];
    for (let i = 1; i < pts.length; i++) {
      const [ax, ay] = pts[i - 1]!;
      const [bx, by] = pts[i]!;
      const len = Math.hypot(bx - ax, by - ay);
      const n = Math.max(1, Math.round(len / stepMeters));
      const sway = (rand() - 0.5) * 0.04 * len;
      for (let k = i === 1 ? 0 : 1; k <= n; k++) {
        const t = k / n;
        const side = sway * Math.sin(Math.PI * t);
        nodes.push(net.addNode(ax + t * (bx - ax) - (side * (by - ay)) / len, ay + t * (by - ay) + (side * (bx - ax)) / len));
      }
    }
    // Motorway ways in pieces of ~12 vertices, like OSM.
    for (let s = 0; s < nodes.length - 1; s += 11) net.addWay(nodes.slice(s, Math.min(nodes.length, s + 12)), 'motorway', m.name);
  }
  return MOTORWAYS.length;
}
