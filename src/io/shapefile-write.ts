/**
 * Report layers as a zipped Shapefile set: one shapefile (.shp, .shx, .dbf, .prj, .cpg) per GeoJSON
 * layer of the report, points and polygons apart. Geometry and the dBase table come from
 * @mapbox/shp-write; around it this module
 * - writes strings as UTF-8 (its dBase writer stores one byte per UTF-16 unit, which breaks Chinese
 *   names) and says so in a `.cpg` file, cutting a too-long value at a character boundary (254 bytes);
 * - orients rings as the Shapefile format wants them (outer rings clockwise, holes anticlockwise);
 * - shortens field names to dBase's 10 characters, unique (`t_convenience_min` → `t_convenie`);
 * - writes a `.prj` (ESRI WKT) for WGS84, CGCS2000 and its Gauss–Krüger zones, or the WKT a loaded
 *   `.prj` gave; GCJ-02 and BD-09 are no datum, so they get no `.prj` (the GeoJSON states them).
 */
import write from '@mapbox/shp-write/src/write.js';
import { zipSync } from 'fflate';
import type { CrsId } from './crs';
import { gaussKrugerInfo } from './export-crs';

type Position = number[];
interface LayerFeature {
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

const GCS_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const GCS_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/**
 * The ESRI WKT of an export CRS for a `.prj`, or null when it has none (GCJ-02, BD-09, a proj4 string).
 * Gauss–Krüger zones carry the ESRI names (`CGCS2000_3_Degree_GK_Zone_41`, `…_CM_123E`) that GDAL
 * and QGIS match to their EPSG codes.
 */
export function prjWkt(crs: CrsId): string | null {
  if (crs === 'WGS84' || crs === 'EPSG:4326') return GCS_WGS84;
  if (crs === 'CGCS2000' || crs === 'EPSG:4490') return GCS_CGCS2000;
  if (crs.startsWith('PROJ:')) {
    const def = crs.slice(5).trim();
    return /^(PROJCS|GEOGCS)\[/i.test(def) ? def : null;
  }
  const gk = crs.startsWith('EPSG:') ? gaussKrugerInfo(Number(crs.slice(5))) : null;
  if (!gk) return null;
  const deg = gk.zoneDegrees === 3 ? '3_Degree_GK' : 'GK';
  const name = gk.zonePrefix ? `CGCS2000_${deg}_Zone_${gk.zone}` : `CGCS2000_${deg}_CM_${gk.centralMeridian}E`;
  const falseEasting = (gk.zonePrefix ? gk.zone * 1e6 : 0) + 500000;
  return (
    `PROJCS["${name}",${GCS_CGCS2000},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting.toFixed(1)}],` +
    `PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${gk.centralMeridian.toFixed(1)}],PARAMETER["Scale_Factor",1.0],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}

/** Twice the signed area of a ring (positive: anticlockwise with y up). */
function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return -s;
}

/** A ring in the wanted turn (`clockwise` for outer rings). */
function orient(ring: Position[], clockwise: boolean): Position[] {
  return signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse();
}

/** The rings of a Polygon or MultiPolygon as one Shapefile polygon record. */
function shapeRings(g: { type: string; coordinates: unknown }): Position[][] {
  const polys = g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]);
  return polys.flatMap((rings) => rings.map((r, k) => orient(r, k === 0)));
}

/** Field names of at most 10 ASCII characters, unique, in the order of the properties. */
function dbfNames(keys: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const key of keys) {
    const base = key.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 10) || 'field';
    let name = base;
    for (let n = 1; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 10 - String(n).length)}${n}`;
    used.add(name.toLowerCase());
    out.set(key, name);
  }
  return out;
}

const encoder = new TextEncoder();
/** A string as the dBase writer stores it: one char per UTF-8 byte, at most 254 bytes, cut between characters. */
function utf8Field(s: string): string {
  let bytes = encoder.encode(s);
  if (bytes.length > 254) {
    let end = 254;
    while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a character
    bytes = bytes.subarray(0, end);
  }
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function dbfValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return utf8Field(typeof v === 'string' ? v : JSON.stringify(v));
}

const bytesOf = (v: DataView): Uint8Array => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

/**
 * The files of one shapefile (`<base>.shp/.shx/.dbf/.cpg` and `.prj` when the CRS has one) from a
 * GeoJSON layer of one geometry type (Point, or Polygon/MultiPolygon), or null when it has no features.
 * @throws on a geometry of another type (the report layers never hold one)
 */
export function layerShapefile(base: string, layer: { features: readonly LayerFeature[] }, crs: CrsId): Record<string, Uint8Array> | null {
  const features = layer.features.filter((f) => f.geometry !== null);
  if (features.length === 0) return null;
  const isPoint = features[0]!.geometry!.type === 'Point';
  const names = dbfNames([...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))]);
  const rows = features.map((f) => {
    const row: Record<string, string | number | boolean | null> = {};
    for (const [key, name] of names) row[name] = dbfValue(f.properties?.[key]);
    return row;
  });
  const geometries = features.map((f) => {
    const g = f.geometry!;
    if (isPoint !== (g.type === 'Point') || !['Point', 'Polygon', 'MultiPolygon'].includes(g.type))
      throw new Error(`${base}: a shapefile holds one geometry type; got ${g.type} after ${features[0]!.geometry!.type}`);
    return isPoint ? (g.coordinates as number[]) : shapeRings(g);
  });
  let out: Record<string, Uint8Array> | null = null;
  // the writer calls back synchronously
  write(rows, isPoint ? 'POINT' : 'POLYGON', geometries as number[][] | number[][][][], (err, f) => {
    if (err) throw err;
    out = { [`${base}.shp`]: bytesOf(f.shp), [`${base}.shx`]: bytesOf(f.shx), [`${base}.dbf`]: bytesOf(f.dbf) };
    out[`${base}.cpg`] = encoder.encode('UTF-8');
    const wkt = prjWkt(crs);
    if (wkt) out[`${base}.prj`] = encoder.encode(wkt);
  });
  return out;
}

/**
 * A zip of one shapefile per GeoJSON layer (by file name, e.g. `gap-zones.geojson` → `gap-zones.shp`
 * …); layers without features are left out.
 * @param layers GeoJSON texts (or their UTF-8 bytes) by file name, all in `crs`
 */
export function shapefileZip(layers: Record<string, string | Uint8Array>, crs: CrsId): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(layers)) {
    const text = typeof data === 'string' ? data : decoder.decode(data);
    const shp = layerShapefile(name.replace(/\.geojson$/, ''), JSON.parse(text) as { features: LayerFeature[] }, crs);
    if (shp) Object.assign(files, shp);
  }
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}
