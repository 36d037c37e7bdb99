import type { Analysis } from '../engine/analyze';
import { representativeSecondsOf } from '../engine/coverage/representative-seconds';
import type { Community } from '../engine/model';

/** One flat report row of a community: the property order of gaps.geojson, communities.geojson and coverage.csv. */
export type ReportRow = Record<string, string | number | null>;

/** Minutes rounded to 0.1, or null when unreachable. */
function minutesOrNull(seconds: number): number | null {
  return Number.isFinite(seconds) ? Math.round(seconds / 6) / 10 : null;
}

/** A share 0–1 rounded to 3 decimals (null when undefined, e.g. no residents and no sample). */
function share3(share: number): number | null {
  return Number.isFinite(share) ? Math.round(share * 1000) / 1000 : null;
}

/** The column names of a report row, in order, for the given categories. */
export function reportColumns(categoryIds: readonly string[]): string[] {
  return [
    'id',
    'name',
    'kind',
    'population',
    'missing',
    ...categoryIds.map((id) => `t_${id}_min`),
    ...categoryIds.map((id) => `cov_${id}`),
  ];
}

/**
 * The report row of community `c`, in the order of {@link reportColumns}: `id`, `name`, `kind`,
 * `population`, `missing` (comma-separated ids of categories whose covered share is below 1), then
 * `t_<id>_min` (minutes from the representative sample, 0.1) and `cov_<id>` (covered population
 * share, 3 decimals) for every category. Computed once per community for every report file.
 */
export function communityRowValues(
  community: Community,
  c: number,
  analysis: Pick<Analysis, 'coverage' | 'samples' | 'fields'>,
): (string | number | null)[] {
  const { coverage, samples, fields } = analysis;
  const ids = coverage.categoryIds;
  const K = ids.length;
  const missing: string[] = [];
  for (let k = 0; k < K; k++) if (!(coverage.share[c * K + k]! >= 1 - 1e-9)) missing.push(ids[k]!);
  const values: (string | number | null)[] = [community.id, community.name, community.kind, community.population, missing.join(',')];
  for (let k = 0; k < K; k++) values.push(minutesOrNull(representativeSecondsOf(samples, fields[k]!, c)));
  for (let k = 0; k < K; k++) values.push(share3(coverage.share[c * K + k]!));
  return values;
}
