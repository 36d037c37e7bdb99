/**
 * The built-in sample city. Vite copies the three files into dist/ (asset imports), so the built app
 * carries its sample and works offline; actions.loadSample reads them through the engine's readers.
 */
import roadsUrl from '../../data/sample/roads.geojson?url';
import communitiesUrl from '../../data/sample/communities.geojson?url';
import facilitiesUrl from '../../data/sample/facilities.geojson?url';

/** URLs of the sample files in the built app. */
export const SAMPLE_URLS = Object.freeze({ roads: roadsUrl, communities: communitiesUrl, facilities: facilitiesUrl });
