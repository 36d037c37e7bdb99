/**
 * Proposed sites on the map: the demand samples they newly cover (small dots), the sites (white
 * discs ringed in the category colour, the one being dragged larger) and their rank numbers.
 */
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { categoryStyle } from '../category-style';
import type { SitingState } from '../siting-store';

/** What the sites layers draw (a slice of the siting store). */
export type SitesLayerInput = Pick<SitingState, 'sites' | 'coveredSamples' | 'category' | 'dragging'>;

/** One drawable site. */
export interface SitePoint {
  position: [number, number];
  /** Index in the proposal (edit order). */
  index: number;
  rank: number;
  gainPopulation: number;
}

/** Radius of a site disc, pixels (the hit radius of a drag is the same). */
export const SITE_RADIUS_PX = 9;

const pointCache = new WeakMap<SitesLayerInput['sites'], SitePoint[]>();

/** The sites as drawable points, memoised per sites array. */
export function sitePoints(sites: SitesLayerInput['sites']): SitePoint[] {
  const hit = pointCache.get(sites);
  if (hit) return hit;
  const out = sites.map((s, index) => ({
    position: [s.lon, s.lat] as [number, number],
    index,
    rank: s.rank,
    gainPopulation: s.gainPopulation,
  }));
  pointCache.set(sites, out);
  return out;
}

/**
 * The sites layers (ids `sites-covered`, `sites`, `sites-rank`), bottom to top; none without a
 * proposal. Pure: the same input gives equal layers.
 */
export function sitesLayers(input: SitesLayerInput | null | undefined): Layer[] {
  if (!input || !input.category || input.sites.length === 0) return [];
  const rgb = categoryStyle(input.category).rgb;
  const points = sitePoints(input.sites);
  const dragging = input.dragging;
  const layers: Layer[] = [];
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
      getRadius: (d) => (d.index === dragging ? SITE_RADIUS_PX + 3 : SITE_RADIUS_PX),
      radiusUnits: 'pixels',
      stroked: true,
      getLineWidth: 3,
      lineWidthUnits: 'pixels',
      pickable: true,
      updateTriggers: { getRadius: dragging },
    }),
  );
  layers.push(
    new TextLayer<SitePoint>({
      id: 'sites-rank',
      data: points,
      getPosition: (d) => d.position,
      getText: (d) => String(d.rank),
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
