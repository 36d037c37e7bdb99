/**
 * The fixed geography of the synthetic Ningbo: district centres (approximate real coordinates),
 * the three rivers meeting at Sanjiangkou, and the Hangzhou Bay coast. Everything else is drawn
 * by the generator from the seed.
 */
import { toXY } from './local-frame';
import { pointSegmentDistanceSquared, segmentsIntersect } from './segment-geometry';

/** An urban district: a jittered, rotated street grid around a centre. */
export interface District {
  key: string;
  /** Chinese name, e.g. 海曙. */
  zh: string;
  lon: number;
  lat: number;
  /** Nominal radius of the built-up area, metres. */
  radiusMeters: number;
  /** Street-grid spacing, metres. */
  spacingMeters: number;
  /** Grid rotation, degrees counter-clockwise. */
  rotationDeg: number;
  /** Residents per km² of block area at the centre. */
  peakDensityPerKm2: number;
}

/** The six district centres the sample is laid around (WGS84, approximate). */
export const DISTRICTS: readonly District[] = Object.freeze([
  { key: 'haishu', zh: '海曙', lon: 121.55, lat: 29.86, radiusMeters: 4300, spacingMeters: 105, rotationDeg: 12, peakDensityPerKm2: 58000 },
  {
    key: 'jiangbei',
    zh: '江北',
    lon: 121.56,
    lat: 29.89,
    radiusMeters: 3600,
    spacingMeters: 120,
    rotationDeg: -18,
    peakDensityPerKm2: 45000,
  },
  { key: 'yinzhou', zh: '鄞州', lon: 121.56, lat: 29.82, radiusMeters: 5000, spacingMeters: 110, rotationDeg: 3, peakDensityPerKm2: 52000 },
  {
    key: 'zhenhai',
    zh: '镇海',
    lon: 121.71,
    lat: 29.95,
    radiusMeters: 3000,
    spacingMeters: 130,
    rotationDeg: 28,
    peakDensityPerKm2: 32000,
  },
  { key: 'beilun', zh: '北仑', lon: 121.84, lat: 29.9, radiusMeters: 4000, spacingMeters: 140, rotationDeg: -8, peakDensityPerKm2: 30000 },
  {
    key: 'fenghua',
    zh: '奉化',
    lon: 121.41,
    lat: 29.66,
    radiusMeters: 2500,
    spacingMeters: 120,
    rotationDeg: 20,
    peakDensityPerKm2: 26000,
  },
]);

/** A river: centre line in local metres and half the width of the gap streets leave, metres. */
export interface River {
  zh: string;
  xs: number[];
  ys: number[];
  halfWidthMeters: number;
}

function river(zh: string, halfWidthMeters: number, lonLat: [number, number][]): River {
  const xy = lonLat.map(([lon, lat]) => toXY(lon, lat));
  return { zh, halfWidthMeters, xs: xy.map((p) => p[0]), ys: xy.map((p) => p[1]) };
}

/** Sanjiangkou, where the Yuyao and Fenghua rivers join to form the Yong. */
const CONFLUENCE: [number, number] = [121.555, 29.873];

/** The three rivers (centre lines in WGS84 → local metres). */
export const RIVERS: readonly River[] = Object.freeze([
  river('姚江', 70, [[121.3, 29.935], [121.36, 29.93], [121.42, 29.915], [121.47, 29.9], [121.51, 29.884], CONFLUENCE]),
  river('奉化江', 80, [
    CONFLUENCE,
    [121.573, 29.856],
    [121.582, 29.835],
    [121.585, 29.81],
    [121.576, 29.782],
    [121.54, 29.748],
    [121.5, 29.715],
    [121.46, 29.69],
    [121.44, 29.655],
    [121.43, 29.6],
  ]),
  river('甬江', 120, [CONFLUENCE, [121.6, 29.888], [121.64, 29.903], [121.68, 29.922], [121.72, 29.935], [121.75, 29.965]]),
]);

/** Hangzhou Bay coast, west to east (degrees); the sea lies north of it. */
const COAST: [number, number][] = [
  [121.6, 30.03],
  [121.66, 30.0],
  [121.7, 29.975],
  [121.76, 29.957],
  [121.82, 29.946],
  [121.88, 29.94],
  [121.96, 29.93],
];
const COAST_XY = COAST.map(([lon, lat]) => toXY(lon, lat));

/** Signed distance in metres north of the coast line (positive = sea) at local x. */
function northOfCoastMeters(x: number, y: number): number {
  const first = COAST_XY[0]!;
  if (x <= first[0]) return y - first[1] - 1e6; // west of the bay: all land
  for (let i = 1; i < COAST_XY.length; i++) {
    const a = COAST_XY[i - 1]!;
    const b = COAST_XY[i]!;
    if (x <= b[0]) return y - (a[1] + ((x - a[0]) / (b[0] - a[0])) * (b[1] - a[1]));
  }
  return y - COAST_XY[COAST_XY.length - 1]![1];
}

/** True when the point (local metres) is on land at least `marginMeters` from the coast. */
export function isLand(x: number, y: number, marginMeters = 0): boolean {
  return northOfCoastMeters(x, y) < -marginMeters;
}

/** Clearance in metres from the point to the nearest river bank (negative = in the water). */
export function riverClearanceMeters(x: number, y: number): number {
  let best = Infinity;
  for (const r of RIVERS) {
    for (let i = 1; i < r.xs.length; i++) {
      const d = Math.sqrt(pointSegmentDistanceSquared(x, y, r.xs[i - 1]!, r.ys[i - 1]!, r.xs[i]!, r.ys[i]!));
      best = Math.min(best, d - r.halfWidthMeters);
    }
  }
  return best;
}

/** True when segment a–b crosses a river centre line or its midpoint lies in the water. */
export function crossesRiver(ax: number, ay: number, bx: number, by: number): boolean {
  if (riverClearanceMeters((ax + bx) / 2, (ay + by) / 2) < 0) return true;
  for (const r of RIVERS) {
    for (let i = 1; i < r.xs.length; i++) {
      if (segmentsIntersect(ax, ay, bx, by, r.xs[i - 1]!, r.ys[i - 1]!, r.xs[i]!, r.ys[i]!)) return true;
    }
  }
  return false;
}

/** Local-metre centre of a district. */
export function districtCenter(d: District): [number, number] {
  return toXY(d.lon, d.lat);
}
