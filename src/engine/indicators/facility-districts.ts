/**
 * The district of each facility, for per-district ratios and counts on the dashboard: the district
 * of the community that owns the demand sample nearest to the facility (haversine, exact; samples
 * fill polygon communities every `sampleSpacingMeters`, so inside a community polygon this is, up to
 * that spacing at its edge, the community holding it).
 */
import { nearestPoints } from '../geo/nearest-point';
import { createPointIndex } from '../geo/point-index';
import type { DemandSamples } from '../model';

/**
 * @param facilities facility positions, degrees
 * @param samples the analysis's demand samples
 * @param communityGroup group index of each community (see districtGroups)
 * @returns group index per facility, -1 when there is no usable sample (or the facility has no position)
 */
export function facilityGroups(
  facilities: readonly { lon: number; lat: number }[],
  samples: DemandSamples,
  communityGroup: Int32Array,
): Int32Array {
  const out = new Int32Array(facilities.length).fill(-1);
  const usable = (i: number): boolean => Number.isFinite(samples.lon[i]!) && Number.isFinite(samples.lat[i]!);
  // one group (no districts): every facility with a position is in it when there is a usable sample, no search needed
  let single = true;
  for (let i = 1; i < communityGroup.length && single; i++) single = communityGroup[i] === communityGroup[0];
  if (single) {
    let first = 0;
    while (first < samples.count && !usable(first)) first++;
    if (first === samples.count || facilities.length === 0) return out;
    const g = communityGroup[samples.community[first]!]!;
    facilities.forEach((f, j) => {
      if (Number.isFinite(f.lon) && Number.isFinite(f.lat)) out[j] = g;
    });
    return out;
  }
  const keep: number[] = [];
  for (let i = 0; i < samples.count; i++) if (usable(i)) keep.push(i);
  if (keep.length === 0 || facilities.length === 0) return out;
  const lon = Float64Array.from(keep, (i) => samples.lon[i]!);
  const lat = Float64Array.from(keep, (i) => samples.lat[i]!);
  const index = createPointIndex(lon, lat);
  const q = nearestPoints(
    index,
    Float64Array.from(facilities, (f) => f.lon),
    Float64Array.from(facilities, (f) => f.lat),
  );
  for (let f = 0; f < facilities.length; f++) {
    const s = q.nearest[f]!;
    if (s >= 0) out[f] = communityGroup[samples.community[keep[s]!]!]!;
  }
  return out;
}
