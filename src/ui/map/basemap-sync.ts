/**
 * Keeps the maplibre map's base-map layers in step with the base-map store: adds the chosen
 * source's raster layers below every other map layer (the deck.gl overlay is above the map canvas),
 * updates opacity and greyscale in place, and turns failing tiles into one notice. When every tile
 * of a source fails (none loaded after {@link MAX_FAILED_TILES}), the layers are taken off the map so
 * panning does not request more.
 */
import type { Map as MapLibreMap, MapSourceDataEvent, MapStyleDataEvent, ErrorEvent as MapErrorEvent } from 'maplibre-gl';
import { useAppStore } from '../../app/store';
import { BASEMAP_ID_PREFIX, basemapSpec } from '../../app/basemap/basemap-sources';
import { reportTileFailure, useBasemapStore } from '../../app/basemap/basemap-store';

/** Failed tiles, with none loaded, after which the base map is taken off the map. */
const MAX_FAILED_TILES = 8;

const own = (id: string | undefined) => typeof id === 'string' && id.startsWith(BASEMAP_ID_PREFIX);

/** Attach the base map to `map`; returns the detach function. */
export function attachBasemap(map: MapLibreMap): () => void {
  let shownKey = '';
  let hosts: string[] = [];
  let failed = 0;
  let loaded = 0;
  let stopped = false;

  const removeOwn = () => {
    for (const l of map.getStyle().layers) if (own(l.id)) map.removeLayer(l.id);
    for (const id of Object.keys(map.getStyle().sources)) if (own(id)) map.removeSource(id);
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
    const { choice, tiandituKey, attempt } = useBasemapStore.getState();
    const { spec } = basemapSpec(choice, { tiandituKey, language: useAppStore.getState().language });
    const key = spec ? `${attempt} ${JSON.stringify(spec.sources)}` : '';
    if (key !== shownKey) {
      removeOwn();
      shownKey = key;
      hosts = spec?.hosts ?? [];
      failed = 0;
      loaded = 0;
      stopped = false;
      if (!spec) return;
      const before = map.getStyle().layers.find((l) => l.type !== 'background' && !own(l.id))?.id;
      for (const [id, source] of Object.entries(spec.sources)) map.addSource(id, source);
      for (const layer of spec.layers) map.addLayer(layer, before);
      return;
    }
    if (!spec || stopped) return;
    for (const layer of spec.layers) {
      if (!map.getLayer(layer.id)) continue;
      map.setPaintProperty(layer.id, 'raster-opacity', layer.paint?.['raster-opacity']);
      map.setPaintProperty(layer.id, 'raster-saturation', layer.paint?.['raster-saturation']);
    }
  };

  const onError = (e: MapErrorEvent & { sourceId?: string }) => {
    if (!own(e.sourceId)) {
      console.error(e.error); // what maplibre logs when nobody listens
      return;
    }
    if (stopped) return;
    failed++;
    const err = e.error as Error & { status?: number; url?: string };
    let host = hosts[0] ?? '';
    try {
      if (err.url) host = new URL(err.url).host;
    } catch {
      // keep the source's first host
    }
    const stop = loaded === 0 && failed >= MAX_FAILED_TILES;
    if (stop) {
      stopped = true;
      removeOwn();
    }
    reportTileFailure({ host, status: typeof err.status === 'number' ? err.status : 0, stopped: stop });
  };
  const onData = (e: (MapSourceDataEvent | MapStyleDataEvent) & { sourceId?: string; tile?: unknown }) => {
    if (own(e.sourceId) && e.dataType === 'source' && e.tile) loaded++;
  };

  map.on('error', onError);
  map.on('data', onData);
  map.on('load', onLoad);
  apply();
  const unsubBasemap = useBasemapStore.subscribe((s, prev) => {
    if (s.choice !== prev.choice || s.tiandituKey !== prev.tiandituKey || s.attempt !== prev.attempt) apply();
  });
  const unsubLanguage = useAppStore.subscribe((s, prev) => {
    if (s.language !== prev.language) apply();
  });
  return () => {
    unsubBasemap();
    unsubLanguage();
    map.off('error', onError);
    map.off('data', onData);
    map.off('load', onLoad);
  };
}
