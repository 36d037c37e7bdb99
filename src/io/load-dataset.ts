import type { Dataset, Problem, ReadResult, Settings } from '../engine/model';
import type { CategoryMapping } from './category-mapping';
import { bboxOf, looksSwapped, padBBox, type BBox } from './coordinate-checks';
import type { FeatureLike } from './feature-helpers';
import { parseGeoJsonText } from './geojson-parse';
import { readCommunities, type CommunityMapping } from './read-communities';
import { readFacilities } from './read-facilities';
import { readRoads } from './read-roads';

/** One input layer: GeoJSON text, or features already read from another format (CSV, Shapefile). */
export type LayerInput = { text: string; file: string } | { features: readonly FeatureLike[]; file: string };

/** The files of a dataset; roads are optional (without them only the straight-line model runs). */
export interface DatasetInput {
  facilities: LayerInput;
  communities: LayerInput;
  roads?: LayerInput | null;
}

/** Features read, kept and skipped in one layer (`read = kept + skipped`; 0 when the file is unusable). */
export interface LayerCounts {
  read: number;
  kept: number;
  skipped: number;
}

/** What {@link loadDataset} returns. */
export interface LoadedDataset {
  dataset: Dataset;
  warnings: Problem[];
  errors: Problem[];
  counts: { facilities: LayerCounts; communities: LayerCounts; roads: LayerCounts | null };
}

/** Field mappings for files that do not use the usual property names. */
export interface LoadOptions {
  facilities?: CategoryMapping;
  communities?: CommunityMapping;
}

/**
 * Read and validate a dataset: parse each layer, read its features, then check the layers
 * against each other (axes swapped in one layer, layers far apart). Used by the CLI and the
 * browser worker alike. Never throws on bad data: an unusable file is a whole-file error (index -1)
 * and an empty layer; every skipped feature is one error, counted in `counts`.
 *
 * @param input the layers
 * @param settings the categories facilities are mapped to
 * @param options field mappings
 */
export function loadDataset(input: DatasetInput, settings: Pick<Settings, 'categories'>, options: LoadOptions = {}): LoadedDataset {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const layer = <T>(inp: LayerInput, read: (features: readonly FeatureLike[], file: string) => ReadResult<T[]>) => {
    let features: readonly FeatureLike[] | null;
    if ('text' in inp) {
      const parsed = parseGeoJsonText(inp.text, inp.file);
      warnings.push(...parsed.warnings);
      errors.push(...parsed.errors);
      features = parsed.value;
    } else features = inp.features;
    if (!features) return { items: [] as T[], counts: { read: 0, kept: 0, skipped: 0 } };
    const r = read(features, inp.file);
    warnings.push(...r.warnings);
    errors.push(...r.errors);
    const skipped = new Set(r.errors.filter((p) => p.index >= 0).map((p) => p.index)).size;
    return { items: r.value, counts: { read: features.length, kept: features.length - skipped, skipped } };
  };

  const fac = layer(input.facilities, (f, file) => readFacilities(f, file, settings, options.facilities));
  const com = layer(input.communities, (f, file) => readCommunities(f, file, options.communities));
  const roads = input.roads ? layer(input.roads, readRoads) : null;

  const points = (xs: { lon: number; lat: number }[]) => ({ lon: xs.map((p) => p.lon), lat: xs.map((p) => p.lat) });
  const facPts = points(fac.items);
  const comPts = points(com.items.map(representativePoint));
  for (const [name, file, pts] of [
    ['facilities', input.facilities.file, facPts],
    ['communities', input.communities.file, comPts],
  ] as const) {
    if (looksSwapped(pts.lon, pts.lat)) {
      warnings.push({ file, index: -1, reason: `most ${name} fall outside China but would fall inside with longitude and ` +
        'latitude swapped: check that coordinates are [lon, lat]' });
    }
  }
  const facBox = bboxOf(facPts.lon, facPts.lat);
  const comBox = bboxOf(comPts.lon, comPts.lat);
  if (facBox && comBox && !intersects(padBBox(facBox, 0.1), comBox)) {
    const swapped: BBox = [facBox[1], facBox[0], facBox[3], facBox[2]];
    const hint = intersects(padBBox(swapped, 0.1), comBox) || intersects(padBBox(facBox, 0.1), [comBox[1], comBox[0], comBox[3], comBox[2]])
      ? ' They would overlap with longitude and latitude swapped in one of them: check the axis order.'
      : ' Different places, or one layer in another coordinate system?';
    warnings.push({ file: input.facilities.file, index: -1,
      reason: `facilities (bbox ${fmt(facBox)}) and communities (bbox ${fmt(comBox)}) of ${input.communities.file} do not overlap.${hint}` });
  }
  return {
    dataset: { facilities: fac.items, communities: com.items, roads: roads ? roads.items : null },
    warnings,
    errors,
    counts: { facilities: fac.counts, communities: com.counts, roads: roads ? roads.counts : null },
  };
}

function representativePoint(c: { geometry: { type: string; coordinates: unknown } }): { lon: number; lat: number } {
  let p: unknown = c.geometry.coordinates;
  while (Array.isArray(p) && Array.isArray(p[0])) p = p[0];
  const [lon, lat] = p as [number, number];
  return { lon, lat };
}

function intersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function fmt(b: BBox): string {
  return b.map((v) => v.toFixed(3)).join(', ');
}
