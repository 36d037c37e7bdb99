/**
 * Checks that coordinates fit the coordinate system the user chose, and says what they look like
 * instead: latitude and longitude swapped, projected metres read as degrees (or the reverse), or
 * Amap/Tencent (GCJ-02) / Baidu (BD-09) coordinates read as WGS84 — those are off by 300–600 m in
 * Ningbo, which silently moves every facility to the wrong block.
 *
 * Pure rules on numbers, each one file-level warning (index −1), so they are easy to test:
 * - swapped: at least half the points have |lon| ≤ 90 and |lat| ≤ 180 and either |lat| > 90 or the
 *   China pattern lon ∈ [18, 54], lat ∈ [73, 135];
 * - projected: at least half the points have |x| > 1000 or |y| > 1000 under a geographic CRS
 *   (a Gauss–Krüger EPSG code is suggested from the zone prefix of the easting);
 * - degrees: at least half the points fit in ±180/±90 under a projected CRS;
 * - offset: given `nearestRoadMeters`, the points are read as each of WGS84, GCJ-02 and BD-09 and
 *   the reading that fits the roads clearly better than the one chosen is suggested — a rank test
 *   against the same points shifted in rotated directions ({@link testCrsOffset}), so it works in
 *   street grids denser than the offset.
 */
import type { Problem } from '../engine/model';
import { isGeographicCrs } from './crs';
import { crsLabel, gaussKrugerCode, type CrsId } from './crs-id';
import { testCrsOffset, type RoadDistances } from './crs-offset';

/** A CRS warning: a {@link Problem} with the kind of issue and the CRS that would fit better. */
export interface CrsIssue extends Problem {
  kind: 'swapped' | 'projected' | 'degrees' | 'offset';
  /** The CRS the data probably is in, when the rule can tell. */
  suggestedCrs?: CrsId;
}

/** Points as an array of `{lon, lat}` or as struct-of-arrays (x/easting in `lon`, y in `lat`). */
export type CoordinateInput = ReadonlyArray<{ lon: number; lat: number }> | { lon: ArrayLike<number>; lat: ArrayLike<number> };

/** Options of {@link detectCrsIssues}. */
export interface CrsCheckOptions {
  /** File name for the warnings. */
  file: string;
  /** The CRS the coordinates are read in. */
  chosen: CrsId;
  /**
   * Metres from each WGS84 lon/lat to the nearest road (a batch, e.g. one `snapPoints` call);
   * enables the GCJ-02/BD-09 offset check ({@link testCrsOffset}).
   */
  nearestRoadMeters?: RoadDistances;
  /** At most this many points (drawn with a fixed seed) go into the road check (default 500). */
  maxRoadSamples?: number;
}

const LABEL: Record<string, string> = { WGS84: 'WGS84', GCJ02: 'GCJ-02 (Amap/Tencent)', BD09: 'BD-09 (Baidu)' };

function toArrays(points: CoordinateInput): { xs: ArrayLike<number>; ys: ArrayLike<number> } {
  if (Array.isArray(points)) {
    const arr = points as ReadonlyArray<{ lon: number; lat: number }>;
    return { xs: arr.map((p) => p.lon), ys: arr.map((p) => p.lat) };
  }
  const soa = points as { lon: ArrayLike<number>; lat: ArrayLike<number> };
  if (soa.lon.length !== soa.lat.length) throw new Error(`detectCrsIssues: ${soa.lon.length} lon values but ${soa.lat.length} lat values`);
  return { xs: soa.lon, ys: soa.lat };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Suggests a CGCS2000 Gauss–Krüger code from an easting with a zone prefix (e.g. 40 512 345 m). */
function suggestGaussKruger(eastings: number[]): CrsId | undefined {
  const x = median(eastings);
  const zone = Math.floor(x / 1e6);
  if (zone >= 25 && zone <= 45) return `EPSG:${gaussKrugerCode(3, 3 * zone, true) as number}`;
  if (zone >= 13 && zone <= 23) return `EPSG:${gaussKrugerCode(6, 6 * zone - 3, true) as number}`;
  return undefined;
}

const round = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));

/**
 * Looks for coordinate-system mistakes in a set of points (non-finite values are ignored).
 * @returns file-level warnings (index −1), empty when everything fits
 */
export function detectCrsIssues(points: CoordinateInput, options: CrsCheckOptions): CrsIssue[] {
  const { file, chosen } = options;
  const { xs, ys } = toArrays(points);
  const fx: number[] = [];
  const fy: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      fx.push(x);
      fy.push(y);
    }
  }
  const n = fx.length;
  const issues: CrsIssue[] = [];
  if (n === 0) return issues;
  const half = n / 2;
  const count = (test: (x: number, y: number) => boolean): number => fx.reduce((c, x, i) => c + (test(x, fy[i] as number) ? 1 : 0), 0);
  const example = (test: (x: number, y: number) => boolean): string => {
    const i = fx.findIndex((x, j) => test(x, fy[j] as number));
    return `e.g. ${fx[i]}, ${fy[i]}`;
  };

  if (isGeographicCrs(chosen)) {
    const swapped = (x: number, y: number): boolean =>
      Math.abs(x) <= 90 && Math.abs(y) <= 180 && (Math.abs(y) > 90 || (x >= 18 && x <= 54 && y >= 73 && y <= 135));
    const projected = (x: number, y: number): boolean => Math.abs(x) > 1000 || Math.abs(y) > 1000;
    const ns = count(swapped);
    const np = count(projected);
    if (ns >= half) {
      issues.push({
        file,
        index: -1,
        kind: 'swapped',
        reason: `${ns} of ${n} points look like latitude and longitude swapped (${example(swapped)}): the longitude column seems to hold latitudes`,
      });
    }
    if (np >= half) {
      const suggestedCrs = suggestGaussKruger(fx.filter((x, i) => projected(x, fy[i] as number)));
      issues.push({
        file,
        index: -1,
        kind: 'projected',
        reason:
          `${np} of ${n} points look like projected metres, not degrees (${example(projected)}): choose the projection` +
          (suggestedCrs
            ? `, probably ${suggestedCrs} (CGCS2000 Gauss–Krüger, zone from the easting)`
            : ' (e.g. a CGCS2000 Gauss–Krüger zone)'),
        ...(suggestedCrs ? { suggestedCrs } : {}),
      });
    }
    if (options.nearestRoadMeters && ns < half && np < half) {
      const offset = offsetIssue(fx, fy, options);
      if (offset) issues.push(offset);
    }
  } else {
    const degrees = (x: number, y: number): boolean => Math.abs(x) <= 180 && Math.abs(y) <= 90;
    const nd = count(degrees);
    if (nd >= half) {
      issues.push({
        file,
        index: -1,
        kind: 'degrees',
        suggestedCrs: 'WGS84',
        reason: `${nd} of ${n} points look like degrees (${example(degrees)}) but ${crsLabel(chosen)} is a projection in metres: choose WGS84 (or GCJ02/BD09)`,
      });
    }
  }
  return issues;
}

function offsetIssue(fx: number[], fy: number[], options: CrsCheckOptions): CrsIssue | null {
  const res = testCrsOffset(fx, fy, {
    chosen: options.chosen,
    nearestRoadMeters: options.nearestRoadMeters as RoadDistances,
    ...(options.maxRoadSamples ? { maxSamples: options.maxRoadSamples } : {}),
  });
  const best = res.suggested;
  if (!best) return null;
  const given = res.given;
  const better = given.cappedMeanMeters - best.cappedMeanMeters;
  return {
    file: options.file,
    index: -1,
    kind: 'offset',
    suggestedCrs: best.crs,
    reason:
      `coordinates look like ${LABEL[best.crs] ?? best.crs}: these points fit the roads ~${round(better)} m better when read as ${LABEL[best.crs] ?? best.crs} ` +
      `(read as ${crsLabel(options.chosen)} their median distance to the nearest road is ${round(given.medianMeters)} m, read as ${best.crs} it is ${round(best.medianMeters)} m; ` +
      `${Math.round(best.nearShare * 100)} % instead of ${Math.round(given.nearShare * 100)} % of ${res.sampled} points within 10 m of a road; ` +
      `z = ${Number.isFinite(best.z) ? best.z.toFixed(1) : '∞'} against the same points shifted in other directions)`,
  };
}
