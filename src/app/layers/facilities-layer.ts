/**
 * Facilities as dots coloured by category: a MapLibre circle layer (a group of the MapLibre
 * overlays). As a deck.gl ScatterplotLayer they cost ~85 ms of every deck.gl redraw in a software
 * renderer (SwiftShader), and every deck.gl redraw is read back at commit; MapLibre draws the same
 * dots from its tiles in a few milliseconds. Hover and click are picked on the CPU (app/picking)
 * with the same dot size.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { categoryStyle, rgbToHex, UNKNOWN_CATEGORY_COLOR } from '../category-style';
import type { CategoryLookup } from './category-lookup';
import type { OverlayGroup } from './maplibre-overlays';

/** One drawable facility. */
export interface FacilityPoint {
  /** Index in the engine's facility array (property `index`), or -1 when the feature has none. */
  index: number;
  position: [number, number];
  id: string;
  name: string;
  category: string;
}

/** A facility dot: 40 m in radius, drawn 3–9 px (radius) whatever the zoom, with a 1 px white outline centred on its edge. */
export const FACILITY_DOT = { meters: 40, minPx: 3, maxPx: 9, outlinePx: 1 } as const;
/** Metres around the Earth at the equator in MapLibre's web-mercator world (its Earth radius 6,371,008.8 m). */
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6371008.8;
/** Pixels of MapLibre's world at zoom 0 (512 px tiles). */
const WORLD_PX = 512;

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
 * The dot radius (px) as a MapLibre zoom expression: 40 m at the points' mean latitude, clamped to
 * 3–9 px, with the 1 px outline outside it. MapLibre fades a circle's edges over the pixel inside
 * them (deck.gl and the CPU picking centre them), so the fill meets the outline at `radius − 0.5` px
 * and the dot ends at `radius + 0.5` px, as deck.gl drew it. Exponential base 2 between the two
 * clamp zooms is exactly "metres × pixels per metre".
 */
function radiusExpression(points: readonly FacilityPoint[]): ExpressionSpecification {
  const lat = points.length > 0 ? points.reduce((s, p) => s + p.position[1], 0) / points.length : 0;
  const pxPerMeterAtZ0 = WORLD_PX / (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180));
  const zoomAt = (px: number) => Math.log2(px / (FACILITY_DOT.meters * pxPerMeterAtZ0));
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    zoomAt(FACILITY_DOT.minPx),
    FACILITY_DOT.minPx,
    zoomAt(FACILITY_DOT.maxPx),
    FACILITY_DOT.maxPx,
  ];
}

const dataCache = new WeakMap<FacilityPoint[], FeatureCollection>();
/** The points as GeoJSON with their category id (`category`), memoised per points. */
function facilityData(points: FacilityPoint[]): FeatureCollection {
  let fc = dataCache.get(points);
  if (!fc) {
    const features = points.map((p): Feature => ({
      type: 'Feature',
      ...(p.index >= 0 ? { id: p.index } : {}),
      properties: { category: p.category },
      geometry: { type: 'Point', coordinates: p.position },
    }));
    dataCache.set(points, (fc = { type: 'FeatureCollection', features }));
  }
  return fc;
}

const colourCache = new WeakMap<FacilityPoint[], WeakMap<CategoryLookup, ExpressionSpecification>>();
/**
 * The dots' colour: a match of the category on the colours of the categories the points have, as
 * literals MapLibre parses once (a colour string in a property is parsed for every feature of every
 * tile evaluated); an unknown category in the lookup's grey. Memoised per points, then per lookup.
 */
function facilityColour(points: FacilityPoint[], style: CategoryLookup): ExpressionSpecification {
  let byStyle = colourCache.get(points);
  if (!byStyle) colourCache.set(points, (byStyle = new WeakMap()));
  let e = byStyle.get(style);
  if (!e) {
    const ids = [...new Set(points.map((p) => p.category))].sort();
    const other = UNKNOWN_CATEGORY_COLOR;
    // the first output a `to-color`: the expression is typed as a colour, the other literals parsed once as colours
    e =
      ids.length === 0
        ? ['to-color', other]
        : ([
            'match',
            ['get', 'category'],
            ...ids.flatMap((id, i) => [id, i === 0 ? ['to-color', rgbToHex(style(id).rgb)] : rgbToHex(style(id).rgb)]),
            other,
          ] as unknown as ExpressionSpecification);
    byStyle.set(style, e);
  }
  return e;
}

/**
 * The facilities group of the MapLibre overlays (id `facilities`), or null when hidden or absent.
 * @param style colours by category (default: the preset's); a new lookup recolours (a new paint, the same data)
 */
export function facilitiesGroup(
  facilities: FeatureCollection | null,
  visible: boolean,
  style: CategoryLookup = categoryStyle,
): OverlayGroup | null {
  if (!facilities || !visible) return null;
  const points = facilityPoints(facilities);
  return {
    id: 'facilities',
    data: facilityData(points),
    layers: [
      {
        id: 'facilities',
        type: 'circle',
        paint: {
          'circle-color': facilityColour(points, style),
          'circle-radius': radiusExpression(points),
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': FACILITY_DOT.outlinePx,
        },
      },
    ],
  };
}
