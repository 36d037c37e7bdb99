/**
 * Drawing country roads between two existing nodes: a gently curving polyline with a vertex every
 * `stepMeters`, split where it crosses a river so the crossing becomes a bridge way (the only
 * way anything crosses water).
 */
import { gaussian } from '../../src/engine/prng';
import { crossesRiver, riverClearanceMeters } from './geography';
import { RoadNet, type Highway } from './road-net';

/**
 * Node indices from `from` to `to` (both existing), with new nodes between them about
 * `stepMeters` apart, bowed sideways by up to `bowFraction` of the length plus a little jitter.
 */
export function drawPolyline(
  net: RoadNet,
  from: number,
  to: number,
  stepMeters: number,
  bowFraction: number,
  rand: () => number,
): number[] {
  const ax = net.xs[from]!,
    ay = net.ys[from]!,
    bx = net.xs[to]!,
    by = net.ys[to]!;
  const len = Math.hypot(bx - ax, by - ay);
  const n = Math.max(1, Math.round(len / stepMeters));
  const nx = -(by - ay) / (len || 1);
  const ny = (bx - ax) / (len || 1);
  const bow = (rand() * 2 - 1) * bowFraction * len;
  const wave = (rand() * 2 - 1) * 0.25 * bowFraction * len;
  const out = [from];
  for (let i = 1; i < n; i++) {
    const t = i / n;
    const side = bow * Math.sin(Math.PI * t) + wave * Math.sin(3 * Math.PI * t) + 0.06 * stepMeters * gaussian(rand);
    out.push(net.addNode(ax + t * (bx - ax) + side * nx, ay + t * (by - ay) + side * ny));
  }
  out.push(to);
  return out;
}

/**
 * Add the polyline as ways: dry stretches as `highway`, each river crossing (from the last dry
 * vertex before the water to the first after it) as a bridge way named `bridgeName`.
 * @returns the number of bridges made
 */
export function addRoadWithBridges(
  net: RoadNet,
  nodes: number[],
  highway: Highway,
  name: string | null,
  bridgeName: string | null,
): number {
  const wet = (id: number): boolean => riverClearanceMeters(net.xs[id]!, net.ys[id]!) < 15;
  let bridges = 0;
  let run: number[] = [nodes[0]!];
  let i = 1;
  while (i < nodes.length) {
    const a = nodes[i - 1]!;
    const b = nodes[i]!;
    if (!wet(b) && !crossesRiver(net.xs[a]!, net.ys[a]!, net.xs[b]!, net.ys[b]!)) {
      run.push(b);
      i++;
      continue;
    }
    if (run.length >= 2) net.addWay(run, highway, name);
    const span = [a];
    while (i < nodes.length && wet(nodes[i]!)) span.push(nodes[i++]!);
    if (i >= nodes.length) throw new Error(`addRoadWithBridges: road ends in the water at node ${span[span.length - 1]}`);
    span.push(nodes[i]!);
    net.addWay(span, highway === 'track' || highway === 'path' ? 'unclassified' : highway, bridgeName, true);
    bridges++;
    run = [nodes[i]!];
    i++;
  }
  if (run.length >= 2) net.addWay(run, highway, name);
  return bridges;
}
