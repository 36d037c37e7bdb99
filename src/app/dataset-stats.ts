/**
 * Counts shown in the Data panel, read from the loaded collections (nothing computed or invented).
 */
import { haversineMeters as engineHaversine } from '../engine/geo/haversine';
import type { LoadedData } from './store';

/** Counts of a loaded dataset. */
export interface DatasetStats {
  roads: number;
  /** Total road length in kilometres (haversine along the lines). */
  roadLengthKm: number;
  communities: number;
  urbanCommunities: number;
  ruralCommunities: number;
  /** Sum of the communities' `population` where it is a finite number ≥ 0. */
  population: number;
  facilities: number;
  /** Facilities per `category` property value. */
  facilitiesByCategory: Record<string, number>;
}

/** Great-circle distance in metres between two `[lon, lat]` positions (the engine's haversine). */
export function haversineMeters(a: readonly number[], b: readonly number[]): number {
  return engineHaversine(a[0] ?? 0, a[1] ?? 0, b[0] ?? 0, b[1] ?? 0);
}

function lineLengthMeters(coords: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 1; i < coords.length; i++) sum += haversineMeters(coords[i - 1] ?? [], coords[i] ?? []);
  return sum;
}

/** Facilities per `category` property value (no entry for a category without any). */
export function facilitiesPerCategory(facilities: LoadedData['facilities']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of facilities.features) {
    const cat = String(f.properties?.category ?? '');
    out[cat] = (out[cat] ?? 0) + 1;
  }
  return out;
}

/** Counts features by kind and category; lengths of LineStrings and MultiLineStrings. */
export function datasetStats(data: LoadedData): DatasetStats {
  let roadLengthMeters = 0;
  for (const f of data.roads?.features ?? []) {
    const g = f.geometry;
    if (g?.type === 'LineString') roadLengthMeters += lineLengthMeters(g.coordinates);
    else if (g?.type === 'MultiLineString') for (const line of g.coordinates) roadLengthMeters += lineLengthMeters(line);
  }
  let urban = 0;
  let rural = 0;
  let population = 0;
  for (const f of data.communities.features) {
    const p = f.properties ?? {};
    if (p.kind === 'urban') urban++;
    else if (p.kind === 'rural') rural++;
    const pop = Number(p.population);
    if (Number.isFinite(pop) && pop >= 0) population += pop;
  }
  const facilitiesByCategory = facilitiesPerCategory(data.facilities);
  return {
    roads: data.roads?.features.length ?? 0,
    roadLengthKm: roadLengthMeters / 1000,
    communities: data.communities.features.length,
    urbanCommunities: urban,
    ruralCommunities: rural,
    population,
    facilities: data.facilities.features.length,
    facilitiesByCategory,
  };
}
