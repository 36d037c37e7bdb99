/** Credits for what the map shows (rendered as text), plus the map library. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { attributionKeys } from '../app/attribution';
import { sampleLayers } from '../app/layer-origin';
import { shownBasemapCredit, useBasemapStore } from '../app/basemap/basemap-store';

export function Attribution() {
  const { t } = useTranslation();
  // the sample credit stays while any sample layer is loaded (the user may have replaced only some)
  const source = useAppStore((s) => (sampleLayers(s.files).length > 0 ? 'sample' : (s.data?.source ?? null)));
  const basemap = useBasemapStore(shownBasemapCredit);
  const credits = [...(basemap ? [basemap] : []), ...attributionKeys(source).map((k) => t(k))];
  return (
    <div className="attribution" data-testid="attribution">
      {[...credits, 'MapLibre', 'deck.gl'].join(' · ')}
    </div>
  );
}
