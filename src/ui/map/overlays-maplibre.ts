/**
 * Keeps the MapLibre analysis overlays (app/layers/maplibre-overlays.ts) in step with the state:
 * one GeoJSON source per group (`lc-<group id>`, or `lc-<group source>` for groups sharing one), re-uploaded with setData only when the group's
 * data object changed; layers (`lc-<layer id>`) added, removed or replaced when their spec changed
 * (only their paint values set when nothing else changed),
 * and kept above the base map and the roads in the groups' order. A hidden group keeps its source,
 * so switching it on again uploads nothing. A group's `selected` feature is marked with the
 * feature-state `selected` (the selection highlight: no setData on a click), and a group's `states` (the
 * coverage colours) are feature states set where they changed (new shares: no setData). Under a GCJ-02 base map (`shift`) the data is drawn
 * shifted like every other overlay (a copy memoised per collection).
 */
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { OverlayGroup } from '../../app/layers/maplibre-overlays';
import type { DisplayShift } from '../../app/basemap/display-shift';
import { displayGeoJson } from '../../app/basemap/display-layers';
import { sourceData } from './source-data';

const PREFIX = 'lc-';
type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];

/**
 * Tile buffer (in 1/512 of a tile, ≥ screen pixels) of the sources with lines, fills and circles only:
 * the widest thing drawn across a tile edge is the selection ring (10 px radius + 3 px stroke).
 * MapLibre's default, 128, cuts every geometry with a quarter tile more on each side: about twice
 * the vertices to cut and build in the worker after each zoom step and to draw in each frame
 * (SwiftShader). Label sources keep the default (a name near an edge is placed from its own tile).
 */
const TILE_BUFFER = 16;
const own = (id: string) => id.startsWith(PREFIX);

/** Id of the lowest overlay layer on the map (the roads go below it), or undefined when none is drawn. */
export function firstOverlayLayer(map: MapLibreMap): string | undefined {
  return map.getLayersOrder().find(own);
}

interface Shown {
  /** Data last handed to each source. */
  data: Map<string, FeatureCollection>;
  /** Spec (JSON) of each layer on the map. */
  specs: Map<string, string>;
  /** Feature id with the feature-state `selected` on each source. */
  selected: Map<string, number>;
  /** Feature-state values last set, per source and state key. */
  states: Map<string, ReadonlyMap<number, number>>;
}
const state = new WeakMap<MapLibreMap, Shown>();

/**
 * Shows `groups` (bottom to top) on the map's loaded style, removing the overlay layers not among them.
 * @returns the ids of the groups drawn (not `hidden`), in order (for the map's `data-layers`)
 */
export function syncOverlays(map: MapLibreMap, groups: readonly OverlayGroup[], shift: DisplayShift | null): string[] {
  let shown = state.get(map);
  if (!shown || (shown.data.size > 0 && ![...shown.data.keys()].some((id) => map.getSource(id)))) {
    shown = { data: new Map(), specs: new Map(), selected: new Map(), states: new Map() };
    state.set(map, shown);
  }
  const wanted: LayerSpecification[] = [];
  for (const g of groups) {
    const source = PREFIX + (g.source ?? g.id);
    const data = displayGeoJson(g.data, shift);
    const src = map.getSource<GeoJSONSource>(source);
    if (!src) {
      const labels = g.layers.some((l) => l.type === 'symbol');
      map.addSource(source, { type: 'geojson', data: sourceData(data), tolerance: 0.375, ...(labels ? {} : { buffer: TILE_BUFFER }) });
      shown.data.set(source, data);
    } else if (shown.data.get(source) !== data) {
      src.setData(sourceData(data));
      shown.data.set(source, data);
    }
    if (g.selected !== undefined) select(map, shown, source, g.selected);
    if (g.states) setStates(map, shown, source, g.states.key, g.states.byId);
    for (const l of g.layers) wanted.push({ ...l, id: PREFIX + l.id, source } as LayerSpecification);
  }
  const wantedIds = new Set(wanted.map((l) => l.id));
  for (const id of map.getLayersOrder()) {
    if (own(id) && !wantedIds.has(id)) {
      map.removeLayer(id);
      shown.specs.delete(id);
    }
  }
  for (const l of wanted) {
    const spec = JSON.stringify(l);
    const old = shown.specs.get(l.id);
    if (map.getLayer(l.id) && old === spec) continue;
    if (map.getLayer(l.id) && old !== undefined && samePaintless(old, l)) {
      // only paint changed: MapLibre redraws (and re-cuts tiles only for a data-driven change)
      const was = (JSON.parse(old) as { paint?: Record<string, unknown> }).paint ?? {};
      const now = (l as { paint?: Record<string, unknown> }).paint ?? {};
      for (const name of new Set([...Object.keys(was), ...Object.keys(now)]))
        if (JSON.stringify(was[name]) !== JSON.stringify(now[name])) map.setPaintProperty(l.id, name as PaintName, now[name] as PaintValue);
    } else {
      if (map.getLayer(l.id)) map.removeLayer(l.id);
      map.addLayer(l);
    }
    shown.specs.set(l.id, spec);
  }
  // keep the groups' order, all above the other map layers (base map, roads)
  const order = map.getLayersOrder().filter(own);
  const ids = wanted.map((l) => l.id);
  const tail = map.getLayersOrder().slice(-ids.length);
  if (order.join() !== ids.join() || tail.join() !== ids.join()) for (const id of ids) map.moveLayer(id);
  return groups.filter((g) => !g.hidden).map((g) => g.id);
}

/** Whether the layer spec `old` (JSON) and `l` differ at most in their paint properties. */
function samePaintless(old: string, l: LayerSpecification): boolean {
  const { paint: _a, ...a } = JSON.parse(old) as LayerSpecification & { paint?: unknown };
  const { paint: _b, ...b } = l as LayerSpecification & { paint?: unknown };
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sets the feature state `key` of each feature of `source` whose value in `byId` changed since the last call. */
function setStates(map: MapLibreMap, shown: Shown, source: string, key: string, byId: ReadonlyMap<number, number>): void {
  const at = `${source} ${key}`;
  const old = shown.states.get(at);
  if (old === byId) return;
  for (const [id, value] of byId) if (old?.get(id) !== value) map.setFeatureState({ source, id }, { [key]: value });
  shown.states.set(at, byId);
}

/** Moves the feature-state `selected` of `source` to the feature `id` (null: to none). */
function select(map: MapLibreMap, shown: Shown, source: string, id: number | null): void {
  const old = shown.selected.get(source);
  if (old === (id ?? undefined)) return;
  if (old !== undefined) map.removeFeatureState({ source, id: old }, 'selected');
  if (id === null) shown.selected.delete(source);
  else {
    map.setFeatureState({ source, id }, { selected: true });
    shown.selected.set(source, id);
  }
}
