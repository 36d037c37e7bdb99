/**
 * The engine's validated dataset as GeoJSON collections for drawing and counting: the map shows
 * exactly what the engine analyses (skipped features are not drawn; they are in the load report).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { DatasetView } from '../engine/dataset-view';
import type { DataSource, LoadedData } from './store';

export function datasetCollections(view: DatasetView, source: DataSource): LoadedData {
  const facilities: Feature[] = view.facilities.map((f) => ({
    type: 'Feature',
    properties: { index: f.index, id: f.id, name: f.name, category: f.category, capacity: f.capacity },
    geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
  }));
  const communities: Feature[] = view.communities.map((c) => ({
    type: 'Feature',
    properties: { index: c.index, id: c.id, name: c.name, kind: c.kind, population: c.population },
    geometry: c.geometry,
  }));
  const { count, start, coords, highway, walkable } = view.roads;
  const roads: Feature[] = new Array<Feature>(count);
  for (let r = 0; r < count; r++) {
    const path: [number, number][] = [];
    for (let v = start[r] as number, end = start[r + 1] as number; v < end; v++)
      path.push([coords[2 * v] as number, coords[2 * v + 1] as number]);
    roads[r] = {
      type: 'Feature',
      properties: { highway: highway[r] ?? null, walkable: walkable[r] === 1 },
      geometry: { type: 'LineString', coordinates: path },
    };
  }
  const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  return { source, roads: roads.length > 0 ? fc(roads) : null, communities: fc(communities), facilities: fc(facilities) };
}
