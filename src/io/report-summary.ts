import type { Analysis } from '../engine/analyze';
import type { Problem, Settings } from '../engine/model';
import type { ReportProvenance } from './report-metadata';
import type { summaryIndicators } from './indicators-report';

/** A problem as written to summary.json. */
export interface ReportProblem {
  severity: 'warning' | 'error';
  file: string;
  index: number;
  id: string | null;
  reason: string;
}

/** summary.json of an analysis (the schema of the README, "Command line"). */
export interface Summary {
  model: 'network' | 'straight';
  preset: string;
  settings: Settings;
  communities: number;
  population: number;
  categories: Record<
    string,
    {
      threshold_min: { urban: number; rural: number };
      population_covered: number;
      share: number | null;
      urban_share: number | null;
      rural_share: number | null;
    }
  >;
  complete_share: number | null;
  warnings: ReportProblem[];
  /** Minutes bands, urban/rural figures, equity, districts and the plan dashboard (see docs/report-schema.md). */
  indicators?: ReturnType<typeof summaryIndicators>;
  /** What produced the report (the same object as the GeoJSON files' `lifecircle` member). */
  provenance?: ReportProvenance;
}

const share4 = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 1e4) / 1e4 : null);

/** Problems for a report, in a stable shape: errors (skipped features) and warnings. */
export function reportProblems(warnings: readonly Problem[], errors: readonly Problem[] = []): ReportProblem[] {
  const one =
    (severity: 'warning' | 'error') =>
    (p: Problem): ReportProblem => ({ severity, file: p.file, index: p.index, id: p.id ?? null, reason: p.reason });
  return [...errors.map(one('error')), ...warnings.map(one('warning'))];
}

/**
 * The summary of an analysis: covered residents and shares per category (shares to 4 decimals),
 * the complete-circle share, every problem found on the way and, when given, the provenance.
 */
export function buildSummary(
  analysis: Analysis,
  settings: Settings,
  communityCount: number,
  problems: ReportProblem[],
  provenance?: ReportProvenance,
  indicators?: Summary['indicators'],
): Summary {
  const cov = analysis.coverage;
  const categories: Summary['categories'] = {};
  settings.categories.forEach((cat, k) => {
    const t = cov.totals[k]!;
    categories[cat.id] = {
      threshold_min: { urban: cat.thresholdMinutes.urban, rural: cat.thresholdMinutes.rural },
      population_covered: Math.round(t.covered),
      share: share4(t.share),
      urban_share: share4(t.urbanShare),
      rural_share: share4(t.ruralShare),
    };
  });
  return {
    model: analysis.model,
    preset: settings.preset,
    settings,
    communities: communityCount,
    population: Math.round(cov.population.total),
    categories,
    complete_share: share4(cov.population.total > 0 ? cov.completeCovered / cov.population.total : NaN),
    warnings: problems,
    ...(indicators ? { indicators } : {}),
    ...(provenance ? { provenance } : {}),
  };
}
