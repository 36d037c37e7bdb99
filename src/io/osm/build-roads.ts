import type { Collected } from './collect-osm';
import type { AreaFilter } from './area-filter';
import { RoadLines } from './road-lines';

/** Roads built from the kept ways, with their counts for the report. */
export interface BuiltRoads {
  /** The road lines (ways cut at barriers, pieces outside the area left out). */
  lines: RoadLines;
  ways: number;
  keptByReason: Record<string, number>;
  barriers: Record<string, number>;
  skippedByReason: Record<string, number>;
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/**
 * Walkable ways → road lines (LineString features when written) in the roads input shape (`osm_id`, `highway`, `name`,
 * `foot` / `sidewalk` when they open a motor road, and `bicycle` when tagged, for the riding modes). Ways connect where they share a node: the
 * shared node is a vertex of both, at identical coordinates, which the network builder joins (with
 * `splitAtJunctions` a way is also split there, one feature per junction-to-junction piece; off by
 * default, as on a dense grid it multiplies features and memory for no change in the network). A
 * way is cut at a barrier node: the node and its two segments are left out, so nothing passes there. A way with a node
 * missing from the file is skipped and counted; so is a piece outside the area filter.
 *
 * @param c what the passes collected
 * @param filter the bbox / boundary filter
 * @param problems receives one line per skipped way
 * @param splitAtJunctions split ways at nodes other kept ways share (default false)
 */
export function buildRoads(c: Collected, filter: AreaFilter, problems: string[], splitAtJunctions = false): BuiltRoads {
  const { nodes, roads } = c;
  const { start, nodes: idx } = roads;
  const uses = new Uint8Array(nodes.size);
  const keptByReason: Record<string, number> = {};
  const skippedByReason: Record<string, number> = {};
  const barriers: Record<string, number> = {};
  const complete = new Uint8Array(roads.count);
  for (let r = 0; r < roads.count; r++) {
    const a = start[r] as number;
    const b = start[r + 1] as number;
    let missing = 0;
    for (let i = a; i < b; i++) if (Number.isNaN(nodes.lon[idx[i] as number])) missing++;
    if (missing > 0) {
      skippedByReason['nodes missing from the file'] = (skippedByReason['nodes missing from the file'] ?? 0) + 1;
      problems.push(`way w${roads.ids[r]}: ${missing} of its ${b - a} nodes are missing from the file (skipped)`);
      continue;
    }
    complete[r] = 1;
    if (!splitAtJunctions) continue;
    for (let i = a; i < b; i++) {
      const k = idx[i] as number;
      // count a closed way's first/last node once; any node used twice is a junction
      if (i === b - 1 && k === idx[a] && b - a > 1) continue;
      if (uses[k]! < 255) uses[k]!++;
    }
  }
  const seenBarrier = new Set<number>();
  const lines = new RoadLines(roads, nodes);
  let ways = 0;
  for (let r = 0; r < roads.count; r++) {
    if (!complete[r]) continue;
    // a piece is a run of consecutive vertices of the way: `from` … `end − 1` (from < 0: none yet)
    let from = -1;
    let inside = false;
    let wrote = 0;
    const flush = (end: number): void => {
      const n = from < 0 ? 0 : end - from;
      if (n >= 2 && inside) {
        lines.add(r, from, end);
        wrote++;
      } else if (n >= 2) skippedByReason['outside the area'] = (skippedByReason['outside the area'] ?? 0) + 1;
      from = -1;
      inside = false;
    };
    const a = start[r] as number;
    const b = start[r + 1] as number;
    for (let i = a; i < b; i++) {
      const k = idx[i] as number;
      if (nodes.blocked[k]) {
        if (!seenBarrier.has(k)) {
          seenBarrier.add(k);
          const why = c.barriers.get(k) ?? 'barrier';
          barriers[why] = (barriers[why] ?? 0) + 1;
        }
        flush(i);
        continue;
      }
      if (from < 0) from = i;
      if (!inside) inside = filter.contains(round7(nodes.lon[k] as number), round7(nodes.lat[k] as number));
      if (splitAtJunctions && i > a && i < b - 1 && uses[k]! > 1) {
        flush(i + 1);
        from = i;
        inside = filter.contains(round7(nodes.lon[k] as number), round7(nodes.lat[k] as number));
      }
    }
    flush(b);
    if (wrote > 0) {
      ways++;
      const reason = roads.reason[r] as string;
      keptByReason[reason] = (keptByReason[reason] ?? 0) + 1;
    }
  }
  return { lines, ways, keptByReason, barriers, skippedByReason };
}
