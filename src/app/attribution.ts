/**
 * Which credits the map shows, by data source: OpenStreetMap only when OSM data is on the map, and
 * the synthetic sample says it is synthetic. Returns i18n keys; the UI translates them.
 */
import type { DataSource } from './store';

/** i18n keys of the credits for the shown data (empty when nothing is loaded). */
export function attributionKeys(source: DataSource | null): string[] {
  if (source === 'sample') return ['attribution.sample'];
  if (source === 'osm') return ['attribution.osm'];
  return [];
}
