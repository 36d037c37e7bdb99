import type { CommunityGeometry } from '../engine/model';
import { fromWgs84, isGeographicCrs, type CrsId } from './crs';
import type { ByteWriter } from './byte-writer';
import type { ReportRow } from './report-rows';

/** A GeoJSON Feature as written to reports. */
export interface ReportFeature {
  type: 'Feature';
  properties: ReportRow;
  geometry: CommunityGeometry | { type: 'Polygon'; coordinates: [number, number][][] };
}

/** A report FeatureCollection. */
export interface ReportCollection {
  type: 'FeatureCollection';
  features: ReportFeature[];
}

/**
 * A site proposed by the siting engine, in WGS84 (what gaps.geojson writes as a `proposed_site`).
 * Field names are those of the report.
 */
export interface ProposedSite {
  lon: number;
  lat: number;
  /** 1 = best. */
  rank: number;
  /** Category id. */
  category: string;
  /** Residents it newly covers (after the sites ranked before it). */
  gain_population: number;
  /** Ids of the communities where it newly covers residents. */
  covered_ids: readonly string[];
}

/** Converts a WGS84 `[lon, lat]` into the export CRS and rounds it (6 decimals for degrees, 2 for metres). */
export type PositionWriter = (p: readonly number[]) => [number, number];

/**
 * The position writer of an export CRS: WGS84 positions converted with io/crs.ts `fromWgs84`, then
 * rounded to 1e-6 (degrees: WGS84, CGCS2000, GCJ-02, BD-09, other geographic systems) or to 0.01
 * (metres: projections). Rounding comes after the conversion, so a GCJ-02 export matches a GCJ-02
 * input to 5e-7° plus the inversion error (≈ 1e-10°).
 *
 * @param crs export CRS (default WGS84)
 */
export function positionWriter(crs: CrsId = 'WGS84'): PositionWriter {
  const scale = isGeographicCrs(crs) ? 1e6 : 1e2;
  const round = (v: number): number => Math.round(v * scale) / scale + 0; // + 0 turns -0 into 0
  const identity = crs === 'WGS84' || crs === 'EPSG:4326' || crs === 'CGCS2000' || crs === 'EPSG:4490';
  return (p) => {
    const [x, y] = identity ? [p[0]!, p[1]!] : fromWgs84(p[0]!, p[1]!, crs);
    return [round(x), round(y)];
  };
}

/** A JSON value of a report property (string, finite number, or null), as `JSON.stringify` writes it. */
export function jsonValue(v: string | number | null | undefined): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return v === null || v === undefined ? 'null' : JSON.stringify(v);
}

/**
 * Writes geometries straight to JSON bytes, in the export CRS, rounded, closed and with RFC 7946 winding
 * (exterior rings counter-clockwise, holes clockwise; also kept in other systems: none of them mirrors
 * the plane), without building converted arrays: positions are converted and rounded once into a
 * scratch buffer, the winding is decided there with the same shoelace sum as engine/geo/winding.ts `rewindRing`, and
 * the ring is written forwards or backwards.
 */
export interface GeometryByteWriter {
  /**
   * Appends a community geometry; with `promote`, a Polygon is written as a one-part MultiPolygon
   * (so a layer that mixes Polygon and MultiPolygon has one geometry type).
   */
  geometry(w: ByteWriter, g: CommunityGeometry, promote?: boolean): void;
  /** Appends a polygon (rings of WGS84 positions): `{"type":"Polygon","coordinates":…}`. */
  polygon(w: ByteWriter, rings: readonly (readonly (readonly number[])[])[]): void;
}

/**
 * The geometry writer of an export CRS (see {@link positionWriter} for conversion and rounding).
 *
 * @param crs export CRS (default WGS84)
 */
export function geometryByteWriter(crs: CrsId = 'WGS84'): GeometryByteWriter {
  const geographic = isGeographicCrs(crs);
  const scale = geographic ? 1e6 : 1e2;
  const decimals = geographic ? 6 : 2;
  const identity = crs === 'WGS84' || crs === 'EPSG:4326' || crs === 'CGCS2000' || crs === 'EPSG:4490';
  // rounded positions as integers (value × scale) of the ring being written
  let nx = new Float64Array(1024);
  let ny = new Float64Array(1024);
  const pair = (w: ByteWriter, x: number, y: number): void => {
    w.byte(91); // [
    w.fixed(x, decimals, scale);
    w.byte(44); // ,
    w.fixed(y, decimals, scale);
    w.byte(93); // ]
  };
  const ring = (w: ByteWriter, coords: readonly (readonly number[])[], exterior: boolean): void => {
    const n0 = coords.length;
    if (n0 + 1 > nx.length) {
      nx = new Float64Array(2 * (n0 + 1));
      ny = new Float64Array(2 * (n0 + 1));
    }
    for (let i = 0; i < n0; i++) {
      const p = coords[i]!;
      let x = p[0]!,
        y = p[1]!;
      if (!identity) [x, y] = fromWgs84(x, y, crs);
      nx[i] = Math.round(x * scale);
      ny[i] = Math.round(y * scale);
    }
    let n = n0;
    // closing, compared on the rounded values as ring() does (NaN never equals itself)
    if (n > 0 && (nx[0]! / scale + 0 !== nx[n - 1]! / scale + 0 || ny[0]! / scale + 0 !== ny[n - 1]! / scale + 0)) {
      nx[n] = nx[0]!;
      ny[n] = ny[0]!;
      n++;
    }
    let area = 0;
    for (let i = 0, j = n - 1; i < n; j = i++)
      area += (nx[j]! / scale + 0 - (nx[i]! / scale + 0)) * (ny[j]! / scale + 0 + (ny[i]! / scale + 0));
    const reverse = area > 0 !== exterior;
    w.byte(91);
    for (let k = 0; k < n; k++) {
      const i = reverse ? n - 1 - k : k;
      if (k > 0) w.byte(44);
      pair(w, nx[i]!, ny[i]!);
    }
    w.byte(93);
  };
  const polygonCoords = (w: ByteWriter, rings: readonly (readonly (readonly number[])[])[]): void => {
    w.byte(91);
    for (let r = 0; r < rings.length; r++) {
      if (r > 0) w.byte(44);
      ring(w, rings[r]!, r === 0);
    }
    w.byte(93);
  };
  return {
    geometry(w, g, promote = false) {
      if (g.type === 'Point') {
        let x = g.coordinates[0],
          y = g.coordinates[1];
        if (!identity) [x, y] = fromWgs84(x, y, crs);
        w.text('{"type":"Point","coordinates":');
        pair(w, Math.round(x * scale), Math.round(y * scale));
      } else if (g.type === 'Polygon' && !promote) {
        w.text('{"type":"Polygon","coordinates":');
        polygonCoords(w, g.coordinates);
      } else if (g.type === 'Polygon') {
        w.text('{"type":"MultiPolygon","coordinates":[');
        polygonCoords(w, g.coordinates);
        w.byte(93);
      } else {
        w.text('{"type":"MultiPolygon","coordinates":[');
        for (let p = 0; p < g.coordinates.length; p++) {
          if (p > 0) w.byte(44);
          polygonCoords(w, g.coordinates[p]!);
        }
        w.byte(93);
      }
      w.byte(125); // }
    },
    polygon(w, rings) {
      w.text('{"type":"Polygon","coordinates":');
      polygonCoords(w, rings);
      w.byte(125);
    },
  };
}

/** A proposed site as sites.geojson writes it: the {@link ProposedSite} fields plus where it came from. */
export interface SiteRecord extends ProposedSite {
  /** `uploaded` (a candidate the user gave), `community` or `road_node` (generated), `placed` (added or moved by hand in the app). */
  source: 'uploaded' | 'community' | 'road_node' | 'placed';
  /** Id of the uploaded candidate feature, or null. */
  candidate_id: string | null;
  /** Places of the site in a capacitated run (non-finite: no limit), else null. */
  capacity: number | null;
}

const roundTo = (v: number, decimals: number): number | null =>
  Number.isFinite(v) ? Math.round(v * 10 ** decimals) / 10 ** decimals : null;

/** The properties every proposed site has, checked: `rank`, `category`, `gain_population` (whole residents), `covered_ids`. */
function siteCore(
  s: ProposedSite,
  i: number,
  caller: string,
): { rank: number; category: string; gain_population: number; covered_ids: string } {
  if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat) || !Number.isFinite(s.gain_population)) {
    throw new Error(`${caller}: site ${i} has lon ${s.lon}, lat ${s.lat}, gain_population ${s.gain_population}`);
  }
  return { rank: s.rank, category: s.category, gain_population: Math.round(s.gain_population), covered_ids: s.covered_ids.join(',') };
}

/**
 * Proposed sites as Point features: `type_of_feature: "proposed_site"`, `rank`, `category`,
 * `gain_population` (rounded to whole residents), `covered_ids` (community ids joined by ",").
 * @throws on a site with a non-finite position or gain (sites come from the engine, not the user)
 */
export function proposedSiteFeatures(sites: readonly ProposedSite[], pos: PositionWriter = positionWriter()): ReportFeature[] {
  return sites.map((s, i) => ({
    type: 'Feature',
    properties: { type_of_feature: 'proposed_site', ...siteCore(s, i, 'proposedSiteFeatures') },
    geometry: { type: 'Point', coordinates: pos([s.lon, s.lat]) },
  }));
}

/**
 * The features of sites.geojson (docs/report-schema.md): `rank`, `category`, `gain_population`,
 * `covered_ids` as in gaps.geojson, then `source`, `candidate_id` and `capacity` (places, 3
 * decimals; null when uncapacitated or unlimited). Sites in the order given (rank order).
 * @throws on a site with a non-finite position or gain
 */
function siteFeatures(sites: readonly SiteRecord[], pos: PositionWriter = positionWriter()): ReportFeature[] {
  return sites.map((s, i) => ({
    type: 'Feature',
    properties: {
      ...siteCore(s, i, 'siteFeatures'),
      source: s.source,
      candidate_id: s.candidate_id,
      capacity: s.capacity === null ? null : roundTo(s.capacity, 3),
    },
    geometry: { type: 'Point', coordinates: pos([s.lon, s.lat]) },
  }));
}

/**
 * sites.geojson as text: what `lifecircle site` writes and the browser's siting session gives for
 * its current proposal (the same function, so the same sites give the same bytes). WGS84 (RFC 7946), coordinates rounded to 6 decimals, one feature per line.
 *
 * @param sites rank order, WGS84
 */
export function writeSitesGeoJson(sites: readonly SiteRecord[]): string {
  return stringifyCollection({ type: 'FeatureCollection', features: siteFeatures(sites) });
}

/**
 * JSON with 2-space indentation, except that an object or array whose one-line form fits within
 * `maxWidth` characters (with its indentation), and any array of numbers/strings, stays on one
 * line: readable and diff-friendly.
 */
export function stringifyCompact(value: unknown, maxWidth = 100, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat === undefined || value === null || typeof value !== 'object' || indent.length + flat.length <= maxWidth) return flat ?? 'null';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${stringifyCompact(v === undefined ? null : v, maxWidth, inner)}`).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyCompact(v, maxWidth, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * Serialise a collection: top-level members compactly indented (see {@link stringifyCompact}), then
 * one feature per line, so reports diff cleanly.
 *
 * @param members top-level members written after `"type"` and before `"features"`, in their key order
 *   (e.g. the legacy `crs` and the `lifecircle` provenance); undefined or null values are left out
 */
export function stringifyCollection(fc: ReportCollection, members: Record<string, unknown> = {}): string {
  return collectionText(
    fc.features.map((f) => JSON.stringify(f)),
    members,
  );
}

/**
 * A collection from features already written as JSON text (one per line), laid out as
 * {@link stringifyCollection} does.
 *
 * @param features feature texts, in order
 * @param members top-level members (see {@link stringifyCollection})
 */
function collectionText(features: readonly string[], members: Record<string, unknown> = {}): string {
  const head = collectionHead(members);
  const body = features.join(',\n');
  return `${head}${body}${body ? '\n' : ''}]}\n`;
}

/**
 * The text of a collection before its first feature (see {@link stringifyCollection}), up to and
 * including `"features":[` and its line break; the collection ends with `\n]}\n` (`]}\n` when empty).
 */
export function collectionHead(members: Record<string, unknown> = {}): string {
  const head = Object.entries(members)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${JSON.stringify(k)}:${stringifyCompact(v)},\n`)
    .join('');
  return `{"type":"FeatureCollection",\n${head}"features":[\n`;
}
