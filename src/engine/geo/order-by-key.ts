/**
 * Sorts positions `0 .. count-1` by `key` ascending into `perm` (stable insertion sort: meant
 * for the few dozen candidates of one grid cell, where it beats a general sort).
 *
 * @param key one value per position (not mutated)
 * @param count how many positions to sort (≤ key.length, ≤ perm.length)
 * @param perm receives the positions in key order
 */
export function orderByKey(key: Float64Array, count: number, perm: Uint32Array): void {
  for (let i = 0; i < count; i++) {
    const k = key[i] as number;
    let j = i;
    while (j > 0 && (key[perm[j - 1] as number] as number) > k) {
      perm[j] = perm[j - 1] as number;
      j--;
    }
    perm[j] = i;
  }
}
