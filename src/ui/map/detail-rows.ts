/**
 * What the community detail card lists, from the store alone (pure, no React): for every category of
 * the settings, the time from the community's representative sample to the nearest facility
 * (the coverage view's repSeconds), the threshold of the community's kind, whether the time is within it, and
 * the covered share.
 */
import type { CommunityKind, Settings } from '../../engine/model';
import type { CommunityAccessibilityRow } from '../../engine/accessibility/community-accessibility';
import type { CoverageView } from '../../engine/coverage/coverage-view';

/** One category row of the community card. */
export interface CommunityCategoryRow {
  categoryId: string;
  /** Seconds to the nearest facility of the category; `Infinity` when none is reachable. */
  seconds: number;
  thresholdMinutes: number;
  /** `seconds ≤ thresholdMinutes × 60`. */
  within: boolean;
  /** Covered population share of the community, 0–1 (NaN without residents). */
  share: number;
}

/**
 * Rows of community `c` (index into the coverage arrays) of kind `kind`, one per category of
 * `settings` that the coverage knows, in settings order.
 * @throws when `c` is outside the coverage
 */
export function communityRows(coverage: CoverageView, settings: Settings, c: number, kind: CommunityKind): CommunityCategoryRow[] {
  const K = coverage.categoryIds.length;
  if (!(Number.isInteger(c) && c >= 0 && (c + 1) * K <= coverage.repSeconds.length)) {
    throw new Error(`communityRows: community ${c} outside the coverage (${K > 0 ? coverage.repSeconds.length / K : 0} communities)`);
  }
  return settings.categories.flatMap((cat) => {
    const k = coverage.categoryIds.indexOf(cat.id);
    if (k < 0) return [];
    const seconds = coverage.repSeconds[c * K + k]!;
    const thresholdMinutes = cat.thresholdMinutes[kind];
    return [{ categoryId: cat.id, seconds, thresholdMinutes, within: seconds <= thresholdMinutes * 60, share: coverage.share[c * K + k]! }];
  });
}

/** Minutes of a duration in seconds with one decimal, localised; `null` for a non-finite time. */
export function formatMinutes(seconds: number, locale: string): string | null {
  if (!Number.isFinite(seconds)) return null;
  return (seconds / 60).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/**
 * "2SFCA / E2SFCA" places per 1,000 residents with one decimal, localised; `none` when no facility
 * is in reach; '' while the engine has not answered.
 */
export function perThousandText(row: CommunityAccessibilityRow | undefined, locale: string, none: string): string {
  if (!row) return '';
  if (row.sfca2PerThousand === null || row.sfcaE2PerThousand === null) return none;
  const f = (v: number) => v.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${f(row.sfca2PerThousand)} / ${f(row.sfcaE2PerThousand)}`;
}
