import type { Accessibility } from '../engine/accessibility/compute-accessibility';
import type { Dataset, Settings } from '../engine/model';
import { ByteWriter, type ByteSink } from './byte-writer';
import { writeCsvCell } from './csv-write';
import type { ReportTable } from './report-rows';

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
function placesPerThousand(value: number): number | null {
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
 * UTF-8 with BOM, CRLF, formulas escaped: the bytes `writeCsv` (csv-write) would give, written
 * straight into one buffer.
 *
 * @param table the report's rounded minutes and shares (`reportTable` of the same analysis; its categories in settings order)
 * @param sink where the bytes go as they are made (then an empty array is returned); default: returned whole
 */
export function accessibilityCsv(
  dataset: Pick<Dataset, 'communities'>,
  table: Pick<ReportTable, 'tenths' | 'thousandths'>,
  accessibility: Accessibility,
  settings: Pick<Settings, 'categories'>,
  sink?: ByteSink,
): Uint8Array {
  const K = settings.categories.length;
  const C = dataset.communities.length;
  const w = new ByteWriter(C * K * 80 + 4096, sink);
  w.text('\uFEFF');
  ACCESSIBILITY_COLUMNS.forEach((h, j) => {
    if (j > 0) w.byte(44);
    writeCsvCell(w, h);
  });
  w.text('\r\n');
  const categoryCells = settings.categories.map((cat) => {
    const cell = new ByteWriter(cat.id.length * 3 + 16);
    writeCsvCell(cell, cat.id);
    return cell;
  });
  // places per 1,000 (0.001) as placesPerThousand gives it; empty when none is in reach
  const places = (v: number): void => {
    if (Number.isFinite(v)) w.fixed(Math.round(v * 1e6), 3, 1000);
  };
  for (let c = 0; c < C; c++) {
    const community = dataset.communities[c]!;
    // the cells before the category's are the same on the community's K rows
    const rowStart = w.length;
    writeCsvCell(w, community.id);
    w.byte(44);
    writeCsvCell(w, community.name);
    w.byte(44);
    writeCsvCell(w, community.kind);
    w.byte(44);
    writeCsvCell(w, community.district ?? '');
    w.byte(44);
    const rowHead = w.length;
    // and so is the population, unless a category counts an age group's column: written once, copied on the next rows
    let popStart = 0;
    let popEnd = 0;
    for (let k = 0; k < K; k++) {
      if (k > 0) w.copyFrom(w, rowStart, rowHead);
      const cat = categoryCells[k]!;
      w.copyFrom(cat, 0, cat.length);
      w.byte(44);
      const demand = community.demand?.[settings.categories[k]!.id];
      if (demand !== undefined) writeCsvCell(w, demand);
      else if (popEnd > popStart) w.copyFrom(w, popStart, popEnd);
      else {
        popStart = w.length;
        writeCsvCell(w, community.population);
        popEnd = w.length;
      }
      w.byte(44);
      const t = table.tenths[c * K + k]!;
      if (Number.isFinite(t)) w.fixed(t, 1, 10);
      w.byte(44);
      const s = table.thousandths[c * K + k]!;
      if (Number.isFinite(s)) w.fixed(s, 3, 1000);
      w.byte(44);
      const a = accessibility.categories[k]!;
      places(a.sfca2[c]!);
      w.byte(44);
      places(a.sfcaE2[c]!);
      w.text('\r\n');
    }
    w.flushIfFull();
  }
  return w.finish();
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
