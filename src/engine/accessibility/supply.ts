import type { Facility } from '../model';

/** The supply S_j of a category's facilities and the ones that supply nothing. */
export interface FacilitySupply {
  /** S_j per facility (same order as the given indices): its capacity, 0 when unusable. */
  supply: Float64Array;
  /** Indices (into the dataset) of the facilities whose capacity is missing, zero, negative or not a number. */
  withoutCapacity: number[];
}

/**
 * Supply of the floating-catchment methods: a facility's `capacity` (places, seats, m²: the unit
 * belongs to the category). A capacity that is missing, zero, negative or not a finite number
 * supplies nothing (PySAL's missing supply = 0); the facility still counts for coverage, and is named
 * in `withoutCapacity`.
 *
 * @param facilities the dataset's facilities
 * @param indices the category's facility indices
 */
export function facilitySupply(facilities: readonly Facility[], indices: Uint32Array): FacilitySupply {
  const supply = new Float64Array(indices.length);
  const withoutCapacity: number[] = [];
  indices.forEach((j, f) => {
    const c = facilities[j]!.capacity;
    if (typeof c === 'number' && Number.isFinite(c) && c > 0) supply[f] = c;
    else withoutCapacity.push(j);
  });
  return { supply, withoutCapacity };
}
