/**
 * Which reading of a point set fits the roads: as given, or as GCJ-02 (Amap/Tencent) / BD-09 (Baidu)
 * converted to WGS84? A rank test that works where streets are denser than the ~500 m offset.
 *
 * In a dense street grid almost any shift of ~500 m still lands near some road, so the median
 * distance to the nearest road barely moves. Instead, each alternative reading is compared with a
 * null distribution made of the same points moved by the same per-point offset (same length) turned
 * by `rotations` evenly spaced angles: a wrong reading is just another such shift, the right one fits
 * the roads clearly better than all of them. Measures (per reading, on at most `maxSamples` points
 * drawn with a fixed seed):
 * - mean distance to the nearest road, each distance capped at `capMeters` (100 m);
 * - share of points within `nearMeters` (10 m) of a road (reported);
 * - paired: share of points nearer to a road than as given (among those that differ).
 *
 * A reading is suggested when its points rank nearer to the roads than their rotated shifts with a
 * per-point rank z-score of at least `minZ` (4), its capped mean beats every rotation and lies at
 * least `minMeanZ` (2) standard deviations of the rotations below their mean, it beats the reading as
 * given by at least `minImprovementMeters` (5 m), and more than `minPairedShare` (60 %) of the points
 * that move are nearer to a road than as given. True WGS84 points on or
 * near roads fit best as given, and points far from every road (all distances capped) show no
 * difference, so both stay quiet.
 */
import { mulberry32 } from '../engine/prng';
import { toWgs84, type CrsId } from './crs';

/**
 * Metres from each WGS84 lon/lat (degrees) to the nearest road, Infinity when there is none; a
 * point farther than `maxMeters` (when given) may be answered Infinity, so an index can stop early.
 */
export type RoadDistances = (lon: Float64Array, lat: Float64Array, maxMeters?: number) => ArrayLike<number>;

/** Options of {@link testCrsOffset}. */
export interface CrsOffsetOptions {
  /** The CRS the coordinates are read in (the reading "as given"). */
  chosen: CrsId;
  /**
   * Metres from each WGS84 lon/lat to the nearest road (Infinity when there is none); one call per
   * reading, so a spatial index can answer the whole batch at once.
   */
  nearestRoadMeters: RoadDistances;
  /** Alternative readings to try (default WGS84, GCJ02, BD09 without `chosen`). */
  candidates?: readonly CrsId[];
  /** At most this many points, drawn with a fixed seed (default 500). */
  maxSamples?: number;
  /** Rotated shifts making the null distribution (default 11). */
  rotations?: number;
  /** Cap of each distance in the mean, metres (default 100). */
  capMeters?: number;
  /** "On a road" distance for the near share, metres (default 10). */
  nearMeters?: number;
  /** Per-point rank z-score the reading must reach (default 4; see {@link CrsOffsetResult}). */
  minZ?: number;
  /** Standard deviations of the rotations' capped means the reading must beat their mean by (default 2). */
  minMeanZ?: number;
  /** Metres the capped mean must improve on the reading as given (default 5). */
  minImprovementMeters?: number;
  /** Share of moved points that must be nearer to a road than as given (default 0.6). */
  minPairedShare?: number;
  /** Seed of the point sample (default 1). */
  seed?: number;
  /**
   * Try the rotated shifts of every reading (default false: only of a reading that passes the
   * improvement and paired rules, the ones that need no shifts; the others get NaN `z`, `meanZ` and
   * `rank`, and the same `fits`, false). For diagnostics and tests; the outcome is the same.
   */
  allRotations?: boolean;
}

/** How one reading fits the roads. All distances in metres. */
export interface ReadingFit {
  crs: CrsId;
  /** Mean of min(distance, capMeters) over the sample. */
  cappedMeanMeters: number;
  /** Median distance to the nearest road (uncapped). */
  medianMeters: number;
  /** Share of sampled points within `nearMeters` of a road, 0–1. */
  nearShare: number;
}

/** The outcome of {@link testCrsOffset}. */
export interface CrsOffsetResult {
  /** How many points were tested. */
  sampled: number;
  /** The reading as given. */
  given: ReadingFit;
  /** Every alternative reading with its test figures. */
  readings: (ReadingFit & {
    /**
     * Per-point rank z-score: each point's capped distance in this reading is ranked among its
     * distances in the rotated shifts (mid-ranks for ties, 0 = nearer than all, 1 = farther than
     * all); under "this reading is just another shift" the mean rank is 0.5 with variance
     * (K + 2) / (12 K n). z = (0.5 − mean rank) / that standard deviation, over the points whose
     * distances are not all equal (n). Higher is a better fit. NaN when the rotations were not
     * tried (the reading fails a rule that needs none; see {@link CrsOffsetOptions.allRotations}).
     */
    z: number;
    /** (mean of the rotations' capped means − this capped mean) / their standard deviation; NaN as `z`. */
    meanZ: number;
    /** How many rotations have a capped mean at or below this one (0 = it beats all); NaN as `z`. */
    rank: number;
    /** Share of moved points nearer to a road than as given, 0–1. */
    pairedShare: number;
    /** True when this reading passes every rule. */
    fits: boolean;
  })[];
  /** The passing reading with the highest z, or null when the data fit best as given. */
  suggested: CrsOffsetResult['readings'][number] | null;
}

const RAD = Math.PI / 180;
const KY = 110574; // metres per degree of latitude

function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * The median of distances some of which were searched only up to `cap` (those beyond it may be
 * Infinity): when the middle values are within the cap they are exact, and so is the median; else
 * the median of `uncapped()`.
 */
function medianBeyondCap(capped: Float64Array, cap: number, uncapped: () => Float64Array): number {
  const s = Float64Array.from(capped).sort();
  return (s[s.length >> 1] as number) <= cap ? median(s) : median(uncapped());
}

/** Indices of at most `max` points, drawn without replacement with a seeded shuffle. */
function sampleIndices(n: number, max: number, seed: number): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  if (n <= max) return idx;
  const rand = mulberry32(seed);
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rand() * (n - i));
    const t = idx[i] as number;
    idx[i] = idx[j] as number;
    idx[j] = t;
  }
  return idx.slice(0, max);
}

/**
 * Tests whether points read as another CRS fit the roads better than as given (see the module doc).
 * Points that are not finite or outside ±180/±90 are skipped; fewer than 12 usable points give no
 * suggestion.
 *
 * @param lon longitudes (or x) in `options.chosen`, degrees
 * @param lat latitudes (or y) in `options.chosen`, degrees
 */
export function testCrsOffset(lon: ArrayLike<number>, lat: ArrayLike<number>, options: CrsOffsetOptions): CrsOffsetResult {
  if (lon.length !== lat.length) throw new RangeError(`testCrsOffset: ${lon.length} lon values but ${lat.length} lat values`);
  const maxSamples = options.maxSamples ?? 500;
  const rotations = options.rotations ?? 11;
  const cap = options.capMeters ?? 100;
  const nearM = options.nearMeters ?? 10;
  const minZ = options.minZ ?? 4;
  const minMeanZ = options.minMeanZ ?? 2;
  const minImprovement = options.minImprovementMeters ?? 5;
  const minPaired = options.minPairedShare ?? 0.6;
  if (!(maxSamples >= 1) || !(rotations >= 2) || !(cap > 0))
    throw new RangeError(`testCrsOffset: bad maxSamples ${maxSamples}, rotations ${rotations} or capMeters ${cap}`);
  const chosen: CrsId = options.chosen === 'CGCS2000' ? 'WGS84' : options.chosen;
  const candidates = (options.candidates ?? (['WGS84', 'GCJ02', 'BD09'] as CrsId[])).filter((c) => c !== chosen);
  const near = options.nearestRoadMeters;

  const usable: number[] = [];
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90) usable.push(i);
  }
  const pick = sampleIndices(usable.length, maxSamples, options.seed ?? 1);
  const n = pick.length;
  // the reading as given, in WGS84
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = usable[pick[k] as number] as number;
    const [x, y] = toWgs84(lon[i] as number, lat[i] as number, chosen);
    px[k] = x;
    py[k] = y;
  }
  // every figure but the median reads distances only up to the cap: the index may stop searching
  // there (a point farther than the cap may be answered Infinity), which is much cheaper for points
  // far from every road; the uncapped distances are asked for only when the median is beyond the cap
  const distances = (xs: Float64Array, ys: Float64Array, maxMeters?: number): Float64Array =>
    Float64Array.from(maxMeters === undefined ? near(xs, ys) : near(xs, ys, maxMeters));
  const fitOf = (crs: CrsId, d: Float64Array, xs?: Float64Array, ys?: Float64Array): ReadingFit => {
    let sum = 0;
    let within = 0;
    for (let k = 0; k < n; k++) {
      const v = d[k] as number;
      sum += Math.min(v, cap);
      if (v <= nearM) within++;
    }
    return {
      crs,
      cappedMeanMeters: n ? sum / n : NaN,
      medianMeters: n ? (xs && ys ? medianBeyondCap(d, searchCap, () => distances(xs, ys)) : median(d)) : NaN,
      nearShare: n ? within / n : NaN,
    };
  };
  // distances are searched up to the cap (and the near distance, should it be larger)
  const searchCap = Math.max(cap, nearM);
  const givenD = distances(px, py, searchCap);
  const given = fitOf(chosen, givenD, px, py);
  const readings: CrsOffsetResult['readings'] = [];
  if (n < 12) return { sampled: n, given, readings, suggested: null };

  const qx = new Float64Array(n);
  const qy = new Float64Array(n);
  const rx = new Float64Array(n);
  const ry = new Float64Array(n);
  const ex = new Float64Array(n); // per-point offset, metres east / north
  const ey = new Float64Array(n);
  const kx = new Float64Array(n);
  for (let k = 0; k < n; k++) kx[k] = 111320 * Math.cos((py[k] as number) * RAD);
  for (const crs of candidates) {
    let moved = 0;
    for (let k = 0; k < n; k++) {
      const i = usable[pick[k] as number] as number;
      const [x, y] = toWgs84(lon[i] as number, lat[i] as number, crs);
      qx[k] = x;
      qy[k] = y;
      ex[k] = (x - (px[k] as number)) * (kx[k] as number);
      ey[k] = (y - (py[k] as number)) * KY;
      if (Math.abs(ex[k] as number) + Math.abs(ey[k] as number) > 1) moved++;
    }
    if (moved < n / 2) continue; // outside China both readings are the same
    const qD = distances(qx, qy, searchCap);
    const fit = fitOf(crs, qD, qx, qy);
    let nearer = 0;
    let differ = 0;
    for (let k = 0; k < n; k++) {
      const a = Math.min(qD[k] as number, cap);
      const b = Math.min(givenD[k] as number, cap);
      if (Math.abs(a - b) > 0.5) {
        differ++;
        if (a < b) nearer++;
      }
    }
    const pairedShare = differ ? nearer / differ : 0;
    // the two rules that need no rotated shifts first: a reading failing one cannot fit, and its
    // rotations (most of the test's nearest-road queries) are not tried unless asked for
    const plausible = given.cappedMeanMeters - fit.cappedMeanMeters >= minImprovement && pairedShare > minPaired;
    if (!plausible && !options.allRotations) {
      readings.push({ ...fit, z: NaN, meanZ: NaN, rank: NaN, pairedShare, fits: false });
      continue;
    }
    const nullMeans: number[] = [];
    const below = new Float64Array(n); // per point: rotations nearer than this reading (ties count ½)
    const differs = new Uint8Array(n);
    const qc = qD.map((v) => Math.min(v, cap));
    for (let r = 1; r <= rotations; r++) {
      const a = (2 * Math.PI * r) / (rotations + 1);
      const c = Math.cos(a);
      const s = Math.sin(a);
      for (let k = 0; k < n; k++) {
        const dx = c * (ex[k] as number) - s * (ey[k] as number);
        const dy = s * (ex[k] as number) + c * (ey[k] as number);
        rx[k] = (px[k] as number) + dx / (kx[k] as number);
        ry[k] = (py[k] as number) + dy / KY;
      }
      const rd = distances(rx, ry, cap);
      for (let k = 0; k < n; k++) {
        const a = Math.min(rd[k] as number, cap);
        const b = qc[k] as number;
        if (Math.abs(a - b) <= 0.5) below[k] = (below[k] as number) + 0.5;
        else {
          differs[k] = 1;
          if (a < b) below[k] = (below[k] as number) + 1;
        }
      }
      const f = fitOf(crs, rd);
      nullMeans.push(f.cappedMeanMeters);
    }
    const mean = nullMeans.reduce((a, b) => a + b, 0) / rotations;
    const sd = Math.sqrt(nullMeans.reduce((a, b) => a + (b - mean) ** 2, 0) / (rotations - 1));
    const gap = mean - fit.cappedMeanMeters;
    const meanZ = sd > 0 ? gap / sd : gap > 0 ? Infinity : 0;
    let m = 0;
    let rankSum = 0;
    for (let k = 0; k < n; k++) {
      if (!differs[k]) continue;
      m++;
      rankSum += (below[k] as number) / rotations;
    }
    const z = m > 0 ? (0.5 - rankSum / m) / Math.sqrt((rotations + 2) / (12 * rotations * m)) : 0;
    const rank = nullMeans.filter((m) => m <= fit.cappedMeanMeters).length;
    const fits = plausible && rank === 0 && z >= minZ && meanZ >= minMeanZ;
    readings.push({ ...fit, z, meanZ, rank, pairedShare, fits });
  }
  let suggested: CrsOffsetResult['suggested'] = null;
  for (const r of readings) if (r.fits && (!suggested || r.z > suggested.z)) suggested = r;
  return { sampled: n, given, readings, suggested };
}
