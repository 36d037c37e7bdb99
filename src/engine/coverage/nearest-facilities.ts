/**
 * A community's nearest facilities (a map click on a community): for every category, the nearest
 * facility from the community's representative sample (its first sample), so the answer agrees with
 * `representativeSeconds`.
 */
import type { AccessField, Dataset, DemandSamples, Settings } from '../model';

/** The nearest facility of one category from a community's representative sample. */
export interface NearestFacility {
  categoryId: string;
  /** Seconds; `Infinity` when no facility of the category is reachable. */
  seconds: number;
  facility: { index: number; id: string; name: string } | null;
}

/**
 * The nearest facility of every category (settings order) from a community's representative sample.
 * @throws when `communityIndex` is not a community index
 */
export function nearestFacilities(
  dataset: Dataset,
  samples: DemandSamples,
  fields: readonly AccessField[],
  settings: Settings,
  communityIndex: number,
): NearestFacility[] {
  if (!Number.isInteger(communityIndex) || !dataset.communities[communityIndex]) {
    throw new Error(`nearestFacilities: no community ${communityIndex} (${dataset.communities.length} communities)`);
  }
  const rep = samples.communityStart[communityIndex]!;
  const hasSample = rep < samples.communityStart[communityIndex + 1]!;
  return settings.categories.map((cat, k) => {
    const field = fields[k];
    const fi = hasSample && field ? field.facility[rep]! : -1;
    const f = fi >= 0 ? dataset.facilities[fi] : undefined;
    return {
      categoryId: cat.id,
      seconds: hasSample && field ? field.seconds[rep]! : Infinity,
      facility: f ? { index: f.index, id: f.id, name: f.name } : null,
    };
  });
}
