import type { Accessibility } from '../engine/accessibility/compute-accessibility';
import type { Analysis } from '../engine/analyze';
import { representativeSecondsOf } from '../engine/coverage/representative-seconds';
import type { Dataset, Settings } from '../engine/model';
import { writeCsv } from './csv-write';

/** The columns of accessibility.csv, in order. */
const ACCESSIBILITY_COLUMNS = [
  'community_id',
  'name',
  'kind',
  'district',
  'category',
  'population',
  'minutes',
  'covered_share',
  'sfca_2',
  'sfca_e2',
] as const;

/**
 * Supply per resident as "places per 1,000 residents" rounded to 0.001, or null when no facility is
 * in reach (NaN): reports write it empty ("none in reach"), never 0.
 */
export function placesPerThousand(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 1e6) / 1e3 : null;
}

/** The community-feature property names of the accessibility of category `id`: `sfca_2_<id>`, `sfca_e2_<id>`. */
export function accessibilityKeys(id: string): [string, string] {
  return [`sfca_2_${id}`, `sfca_e2_${id}`];
}

/**
 * accessibility.csv: one row per community × category (communities in file order, categories in
 * settings order): `community_id, name, kind, district, category, population, minutes,
 * covered_share, sfca_2, sfca_e2`. `district` is the community's (empty: unassigned); `population` the
 * residents the category serves (its demand column when one is chosen, else all residents); `minutes` is the
 * time from the community's representative sample to the nearest facility (0.1, as `t_<id>_min`;
 * empty when unreachable); `covered_share` the covered share of its residents (3 decimals);
 * `sfca_2`, `sfca_e2` places per 1,000 residents (0.001), empty when none is in reach.
 * UTF-8 with BOM, formulas escaped (csv-write).
 */
export function accessibilityCsv(
  dataset: Pick<Dataset, 'communities'>,
  analysis: Pick<Analysis, 'samples' | 'fields' | 'coverage'>,
  accessibility: Accessibility,
  settings: Pick<Settings, 'categories'>,
): string {
  const rows: (string | number | null)[][] = [];
  const K = settings.categories.length;
  dataset.communities.forEach((c, ci) => {
    settings.categories.forEach((cat, k) => {
      const a = accessibility.categories[k]!;
      const seconds = representativeSecondsOf(analysis.samples, analysis.fields[k]!, ci);
      const share = analysis.coverage.share[ci * K + k]!;
      rows.push([
        c.id,
        c.name,
        c.kind,
        c.district ?? '',
        cat.id,
        c.demand?.[cat.id] ?? c.population,
        Number.isFinite(seconds) ? Math.round(seconds / 6) / 10 : null,
        Number.isFinite(share) ? Math.round(share * 1000) / 1000 : null,
        placesPerThousand(a.sfca2[ci]!),
        placesPerThousand(a.sfcaE2[ci]!),
      ]);
    });
  });
  return writeCsv(ACCESSIBILITY_COLUMNS, rows);
}

/** summary.json's `accessibility` member: per category, what the plan's ratios are compared with. */
export interface AccessibilitySummary {
  [category: string]: {
    /** What a capacity counts (places, seats, m²), or null when the category names no unit. */
    capacity_unit: { zh: string; en: string } | null;
    facilities: number;
    /** Ids of the facilities whose capacity is missing, zero, negative or not a number (they supply nothing). */
    facilities_without_capacity: string[];
    /** Σ of the usable capacities. */
    supply: number;
    /** Σ capacity ÷ all residents × 1,000 (0.001); null without residents. */
    supply_per_1000: number | null;
    /** Residents with a facility of the category in reach. */
    population_in_reach: number;
    /** Resident-weighted mean over the residents in reach, places per 1,000 (0.001); null when none is in reach. */
    sfca_2: number | null;
    sfca_e2: number | null;
    /** Planning ratio of the category (e.g. 4.55 childcare places per 1,000), when the preset gives one. */
    target_per_1000: number | null;
  };
}

/** The `accessibility` member of summary.json. */
export function accessibilitySummary(
  dataset: Pick<Dataset, 'facilities'>,
  accessibility: Accessibility,
  settings: Pick<Settings, 'categories'>,
): AccessibilitySummary {
  const out: AccessibilitySummary = {};
  settings.categories.forEach((cat, k) => {
    const a = accessibility.categories[k]!;
    out[cat.id] = {
      capacity_unit: cat.capacityUnit ? { zh: cat.capacityUnit.zh, en: cat.capacityUnit.en } : null,
      facilities: a.facilities,
      facilities_without_capacity: a.withoutCapacity.map((j) => dataset.facilities[j]!.id),
      supply: a.supply,
      supply_per_1000: a.population > 0 ? placesPerThousand(a.supply / a.population) : null,
      population_in_reach: Math.round(a.populationInReach),
      sfca_2: placesPerThousand(a.meanSfca2),
      sfca_e2: placesPerThousand(a.meanSfcaE2),
      target_per_1000: cat.capacityPerThousand ?? null,
    };
  });
  return out;
}
