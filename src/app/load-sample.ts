/**
 * The built-in sample city. Vite copies the three files into dist/ (asset imports), so the built app
 * carries its sample and works offline.
 */
import type { FeatureCollection } from 'geojson';
import roadsUrl from '../../data/sample/roads.geojson?url';
import communitiesUrl from '../../data/sample/communities.geojson?url';
import facilitiesUrl from '../../data/sample/facilities.geojson?url';
import type { LoadedData } from './store';

/** URLs of the sample files in the built app. */
export const SAMPLE_URLS = Object.freeze({ roads: roadsUrl, communities: communitiesUrl, facilities: facilitiesUrl });

/**
 * Checks that a parsed JSON value is a GeoJSON FeatureCollection (the shape only; the io readers do
 * the full validation).
 * @throws naming `name` when it is not.
 */
export function asFeatureCollection(value: unknown, name: string): FeatureCollection {
  const v = value as { type?: unknown; features?: unknown } | null;
  if (!v || v.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    throw new Error(`${name}: not a GeoJSON FeatureCollection`);
  }
  return v as FeatureCollection;
}

async function fetchCollection(url: string, name: string): Promise<FeatureCollection> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return asFeatureCollection(await res.json(), name);
}

/** Fetches and checks the three sample files. */
export async function fetchSample(): Promise<LoadedData> {
  const [roads, communities, facilities] = await Promise.all([
    fetchCollection(SAMPLE_URLS.roads, 'roads.geojson'),
    fetchCollection(SAMPLE_URLS.communities, 'communities.geojson'),
    fetchCollection(SAMPLE_URLS.facilities, 'facilities.geojson'),
  ]);
  return { source: 'sample', roads, communities, facilities };
}
