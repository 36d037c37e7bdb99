/**
 * Keeps the MapLibre roads source and line layer (id `roads`, see app/layers/roads-layer) in step
 * with the loaded roads and the layer switch. Roads are drawn by MapLibre, below the analysis overlays
 * (overlays-maplibre.ts) and every deck.gl layer.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { roadLines, roadsLineLayer, roadsTileBuffer } from '../../app/layers/roads-layer';
import type { DisplayShift } from '../../app/basemap/display-shift';
import { firstOverlayLayer } from './overlays-maplibre';
import { sourceData } from './source-data';

const shownData = new WeakMap<MapLibreMap, FeatureCollection>();
const shifted = new WeakMap<FeatureCollection, { shift: DisplayShift; fc: FeatureCollection }>();

/** The road lines as drawn under a GCJ-02 base map (each vertex shifted), memoised per lines and shift. */
function displayLines(lines: FeatureCollection, shift: DisplayShift | null): FeatureCollection {
  if (!shift) return lines;
  const hit = shifted.get(lines);
  if (hit && hit.shift === shift) return hit.fc;
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: lines.features.map((f) =>
      f.geometry.type === 'LineString'
        ? { ...f, geometry: { type: 'LineString', coordinates: f.geometry.coordinates.map(([x, y]) => shift.toDisplay(x!, y!)) } }
        : f,
    ),
  };
  shifted.set(lines, { shift, fc });
  return fc;
}

/** Latitude in degrees of the first vertex of the lines (0 when there is none): sets the width scale. */
function latitudeOf(lines: FeatureCollection): number {
  const g = lines.features[0]?.geometry;
  const lat = g?.type === 'LineString' ? g.coordinates[0]?.[1] : undefined;
  return typeof lat === 'number' && Number.isFinite(lat) ? lat : 0;
}

/**
 * Shows `roads` on the map's (loaded) style, or removes them when null, empty or hidden. Under a
 * GCJ-02 base map (`shift`) the lines are drawn shifted like every other overlay.
 * @returns whether the roads layer is drawn
 */
export function syncRoads(map: MapLibreMap, roads: FeatureCollection | null, visible: boolean, shift: DisplayShift | null): boolean {
  const data = roads && visible ? displayLines(roadLines(roads), shift) : null;
  if (!data || data.features.length === 0 || shownData.get(map) !== data) {
    if (map.getLayer('roads')) map.removeLayer('roads');
    if (map.getSource('roads')) map.removeSource('roads');
    shownData.delete(map);
  }
  if (!data || data.features.length === 0) return false;
  if (!map.getSource<GeoJSONSource>('roads')) {
    const latitude = latitudeOf(data);
    map.addSource('roads', { type: 'geojson', data: sourceData(data), buffer: roadsTileBuffer(latitude) });
    map.addLayer(roadsLineLayer(latitude), firstOverlayLayer(map)); // below the analysis overlays
    shownData.set(map, data);
  }
  return true;
}
