/**
 * Service areas of the selected category. Straight-line model: a circle around every facility of the
 * category, radius = threshold minutes × walking speed ÷ detour factor (the distance the model lets
 * a resident walk), one for urban and one for rural residents. Network model: the isochrones of the
 * travel-time surface at the urban and rural thresholds (store.surface).
 */
import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { CommunityKind, PerKind, Settings } from '../../engine/model';
import type { SurfaceState } from '../store';
import type { CategoryLookup } from './category-lookup';
import { facilityPoints, type FacilityPoint } from './facilities-layer';

/** Opacity 0–255 of service-area fills. */
export const SERVICE_FILL_ALPHA = 28;
/**
 * Opacity 0–255 of service-area outlines, urban and rural: translucent, so that outlines never read
 * as (or count as) facility dots of the same colour.
 */
export const SERVICE_LINE_ALPHA = { urban: 150, rural: 95 } as const;

/**
 * Radii in metres of a category's service circles in the straight-line model, per community kind:
 * `thresholdMinutes × 60 × walkSpeedKmh / 3.6 / detourFactor`.
 * @returns null when the category is not in the settings
 */
export function serviceRadiiMeters(settings: Settings, categoryId: string): PerKind<number> | null {
  const cat = settings.categories.find((c) => c.id === categoryId);
  if (!cat) return null;
  const r = (kind: CommunityKind) => (cat.thresholdMinutes[kind] * 60 * settings.walkSpeedKmh[kind]) / 3.6 / settings.detourFactor;
  return { urban: r('urban'), rural: r('rural') };
}

/** One service circle: a facility and the kind of resident whose threshold sets its radius. */
export interface ServiceCircle {
  facility: FacilityPoint;
  kind: CommunityKind;
}

const circleCache = new WeakMap<FeatureCollection, Map<string, ServiceCircle[]>>();

/**
 * Two circles (rural first, drawn below; then urban) per point facility of the category. Memoised per
 * facilities collection and category, so threshold moves keep the same array.
 */
export function serviceCircles(facilities: FeatureCollection, categoryId: string): ServiceCircle[] {
  let byCat = circleCache.get(facilities);
  if (!byCat) circleCache.set(facilities, (byCat = new Map()));
  const hit = byCat.get(categoryId);
  if (hit) return hit;
  const own = facilityPoints(facilities).filter((f) => f.category === categoryId);
  const out: ServiceCircle[] = [
    ...own.map((facility) => ({ facility, kind: 'rural' as const })),
    ...own.map((facility) => ({ facility, kind: 'urban' as const })),
  ];
  byCat.set(categoryId, out);
  return out;
}

const isoCache = new WeakMap<SurfaceState, FeatureCollection>();

/**
 * The surface's isochrones as MultiPolygon features (property `seconds`, `kind`: the larger threshold
 * first so the smaller draws on top; one feature when both thresholds are equal). Memoised per surface.
 * @param thresholds urban and rural thresholds in minutes of the surface's category, to name each isochrone's kind
 */
export function isochroneFeatures(surface: SurfaceState, thresholds: PerKind<number>): FeatureCollection {
  const hit = isoCache.get(surface);
  if (hit) return hit;
  const features: Feature[] = [...surface.isochrones]
    .sort((a, b) => b.seconds - a.seconds)
    .filter((iso, i, all) => i === 0 || all[i - 1]!.seconds !== iso.seconds) // equal thresholds: draw once
    .map((iso) => ({
      type: 'Feature',
      properties: { seconds: iso.seconds, kind: iso.seconds === thresholds.urban * 60 ? 'urban' : 'rural' },
      geometry: { type: 'MultiPolygon', coordinates: iso.multiPolygon },
    }));
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  isoCache.set(surface, fc);
  return fc;
}

/** Inputs of the service-areas layer. */
export interface ServiceAreaInputs {
  facilities: FeatureCollection | null;
  settings: Settings | null;
  categoryId: string;
  model: 'network' | 'straight' | null;
  surface: SurfaceState | null;
  style: CategoryLookup;
  visible: boolean;
}

const rgba = (rgb: readonly number[], a: number) => [rgb[0] ?? 0, rgb[1] ?? 0, rgb[2] ?? 0, a] as [number, number, number, number];

/**
 * The service-areas layer: isochrones (network, id `service-areas`) or circles (straight line, id
 * `service-circles`: deck.gl matches layers by id and carries state over, so two layer classes
 * must not share one when the model changes), or null when hidden, without settings, or (network)
 * before the surface of the category arrived.
 */
export function serviceAreasLayer(x: ServiceAreaInputs): ScatterplotLayer<ServiceCircle> | GeoJsonLayer | null {
  if (!x.visible || !x.facilities || !x.settings || !x.model) return null;
  const cat = x.settings.categories.find((c) => c.id === x.categoryId);
  if (!cat) return null;
  const rgb = x.style(x.categoryId).rgb;
  if (x.model === 'network') {
    if (!x.surface || x.surface.category !== x.categoryId) return null;
    return new GeoJsonLayer({
      id: 'service-areas',
      data: isochroneFeatures(x.surface, cat.thresholdMinutes),
      filled: true,
      stroked: true,
      getFillColor: rgba(rgb, SERVICE_FILL_ALPHA),
      getLineColor: (f: Feature) => rgba(rgb, SERVICE_LINE_ALPHA[f.properties?.kind === 'urban' ? 'urban' : 'rural']),
      getLineWidth: (f: Feature) => (f.properties?.kind === 'urban' ? 2 : 1.5),
      lineWidthUnits: 'pixels',
      updateTriggers: { getFillColor: [rgb], getLineColor: [rgb] },
      pickable: false,
    });
  }
  const radii = serviceRadiiMeters(x.settings, x.categoryId)!;
  return new ScatterplotLayer<ServiceCircle>({
    id: 'service-circles',
    data: serviceCircles(x.facilities, x.categoryId),
    getPosition: (d) => d.facility.position,
    getRadius: (d) => radii[d.kind],
    radiusUnits: 'meters',
    filled: true,
    stroked: true,
    getFillColor: rgba(rgb, SERVICE_FILL_ALPHA),
    getLineColor: (d) => rgba(rgb, SERVICE_LINE_ALPHA[d.kind]),
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    updateTriggers: { getRadius: [radii.urban, radii.rural], getFillColor: [rgb], getLineColor: [rgb] },
    pickable: false,
  });
}
