/**
 * Arterials: primary/secondary/tertiary roads linking district grids to each other and leading out
 * of the box, drawn across the countryside with a vertex every ~300 m; river crossings become
 * bridges (e.g. the road from Zhenhai to Beilun crosses the Yong river).
 */
import { DISTRICTS } from './geography';
import { toXY } from './local-frame';
import { NodeIndex } from './node-index';
import { addRoadWithBridges, drawPolyline } from './road-draw';
import { RoadNet, type Highway } from './road-net';
import type { DistrictGrid } from './urban-grid';

interface Arterial {
  from: string;
  /** A district key, or an exit point `[lon, lat]` near the edge of the box. */
  to: string | [number, number];
  highway: Highway;
  name: string;
}

const ARTERIALS: Arterial[] = [
  { from: 'jiangbei', to: 'zhenhai', highway: 'primary', name: '庄市大道' },
  { from: 'yinzhou', to: 'beilun', highway: 'primary', name: '宁穿路' },
  { from: 'zhenhai', to: 'beilun', highway: 'secondary', name: '甬江大道' },
  { from: 'haishu', to: 'fenghua', highway: 'secondary', name: '鄞奉路' },
  { from: 'yinzhou', to: 'fenghua', highway: 'primary', name: '宁南南路' },
  { from: 'yinzhou', to: 'zhenhai', highway: 'secondary', name: '东外环路' },
  { from: 'haishu', to: [121.31, 29.87], highway: 'secondary', name: '望春路' },
  { from: 'jiangbei', to: [121.45, 30.01], highway: 'secondary', name: '慈城大道' },
  { from: 'fenghua', to: [121.35, 29.61], highway: 'tertiary', name: '溪口路' },
  { from: 'fenghua', to: [121.31, 29.7], highway: 'tertiary', name: '萧王庙路' },
  { from: 'beilun', to: [121.94, 29.87], highway: 'secondary', name: '沿海中线' },
  { from: 'yinzhou', to: [121.69, 29.62], highway: 'tertiary', name: '横溪路' },
  { from: 'beilun', to: [121.78, 29.74], highway: 'tertiary', name: '大碶路' },
];

/** Add the arterials; returns the number of bridges they needed. */
export function buildArterials(net: RoadNet, grids: readonly DistrictGrid[], rand: () => number): number {
  const indexOf = (key: string): number => {
    const k = DISTRICTS.findIndex((d) => d.key === key);
    if (k < 0) throw new Error(`buildArterials: unknown district ${key}`);
    return k;
  };
  const nearestInGrid = (k: number, x: number, y: number): number => {
    const idx = new NodeIndex(net, grids[k]!.nodeIds);
    for (let r = 500; r < 64000; r *= 2) {
      const id = idx.nearest(x, y, r);
      if (id >= 0) return id;
    }
    throw new Error(`buildArterials: district ${k} has no grid nodes`);
  };
  let bridges = 0;
  for (const a of ARTERIALS) {
    const ka = indexOf(a.from);
    let target: number;
    if (typeof a.to === 'string') {
      const kb = indexOf(a.to);
      const [bx, by] = toXY(DISTRICTS[kb]!.lon, DISTRICTS[kb]!.lat);
      const start = nearestInGrid(ka, bx, by);
      target = nearestInGrid(kb, net.xs[start]!, net.ys[start]!);
      const end = nearestInGrid(ka, net.xs[target]!, net.ys[target]!);
      bridges += addRoadWithBridges(net, drawPolyline(net, end, target, 300, 0.05, rand), a.highway, a.name, bridgeName(a.name));
    } else {
      const [tx, ty] = toXY(a.to[0], a.to[1]);
      target = net.addNode(tx, ty);
      const start = nearestInGrid(ka, tx, ty);
      bridges += addRoadWithBridges(net, drawPolyline(net, start, target, 300, 0.05, rand), a.highway, a.name, bridgeName(a.name));
    }
  }
  return bridges;
}

function bridgeName(road: string): string {
  return road.replace(/(大道|路|线)$/, '') + '大桥';
}
