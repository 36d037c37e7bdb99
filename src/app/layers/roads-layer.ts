/**
 * Roads as a deck.gl PathLayer coloured and sized by highway class; not pickable (see roadsLayer).
 */
import { PathLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';
import { roadClass, ROAD_COLORS, ROAD_WIDTH_METERS, type RoadClass } from '../road-style';

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

/** The roads layer (id `roads`), or null when there are no roads or the layer is hidden. */
export function roadsLayer(roads: FeatureCollection | null, visible: boolean): PathLayer<RoadPath> | null {
  if (!roads || !visible) return null;
  return new PathLayer<RoadPath>({
    id: 'roads',
    data: roadPaths(roads),
    getPath: (d) => d.path as [number, number][],
    getColor: (d) => ROAD_COLORS[d.cls],
    getWidth: (d) => ROAD_WIDTH_METERS[d.cls],
    widthUnits: 'meters',
    widthMinPixels: 1,
    // no picking: roads are most of the map's vertices, and every hover would redraw them all into the
    // picking buffer (seconds per pointer move in a software renderer); clicks select facilities and communities
    pickable: false,
  });
}
