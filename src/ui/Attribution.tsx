/** Credits for what the map shows (rendered as text), plus the map library. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { attributionKeys } from '../app/attribution';
import { sampleLayers } from '../app/layer-origin';
import { shownBasemapCredit, useBasemapStore } from '../app/basemap/basemap-store';
import { usePmtilesStore } from '../app/basemap/pmtiles-store';
import { shownPmtilesCredit } from '../app/basemap/pmtiles-credit';

export function Attribution() {
  const { t } = useTranslation();
  // the sample credit stays while any sample layer is loaded (the user may have replaced only some)
  const source = useAppStore((s) => (sampleLayers(s.files).length > 0 ? 'sample' : (s.data?.source ?? null)));
  const service = useBasemapStore(shownBasemapCredit);
  const kind = useBasemapStore((s) => s.choice.kind);
  const archive = usePmtilesStore((s) => s.basemap);
  const basemap = service ?? (kind === 'pmtiles' && archive ? shownPmtilesCredit() : null);
  const credits = [...(basemap ? [basemap] : []), ...attributionKeys(source).map((k) => t(k))];
  return (
    <div className="attribution" data-testid="attribution">
      {[...credits, 'MapLibre', 'deck.gl'].join(' · ')}
    </div>
  );
}
