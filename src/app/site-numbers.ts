/**
 * Site numbers: the label a proposed site carries on the map and in the list. Numbers are given once
 * per run (the run's rank order, #1 = most residents newly covered) and then stay with their site
 * through drags and removals; an added site gets the next free number. Pure functions on arrays in
 * the proposal's edit order.
 */

/** Numbers for a new run or a restored proposal: each site's rank (1 = first). */
export function numbersFromRanks(sites: readonly { rank: number }[]): number[] {
  return sites.map((s) => s.rank);
}

/** Numbers after a site was appended: the others keep theirs, the new one gets the largest + 1. */
export function numbersAfterAdd(numbers: readonly number[]): number[] {
  return [...numbers, numbers.reduce((m, x) => Math.max(m, x), 0) + 1];
}

/** Numbers after site `i` was removed: the others keep theirs (gaps stay, so #3 is still #3). */
export function numbersAfterRemove(numbers: readonly number[], i: number): number[] {
  if (!(i >= 0 && i < numbers.length)) throw new RangeError(`numbersAfterRemove: no site ${i} of ${numbers.length}`);
  return numbers.filter((_, j) => j !== i);
}

/**
 * Numbers for `count` sites given the previous numbers: kept when the count is unchanged (a drag, a
 * re-evaluation under new coverage), else from the ranks. Always one number per site.
 */
export function keepNumbers(previous: readonly number[], sites: readonly { rank: number }[]): number[] {
  return previous.length === sites.length ? [...previous] : numbersFromRanks(sites);
}
