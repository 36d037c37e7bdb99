import { haversineMeters } from '../geo/haversine';
import { createLocalProjection, projectX, projectY } from '../geo/local-projection';
import type { DemandSamples } from '../model';
import type { RoadGraph } from '../network/graph-builder';
import { createPolygonIndex, type PolygonRings } from './polygon-index';

/** Where a candidate came from. */
export const SOURCE_UPLOADED = 0;
export const SOURCE_COMMUNITY = 1;
export const SOURCE_ROAD_NODE = 2;
export const CANDIDATE_SOURCES = ['uploaded', 'community', 'road_node'] as const;

/** Candidate sites, struct of arrays. */
export interface Candidates {
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** {@link SOURCE_UPLOADED}, {@link SOURCE_COMMUNITY} or {@link SOURCE_ROAD_NODE}. */
  source: Uint8Array;
  /** Position in the input list (uploaded: feature order; community: community index; road node: node id). */
  origin: Uint32Array;
}

/** Candidate points a user gave (io/read-candidates.ts), struct of arrays, one entry per point. */
export interface UploadedCandidates {
  /** File name, for problems. */
  file: string;
  count: number;
  /** WGS84 degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** Index of the feature each point came from (a MultiPoint gives several points). */
  origin: Uint32Array;
  /** The feature's id (`properties.id`, else the feature id), or null. */
  ids: readonly (string | null)[];
  /** Places of the site (`capacity`), NaN when the feature gives none. */
  capacity: Float64Array;
}

/** Inputs of {@link generateCandidates}. */
export interface GenerateOptions {
  samples: DemandSamples;
  /** Gap zones of the category (polygons, e.g. `findGapZones(…).map(z => z.polygon)`). */
  gapZones: readonly PolygonRings[];
  /** Road graph of the network model, or null (straight-line model: community points only). */
  graph: RoadGraph | null;
  /** Minimum spacing between kept candidates, metres (default 200). */
  spacingMeters?: number;
  /** Areas where no site may go. */
  exclude?: readonly PolygonRings[];
}

/**
 * Generate candidate sites: community representative points, then road nodes, that lie inside a
 * gap zone and outside every excluded area, thinned so no two are closer than `spacingMeters`
 * (communities first, so a village's own point beats a road node beside it; then in index order).
 *
 * @returns candidates, deterministic for the same input
 */
export function generateCandidates(options: GenerateOptions): Candidates {
  const { samples, graph } = options;
  const zones = createPolygonIndex(options.gapZones);
  const lon: number[] = [];
  const lat: number[] = [];
  const source: number[] = [];
  const origin: number[] = [];
  const C = samples.communityStart.length - 1;
  for (let c = 0; c < C; c++) {
    const s = samples.communityStart[c]!;
    if (s >= samples.communityStart[c + 1]!) continue;
    if (!zones.contains(samples.lon[s]!, samples.lat[s]!)) continue;
    lon.push(samples.lon[s]!);
    lat.push(samples.lat[s]!);
    source.push(SOURCE_COMMUNITY);
    origin.push(c);
  }
  if (graph) {
    for (let v = 0; v < graph.nodeCount; v++) {
      if (!zones.contains(graph.nodeLon[v]!, graph.nodeLat[v]!)) continue;
      lon.push(graph.nodeLon[v]!);
      lat.push(graph.nodeLat[v]!);
      source.push(SOURCE_ROAD_NODE);
      origin.push(v);
    }
  }
  const all: Candidates = {
    count: lon.length,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    source: Uint8Array.from(source),
    origin: Uint32Array.from(origin),
  };
  return thinCandidates(excludeCandidates(all, options.exclude ?? []), options.spacingMeters ?? 200);
}

/**
 * Drop candidates inside any excluded polygon.
 *
 * @param candidates not mutated
 * @param exclude polygons (rings of `[lon, lat]`)
 */
export function excludeCandidates(candidates: Candidates, exclude: readonly PolygonRings[]): Candidates {
  if (exclude.length === 0) return candidates;
  const index = createPolygonIndex(exclude);
  return pick(candidates, (i) => !index.contains(candidates.lon[i]!, candidates.lat[i]!));
}

/**
 * Keep candidates in order, dropping any closer than `spacingMeters` (haversine) to one kept before.
 *
 * @param candidates not mutated
 * @param spacingMeters ≥ 0 (0 keeps all but exact duplicates)
 */
export function thinCandidates(candidates: Candidates, spacingMeters: number): Candidates {
  if (!(spacingMeters >= 0 && Number.isFinite(spacingMeters))) throw new RangeError(`thinCandidates: bad spacingMeters ${spacingMeters}`);
  if (candidates.count === 0) return candidates;
  const proj = createLocalProjection(candidates.lon[0]!, candidates.lat[0]!);
  const cell = Math.max(spacingMeters, 1);
  const grid = new Map<string, number[]>();
  // grid cells in projected metres; neighbours within ±2 cells cover projection distortion at city scale
  return pick(candidates, (i) => {
    const x = Math.floor(projectX(proj, candidates.lon[i]!) / cell);
    const y = Math.floor(projectY(proj, candidates.lat[i]!) / cell);
    for (let dx = -2; dx <= 2; dx++) {
      for (let dy = -2; dy <= 2; dy++) {
        for (const k of grid.get(`${x + dx},${y + dy}`) ?? []) {
          const d = haversineMeters(candidates.lon[i]!, candidates.lat[i]!, candidates.lon[k]!, candidates.lat[k]!);
          if (d < spacingMeters || d === 0) return false;
        }
      }
    }
    const key = `${x},${y}`;
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
    return true;
  });
}

function pick(c: Candidates, keep: (i: number) => boolean): Candidates {
  const idx: number[] = [];
  for (let i = 0; i < c.count; i++) if (keep(i)) idx.push(i);
  return {
    count: idx.length,
    lon: Float64Array.from(idx, (i) => c.lon[i]!),
    lat: Float64Array.from(idx, (i) => c.lat[i]!),
    source: Uint8Array.from(idx, (i) => c.source[i]!),
    origin: Uint32Array.from(idx, (i) => c.origin[i]!),
  };
}
