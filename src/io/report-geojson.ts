import type { Analysis } from '../engine/analyze';
import type { GapZone } from '../engine/coverage/gap-zones';
import type { CommunityGeometry, Dataset } from '../engine/model';
import { rewindRing } from '../engine/geo/winding';
import { communityRow, type ReportRow } from './report-rows';

/** A GeoJSON Feature as written to reports. */
export interface ReportFeature {
  type: 'Feature';
  properties: ReportRow;
  geometry: CommunityGeometry | { type: 'Polygon'; coordinates: [number, number][][] };
}

/** A report FeatureCollection (RFC 7946: WGS84, right-hand rule, 6 decimals). */
export interface ReportCollection {
  type: 'FeatureCollection';
  features: ReportFeature[];
}

const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;
const pos = (p: readonly number[]): [number, number] => [round6(p[0]!), round6(p[1]!)];

/** Ring with RFC 7946 winding (exterior counter-clockwise, holes clockwise), rounded and closed. */
function ring(coords: readonly (readonly number[])[], exterior: boolean): [number, number][] {
  const out = coords.map(pos);
  const first = out[0], last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return rewindRing(out, exterior);
}

/** A community geometry for output: rounded to 1e-6°, RFC 7946 winding. Does not mutate the input. */
export function outputGeometry(g: CommunityGeometry): CommunityGeometry {
  if (g.type === 'Point') return { type: 'Point', coordinates: pos(g.coordinates) };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r, i) => ring(r, i === 0)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map((r, i) => ring(r, i === 0))) };
}

/**
 * Community features with their report properties.
 *
 * @param onlyGaps true for gaps.geojson (communities not fully covered), false for communities.geojson
 */
export function communityFeatures(dataset: Dataset, analysis: Analysis, onlyGaps: boolean): ReportFeature[] {
  const indices = onlyGaps ? analysis.gaps.map((g) => g.community) : dataset.communities.map((_, i) => i);
  return indices.map((c) => {
    const community = dataset.communities[c]!;
    return { type: 'Feature', properties: { ...communityRow(community, c, analysis.coverage), type_of_feature: 'community' }, geometry: outputGeometry(community.geometry) };
  });
}

/** Gap zones as features: `type_of_feature: "gap_zone"`, `category`, `population` (rounded to whole residents). */
export function gapZoneFeatures(zones: readonly GapZone[], categoryIds: readonly string[]): ReportFeature[] {
  return zones.map((z) => ({
    type: 'Feature',
    properties: { type_of_feature: 'gap_zone', category: categoryIds[z.category] ?? null, population: Math.round(z.population) },
    geometry: { type: 'Polygon', coordinates: z.polygon.map((r, i) => ring(r, i === 0)) },
  }));
}

/** Serialise a collection: one feature per line, so reports diff cleanly. */
export function stringifyCollection(fc: ReportCollection, meta?: Record<string, unknown>): string {
  const head = meta ? `{"type":"FeatureCollection",${Object.entries(meta).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')},"features":[` : '{"type":"FeatureCollection","features":[';
  return `${head}\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
