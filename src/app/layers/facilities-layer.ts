/**
 * Facilities as a deck.gl ScatterplotLayer coloured by category.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';
import { categoryStyle } from '../category-style';
import type { CategoryLookup } from './category-lookup';

/** One drawable facility. */
export interface FacilityPoint {
  /** Index in the engine's facility array (property `index`), or -1 when the feature has none. */
  index: number;
  position: [number, number];
  id: string;
  name: string;
  category: string;
}

/** Radius of a facility dot in metres (drawn 3–9 px wide whatever the zoom). */
const FACILITY_RADIUS_METERS = 40;

const cache = new WeakMap<FeatureCollection, FacilityPoint[]>();

/** Point facilities of a collection (other geometries left out), memoised per collection object. */
export function facilityPoints(facilities: FeatureCollection): FacilityPoint[] {
  const hit = cache.get(facilities);
  if (hit) return hit;
  const out: FacilityPoint[] = [];
  for (const f of facilities.features) {
    if (f.geometry?.type !== 'Point') continue;
    const [lon, lat] = f.geometry.coordinates;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const p = f.properties ?? {};
    out.push({
      index: Number.isInteger(p.index) ? (p.index as number) : -1,
      position: [lon as number, lat as number],
      id: String(p.id ?? ''),
      name: String(p.name ?? ''),
      category: String(p.category ?? ''),
    });
  }
  cache.set(facilities, out);
  return out;
}

/**
 * The facilities layer (id `facilities`), or null when hidden or absent.
 * @param style colours by category (default: the preset's); a new lookup recolours without new data
 */
export function facilitiesLayer(
  facilities: FeatureCollection | null,
  visible: boolean,
  style: CategoryLookup = categoryStyle,
): ScatterplotLayer<FacilityPoint> | null {
  if (!facilities || !visible) return null;
  return new ScatterplotLayer<FacilityPoint>({
    id: 'facilities',
    data: facilityPoints(facilities),
    getPosition: (d) => d.position,
    getFillColor: (d) => style(d.category).rgb,
    updateTriggers: { getFillColor: [style] },
    getLineColor: [255, 255, 255],
    getRadius: FACILITY_RADIUS_METERS,
    radiusUnits: 'meters',
    radiusMinPixels: 3,
    radiusMaxPixels: 9,
    stroked: true,
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    pickable: false, // picked on the CPU from the data (app/picking), never by a deck.gl picking pass
  });
}
