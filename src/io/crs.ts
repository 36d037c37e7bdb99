/**
 * Coordinate reference systems met in Chinese planning data, converted to and from WGS84.
 *
 * - `WGS84` (EPSG:4326): what the program uses inside.
 * - `CGCS2000` (EPSG:4490): treated as identical to WGS84. The two frames differ by a few
 *   centimetres, far below what a 15-minute walk can tell; no datum shift is applied.
 * - `GCJ02`: the obfuscated "Mars" coordinates of Amap (Gaode) and Tencent maps, offset from WGS84
 *   by hundreds of metres inside China (identity outside gcoord's rough China bounding box).
 * - `BD09`: Baidu's coordinates, GCJ-02 plus a further offset.
 * - `EPSG:n`: CGCS2000 Gauss–Krüger projections EPSG:4491–4554 are defined here by formula
 *   (see {@link gaussKrugerProj4}); any other code proj4 knows (3857, 32651, …) also works.
 * - `PROJ:<definition>`: a proj4 string or WKT (e.g. a .prj that names no EPSG code); the id carries
 *   its own definition, so it means the same thing in the main thread and in a Worker.
 *
 * The GCJ-02/BD-09 offsets are gcj02.ts's: gcoord's formulas (the same bits, checked against gcoord
 * in the tests), their inverses refined by fixed-point iteration to about 1e-10° (gcoord stops at
 * 1e-6° in GCJ-02 space). The ids and the
 * Gauss–Krüger code arithmetic are in crs-id.ts (no proj4, for the UI).
 */
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { bd09ToWgs84, gcj02ToWgs84, wgs84ToBd09, wgs84ToGcj02 } from './gcj02';
import { crsLabel, gaussKrugerCode, gaussKrugerProj4, type CrsId, type XY } from './crs-id';

export type { CrsId } from './crs-id';

const IDENTITY = new Set<string>(['WGS84', 'CGCS2000', 'EPSG:4326', 'EPSG:4490']);
const converters = new Map<string, proj4.Converter>();

function proj4Definition(crs: CrsId): string {
  if (crs.startsWith('PROJ:')) return crs.slice(5);
  if (crs.startsWith('EPSG:')) {
    const gk = gaussKrugerProj4(Number(crs.slice(5)));
    if (gk) return gk;
    if (proj4.defs(crs)) return crs;
  }
  throw new Error(`Unknown CRS ${JSON.stringify(crs)}: expected WGS84, CGCS2000, GCJ02, BD09, EPSG:<code> or PROJ:<definition>`);
}

function converter(crs: CrsId): proj4.Converter {
  let c = converters.get(crs);
  if (!c) {
    const def = proj4Definition(crs);
    try {
      c = proj4('EPSG:4326', def);
    } catch (e) {
      throw new Error(`CRS ${JSON.stringify(crs)} cannot be used by proj4: ${(e as Error).message}`, { cause: e });
    }
    converters.set(crs, c);
  }
  return c;
}

/** True when the CRS's coordinates are longitude/latitude degrees (false for projected metres). */
export function isGeographicCrs(crs: CrsId): boolean {
  if (IDENTITY.has(crs) || crs === 'GCJ02' || crs === 'BD09') return true;
  const def = proj4Definition(crs);
  return (proj4.Proj(def) as unknown as { projName?: string }).projName === 'longlat';
}

/** Throws unless `crs` is usable (a known name, an EPSG code proj4 knows, or a parseable definition). */
export function assertCrs(crs: CrsId): void {
  if (IDENTITY.has(crs) || crs === 'GCJ02' || crs === 'BD09') return;
  converter(crs);
}

function assertFinite(x: number, y: number, crs: CrsId): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`Non-finite coordinate [${x}, ${y}] in ${crs}`);
}

/**
 * Converts one coordinate from `crs` to WGS84 lon/lat degrees.
 * @param x longitude (degrees) or easting (metres)
 * @param y latitude (degrees) or northing (metres)
 * @returns `[lon, lat]` in WGS84 degrees (may be NaN when proj4 cannot invert a wild value)
 */
export function toWgs84(x: number, y: number, crs: CrsId): XY {
  assertFinite(x, y, crs);
  if (IDENTITY.has(crs)) return [x, y];
  if (crs === 'GCJ02') return gcj02ToWgs84(x, y);
  if (crs === 'BD09') return bd09ToWgs84(x, y);
  const p = converter(crs).inverse([x, y]);
  return [p[0] ?? NaN, p[1] ?? NaN];
}

/**
 * Converts one WGS84 lon/lat (degrees) to `crs`.
 * @returns `[x, y]`: degrees for geographic systems, metres for projections
 */
export function fromWgs84(lon: number, lat: number, crs: CrsId): XY {
  assertFinite(lon, lat, 'WGS84');
  if (IDENTITY.has(crs)) return [lon, lat];
  if (crs === 'GCJ02') return wgs84ToGcj02(lon, lat);
  if (crs === 'BD09') return wgs84ToBd09(lon, lat);
  const p = converter(crs).forward([lon, lat]);
  return [p[0] ?? NaN, p[1] ?? NaN];
}

/** Converts one coordinate between any two systems (through WGS84). */
function reprojectXY(x: number, y: number, from: CrsId, to: CrsId): XY {
  if (from === to) return [x, y];
  const [lon, lat] = toWgs84(x, y, from);
  return fromWgs84(lon, lat, to);
}

/**
 * Converts struct-of-arrays coordinates between two systems into new Float64Arrays.
 * @param xs x (longitude or easting) values, not modified
 * @param ys y (latitude or northing) values, same length, not modified
 */
export function reprojectArrays(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  from: CrsId,
  to: CrsId,
): { xs: Float64Array; ys: Float64Array } {
  if (xs.length !== ys.length) throw new Error(`reprojectArrays: xs has ${xs.length} values but ys has ${ys.length}`);
  const ox = new Float64Array(xs.length);
  const oy = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const [x, y] = reprojectXY(xs[i] as number, ys[i] as number, from, to);
    ox[i] = x;
    oy[i] = y;
  }
  return { xs: ox, ys: oy };
}

/**
 * A copy of a GeoJSON geometry with every position converted from `from` to `to`; extra
 * dimensions (z, m) are kept as they are. The input is not modified.
 */
export function reprojectGeometry<G extends Geometry>(geometry: G, from: CrsId, to: CrsId): G {
  const pos = (p: Position): Position => {
    const [x, y] = reprojectXY(p[0] as number, p[1] as number, from, to);
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  };
  const g = geometry as Geometry;
  switch (g.type) {
    case 'Point':
      return { ...g, coordinates: pos(g.coordinates) } as G;
    case 'MultiPoint':
    case 'LineString':
      return { ...g, coordinates: g.coordinates.map(pos) } as G;
    case 'MultiLineString':
    case 'Polygon':
      return { ...g, coordinates: g.coordinates.map((r) => r.map(pos)) } as G;
    case 'MultiPolygon':
      return { ...g, coordinates: g.coordinates.map((p) => p.map((r) => r.map(pos))) } as G;
    case 'GeometryCollection':
      return { ...g, geometries: g.geometries.map((c) => reprojectGeometry(c, from, to)) } as G;
    default:
      throw new Error(`reprojectGeometry: unknown geometry type ${JSON.stringify((g as { type?: unknown }).type)}`);
  }
}

const GEOGRAPHIC_KINDS = new Set(['GEOGCS', 'GEOGCRS', 'GEODCRS', 'GEOGRAPHICCRS', 'GEODETICCRS', 'BASEGEOGCRS']);
const PROJECTED_KINDS = new Set(['PROJCS', 'PROJCRS', 'PROJECTEDCRS']);

/** The EPSG code in the outermost AUTHORITY["EPSG","n"] / ID["EPSG",n] of a WKT, or null. */
function topLevelEpsg(wkt: string): number | null {
  let depth = 0;
  let found: number | null = null;
  for (let i = 0; i < wkt.length; i++) {
    const ch = wkt[i];
    if (ch === '"') {
      const end = wkt.indexOf('"', i + 1);
      if (end < 0) break;
      i = end;
    } else if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (depth === 1 && ch === ',') {
      const m = /^,\s*(?:AUTHORITY|ID)\s*[[(]\s*"EPSG"\s*,\s*"?(\d+)"?/i.exec(wkt.slice(i, i + 60));
      if (m) found = Number(m[1]);
    }
  }
  return found;
}

/** WKT PARAMETER values by lower-case name with spaces as underscores (WKT1 and WKT2 names). */
function wktParameters(wkt: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of wkt.matchAll(/PARAMETER\s*[[(]\s*"([^"]+)"\s*,\s*([-+]?[\d.]+(?:[eE][-+]?\d+)?)/gi)) {
    out.set((m[1] as string).toLowerCase().replace(/\s+/g, '_'), Number(m[2]));
  }
  return out;
}

function param(params: Map<string, number>, names: string[]): number | undefined {
  for (const n of names) if (params.has(n)) return params.get(n);
  return undefined;
}

/** Recognises a CGCS2000 Gauss–Krüger projection from a projected WKT's parameters (or its name). */
function gaussKrugerFromWkt(name: string, wkt: string): number | null {
  if (!/(PROJECTION|METHOD)\s*[[(]\s*"(gauss[_ -]?kruger|transverse[_ ]mercator)"/i.test(wkt)) return null;
  const params = wktParameters(wkt);
  const named = /zone[_ ]?(\d+)/i.exec(name);
  const namedCm = /CM[_ ]?(\d+)[_ ]?E/i.exec(name);
  let cm = param(params, ['central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin']);
  let fe = param(params, ['false_easting']);
  const k = param(params, ['scale_factor', 'scale_factor_at_natural_origin']) ?? 1;
  const lat0 = param(params, ['latitude_of_origin', 'latitude_of_natural_origin']) ?? 0;
  const fn = param(params, ['false_northing']) ?? 0;
  if (k !== 1 || lat0 !== 0 || fn !== 0) return null;
  if (!/UNIT\s*[[(]\s*"(meter|metre|m)"\s*,\s*1(\.0*)?\s*[\],)]/i.test(wkt)) return null;
  const says3 = /3[_ -]?degree|3度/i.test(name);
  if (cm === undefined && namedCm) cm = Number(namedCm[1]);
  if (cm === undefined && named) cm = says3 ? 3 * Number(named[1]) : 6 * Number(named[1]) - 3;
  if (fe === undefined) fe = named ? Number(named[1]) * 1e6 + 500000 : 500000;
  if (cm === undefined) return null;
  const zonePrefix = fe !== 500000;
  if (zonePrefix) {
    const zone = (fe - 500000) / 1e6;
    if (!Number.isInteger(zone)) return null;
    if (zone >= 25 && zone <= 45 && cm === 3 * zone) return gaussKrugerCode(3, cm, true);
    if (zone >= 13 && zone <= 23 && cm === 6 * zone - 3) return gaussKrugerCode(6, cm, true);
    return null;
  }
  // Without the prefix a 6° zone and the 3° zone of the same meridian have the same definition.
  if (!says3 && (cm + 3) % 6 === 0) return gaussKrugerCode(6, cm, false);
  return gaussKrugerCode(3, cm, false);
}

function tryProj4(definition: string): CrsId | null {
  try {
    const c = proj4('EPSG:4326', definition);
    const p = c.forward([120, 30]);
    return Number.isFinite(p[0]) ? `PROJ:${definition}` : null;
  } catch {
    return null;
  }
}

/**
 * Recognises the coordinate system of a Shapefile .prj (ESRI or OGC WKT, WKT2 partly; a proj4
 * string also works). Recognised: WGS84 and CGCS2000 geographic (by EPSG code or datum name),
 * CGCS2000 Gauss–Krüger projections (by EPSG code, or by their central meridian, false easting and
 * name), any EPSG code proj4 knows; otherwise, when proj4 can parse it, `PROJ:<the text>`.
 *
 * @param wkt the text of the .prj
 * @returns the CRS id, or null when nothing can be made of it
 */
export function parsePrj(wkt: string): CrsId | null {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (!text) return null;
  if (text.startsWith('+')) return tryProj4(text);
  const head = /^([A-Za-z0-9_]+)\s*[[(]\s*"([^"]*)"/.exec(text);
  if (!head) return null;
  const kind = (head[1] as string).toUpperCase();
  const name = head[2] as string;
  const lower = text.toLowerCase();
  const cgcs = /china[ _]?2000|cgcs[ _]?2000|china geodetic coordinate system 2000/.test(lower);
  const wgs = !cgcs && /wgs[ _]?(19)?84|world geodetic system 1984/.test(lower);
  const epsg = topLevelEpsg(text);
  if (epsg === 4326) return 'WGS84';
  if (epsg === 4490) return 'CGCS2000';
  if (epsg !== null && gaussKrugerProj4(epsg)) return `EPSG:${epsg}`;
  if (
    GEOGRAPHIC_KINDS.has(kind) &&
    /UNIT\s*[[(]\s*"(degree|degrees)"|ANGLEUNIT/i.test(text) &&
    !/PRIMEM\s*[[(]\s*"(?!greenwich)/i.test(text)
  ) {
    if (cgcs) return 'CGCS2000';
    if (wgs) return 'WGS84';
  }
  if (PROJECTED_KINDS.has(kind) && cgcs) {
    const code = gaussKrugerFromWkt(name, text);
    if (code !== null) return `EPSG:${code}`;
  }
  if (epsg !== null && proj4.defs(`EPSG:${epsg}`)) return `EPSG:${epsg}`;
  return tryProj4(text);
}

/**
 * A CRS's full name for load reports and CLI notes, e.g. `CGCS2000 / 3-degree Gauss-Kruger CM 120E
 * (EPSG:4549)`, `CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528)`, `WGS 84 (EPSG:4326)`; the
 * name inside a WKT `PROJ:` definition; else {@link crsLabel}.
 */
export function crsName(crs: CrsId): string {
  if (crs === 'WGS84' || crs === 'EPSG:4326') return 'WGS 84 (EPSG:4326)';
  if (crs === 'CGCS2000' || crs === 'EPSG:4490') return 'CGCS2000 (EPSG:4490)';
  if (crs === 'GCJ02') return 'GCJ-02';
  if (crs === 'BD09') return 'BD-09';
  if (crs.startsWith('EPSG:')) {
    const code = Number(crs.slice(5));
    if (code >= 4491 && code <= 4501) return `CGCS2000 / Gauss-Kruger zone ${13 + code - 4491} (${crs})`;
    if (code >= 4502 && code <= 4512) return `CGCS2000 / Gauss-Kruger CM ${75 + 6 * (code - 4502)}E (${crs})`;
    if (code >= 4513 && code <= 4533) return `CGCS2000 / 3-degree Gauss-Kruger zone ${25 + code - 4513} (${crs})`;
    if (code >= 4534 && code <= 4554) return `CGCS2000 / 3-degree Gauss-Kruger CM ${75 + 3 * (code - 4534)}E (${crs})`;
    return crs;
  }
  const named = /^PROJ:\s*[A-Za-z0-9_]+\s*[[(]\s*"([^"]+)"/.exec(crs);
  return named ? (named[1] as string).replace(/_/g, ' ') : crsLabel(crs);
}
