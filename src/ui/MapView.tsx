/**
 * The map: the one owner of the maplibre map and of the deck.gl overlay drawn over it. Layers come
 * from the pure builders in app/layers; this component only hands them over, shows hover text,
 * turns clicks into store.selection (with a detail card), and follows store.flyTo. The container
 * exposes `data-center="lon,lat"` and `data-zoom` (updated on moveend) for tests and other panels, and
 * `data-map-idle` (with `data-map-idle-at`) once MapLibre has drawn everything asked for.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { buildLayers } from '../app/layers';
import { buildOverlays } from '../app/layers/maplibre-overlays';
import { useIndicatorsStore } from '../app/indicators/indicators-store';
import { offlineStyle } from '../app/base-style';
import { dataBounds } from '../app/data-bounds';
import { tooltipText } from '../app/tooltip';
import { categoryLookup } from '../app/layers/category-lookup';
import { coverageValues } from '../app/layers/coverage-layer';
import { useMapStore } from '../app/map-actions';
import { pickTargets } from '../app/picking/pick-targets';
import { attachMapPicking, type PickContext } from './map/map-picking';
import { DetailCard } from './map/DetailCard';
import { useProposalOnMap } from './siting/use-proposal-on-map';
import { attachMapTools } from './siting/map-tools';
import { LOCAL_IDEOGRAPH_FONTS, attachPmtilesBasemap } from './basemap/pmtiles-sync';
import { attachBasemap } from './map/basemap-sync';
import { displayShiftOf, useBasemapStore } from '../app/basemap/basemap-store';
import { displayLayers } from '../app/basemap/display-layers';
import { toDisplay } from '../app/basemap/display-shift';
import { syncRoads } from './map/roads-maplibre';
import { syncOverlays } from './map/overlays-maplibre';
import { dropDefaultTooltip } from './map/no-default-tooltip';
import { showDeckCanvas } from './map/deck-canvas';
import { softwareRendering } from '../app/render/software-renderer';
import { attachInstantWheelZoom } from './map/instant-wheel-zoom';
import { attachRepaintHold } from './map/hold-repaint';
import { attachPlaceOnce } from './map/placement-once';

/** Ningbo, where the view starts before data arrives. */
const INITIAL_CENTER: [number, number] = [121.6, 29.85];
const INITIAL_ZOOM = 9;
/** Pixels kept free on the left of the fitted data for the legend. */
const LEGEND_ROOM_PX = 300;

// maplibre 6 looks for its worker beside its own module; in the bundle it lives under a hashed name.
setWorkerUrl(maplibreWorkerUrl);

export function MapView() {
  const { t } = useTranslation();
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const pickRef = useRef<PickContext | null>(null);
  const [mapReady, setMapReady] = useState(false);
  const data = useAppStore((s) => s.data);
  const visible = useAppStore((s) => s.visible);
  const language = useAppStore((s) => s.language);
  const settings = useAppStore((s) => s.settings);
  const coverage = useAppStore((s) => s.coverage);
  const surface = useAppStore((s) => s.surface);
  const selectedCategory = useAppStore((s) => s.selectedCategory);
  const selection = useAppStore((s) => s.selection);
  const flyTo = useAppStore((s) => s.flyTo);
  const coverageMode = useMapStore((s) => s.coverageMode);
  // held while a site is dragged (the dragged site is a DOM disc): one map redraw per drag, not two per pointer move
  const sites = useProposalOnMap();
  const outlines = useIndicatorsStore((s) => s.outlines);
  const showOutlines = useIndicatorsStore((s) => s.showOutlines);
  const districts = useMemo(() => ({ outlines, visible: showOutlines }), [outlines, showOutlines]);
  // GCJ-02 base maps: overlays are drawn shifted (app/basemap/display-layers.ts), data stays WGS84
  const shift = useBasemapStore((s) => displayShiftOf(s.choice));
  const [view, setView] = useState({ center: INITIAL_CENTER, zoom: INITIAL_ZOOM, bounds: '' });
  const [roadsShown, setRoadsShown] = useState(false);
  const [overlaysShown, setOverlaysShown] = useState<string[]>([]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    // without a GPU every frame costs 0.1–0.4 s: zoom steps, pans and eases jump (one frame) instead of animating
    const software = softwareRendering();
    const map = new MapLibreMap({
      container,
      style: offlineStyle(),
      center: INITIAL_CENTER,
      zoom: INITIAL_ZOOM,
      attributionControl: false, // credits are rendered by <Attribution/>, per data source
      localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS, // Chinese base-map labels from the system's fonts, no glyph download
      fadeDuration: 0, // labels appear at once: no fade frames (each costs a full redraw in a software renderer)
      reduceMotion: software ? true : undefined, // buttons, keys, double-click: no eased frames, no pan inertia
    });
    const detachWheel = software ? attachInstantWheelZoom(map) : () => undefined;
    const detachHold = software ? attachRepaintHold(map) : () => undefined; // one frame when all tiles are in, not one per batch
    const detachPlace = software ? attachPlaceOnce(map) : () => undefined; // no second frame when new labels are placed
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // no multisampling: in a software renderer (SwiftShader) it multiplies the raster work of every frame
    const overlay: MapboxOverlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      deviceProps: { webgl: { antialias: false } },
      // deck.gl's default tooltip widget (we show our own) forced a page layout after every redraw
      onLoad: () => dropDefaultTooltip((overlay as unknown as { _deck?: unknown })._deck),
    });
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    map.once('load', () => setMapReady(true));
    const detachTools = attachMapTools(map, overlay); // site dragging/adding, map capture (siting/export)
    const detachBasemap = attachBasemap(map);
    const detachPmtiles = attachPmtilesBasemap(map); // the local vector base map (choice `pmtiles`)
    const detachPicking = attachMapPicking(map, () => pickRef.current); // hover text and click selection, picked on the CPU
    // for tests: `data-map-idle` is "true" once the map has drawn everything asked for (MapLibre's idle), at `data-map-idle-at` (page ms)
    const busy = () => {
      container.dataset['mapIdle'] = 'false';
    };
    map.on('move', busy);
    map.on('dataloading', busy);
    map.on('idle', () => {
      container.dataset['mapIdle'] = 'true';
      container.dataset['mapIdleAt'] = String(Math.round(performance.now()));
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      const b = map.getBounds();
      const bounds = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((x) => x.toFixed(6)).join(',');
      setView({ center: [c.lng, c.lat], zoom: map.getZoom(), bounds });
    });
    return () => {
      mapRef.current = null;
      overlayRef.current = null;
      setMapReady(false);
      detachTools();
      detachBasemap();
      detachPmtiles();
      detachPicking();
      detachWheel();
      detachHold();
      detachPlace();
      map.remove();
    };
  }, []);

  const layers = useMemo(
    () =>
      displayLayers(buildLayers({ data, visible, settings, coverage, surface, selectedCategory, selection, coverageMode, sites }), shift),
    [data, visible, settings, coverage, surface, selectedCategory, selection, coverageMode, sites, shift],
  );
  const overlays = useMemo(
    () =>
      buildOverlays({
        communities: data?.communities ?? null,
        settings,
        coverage,
        surface,
        categoryId: selectedCategory,
        coverageMode,
        style: categoryLookup(settings?.categories),
        visible,
        districts,
        facilities: data?.facilities ?? null,
        selection,
      }),
    [data, settings, coverage, surface, selectedCategory, coverageMode, visible, districts, selection],
  );

  useEffect(() => {
    const map = mapRef.current;
    if (map && mapReady) setOverlaysShown(syncOverlays(map, overlays, shift));
  }, [overlays, mapReady, shift]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay) return;
    overlay.setProps({ layers });
    showDeckCanvas(overlay, layers.length); // no deck.gl layer: its canvas is no part of the frame
  }, [layers, mapReady]);

  // what hover and click pick: built from the data (indexes memoised per data object), not from the renderers
  useEffect(() => {
    const style = categoryLookup(settings?.categories);
    const k = coverage ? coverage.categoryIds.indexOf(selectedCategory) : -1;
    const shares = coverage && (coverageMode === 'complete' || k >= 0) ? coverageValues(coverage, k, coverageMode) : null;
    pickRef.current = {
      targets: pickTargets({ data, visible, coverage, surface, selectedCategory, coverageMode, sites }),
      text: (pick) =>
        tooltipText(pick.layerId, pick.object, language, t, { style, shares, surface, bitmapPixel: pick.bitmapPixel ?? null }),
    };
  }, [data, visible, language, t, settings, coverage, surface, selectedCategory, coverageMode, sites]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && mapReady) setRoadsShown(syncRoads(map, data?.roads ?? null, visible.roads, shift));
  }, [data, visible.roads, mapReady, shift]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !flyTo) return;
    map.flyTo({ center: toDisplay(shift, flyTo.lon, flyTo.lat), zoom: flyTo.zoom, essential: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a base-map change does not fly again
  }, [flyTo, mapReady]);

  useEffect(() => {
    const map = mapRef.current;
    const bounds = data ? dataBounds(data) : null;
    if (!map || !bounds) return;
    // Leave room on the left for the legend that floats over the map, when the map is wide enough.
    // the canvas's buffer width (set by the map on resize), not the container's clientWidth: that read forced a layout of the page right after the data's render
    const wide = map.getCanvas().width / map.getPixelRatio() >= 800;
    map.fitBounds(bounds, { padding: { top: 30, bottom: 30, right: 50, left: wide ? LEGEND_ROOM_PX : 30 }, animate: false });
  }, [data, mapReady]);

  return (
    <>
      <div
        ref={containerRef}
        className="map"
        data-testid="map"
        data-map-ready={mapReady ? 'true' : 'false'}
        data-center={`${view.center[0].toFixed(6)},${view.center[1].toFixed(6)}`}
        data-zoom={view.zoom.toFixed(3)}
        data-bounds={view.bounds}
        data-layers={[...(roadsShown ? ['roads'] : []), ...overlaysShown, ...layers.map((l) => l.id)].join(',')}
        role="region"
        aria-label={t('map.label')}
      />
      <DetailCard />
    </>
  );
}
