import { type AccessField, KIND_RURAL, KIND_URBAN, type Problem, type Settings } from '../model';

/** Query points (usually demand samples), struct of arrays. */
export interface QueryPoints {
  /** Longitude, degrees. */
  lon: Float64Array;
  /** Latitude, degrees. */
  lat: Float64Array;
  /** {@link KIND_URBAN} or {@link KIND_RURAL}: picks the walking speed. */
  kind: Uint8Array;
}

/**
 * A travel-time model (docs/architecture.md, "Travel-time model"). Created with the dataset's facilities and
 * the settings; `accessField` then answers per category. Implemented by `createStraightLineModel`
 * and `createNetworkModel`.
 */
export interface TravelModel {
  readonly name: 'network' | 'straight';
  /**
   * For every query point: seconds to the nearest of the given facilities (`Infinity` if none is
   * reachable) and its index into `facilities` (-1).
   *
   * @param category category id, used to cache per-category work (same id + same indices → reuse)
   * @param facilityIndices indices into the model's `facilities` of the category's facilities
   * @param points where to measure from; treated as immutable
   * @param speedsMps speed in m/s per kind code (`[urban, rural]`); default the settings' walking speeds
   */
  accessField(category: string, facilityIndices: Uint32Array, points: QueryPoints, speedsMps?: Float64Array): AccessField;
  /** Problems found while building (off-network facilities etc.). */
  readonly warnings: Problem[];
}

/**
 * Walking speeds in m/s indexed by kind code (`[urban, rural]`).
 *
 * @throws RangeError when a speed is not a positive finite number
 */
export function walkSpeedsMetersPerSecond(settings: Pick<Settings, 'walkSpeedKmh'>): Float64Array {
  const speeds = new Float64Array(2);
  speeds[KIND_URBAN] = settings.walkSpeedKmh.urban / 3.6;
  speeds[KIND_RURAL] = settings.walkSpeedKmh.rural / 3.6;
  for (const s of speeds) {
    if (!(s > 0 && Number.isFinite(s))) {
      throw new RangeError(`walkSpeedKmh must be positive: ${JSON.stringify(settings.walkSpeedKmh)}`);
    }
  }
  return speeds;
}

/** Throws when `points` arrays differ in length or a kind code is not urban/rural. */
export function checkQueryPoints(points: QueryPoints): void {
  const n = points.lon.length;
  if (points.lat.length !== n || points.kind.length !== n) {
    throw new RangeError(`QueryPoints arrays differ in length (${n}, ${points.lat.length}, ${points.kind.length})`);
  }
  for (let i = 0; i < n; i++) {
    const k = points.kind[i] as number;
    if (k !== KIND_URBAN && k !== KIND_RURAL) throw new RangeError(`QueryPoints.kind[${i}] is ${k}, not 0 (urban) or 1 (rural)`);
  }
}

/** Throws when an index is outside `0 .. facilityCount-1`. */
export function checkFacilityIndices(facilityIndices: Uint32Array, facilityCount: number): void {
  for (let i = 0; i < facilityIndices.length; i++) {
    const f = facilityIndices[i] as number;
    if (f >= facilityCount) throw new RangeError(`facilityIndices[${i}] = ${f} ≥ facility count ${facilityCount}`);
  }
}

/** Whether two index arrays hold the same values (cache check). */
export function sameIndices(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
