/**
 * The plan's indicators in the reports: the `indicators` member of summary.json and districts.csv
 * (one row per district × category). Schema: docs/report-schema.md.
 */
import type { ResidentStats } from '../engine/indicators/access-stats';
import type { Indicators } from '../engine/indicators/indicators';
import type { Settings } from '../engine/model';
import { writeCsv } from './csv-write';

/** The name reports give the communities without a district. */
export const UNASSIGNED = 'unassigned';

const r4 = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);
const r1 = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? Math.round(v * 10) / 10 : null);
/** Covered share of a set of residents, 4 decimals; null without residents. */
export const coveredShare = (s: ResidentStats): number | null => (s.population > 0 ? r4(s.covered / s.population) : null);

/** Figures of one set of residents as summary.json writes them. */
function residents(s: ResidentStats) {
  return {
    population: Math.round(s.population),
    population_covered: Math.round(s.covered),
    share: coveredShare(s),
    median_min: r1(s.medianMinutes),
    beyond_twice_threshold: Math.round(s.beyondTwice),
    bands: s.bands.map((b) => Math.round(b)),
  };
}

/** Lorenz points summary.json writes: 11 (p = 0, 0.1, …, 1). */
const REPORT_LORENZ_STEPS = 10;

/**
 * A Lorenz curve at the report's steps: a curve of 10·m steps (the app's 100) is thinned to every m-th
 * point, which are the very points `lorenzCurve` gives at 10 steps (p = k/10 = mk/10m, the same doubles).
 */
function reportLorenz(curve: readonly [number, number][]): readonly [number, number][] {
  const steps = curve.length - 1;
  if (steps <= REPORT_LORENZ_STEPS || steps % REPORT_LORENZ_STEPS !== 0) return curve;
  const every = steps / REPORT_LORENZ_STEPS;
  return curve.filter((_, i) => i % every === 0);
}

/** The `indicators` member of summary.json. */
export function summaryIndicators(ind: Indicators) {
  const name = (n: string | null) => n ?? UNASSIGNED;
  return {
    band_edges_min: ind.bandEdgesMinutes,
    bands: [
      ...ind.bandEdgesMinutes.map((e, i) => `${i === 0 ? 0 : ind.bandEdgesMinutes[i - 1]}-${e}`),
      `>${ind.bandEdgesMinutes.at(-1)}`,
      'no_road',
    ],
    equity: "gini of the communities' covered shares, weighted by residents; lorenz: [population fraction, covered-resident fraction]",
    categories: Object.fromEntries(
      ind.categoryIds.map((id, k) => {
        const o = ind.overall[k]!;
        return [
          id,
          {
            ...residents(o.all),
            urban: residents(o.urban),
            rural: residents(o.rural),
            gini: r4(o.gini),
            lorenz: reportLorenz(ind.lorenz[k]!).map(([p, y]) => [r4(p), r4(y)]),
          },
        ];
      }),
    ),
    districts: ind.districts.map((d) => ({
      district: name(d.name),
      communities: d.communities,
      population: Math.round(d.population),
      categories: Object.fromEntries(
        ind.categoryIds.map((id, k) => {
          const c = d.categories[k]!;
          return [id, { ...residents(c.all), urban_share: coveredShare(c.urban), rural_share: coveredShare(c.rural), gini: r4(c.gini) }];
        }),
      ),
    })),
    dashboard: ind.dashboard.map((row) => ({
      id: row.target.id,
      category: row.target.category,
      measure: row.target.measure,
      value: r4(row.value),
      target: row.target.target,
      met: row.met,
      ...(row.target.minutes ? { minutes: row.target.minutes } : {}),
      facilities: row.facilities,
      missing_capacity: row.missingCapacity,
      ...(row.missing ? { not_computable: row.missing } : {}),
      source: row.target.source,
      districts: Object.fromEntries(
        ind.districts.map((d, g) => [name(d.name), { value: r4(row.districts[g]!.value), met: row.districts[g]!.met }]),
      ),
    })),
  };
}

/** Columns of districts.csv. */
const DISTRICT_COLUMNS = [
  'district',
  'category',
  'communities',
  'population',
  'population_covered',
  'covered_share',
  'urban_share',
  'rural_share',
  'median_min',
  'urban_median_min',
  'rural_median_min',
  'beyond_twice_threshold',
  'gini',
] as const;

/**
 * districts.csv: one row per district × category (districts in group order, "unassigned" last;
 * categories in settings order). UTF-8 with BOM, CRLF (see csv-write).
 */
export function districtsCsv(ind: Indicators, settings: Pick<Settings, 'categories'>): string {
  const rows = ind.districts.flatMap((d) =>
    settings.categories.map((cat, k) => {
      const c = d.categories[k]!;
      return [
        d.name ?? UNASSIGNED,
        cat.id,
        d.communities,
        Math.round(c.all.population),
        Math.round(c.all.covered),
        coveredShare(c.all),
        coveredShare(c.urban),
        coveredShare(c.rural),
        r1(c.all.medianMinutes),
        r1(c.urban.medianMinutes),
        r1(c.rural.medianMinutes),
        Math.round(c.all.beyondTwice),
        r4(c.gini),
      ];
    }),
  );
  return writeCsv(DISTRICT_COLUMNS, rows);
}
