/**
 * Communities as a deck.gl GeoJsonLayer: polygons filled and outlined, points as dots sized by
 * population, coloured by kind (urban / rural).
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import { communityColor, communityRadiusPixels } from '../community-style';

/** Opacity 0–255 of community fills (outlines are opaque). */
export const COMMUNITY_FILL_ALPHA = 110;

/**
 * The communities layer (id `communities`), or null when hidden or absent.
 * @param filled fill polygons with the kind colour (default true); false when the coverage layer
 *   fills them, so only the kind outlines are drawn (and point communities as rings)
 */
export function communitiesLayer(communities: FeatureCollection | null, visible: boolean, filled = true): GeoJsonLayer | null {
  if (!communities || !visible) return null;
  return new GeoJsonLayer({
    id: 'communities',
    data: communities,
    filled,
    stroked: true,
    pointType: 'circle',
    getFillColor: (f: Feature) => [...communityColor(f.properties?.kind), COMMUNITY_FILL_ALPHA] as [number, number, number, number],
    getLineColor: (f: Feature) => [...communityColor(f.properties?.kind), 255] as [number, number, number, number],
    getLineWidth: filled ? 1 : 1.5,
    lineWidthUnits: 'pixels',
    getPointRadius: (f: Feature) => communityRadiusPixels(f.properties?.population),
    pointRadiusUnits: 'pixels',
    pickable: false, // picked on the CPU from the data (app/picking), never by a deck.gl picking pass
  });
}
