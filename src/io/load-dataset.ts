import { estimateDemandSamples, MAX_DEMAND_SAMPLES } from '../engine/coverage/demand-samples';
import type { Community, Dataset, Problem, ReadResult, Road, Settings } from '../engine/model';
import { isWalkable } from '../engine/network/walkability';
import type { CategoryMapping } from './category-mapping';
import { padBBox, pointLayerSummary, type BBox } from './coordinate-checks';
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
  /**
   * What `readRoads` gave for the features of `input.roads`, when the caller has read them already
   * (the CLI does, for the offset check of the point files): used instead of reading them again, and
   * `dataset.roads` is its very array (so a graph cached for it is the analysis's graph).
   */
  roadsRead?: ReadResult<Road[]>;
}

/**
 * Read and validate a dataset: parse each layer, read its features, then check the layers
 * against each other (axes swapped in one layer, layers far apart). Used by the CLI and the
 * browser worker alike. Never throws on bad data: an unusable file is a whole-file error (index -1)
 * and an empty layer; every skipped feature is one error, counted in `counts`. A roads file with no
 * usable or no walkable road gets a warning naming it; communities that would need more than
 * MAX_DEMAND_SAMPLES demand samples at `settings.sampleSpacingMeters` (when given) are a whole-file
 * error naming the file and the largest community.
 *
 * @param input the layers
 * @param settings the categories facilities are mapped to, and the sample spacing (optional)
 * @param options field mappings
 */
export function loadDataset(
  input: DatasetInput,
  settings: Pick<Settings, 'categories'> & Partial<Pick<Settings, 'sampleSpacingMeters'>>,
  options: LoadOptions = {},
): LoadedDataset {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const layer = <T>(inp: LayerInput, read: (features: readonly FeatureLike[], file: string) => ReadResult<T[]>) => {
    let features: readonly FeatureLike[] | null;
    if ('text' in inp) {
      const parsed = parseGeoJsonText(inp.text, inp.file);
      appendAll(warnings, parsed.warnings);
      appendAll(errors, parsed.errors);
      features = parsed.value;
    } else features = inp.features;
    if (!features) return { items: [] as T[], counts: { read: 0, kept: 0, skipped: 0 }, usable: false };
    const r = read(features, inp.file);
    appendAll(warnings, r.warnings);
    appendAll(errors, r.errors);
    const skippedIndices = new Set<number>();
    for (const p of r.errors) if (p.index >= 0) skippedIndices.add(p.index);
    const skipped = skippedIndices.size;
    return { items: r.value, counts: { read: features.length, kept: features.length - skipped, skipped }, usable: true };
  };

  const fac = layer(input.facilities, (f, file) => readFacilities(f, file, settings, options.facilities));
  // demand by age group: the categories' populationField, overridden per category by the mapping's demandFields
  const demandFields: Record<string, string> = {};
  for (const c of settings.categories) if (c.populationField) demandFields[c.id] = c.populationField;
  Object.assign(demandFields, options.communities?.demandFields ?? {});
  const communityMapping = Object.keys(demandFields).length > 0 ? { ...options.communities, demandFields } : options.communities;
  const com = layer(input.communities, (f, file) => readCommunities(f, file, communityMapping));
  const roadsRead = options.roadsRead;
  const roads = input.roads ? layer(input.roads, roadsRead ? () => roadsRead : readRoads) : null;
  if (input.roads && roads?.usable) checkRoads(roads.items, roads.counts.read, input.roads.file, warnings);
  if (settings.sampleSpacingMeters !== undefined && com.items.length > 0) {
    const tooMany = demandSampleProblem(com.items, settings.sampleSpacingMeters, input.communities.file);
    if (tooMany) errors.push(tooMany);
  }

  const facPts = { lon: new Float64Array(fac.items.length), lat: new Float64Array(fac.items.length) };
  for (let i = 0; i < fac.items.length; i++) {
    facPts.lon[i] = fac.items[i]!.lon;
    facPts.lat[i] = fac.items[i]!.lat;
  }
  // a community's representative point: its first position
  const comPts = { lon: new Float64Array(com.items.length), lat: new Float64Array(com.items.length) };
  for (let i = 0; i < com.items.length; i++) {
    let p: unknown = com.items[i]!.geometry.coordinates;
    while (Array.isArray(p) && Array.isArray(p[0])) p = p[0];
    comPts.lon[i] = (p as [number, number])[0];
    comPts.lat[i] = (p as [number, number])[1];
  }
  const facLayer = pointLayerSummary(facPts.lon, facPts.lat);
  const comLayer = pointLayerSummary(comPts.lon, comPts.lat);
  for (const [name, file, summary] of [
    ['facilities', input.facilities.file, facLayer],
    ['communities', input.communities.file, comLayer],
  ] as const) {
    if (summary.swapped) {
      warnings.push({
        file,
        index: -1,
        reason:
          `most ${name} fall outside China but would fall inside with longitude and ` +
          'latitude swapped: check that coordinates are [lon, lat]',
      });
    }
  }
  const facBox = facLayer.bbox;
  const comBox = comLayer.bbox;
  if (facBox && comBox && !intersects(padBBox(facBox, 0.1), comBox)) {
    const swapped: BBox = [facBox[1], facBox[0], facBox[3], facBox[2]];
    const hint =
      intersects(padBBox(swapped, 0.1), comBox) || intersects(padBBox(facBox, 0.1), [comBox[1], comBox[0], comBox[3], comBox[2]])
        ? ' They would overlap with longitude and latitude swapped in one of them: check the axis order.'
        : ' Different places, or one layer in another coordinate system?';
    warnings.push({
      file: input.facilities.file,
      index: -1,
      reason: `facilities (bbox ${fmt(facBox)}) and communities (bbox ${fmt(comBox)}) of ${input.communities.file} do not overlap.${hint}`,
    });
  }
  return {
    dataset: { facilities: fac.items, communities: com.items, roads: roads ? roads.items : null },
    warnings,
    errors,
    counts: { facilities: fac.counts, communities: com.counts, roads: roads ? roads.counts : null },
  };
}

/** Push every item of `items` onto `into` (no spread: a spread of 200,000 problems overflows the stack). */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i] as T);
}

/** A roads file with no usable road, or none a pedestrian may walk, is named in a warning. */
function checkRoads(roads: readonly Road[], read: number, file: string, warnings: Problem[]): void {
  const fallback = 'the network model falls back to straight lines (haversine × detour factor)';
  if (read === 0) {
    warnings.push({ file, index: -1, reason: `the roads file has no features: ${fallback}` });
    return;
  }
  if (roads.length === 0) {
    warnings.push({ file, index: -1, reason: `none of the ${read} features of the roads file is a usable road: ${fallback}` });
    return;
  }
  const kinds = new Set<string>();
  for (const r of roads) {
    if (isWalkable(r.highway, r.footAccess)) return;
    if (kinds.size < 5) kinds.add(r.highway ?? 'none');
  }
  warnings.push({
    file,
    index: -1,
    reason:
      `none of the ${roads.length} roads may be walked (highway ${[...kinds].join(', ')}): ` +
      'the network has no walkable edge, so every community is off-network',
  });
}

/**
 * The communities would need more demand samples than the engine makes: a whole-file error naming
 * the file and the largest community, before any memory is taken.
 */
function demandSampleProblem(communities: readonly Community[], spacingMeters: number, file: string): Problem | null {
  if (!(spacingMeters > 0)) return null;
  let total = 0;
  let largest = 0;
  let largestCount = 0;
  for (let i = 0; i < communities.length; i++) {
    const n = estimateDemandSamples(communities[i]!.geometry, spacingMeters);
    total += n;
    if (n > largestCount) {
      largestCount = n;
      largest = i;
    }
  }
  if (total <= MAX_DEMAND_SAMPLES) return null;
  const c = communities[largest]!;
  return {
    file,
    index: -1,
    reason:
      `the communities cover too much ground to sample every ${spacingMeters} m: about ` +
      `${Math.round(total).toLocaleString('en')} demand samples, more than the ${MAX_DEMAND_SAMPLES.toLocaleString('en')} allowed ` +
      `(the largest, "${c.id}", alone about ${largestCount.toLocaleString('en')}). Check the polygons, or sample more coarsely`,
  };
}

function intersects(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function fmt(b: BBox): string {
  return b.map((v) => v.toFixed(3)).join(', ');
}
