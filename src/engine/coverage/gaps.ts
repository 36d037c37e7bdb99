import type { Community } from '../model';
import type { Coverage } from './coverage';

/** A community not fully covered: at least one category leaves some of its residents outside the circle. */
export interface GapCommunity {
  /** Index into the community array. */
  community: number;
  /** Category indices (order of the settings) whose covered share is below 1. */
  missing: number[];
  /** Residents outside the circle of at least one category. */
  uncoveredPopulation: number;
}

/** Tolerance below 1 for "fully covered" (floating sums of sample populations). */
const FULL = 1 - 1e-9;

/**
 * Communities that are not fully covered, in input order.
 *
 * @param communities the analysed communities
 * @param coverage their coverage (computeCoverage)
 */
export function findGaps(communities: readonly Community[], coverage: Coverage): GapCommunity[] {
  const K = coverage.categoryIds.length;
  const gaps: GapCommunity[] = [];
  const share = coverage.share;
  for (let c = 0; c < coverage.communityCount; c++) {
    // most communities are complete: find the first missing category before allocating anything
    let k0 = 0;
    while (k0 < K && share[c * K + k0]! >= FULL) k0++;
    if (k0 === K) continue;
    const missing: number[] = [k0];
    for (let k = k0 + 1; k < K; k++) if (!(share[c * K + k]! >= FULL)) missing.push(k);
    const pop = communities[c]?.population ?? 0;
    gaps.push({ community: c, missing, uncoveredPopulation: Math.max(0, pop - coverage.completePopulation[c]!) });
  }
  return gaps;
}
