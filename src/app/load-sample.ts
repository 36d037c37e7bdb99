/**
 * The built-in sample city. Vite copies the three files into dist/ (asset imports), so the built app
 * carries its sample and works offline; actions.loadSample reads them through the engine's readers.
 */
import roadsUrl from '../../data/sample/roads.geojson?url';
import communitiesUrl from '../../data/sample/communities.geojson?url';
import facilitiesUrl from '../../data/sample/facilities.geojson?url';

import type { InputFile } from './inputs';

/** URLs of the sample files in the built app. */
const SAMPLE_URLS = Object.freeze({ roads: roadsUrl, communities: communitiesUrl, facilities: facilitiesUrl });

/** The sample's three files, fetched in parallel, as inputs marked `sample` (rejects naming a file that did not come). */
export function fetchSampleFiles(): Promise<InputFile[]> {
  return Promise.all(
    (['facilities', 'communities', 'roads'] as const).map(async (layer) => {
      const res = await fetch(SAMPLE_URLS[layer]);
      if (!res.ok) throw new Error(`${layer}.geojson: HTTP ${res.status}`);
      return { layer, name: `${layer}.geojson`, bytes: new Uint8Array(await res.arrayBuffer()), options: {}, sample: true };
    }),
  );
}
