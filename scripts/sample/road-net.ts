/**
 * The generator's road network under construction: nodes in local metres and ways as lists of
 * node indices. Streets that meet share a node, so their output vertices are identical after
 * rounding; motorways and bridges get nodes of their own.
 */

/** OSM-style `highway` values the sample uses. */
export type Highway = 'motorway' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'unclassified' | 'track' | 'footway' | 'path';

/** One way: a polyline over node indices. */
export interface Way {
  nodes: number[];
  highway: Highway;
  name: string | null;
  /** Elevated: crosses other roads without meeting them. */
  bridge: boolean;
}

/** Node and way store; build, then read. */
export class RoadNet {
  readonly xs: number[] = [];
  readonly ys: number[] = [];
  readonly ways: Way[] = [];

  /** Add a node at local metres; returns its index. */
  addNode(x: number, y: number): number {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`RoadNet.addNode: bad point ${x}, ${y}`);
    this.xs.push(x);
    this.ys.push(y);
    return this.xs.length - 1;
  }

  /** Add a way over at least two node indices; returns its index. */
  addWay(nodes: number[], highway: Highway, name: string | null, bridge = false): number {
    if (nodes.length < 2) throw new Error(`RoadNet.addWay: a way needs ≥ 2 nodes, got ${nodes.length}`);
    this.ways.push({ nodes, highway, name, bridge });
    return this.ways.length - 1;
  }

  /** True for ways that join the street graph where they cross (not motorways, not bridges). */
  static isPlanar(way: Way): boolean {
    return way.highway !== 'motorway' && !way.bridge;
  }
}
