/**
 * One district's street grid: jittered, warped and rotated, clipped to the district outline, the
 * land and the river banks. Grid lines become ways of a few edges each (arterial lines every 4th
 * and 8th line, the centre lines primary), with dropped edges and cul-de-sacs for dead ends and
 * footways cutting through some cells. Blocks of 2–3 × 2–3 cells are the candidate communities.
 */
import { gaussian } from '../../src/engine/prng';
import { DISTRICTS, crossesRiver, isLand, riverClearanceMeters } from './geography';
import { owningDistrict, type DistrictShape } from './district-shape';
import { RoadNet, type Highway } from './road-net';
import type { NamePool } from './names';

/** The nodes of one district grid, addressed by grid index. */
export interface DistrictGrid {
  district: number;
  /** Grid indices run over -half..half in both directions. */
  half: number;
  /** Node index per cell corner `(i + half) * (2 * half + 1) + (j + half)`, or -1. */
  node: Int32Array;
  /** Every node of the grid, ascending. */
  nodeIds: number[];
}

/** A candidate community block: its outline (counter-clockwise, local metres) and centre. */
export interface Block {
  district: number;
  ring: [number, number][];
  cx: number;
  cy: number;
  /** Distance from the district centre divided by its radius. */
  relativeRadius: number;
}

function lineClass(index: number, minor: boolean): Highway {
  if (index === 0) return 'primary';
  if (index % 8 === 0) return 'secondary';
  if (index % 4 === 0) return 'tertiary';
  return minor ? 'footway' : 'residential';
}

/**
 * Build the grid of district `k` into `net`, returning its nodes and candidate blocks.
 * @param shapes outlines of all districts (a node is kept only where district k owns the ground)
 */
export function buildDistrictGrid(
  net: RoadNet,
  k: number,
  shapes: readonly DistrictShape[],
  rand: () => number,
  streets: NamePool,
): { grid: DistrictGrid; blocks: Block[] } {
  const d = DISTRICTS[k]!;
  const shape = shapes[k]!;
  const s = d.spacingMeters;
  const half = Math.ceil((d.radiusMeters * 1.35) / s);
  const width = 2 * half + 1;
  const rot = (d.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  const warpA = 0.35 * s;
  const warpL = 700 + rand() * 500;
  const phU = rand() * 6.283;
  const phV = rand() * 6.283;
  const node = new Int32Array(width * width).fill(-1);
  const nodeIds: number[] = [];
  const at = (i: number, j: number): number => (Math.abs(i) > half || Math.abs(j) > half ? -1 : node[(i + half) * width + (j + half)]!);

  for (let i = -half; i <= half; i++) {
    for (let j = -half; j <= half; j++) {
      const jitter = (): number => Math.max(-0.25, Math.min(0.25, 0.1 * gaussian(rand))) * s;
      const u = i * s + warpA * Math.sin((j * s) / warpL + phU) + jitter();
      const v = j * s + warpA * Math.sin((i * s) / warpL + phV) + jitter();
      const x = shape.cx + u * cos - v * sin;
      const y = shape.cy + u * sin + v * cos;
      if (owningDistrict(shapes, x, y) !== k || !isLand(x, y, 60) || riverClearanceMeters(x, y) < 25) continue;
      const id = net.addNode(x, y);
      node[(i + half) * width + (j + half)] = id;
      nodeIds.push(id);
    }
  }

  // Grid lines → ways. dir 0: lines of constant j (along i); dir 1: constant i (along j).
  for (let dir = 0; dir < 2; dir++) {
    for (let line = -half; line <= half; line++) {
      const minor = rand() < 0.12;
      const highway = lineClass(Math.abs(line), minor);
      const major = highway !== 'residential' && highway !== 'footway';
      const name = highway === 'footway' ? null : major || rand() < 0.65 ? streets.take() : null;
      let chain: number[] = [];
      let limit = 0;
      const flush = (): void => {
        if (chain.length >= 2) net.addWay(chain, highway, name);
        chain = [];
      };
      for (let step = -half; step < half; step++) {
        const a = dir === 0 ? at(step, line) : at(line, step);
        const b = dir === 0 ? at(step + 1, line) : at(line, step + 1);
        const drop = highway === 'footway' ? 0.2 : major ? 0 : 0.08;
        if (a < 0 || b < 0 || rand() < drop || crossesRiver(net.xs[a]!, net.ys[a]!, net.xs[b]!, net.ys[b]!)) {
          flush();
          continue;
        }
        if (chain.length === 0) {
          chain.push(a);
          limit = (major ? 3 : 2) + Math.floor(rand() * 4);
        }
        if (rand() < (major ? 0.15 : 0.3)) {
          // a shape vertex: streets are not ruler-straight
          const ax = net.xs[a]!,
            ay = net.ys[a]!,
            bx = net.xs[b]!,
            by = net.ys[b]!;
          const len = Math.hypot(bx - ax, by - ay);
          const off = 4 * gaussian(rand);
          const t = 0.35 + 0.3 * rand();
          chain.push(net.addNode(ax + t * (bx - ax) - (off * (by - ay)) / len, ay + t * (by - ay) + (off * (bx - ax)) / len));
        }
        chain.push(b);
        if (chain.length > limit) {
          flush();
          chain.push(b);
          limit = (major ? 3 : 2) + Math.floor(rand() * 4);
        }
      }
      flush();
    }
  }

  // Cul-de-sacs and footways through cells.
  for (let i = -half; i < half; i++) {
    for (let j = -half; j < half; j++) {
      const a = at(i, j);
      if (a < 0) continue;
      if (rand() < 0.04) {
        const ang = rot + Math.PI / 4 + Math.floor(rand() * 4) * (Math.PI / 2);
        const len = (0.3 + 0.12 * rand()) * s;
        const x = net.xs[a]! + len * Math.cos(ang);
        const y = net.ys[a]! + len * Math.sin(ang);
        if (riverClearanceMeters(x, y) > 10 && isLand(x, y, 30)) {
          net.addWay([a, net.addNode(x, y)], rand() < 0.7 ? 'residential' : 'path', null);
        }
      }
      const c = at(i + 1, j + 1);
      if (c >= 0 && at(i + 1, j) >= 0 && at(i, j + 1) >= 0 && rand() < 0.025) {
        const mx = (net.xs[a]! + net.xs[c]!) / 2 + 6 * gaussian(rand);
        const my = (net.ys[a]! + net.ys[c]!) / 2 + 6 * gaussian(rand);
        if (!crossesRiver(net.xs[a]!, net.ys[a]!, net.xs[c]!, net.ys[c]!)) {
          net.addWay([a, net.addNode(mx, my), c], 'footway', null);
        }
      }
    }
  }

  return { grid: { district: k, half, node, nodeIds }, blocks: gridBlocks(net, k, shape, at, half, rand) };
}

function cuts(half: number, rand: () => number): number[] {
  const out = [-half];
  while (out[out.length - 1]! < half) out.push(Math.min(half, out[out.length - 1]! + (rand() < 0.2 ? 2 : rand() < 0.6 ? 3 : 4)));
  return out;
}

function gridBlocks(
  net: RoadNet,
  k: number,
  shape: DistrictShape,
  at: (i: number, j: number) => number,
  half: number,
  rand: () => number,
): Block[] {
  const blocks: Block[] = [];
  const ic = cuts(half, rand);
  const jc = cuts(half, rand);
  for (let a = 1; a < ic.length; a++) {
    for (let b = 1; b < jc.length; b++) {
      const i0 = ic[a - 1]!,
        i1 = ic[a]!,
        j0 = jc[b - 1]!,
        j1 = jc[b]!;
      const ids: number[] = [];
      for (let i = i0; i < i1; i++) ids.push(at(i, j0));
      for (let j = j0; j < j1; j++) ids.push(at(i1, j));
      for (let i = i1; i > i0; i--) ids.push(at(i, j1));
      for (let j = j1; j > j0; j--) ids.push(at(i0, j));
      if (ids.some((id) => id < 0)) continue;
      let cx = 0,
        cy = 0;
      for (const id of ids) {
        cx += net.xs[id]!;
        cy += net.ys[id]!;
      }
      cx /= ids.length;
      cy /= ids.length;
      const inset = 0.84 + 0.06 * rand();
      const ring = ids.map((id): [number, number] => [cx + (net.xs[id]! - cx) * inset, cy + (net.ys[id]! - cy) * inset]);
      if (!isSimpleRing(ring) || ringCrossesRiver(ring) || riverClearanceMeters(cx, cy) < 0) continue;
      ring.push([ring[0]![0], ring[0]![1]]);
      blocks.push({ district: k, ring, cx, cy, relativeRadius: Math.hypot(cx - shape.cx, cy - shape.cy) / shape.radiusMeters });
    }
  }
  return blocks;
}

function ringCrossesRiver(ring: [number, number][]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    if (crossesRiver(a[0], a[1], b[0], b[1])) return true;
  }
  return false;
}

/** True when the open ring (no repeated last vertex) is counter-clockwise and has no self-crossing. */
function isSimpleRing(ring: [number, number][]): boolean {
  const n = ring.length;
  let area2 = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!,
      b = ring[(i + 1) % n]!;
    area2 += a[0] * b[1] - b[0] * a[1];
  }
  if (area2 <= 0) return false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      const a = ring[i]!,
        b = ring[(i + 1) % n]!,
        c = ring[j]!,
        d = ring[(j + 1) % n]!;
      if (properCross(a, b, c, d)) return false;
    }
  }
  return true;
}

function orient(a: [number, number], b: [number, number], c: [number, number]): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function properCross(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  const o1 = orient(a, b, c),
    o2 = orient(a, b, d),
    o3 = orient(c, d, a),
    o4 = orient(c, d, b);
  return o1 * o2 <= 0 && o3 * o4 <= 0;
}
