import type { Analysis } from '../engine/analyze';
import { representativeSecondsOf } from '../engine/coverage/representative-seconds';

/** One flat report row of a community: the property order of gaps.geojson, communities.geojson and coverage.csv. */
export type ReportRow = Record<string, string | number | null>;

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
 * The computed columns of every community's report row (see {@link reportColumns}), column by
 * column in typed arrays: made once per report and shared by coverage.csv, communities.geojson and
 * gap-communities.geojson, with no array or object per community. `id`, `name`, `kind` and
 * `population` are the community's own.
 */
export interface ReportTable {
  /** Category ids, in column order (`coverage.categoryIds`). */
  categoryIds: readonly string[];
  /**
   * Per community: comma-separated ids of the categories whose covered share is below 1 (`missing`);
   * communities missing the same categories share one string.
   */
  missing: string[];
  /**
   * Per community × category (`c × K + k`): `t_<id>_min` in tenths of a minute, the integer
   * `Math.round(seconds / 6)` from the representative sample (the column is this ÷ 10); NaN when
   * no facility is reachable (null in the reports).
   */
  tenths: Float64Array;
  /**
   * Per community × category: `cov_<id>`, the covered population share in thousandths, the integer
   * `Math.round(share × 1000)` (the column is this ÷ 1000); NaN when undefined (null), e.g. no
   * residents and no sample.
   */
  thousandths: Float64Array;
}

/** Categories per bit mask of a community's missing categories (more than this: no shared strings). */
const MASK_CATEGORIES = 30;

/**
 * The {@link ReportTable} of an analysis: `missing` (categories whose covered share is below
 * 1 − 1e-9), the minutes from the representative sample rounded to 0.1 and the covered shares
 * rounded to 3 decimals, for every community.
 *
 * @param analysis the coverage, samples and access fields of one run
 */
export function reportTable(analysis: Pick<Analysis, 'coverage' | 'samples' | 'fields'>): ReportTable {
  const { coverage, samples, fields } = analysis;
  const ids = coverage.categoryIds;
  const K = ids.length;
  const C = samples.communityStart.length - 1;
  const tenths = new Float64Array(C * K);
  const thousandths = new Float64Array(C * K);
  const missing = new Array<string>(C);
  // one string per set of missing categories (a bit mask), not one per community
  const byMask = new Map<number, string>();
  const missingText = (c: number): string => {
    const parts: string[] = [];
    for (let k = 0; k < K; k++) if (!(coverage.share[c * K + k]! >= 1 - 1e-9)) parts.push(ids[k]!);
    return parts.join(',');
  };
  for (let c = 0; c < C; c++) {
    let mask = 0;
    for (let k = 0; k < K; k++) {
      const share = coverage.share[c * K + k]!;
      if (!(share >= 1 - 1e-9)) mask |= 1 << k;
      thousandths[c * K + k] = Number.isFinite(share) ? Math.round(share * 1000) : NaN;
      const seconds = representativeSecondsOf(samples, fields[k]!, c);
      tenths[c * K + k] = Number.isFinite(seconds) ? Math.round(seconds / 6) : NaN;
    }
    if (K > MASK_CATEGORIES) missing[c] = missingText(c);
    else {
      let text = byMask.get(mask);
      if (text === undefined) byMask.set(mask, (text = missingText(c)));
      missing[c] = text;
    }
  }
  return { categoryIds: ids, missing, tenths, thousandths };
}
