/**
 * Proposed sites on the map: each site's service area (isochrone or circle, blue outline), the
 * communities the proposal newly covers (blue), the demand samples it newly covers (small dots), the
 * sites (white discs ringed in the category colour) and their numbers (kept through drags:
 * ../site-numbers.ts). The site being dragged is left out: it follows the pointer as a DOM disc
 * (ui/siting/drag-disc.ts) while the map holds the rest (./proposal-on-map.ts).
 */
import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer, PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection } from 'geojson';
import type { Rgb } from '../category-style';
import { categoryStyle } from '../category-style';
import type { SitingState } from '../siting-store';

/** What the sites layers draw (a slice of the siting store), and the communities to colour. */
export type SitesLayerInput = Pick<SitingState, 'sites' | 'coveredSamples' | 'category' | 'dragging'> &
  Partial<Pick<SitingState, 'numbers' | 'serviceAreas' | 'newlyCovered'>> & {
    communities?: FeatureCollection | null;
  };

/** Colour of the proposal's service areas and of the communities it newly covers (blue). */
export const PROPOSAL_RGB: Rgb = [37, 99, 235];
/** Opacity 0–255 of a proposed site's service-area fill, and of a newly covered community's fill. */
export const PROPOSAL_AREA_ALPHA = 36;
export const NEWLY_COVERED_ALPHA = 170;

/** One polygon of a site's service area. */
interface AreaPolygon {
  polygon: [number, number][][];
  index: number;
}

const areaCache = new WeakMap<[number, number][][][][], AreaPolygon[]>();
/** The service areas as polygons (memoised per array). */
function areaPolygons(areas: [number, number][][][][]): AreaPolygon[] {
  const hit = areaCache.get(areas);
  if (hit) return hit;
  const out = areas.flatMap((mp, index) => mp.map((polygon) => ({ polygon, index })));
  areaCache.set(areas, out);
  return out;
}

const newlyCache = new WeakMap<Uint32Array, { communities: FeatureCollection; features: Feature[] }>();
/** The newly covered community features (memoised per index array and collection). */
function newlyFeatures(communities: FeatureCollection, newly: Uint32Array): Feature[] {
  const hit = newlyCache.get(newly);
  if (hit && hit.communities === communities) return hit.features;
  const features: Feature[] = [];
  for (const c of newly) {
    const f = communities.features[c];
    if (f) features.push(f);
  }
  newlyCache.set(newly, { communities, features });
  return features;
}

/** One drawable site. */
export interface SitePoint {
  position: [number, number];
  /** Index in the proposal (edit order). */
  index: number;
  rank: number;
  /** Its number on the map (kept through drags), the rank when none was given. */
  number: number;
  gainPopulation: number;
}

/** Radius of a site disc, pixels (the hit radius of a drag is the same). */
export const SITE_RADIUS_PX = 9;

const pointCache = new WeakMap<SitesLayerInput['sites'], SitePoint[]>();

/** The sites as drawable points, memoised per sites array. */
export function sitePoints(sites: SitesLayerInput['sites'], numbers?: readonly number[]): SitePoint[] {
  const hit = pointCache.get(sites);
  if (hit && (!numbers || hit.every((p, i) => p.number === numbers[i]))) return hit;
  const out = sites.map((s, index) => ({
    position: [s.lon, s.lat] as [number, number],
    index,
    rank: s.rank,
    number: numbers?.[index] ?? s.rank,
    gainPopulation: s.gainPopulation,
  }));
  pointCache.set(sites, out);
  return out;
}

/**
 * The sites layers (ids `sites-areas`, `sites-newly`, `sites-covered`, `sites`, `sites-rank`), bottom
 * to top; none without a proposal. Pure: the same input gives equal layers.
 */
export function sitesLayers(input: SitesLayerInput | null | undefined): Layer[] {
  if (!input || !input.category || input.sites.length === 0) return [];
  const rgb = categoryStyle(input.category).rgb;
  const dragging = input.dragging;
  const all = sitePoints(input.sites, input.numbers);
  const points = dragging === null ? all : all.filter((p) => p.index !== dragging);
  const layers: Layer[] = [];
  if (input.serviceAreas && input.serviceAreas.length === input.sites.length) {
    layers.push(
      new PolygonLayer<AreaPolygon>({
        id: 'sites-areas',
        data: areaPolygons(input.serviceAreas),
        getPolygon: (d) => d.polygon,
        getFillColor: [...PROPOSAL_RGB, PROPOSAL_AREA_ALPHA],
        getLineColor: [...PROPOSAL_RGB, 230],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        stroked: true,
        filled: true,
        pickable: false,
      }),
    );
  }
  if (input.newlyCovered && input.newlyCovered.length > 0 && input.communities) {
    layers.push(
      new GeoJsonLayer({
        id: 'sites-newly',
        data: newlyFeatures(input.communities, input.newlyCovered),
        filled: true,
        stroked: true,
        pointType: 'circle',
        getFillColor: [...PROPOSAL_RGB, NEWLY_COVERED_ALPHA],
        getLineColor: [...PROPOSAL_RGB, 255],
        getLineWidth: 2,
        lineWidthUnits: 'pixels',
        getPointRadius: 6,
        pointRadiusUnits: 'pixels',
        pickable: false,
      }),
    );
  }
  const covered = input.coveredSamples;
  if (covered && covered.length > 0) {
    layers.push(
      new ScatterplotLayer({
        id: 'sites-covered',
        data: { length: covered.length / 2, attributes: { getPosition: { value: covered, size: 2 } } },
        getFillColor: [rgb[0], rgb[1], rgb[2], 150],
        getRadius: 2.5,
        radiusUnits: 'pixels',
        pickable: false,
      }),
    );
  }
  layers.push(
    new ScatterplotLayer<SitePoint>({
      id: 'sites',
      data: points,
      getPosition: (d) => d.position,
      getFillColor: [255, 255, 255, 240],
      getLineColor: [rgb[0], rgb[1], rgb[2], 255],
      getRadius: SITE_RADIUS_PX,
      radiusUnits: 'pixels',
      stroked: true,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      pickable: false, // hit on the CPU (app/picking, ui/siting/site-editing)
    }),
  );
  layers.push(
    new TextLayer<SitePoint>({
      id: 'sites-rank',
      data: points,
      getPosition: (d) => d.position,
      getText: (d) => String(d.number),
      getSize: 11,
      sizeUnits: 'pixels',
      getColor: [30, 30, 30, 255],
      fontWeight: 700,
      characterSet: '0123456789',
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
    }),
  );
  return layers;
}
