import type { CategoryDef, Dataset, DemandSamples, Settings } from '../model';
import { createSiteReach } from '../siting/site-reach';
import type { TravelModel } from '../travel/travel-model';

/**
 * The catchments of one category: for each facility of the category, the demand samples within the
 * threshold of their kind (`t_ij ≤ T_kind(i)`, inclusive) and the travel times, as CSR arrays.
 * Facility `facility[f]` reaches samples `sample[start[f] .. start[f+1]-1]` at `seconds[…]`.
 */
export interface Catchments {
  /**
   * Dataset indices of the category's facilities, in the order they were searched: rows of cells of
   * about 1 km, each row west to east then east to west, so consecutive searches read nearby parts
   * of the graph and of the samples (memory in cache).
   */
  facility: Uint32Array;
  /** Length `facility.length + 1`. */
  start: Uint32Array;
  /** Demand sample index of each pair. */
  sample: Uint32Array;
  /** Seconds from the sample to the facility, float32 as `AccessField.seconds`. */
  seconds: Float32Array;
}

/**
 * Storage for catchment pairs that one computation after another can reuse (the arrays grow by
 * doubling and are never shrunk), so the categories of an analysis share one allocation.
 */
export interface PairStore {
  sample: Uint32Array;
  seconds: Float32Array;
}

/** An empty {@link PairStore} (it grows on first use). */
export function createPairStore(): PairStore {
  return { sample: new Uint32Array(0), seconds: new Float32Array(0) };
}

/**
 * Every (sample, facility) pair of a category within the catchment, by bounded searches from each
 * facility on exactly the analysis' travel model (the same snapping, access legs and float32
 * seconds as `AccessField`; docs/architecture.md, "Travel-time model"):
 *
 * - network: a Dijkstra from the facility's snap point on edges costed in the resident's direction
 *   (residents travel to the facility; network/directed-costs.ts), by the category's mode per kind,
 *   stopped at the largest threshold effort of the category; an off-network facility reaches no one;
 * - straight line: a Flatbush radius query around the facility, then haversine × detour ÷ speed.
 *
 * @param travel the analysis' travel model
 * @param dataset facilities (by category)
 * @param samples demand samples (the targets)
 * @param category thresholds, minutes per kind
 * @param settings speeds, detour factor, maxSnapMeters
 * @param searched the facilities to search, in this order (default: every facility of the category, in {@link categoryFacilities} order)
 * @param store where to write the pairs: the result's `sample` and `seconds` are then views of the
 *   store, valid until it is used again (default: fresh arrays of their own)
 */
export function computeCatchments(
  travel: TravelModel,
  dataset: Pick<Dataset, 'facilities'>,
  samples: DemandSamples,
  category: CategoryDef,
  settings: Settings,
  searched: Uint32Array = categoryFacilities(dataset, category),
  store?: PairStore,
): Catchments {
  const points = { lon: samples.lon, lat: samples.lat, kind: samples.kind };
  const facility = searched;
  const start = new Uint32Array(facility.length + 1);
  if (facility.length === 0) return { facility, start, sample: new Uint32Array(0), seconds: new Float32Array(0) };
  // the siting reach query: per mode of the category, the search runs on edges in the resident's direction
  const reach = createSiteReach(travel, points, category, settings, true);
  const out = store ?? createPairStore();
  if (out.sample.length === 0) {
    out.sample = new Uint32Array(Math.max(1024, samples.count));
    out.seconds = new Float32Array(out.sample.length);
  }
  let sample = out.sample;
  let seconds = out.seconds;
  let n = 0;
  let room = sample.length;
  const visit = (i: number, s: number): void => {
    if (n === room) {
      room *= 2;
      const grownS = new Uint32Array(room);
      grownS.set(sample);
      sample = out.sample = grownS;
      const grownT = new Float32Array(room);
      grownT.set(seconds);
      seconds = out.seconds = grownT;
    }
    sample[n] = i;
    seconds[n++] = s;
  };
  for (let f = 0; f < facility.length; f++) {
    const fac = dataset.facilities[facility[f]!]!;
    reach.reach(fac.lon, fac.lat, visit);
    start[f + 1] = n;
  }
  return store
    ? { facility, start, sample: sample.subarray(0, n), seconds: seconds.subarray(0, n) }
    : { facility, start, sample: sample.slice(0, n), seconds: seconds.slice(0, n) };
}

/**
 * Dataset indices of a category's facilities in the order the catchments search them: snake order
 * over rows of ~0.01° (about 1 km), ties by index (see {@link Catchments.facility}).
 */
export function categoryFacilities(dataset: Pick<Dataset, 'facilities'>, category: Pick<CategoryDef, 'id'>): Uint32Array {
  const ids: number[] = [];
  for (const f of dataset.facilities) if (f.category === category.id) ids.push(f.index);
  return Uint32Array.from(spatialOrder(dataset.facilities, ids));
}

/** Facility indices in snake order over rows of ~0.01° (about 1 km), ties by index. */
function spatialOrder(facilities: Dataset['facilities'], ids: number[]): number[] {
  const row = (j: number): number => Math.floor(facilities[j]!.lat / 0.01);
  return ids.sort((a, b) => {
    const ra = row(a);
    const rb = row(b);
    if (ra !== rb) return ra - rb;
    const d = facilities[a]!.lon - facilities[b]!.lon;
    return (ra & 1 ? -d : d) || a - b;
  });
}
