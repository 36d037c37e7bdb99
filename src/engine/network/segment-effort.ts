import { costsAB, costsBA } from './directed-costs';
import type { RoadGraph } from './graph-builder';

/**
 * The effort formula of a point snapped onto a segment (see `snapPoints`): a source (facility or
 * candidate site) snapped on segment A–B is seeded at both ends, and a point on a segment reaches
 * it through either end of its own segment or, when both share the segment, directly along it:
 *
 *   effort = pointAccess + min(cost[A] + costToA, cost[B] + costToB, |tPoint − tSource| × segCost + sourceAccess)
 *
 * with `cost[·]` the node costs of a search seeded by {@link endSeedEffort}. With terrain the costs
 * depend on the direction (residents travel from the point to the source): the point's `costToA`
 * uses the segment's B→A cost, a source's seed at end A ({@link sourceCostFromA}) the A→B cost,
 * and the direct path the cost of the direction from the point to the source. All values are effort
 * metres (length × walkability factor). Shared by `travel/network.ts` (all facilities of a
 * category) and `siting/network-reach.ts` (one candidate site), so both give the same numbers to
 * the last bit: every function here is one fixed sequence of float64 operations.
 */

/**
 * Seed cost at one end of the segment a source is snapped on.
 *
 * @param accessMeters the source's access leg (snap distance), effort metres
 * @param costToEnd effort along the segment from the source to that end (`costToA` or `costToB`), metres
 * @returns `accessMeters + costToEnd`, effort metres
 */
export function endSeedEffort(accessMeters: number, costToEnd: number): number {
  return accessMeters + costToEnd;
}

/**
 * Effort along segment `s` from its end A to a source at `t` (travelling A → B): `t × costAB[s]`.
 * Without terrain this is the snap's `costToA`, bit for bit.
 */
export function sourceCostFromA(graph: Pick<RoadGraph, 'segCost' | 'segCostAB'>, s: number, t: number): number {
  return t * (costsAB(graph)[s] as number);
}

/** Effort along segment `s` from its end B to a source at `t` (travelling B → A): `(1 − t) × costBA[s]`. */
export function sourceCostFromB(graph: Pick<RoadGraph, 'segCost' | 'segCostBA'>, s: number, t: number): number {
  return (1 - t) * (costsBA(graph)[s] as number);
}

/**
 * Whether a point reaches its nearest source more cheaply via end B than via end A (ties go to A).
 *
 * @param costA search cost at node `segA`, effort metres (`Infinity` when unreached)
 * @param costToA effort along the segment from the point to `segA`, metres
 * @param costB search cost at node `segB`, effort metres
 * @param costToB effort along the segment from the point to `segB`, metres
 */
export function prefersEndB(costA: number, costToA: number, costB: number, costToB: number): boolean {
  return costB + costToB < costA + costToA;
}

/**
 * Effort from a snapped point to the nearest source through an end of its segment:
 * `min(costA + costToA, costB + costToB)` (end A on ties), without the point's access leg.
 *
 * @returns effort metres; `Infinity` when neither end is reached
 */
export function viaNearerEnd(costA: number, costToA: number, costB: number, costToB: number): number {
  const viaA = costA + costToA;
  const viaB = costB + costToB;
  return viaB < viaA ? viaB : viaA;
}

/**
 * Effort from a point to a source snapped onto the same segment, directly along it, without the
 * point's access leg: `|tPoint − tSource| × cost + sourceAccessMeters`, with `cost` the segment's
 * effort in the direction from the point to the source (A → B when `tSource ≥ tPoint`).
 *
 * @param tPoint the point's position on the segment (0 at `segA`, 1 at `segB`)
 * @param tSource the source's position on the same segment
 * @param costAB effort metres of the whole segment from A to B (`segCostAB`, or `segCost`)
 * @param costBA effort metres of the whole segment from B to A (`segCostBA`, or `segCost`)
 * @param sourceAccessMeters the source's access leg, effort metres
 */
export function alongSameSegment(tPoint: number, tSource: number, costAB: number, costBA: number, sourceAccessMeters: number): number {
  return Math.abs(tPoint - tSource) * (tSource >= tPoint ? costAB : costBA) + sourceAccessMeters;
}
