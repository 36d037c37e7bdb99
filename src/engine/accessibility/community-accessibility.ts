import type { Accessibility } from './compute-accessibility';

/** One category's capacity-aware accessibility of one community, for a detail card. */
export interface CommunityAccessibilityRow {
  categoryId: string;
  /** 2SFCA, places per 1,000 residents; null when no facility of the category is in reach. */
  sfca2PerThousand: number | null;
  /** E2SFCA, places per 1,000 residents; null when none is in reach. */
  sfcaE2PerThousand: number | null;
}

/**
 * The accessibility of community `c` per category (settings order), as places per 1,000 residents.
 *
 * @param accessibility `computeAccessibility` of the current analysis
 * @param c community index
 * @throws RangeError when `c` is not a community of the accessibility
 */
export function communityAccessibility(accessibility: Accessibility, c: number): CommunityAccessibilityRow[] {
  return accessibility.categories.map((a) => {
    if (!(Number.isInteger(c) && c >= 0 && c < a.sfca2.length)) throw new RangeError(`communityAccessibility: no community ${c}`);
    const v2 = a.sfca2[c]!;
    const e2 = a.sfcaE2[c]!;
    return {
      categoryId: a.category,
      sfca2PerThousand: Number.isFinite(v2) ? v2 * 1000 : null,
      sfcaE2PerThousand: Number.isFinite(e2) ? e2 * 1000 : null,
    };
  });
}
