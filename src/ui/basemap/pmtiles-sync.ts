/**
 * Keeps the map's PMTiles base map in step with the stores: when the picker's choice is `pmtiles`
 * and an archive is open, its source and layers (`pmtiles-…`) go below every other map layer and
 * its Latin fonts are declared; theme, greyscale (drawn with the grey theme), opacity and the UI
 * language (labels) rebuild them; any other choice takes them off. Beside ../map/basemap-sync.ts,
 * which draws the raster services.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useAppStore } from '../../app/store';
import { useBasemapStore } from '../../app/basemap/basemap-store';
import { usePmtilesStore } from '../../app/basemap/pmtiles-store';
import { CJK_FONT_FAMILIES, PMTILES_SOURCE_ID } from '../../app/basemap/pmtiles-names';
import { loadPmtilesCode } from '../../app/basemap/pmtiles-code';
import { bundledFonts } from '../../app/basemap/pmtiles-fonts';
import { pmtilesCredit } from '../../app/basemap/pmtiles-credit';

/** CSS font families MapLibre draws Chinese (and other CJK) labels of its default stack with, from the user's system. */
export const LOCAL_IDEOGRAPH_FONTS = [...CJK_FONT_FAMILIES.map((f) => `'${f}'`), 'sans-serif'].join(', ');

const mine = (id: string) => id.startsWith(PMTILES_SOURCE_ID.replace(/protomaps$/, ''));

/** Attach the PMTiles base map to `map`; returns the detach function. */
export function attachPmtilesBasemap(map: MapLibreMap): () => void {
  let shown = '';
  let detached = false;

  const remove = () => {
    for (const l of map.getStyle().layers) if (mine(l.id)) map.removeLayer(l.id);
    if (map.getSource(PMTILES_SOURCE_ID)) map.removeSource(PMTILES_SOURCE_ID);
    map.setFontFaces(null);
  };

  // The style is ready from its 'load' on (attach before it, as MapView does, or after it). Not
  // `isStyleLoaded()`: that is false while any tile loads, and a change made then would be lost.
  let styleReady = map.isStyleLoaded() === true;
  const onLoad = () => {
    styleReady = true;
    apply();
  };

  const apply = () => {
    if (!styleReady) return;
    const { choice } = useBasemapStore.getState();
    const { basemap, theme } = usePmtilesStore.getState();
    const language = useAppStore.getState().language;
    const active = choice.kind === 'pmtiles' && basemap !== null;
    const look = { theme: choice.greyscale ? 'grey' : theme, language, opacity: choice.opacity } as const;
    const key = active ? JSON.stringify([basemap.url, look]) : '';
    if (key === shown) return;
    if (shown) remove();
    shown = key;
    if (!active) return;
    // the style's code was loaded when the file was opened (app/basemap/pmtiles-code.ts): this waits a microtask
    loadPmtilesCode().then(
      ({ pmtilesStyle }) => {
        if (detached || shown !== key) return; // changed (or detached) meanwhile
        const style = pmtilesStyle(basemap.url, look, bundledFonts(), pmtilesCredit(basemap));
        map.setFontFaces(style['font-faces']);
        map.addSource(PMTILES_SOURCE_ID, style.sources[PMTILES_SOURCE_ID]!);
        const before = map.getStyle().layers.find((l) => l.type !== 'background' && !mine(l.id))?.id;
        for (const layer of style.layers) map.addLayer(layer, before);
      },
      (e: unknown) => {
        const detail = e instanceof Error ? e.message : String(e);
        usePmtilesStore.setState({ status: { kind: 'refused', problem: { reason: 'codeNotLoaded', file: basemap.fileName, detail } } });
      },
    );
  };

  // for tests and screen readers of the DOM: how many base-map labels are placed now, and a few of them
  const onIdle = () => {
    const el = map.getContainer();
    const ids = shown
      ? map
          .getStyle()
          .layers.filter((l) => mine(l.id) && l.type === 'symbol')
          .map((l) => l.id)
      : [];
    const labels = ids.length ? map.queryRenderedFeatures({ layers: ids }) : [];
    el.dataset['basemapLabels'] = String(labels.length);
    el.dataset['basemapLabelNames'] = [...new Set(labels.map((f) => String(f.properties['name'] ?? '')))].sort().slice(0, 50).join('|');
  };

  map.on('load', onLoad);
  map.on('idle', onIdle);
  apply();
  const unsubs = [
    useBasemapStore.subscribe((s, prev) => {
      if (s.choice !== prev.choice) apply();
    }),
    usePmtilesStore.subscribe(apply),
    useAppStore.subscribe((s, prev) => {
      if (s.language !== prev.language) apply();
    }),
  ];
  return () => {
    detached = true;
    for (const u of unsubs) u();
    map.off('load', onLoad);
    map.off('idle', onIdle);
  };
}
