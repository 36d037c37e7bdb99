/**
 * The forward GCJ-02 (Amap/Tencent) and BD-09 (Baidu) offsets of WGS84 lon/lat, with the same
 * arithmetic as gcoord 1.0.7's `WGS84ToGCJ02` and `GCJ02ToBD09` (so the same bits), without
 * `gcoord.transform`'s per-call checks, array copies and composition: the inverses here (used by
 * crs.ts and by the map's display shift) call these a few times per coordinate.
 */
import type { XY } from './crs-id';

const { sin, cos, sqrt, abs, atan2, PI } = Math;
/** Krasovsky 1940 semi-major axis, metres, and eccentricity², as in gcoord. */
const A = 6378245;
const EE = 0.006693421622965823;
const BAIDU_FACTOR = (PI * 3000.0) / 180.0;

/** gcoord's rough China box: outside it GCJ-02 is WGS84. */
function inChinaBox(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(y * PI) + 40 * sin((y / 3) * PI)) * 2) / 3;
  ret += ((160 * sin((y / 12) * PI) + 320 * sin((y * PI) / 30)) * 2) / 3;
  return ret;
}

function transformLon(x: number, y: number): number {
  let ret = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x));
  ret += ((20 * sin(6 * x * PI) + 20 * sin(2 * x * PI)) * 2) / 3;
  ret += ((20 * sin(x * PI) + 40 * sin((x / 3) * PI)) * 2) / 3;
  ret += ((150 * sin((x / 12) * PI) + 300 * sin((x / 30) * PI)) * 2) / 3;
  return ret;
}

/** WGS84 lon/lat (degrees) → GCJ-02 lon/lat (degrees); identity outside the China box. */
export function wgs84ToGcj02(lon: number, lat: number): XY {
  if (!inChinaBox(lon, lat)) return [lon, lat];
  let dLon = transformLon(lon - 105, lat - 35);
  let dLat = transformLat(lon - 105, lat - 35);
  const radLat = (lat / 180) * PI;
  let magic = sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = sqrt(magic);
  dLon = (dLon * 180) / ((A / sqrtMagic) * cos(radLat) * PI);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI);
  return [lon + dLon, lat + dLat];
}

/** WGS84 lon/lat (degrees) → BD-09 lon/lat (degrees): GCJ-02, then Baidu's further offset. */
export function wgs84ToBd09(lon: number, lat: number): XY {
  const [x, y] = wgs84ToGcj02(lon, lat);
  const z = sqrt(x * x + y * y) + 0.00002 * sin(y * BAIDU_FACTOR);
  const theta = atan2(y, x) + 0.000003 * cos(x * BAIDU_FACTOR);
  return [z * cos(theta) + 0.0065, z * sin(theta) + 0.006];
}

/**
 * Inverts a near-identity map by fixed-point iteration: w ← w − (forward(w) − target). The forward
 * maps are the ones above (the same bits as gcoord's, a few times cheaper per call).
 */
function invert(forward: (x: number, y: number) => XY, x: number, y: number): XY {
  let wx = x;
  let wy = y;
  for (let i = 0; i < 30; i++) {
    const [fx, fy] = forward(wx, wy);
    const dx = fx - x;
    const dy = fy - y;
    wx -= dx;
    wy -= dy;
    if (Math.abs(dx) < 1e-11 && Math.abs(dy) < 1e-11) break;
  }
  return [wx, wy];
}

/** GCJ-02 lon/lat (degrees) → WGS84 lon/lat (degrees), to about 1e-10°. */
export function gcj02ToWgs84(x: number, y: number): XY {
  return invert(wgs84ToGcj02, x, y);
}

/** BD-09 lon/lat (degrees) → WGS84 lon/lat (degrees), to about 1e-10°. */
export function bd09ToWgs84(x: number, y: number): XY {
  return invert(wgs84ToBd09, x, y);
}
