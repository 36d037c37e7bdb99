/**
 * Twice the signed area of a ring in its own coordinate units (shoelace): positive when the ring runs
 * counter-clockwise with x east and y north.
 */
export function ringArea2(ring: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return s;
}

/**
 * A copy of a ring with the RFC 7946 right-hand rule: exterior rings counter-clockwise, holes clockwise.
 *
 * @param ring positions `[x, y]` (lon/lat); not mutated
 * @param exterior true for the first ring of a polygon
 */
export function rewindRing<P extends readonly number[]>(ring: readonly P[], exterior: boolean): P[] {
  const out = ring.slice();
  if (ringArea2(out) > 0 !== exterior) out.reverse();
  return out;
}
