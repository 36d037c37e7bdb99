/**
 * Roads as a MapLibre line layer (source and layer id `roads`), coloured and sized by highway class.
 * Not a deck.gl PathLayer: in a software renderer (SwiftShader) a PathLayer of the sample's 64k road
 * vertices cost seconds per frame (four projected positions per vertex), while MapLibre's tiled,
 * simplified lines cost about as much as the background; and roads then stay out of every deck.gl
 * redraw (clicks, toggles). Not pickable.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LineLayerSpecification } from 'maplibre-gl';
import { roadClass, ROAD_COLORS, ROAD_WIDTH_METERS, type RoadClass } from '../road-style';
import { rgbToHex } from '../category-style';

/** One drawable polyline. */
export interface RoadPath {
  path: number[][];
  cls: RoadClass;
  name: string | null;
  highway: string | null;
}

const cache = new WeakMap<FeatureCollection, RoadPath[]>();

/**
 * Polylines of a road collection: one per LineString, one per part of a MultiLineString; other
 * geometries and lines with fewer than two vertices are left out. Minor classes come first so major
 * roads draw on top. Memoised per collection object (the store never mutates one).
 */
export function roadPaths(roads: FeatureCollection): RoadPath[] {
  const hit = cache.get(roads);
  if (hit) return hit;
  const out: RoadPath[] = [];
  for (const f of roads.features) {
    const g = f.geometry;
    const lines = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
    const highway = typeof f.properties?.highway === 'string' ? f.properties.highway : null;
    const name = typeof f.properties?.name === 'string' && f.properties.name !== '' ? f.properties.name : null;
    for (const path of lines) if (path.length >= 2) out.push({ path, cls: roadClass(highway), name, highway });
  }
  const rank: Record<RoadClass, number> = { path: 0, minor: 1, street: 2, major: 3, motorway: 4 };
  out.sort((a, b) => rank[a.cls] - rank[b.cls]);
  cache.set(roads, out);
  return out;
}

const fcCache = new WeakMap<FeatureCollection, FeatureCollection>();

/**
 * The roads as LineString features with one property `cls` (the road class), minor classes first so
 * major roads draw on top: the MapLibre source data. Memoised per collection object.
 */
export function roadLines(roads: FeatureCollection): FeatureCollection {
  const hit = fcCache.get(roads);
  if (hit) return hit;
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: roadPaths(roads).map((p) => ({
      type: 'Feature',
      properties: { cls: p.cls },
      geometry: { type: 'LineString', coordinates: p.path },
    })),
  };
  fcCache.set(roads, fc);
  return fc;
}

/** Web Mercator metres per CSS pixel at zoom 0 on the equator for MapLibre's 512-pixel tiles. */
const METERS_PER_PIXEL_Z0 = 78271.517;

/** Zoom of the deepest tiles MapLibre cuts from a GeoJSON source (its default `maxzoom`); deeper views scale them. */
const GEOJSON_MAX_TILE_ZOOM = 18;

/**
 * Tile buffer of the roads source (1/512 of a tile): half the widest road at the deepest tile zoom,
 * plus a pixel, so no road end cut at the buffer shows inside a tile (27 px at Ningbo's latitude;
 * MapLibre's default, 128, cuts twice the vertices after each zoom step for nothing). At most 128.
 * @param latitude degrees
 */
export function roadsTileBuffer(latitude: number): number {
  const metersPerPixel = (METERS_PER_PIXEL_Z0 * Math.cos((latitude * Math.PI) / 180)) / 2 ** GEOJSON_MAX_TILE_ZOOM;
  const widest = Math.max(...Object.values(ROAD_WIDTH_METERS));
  return Math.min(128, Math.ceil(widest / 2 / metersPerPixel) + 1);
}

/**
 * The MapLibre line layer of the roads (id and source `roads`): colour by class, width
 * {@link ROAD_WIDTH_METERS} in metres at latitude `latitude` (degrees), at least 1 px.
 */
export function roadsLineLayer(latitude: number): LineLayerSpecification {
  const cls = ['get', 'cls'] as ExpressionSpecification;
  const classes = Object.keys(ROAD_COLORS) as RoadClass[];
  const metersPerPixel0 = METERS_PER_PIXEL_Z0 * Math.cos((latitude * Math.PI) / 180);
  const widthAt = (zoom: number): ExpressionSpecification =>
    [
      'match',
      cls,
      ...classes.flatMap((c) => [c, Math.max(1, (ROAD_WIDTH_METERS[c] * 2 ** zoom) / metersPerPixel0)]),
      1,
    ] as unknown as ExpressionSpecification;
  const zooms = Array.from({ length: 23 }, (_, z) => z);
  return {
    id: 'roads',
    type: 'line',
    source: 'roads',
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': [
        'match',
        cls,
        ...classes.flatMap((c) => [c, rgbToHex(ROAD_COLORS[c])]),
        rgbToHex(ROAD_COLORS.minor),
      ] as unknown as ExpressionSpecification,
      'line-width': [
        'interpolate',
        ['exponential', 2],
        ['zoom'],
        ...zooms.flatMap((z) => [z, widthAt(z)]),
      ] as unknown as ExpressionSpecification,
    },
  };
}
