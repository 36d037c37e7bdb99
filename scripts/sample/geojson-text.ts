/**
 * Stable GeoJSON text: compact JSON with one feature per line (diff-friendly), fixed key order,
 * newline at the end.
 */

/** A GeoJSON Feature with its geometry type and properties. */
interface Feature<G, P> {
  type: 'Feature';
  properties: P;
  geometry: G;
}

/** A GeoJSON FeatureCollection. */
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}

export type LineString = { type: 'LineString'; coordinates: [number, number][] };
export type Polygon = { type: 'Polygon'; coordinates: [number, number][][] };
export type Point = { type: 'Point'; coordinates: [number, number] };

/** Serialize a collection: `{"type":"FeatureCollection","features":[` + one feature per line + `]}\n`. */
export function featureCollectionText<G, P>(fc: FeatureCollection<G, P>): string {
  if (fc.features.length === 0) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}
