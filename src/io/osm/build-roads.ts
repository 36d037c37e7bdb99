import type { Feature, LineString } from 'geojson';
import type { Collected } from './collect-osm';
import type { AreaFilter } from './area-filter';

/** Roads built from the kept ways, with their counts for the report. */
export interface BuiltRoads {
  features: Feature<LineString>[];
  ways: number;
  keptByReason: Record<string, number>;
  barriers: Record<string, number>;
  skippedByReason: Record<string, number>;
}

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/**
 * Walkable ways → LineString features in the roads input shape (`osm_id`, `highway`, `name`,
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
  const { nodes } = c;
  const uses = new Uint8Array(nodes.ids.length);
  const keptByReason: Record<string, number> = {};
  const skippedByReason: Record<string, number> = {};
  const barriers: Record<string, number> = {};
  const resolved: (Int32Array | null)[] = c.roads.map((w) => {
    const idx = new Int32Array(w.refs.length);
    let missing = 0;
    let k = -1;
    for (let i = 0; i < w.refs.length; i++) {
      k = nodes.indexNear(w.refs[i] as number, k);
      idx[i] = k;
      if (!nodes.has(k)) missing++;
    }
    if (missing > 0) {
      skippedByReason['nodes missing from the file'] = (skippedByReason['nodes missing from the file'] ?? 0) + 1;
      problems.push(`way w${w.id}: ${missing} of its ${w.refs.length} nodes are missing from the file (skipped)`);
      return null;
    }
    for (let i = 0; i < idx.length; i++) {
      const k = idx[i] as number;
      // count a closed way's first/last node once; any node used twice is a junction
      if (i === idx.length - 1 && k === idx[0] && idx.length > 1) continue;
      if (uses[k]! < 255) uses[k]!++;
    }
    return idx;
  });
  const seenBarrier = new Set<number>();
  const features: Feature<LineString>[] = [];
  let ways = 0;
  c.roads.forEach((w, r) => {
    const idx = resolved[r];
    if (!idx) return;
    const props: Record<string, string | null> = { osm_id: `w${w.id}`, highway: w.tags.highway ?? 'platform', name: w.tags.name ?? null };
    if (w.reason.startsWith('foot=')) props.foot = w.tags.foot ?? null;
    if (w.tags.bicycle !== undefined) props.bicycle = w.tags.bicycle;
    const sidewalk = /with sidewalk=(\w+)/.exec(w.reason);
    if (sidewalk) props.sidewalk = sidewalk[1] as string;
    let piece: [number, number][] = [];
    let wrote = 0;
    const flush = (): void => {
      if (piece.length >= 2 && piece.some((p) => filter.contains(p[0], p[1]))) {
        features.push({ type: 'Feature', properties: { ...props }, geometry: { type: 'LineString', coordinates: piece } });
        wrote++;
      } else if (piece.length >= 2) skippedByReason['outside the area'] = (skippedByReason['outside the area'] ?? 0) + 1;
      piece = [];
    };
    for (let i = 0; i < idx.length; i++) {
      const k = idx[i] as number;
      if (nodes.blocked[k]) {
        if (!seenBarrier.has(k)) {
          seenBarrier.add(k);
          const why = c.barriers.get(k) ?? 'barrier';
          barriers[why] = (barriers[why] ?? 0) + 1;
        }
        flush();
        continue;
      }
      const p: [number, number] = [round7(nodes.lon[k] as number), round7(nodes.lat[k] as number)];
      piece.push(p);
      if (splitAtJunctions && i > 0 && i < idx.length - 1 && uses[k]! > 1) {
        flush();
        piece.push(p);
      }
    }
    flush();
    if (wrote > 0) {
      ways++;
      keptByReason[w.reason] = (keptByReason[w.reason] ?? 0) + 1;
    }
  });
  return { features, ways, keptByReason, barriers, skippedByReason };
}
