/**
 * Whom a facility serves (a map click on a facility): the communities whose nearest facility of its
 * category is this one. Read from the access fields at each community's representative sample (its
 * first sample), so the answer agrees with `representativeSeconds`.
 */
import type { AccessField, CommunityKind, Dataset, DemandSamples, PerKind, Settings } from '../model';

/** A community served by a facility: the facility is its nearest one of the category. */
export interface ServedCommunity {
  index: number;
  id: string;
  name: string;
  kind: CommunityKind;
  /** Residents, persons. */
  population: number;
  /** Seconds from the community's representative sample to the facility. */
  seconds: number;
  /** True when `seconds` is within the category's threshold for the community's kind. */
  within: boolean;
}

/** Whom one facility serves. */
export interface ServedBy {
  facility: { index: number; id: string; name: string; category: string };
  /** Thresholds of the facility's category in minutes, or null when the category is not in the settings. */
  thresholdMinutes: PerKind<number> | null;
  /** Served communities, nearest first. */
  communities: ServedCommunity[];
  /** Residents (persons) of the served communities, and of those within the threshold. */
  population: number;
  coveredPopulation: number;
}

/**
 * Communities whose nearest facility of the facility's category (at their representative sample) is
 * this facility.
 * @param facilityIndex index into `dataset.facilities`
 * @throws when `facilityIndex` is not a facility index
 */
export function servedBy(
  dataset: Dataset,
  samples: DemandSamples,
  fields: readonly AccessField[],
  settings: Settings,
  facilityIndex: number,
): ServedBy {
  const f = dataset.facilities[facilityIndex];
  if (!Number.isInteger(facilityIndex) || !f)
    throw new Error(`servedBy: no facility ${facilityIndex} (${dataset.facilities.length} facilities)`);
  const k = settings.categories.findIndex((c) => c.id === f.category);
  const cat = settings.categories[k];
  const field = fields[k];
  const out: ServedBy = {
    facility: { index: f.index, id: f.id, name: f.name, category: f.category },
    thresholdMinutes: cat ? { ...cat.thresholdMinutes } : null,
    communities: [],
    population: 0,
    coveredPopulation: 0,
  };
  if (!cat || !field) return out;
  dataset.communities.forEach((c, ci) => {
    const rep = samples.communityStart[ci]!;
    if (rep >= samples.communityStart[ci + 1]! || field.facility[rep] !== facilityIndex) return;
    const seconds = field.seconds[rep]!;
    const within = seconds <= cat.thresholdMinutes[c.kind] * 60;
    out.communities.push({ index: ci, id: c.id, name: c.name, kind: c.kind, population: c.population, seconds, within });
    out.population += c.population;
    if (within) out.coveredPopulation += c.population;
  });
  out.communities.sort((a, b) => a.seconds - b.seconds || a.index - b.index);
  return out;
}
