/**
 * The communities of a collection as pick indexes: polygon parts (Polygon, MultiPolygon) and marker
 * points (Point, MultiPoint, drawn as discs of communityRadiusPixels), each pointing back to its
 * feature. Built once per collection object.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { communityRadiusPixels } from '../community-style';
import { pointIndex, type PointIndex } from './point-index';
import { polygonIndex, type PolygonIndex, type PolygonRings } from './polygon-index';

/** Pick indexes of one communities collection. */
export interface CommunityShapes {
  /** The features, in collection order (items of `polygons` are positions in this array). */
  features: readonly Feature[];
  polygons: PolygonIndex;
  /** Marker points; item i belongs to feature `pointFeature[i]`. */
  points: PointIndex;
  pointFeature: Uint32Array;
  /** Marker radius of each point, pixels (without outline). */
  pointRadiusPx: Float32Array;
}

const cache = new WeakMap<FeatureCollection, CommunityShapes>();

/** The pick indexes of `communities`, memoised per collection object. */
export function communityShapes(communities: FeatureCollection): CommunityShapes {
  const hit = cache.get(communities);
  if (hit) return hit;
  const parts: PolygonRings[] = [];
  const partFeature: number[] = [];
  const coords: number[] = [];
  const pointFeature: number[] = [];
  const radius: number[] = [];
  communities.features.forEach((f, i) => {
    const g = f.geometry;
    if (!g) return;
    const r = communityRadiusPixels(f.properties?.population);
    const addPoint = (p: readonly number[]) => {
      coords.push(Number(p[0]), Number(p[1]));
      pointFeature.push(i);
      radius.push(r);
    };
    if (g.type === 'Polygon') {
      parts.push(g.coordinates);
      partFeature.push(i);
    } else if (g.type === 'MultiPolygon') {
      for (const poly of g.coordinates) {
        parts.push(poly);
        partFeature.push(i);
      }
    } else if (g.type === 'Point') addPoint(g.coordinates);
    else if (g.type === 'MultiPoint') g.coordinates.forEach(addPoint);
  });
  const shapes: CommunityShapes = {
    features: communities.features,
    polygons: polygonIndex(parts, partFeature),
    points: pointIndex(Float64Array.from(coords)),
    pointFeature: Uint32Array.from(pointFeature),
    pointRadiusPx: Float32Array.from(radius),
  };
  cache.set(communities, shapes);
  return shapes;
}
