/**
 * The gap table's time column: minutes to a category the community LACKS, never to a category it
 * already has (the map's selected category used to be shown).
 */
import { describe, expect, it } from 'vitest';
import { missingTime } from '../../src/app/results/gap-rows';

// 3 communities × 3 categories (clinic, canteen, school), seconds.
const K = 3;
const rep = new Float32Array([
  // community 0: clinic 300 s (covered), canteen 1500 s, school 2400 s
  300,
  1500,
  2400,
  // community 1: clinic unreachable, canteen 200 s, school 100 s
  Infinity,
  200,
  100,
  // community 2: all near
  60,
  60,
  60,
]);

describe('missingTime', () => {
  it('shows the missing category, not a covered one', () => {
    const t = missingTime({ community: 0, missing: [1] }, rep, K);
    expect(t).toEqual({ category: 1, seconds: 1500 });
  });
  it('with several missing, the farthest one', () => {
    expect(missingTime({ community: 0, missing: [1, 2] }, rep, K)).toEqual({ category: 2, seconds: 2400 });
    expect(missingTime({ community: 1, missing: [0, 1] }, rep, K)).toEqual({ category: 0, seconds: Infinity });
  });
  it('follows the category filter when the row misses it, else ignores the filter', () => {
    expect(missingTime({ community: 0, missing: [1, 2] }, rep, K, 1)).toEqual({ category: 1, seconds: 1500 });
    // filter on clinic, which community 0 has: the time is still to a missing category
    expect(missingTime({ community: 0, missing: [1, 2] }, rep, K, 0)).toEqual({ category: 2, seconds: 2400 });
  });
  it('nothing missing: no category', () => {
    expect(missingTime({ community: 2, missing: [] }, rep, K)).toEqual({ category: -1, seconds: Infinity });
  });
});
