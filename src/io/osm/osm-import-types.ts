import type { CategoryDef } from '../../engine/model';
import type { FootProfile } from '../../engine/presets/foot-profile';
import type { OsmScanOptions } from './osm-elements';

/** Residents per km² of residential land, per community kind, for communities without `population=*`. */
export interface PopulationDensity {
  urban: number;
  rural: number;
}

/**
 * Default densities (residents per km² of `landuse=residential` area): urban 10,000 (mid-rise
 * neighbourhoods; Chinese urban residential land is often denser, German towns about half), rural
 * 2,500 (detached houses with gardens). Editable in the settings file (`osmImport.populationDensity`).
 */
export const DEFAULT_POPULATION_DENSITY: Readonly<PopulationDensity> = Object.freeze({ urban: 10_000, rural: 2_500 });

/**
 * Residents of a `place` node that has no `population=*` and no residential area of its own, by
 * its `place` value (documented defaults, editable as `osmImport.placePopulation`).
 */
export const DEFAULT_PLACE_POPULATION: Readonly<Record<string, number>> = Object.freeze({
  city: 100_000,
  town: 10_000,
  suburb: 10_000,
  quarter: 5_000,
  neighbourhood: 1_000,
  village: 300,
  hamlet: 50,
  isolated_dwelling: 5,
});

/** `place` values read as urban communities. */
export const URBAN_PLACES = ['city', 'town', 'suburb', 'quarter', 'neighbourhood'];
/** `place` values read as rural communities. */
export const RURAL_PLACES = ['village', 'hamlet', 'isolated_dwelling'];

/** What an OSM import takes besides the file. */
export interface OsmImportOptions extends OsmScanOptions {
  /** File name for messages and the report. */
  file: string;
  /** Categories whose `osmTags` pick facilities (the active settings' categories). */
  categories: readonly CategoryDef[];
  /** Language of names: `zh` prefers `name:zh`, `en` prefers `name:en`; then `name` (default `zh`). */
  lang?: 'zh' | 'en';
  /** The walking profile (default: the built-in foot profile). */
  footProfile?: FootProfile;
  populationDensity?: PopulationDensity;
  placePopulation?: Record<string, number>;
  /** Keep only what lies in `[west, south, east, north]` degrees. */
  bbox?: [number, number, number, number];
  /** Keep only what lies in these polygon rings (outer and holes, even–odd), `[lon, lat]`. */
  boundary?: [number, number][][];
}

/** Counts of what an import kept and skipped, by reason: the `import-report.json` and the load reports. */
export interface OsmImportReport {
  file: string;
  format: string;
  elements: { nodes: number; ways: number; relations: number };
  roads: {
    /** Walkable ways kept. */
    ways: number;
    /** Line features written (ways split at shared nodes and cut at barriers). */
    features: number;
    /** Kept ways by the profile's reason (e.g. `highway=residential`). */
    keptByReason: Record<string, number>;
    /** Ways with a highway-like tag left out, by the profile's reason. */
    skippedByReason: Record<string, number>;
    /** Nodes that cut ways (barriers), by reason. */
    barriers: Record<string, number>;
  };
  facilities: { kept: number; byCategory: Record<string, number>; skippedByReason: Record<string, number> };
  communities: {
    kept: number;
    urban: number;
    rural: number;
    /** How many have an estimated population (`population_source: "estimated"`). */
    estimated: number;
    fromPlaces: number;
    fromResidential: number;
    withDistrict: number;
    skippedByReason: Record<string, number>;
  };
  /** Elements skipped with their reason, one line each (broken rings, missing nodes …), first 200. */
  problems: string[];
}
