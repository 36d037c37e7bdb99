/**
 * The analysis layers MapLibre draws (not deck.gl): service areas (isochrones), coverage colours,
 * communities, gap zones, district outlines and their names, facilities (facilities-layer.ts), the selection highlight (a
 * feature state on the communities' and facilities' own sources), as GeoJSON sources with fill, line,
 * circle and symbol layers. In a software renderer (SwiftShader) deck.gl's instanced PathLayer
 * strokes cost about 50–70 µs per segment per frame (the sample's community and district outlines
 * 1.2–1.6 s each, isochrones 0.4 s), and any deck.gl redraw (a hover, a click, a toggle) redrew them
 * all; MapLibre draws the same lines from tiled, simplified buffers in milliseconds and only when
 * its own view changes. Pure: each group's `data` is memoised on the store's objects, so the map
 * re-uploads a source (setData) only when its data changed. Drawn above the base map and the
 * roads, below every deck.gl layer (heat, straight-line service circles, sites), in the order returned.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { featuresWithIndex } from './selection-layer';
import type { CoverageView } from '../../engine/coverage/coverage-view';
import type { GapZone } from '../../engine/coverage/gap-zones';
import type { DistrictPolygon } from '../../engine/indicators/district-polygons';
import type { BBox } from '../../engine/geo/bbox';
import type { Settings } from '../../engine/model';
import type { Selection, SurfaceState } from '../store';
import { CJK_FONT_FAMILIES } from '../basemap/pmtiles-names';
import { communityColor, communityRadiusPixels, SHARE_RAMP, shareColor } from '../community-style';
import type { Rgb } from '../category-style';
import { rgbToHex } from '../category-style';
import type { CategoryLookup } from './category-lookup';
import { COMMUNITY_FILL_ALPHA } from './communities-layer';
import { facilitiesGroup } from './facilities-layer';
import { COVERAGE_FILL_ALPHA, coverageValues, featureShare, type CoverageMode } from './coverage-layer';
import { GAP_COLOR, GAP_FILL_ALPHA, zonesOfCategory } from './gap-zones-layer';
import { isochroneFeatures, SERVICE_FILL_ALPHA, SERVICE_LINE_ALPHA } from './service-areas-layer';

/** A MapLibre layer of a group, without its `source` (the map sync sets it). */
export type OverlayLayer = NoSource<FillLayerSpecification | LineLayerSpecification | CircleLayerSpecification | SymbolLayerSpecification>;
type NoSource<T> = T extends unknown ? Omit<T, 'source'> : never;

/** One GeoJSON source and the layers drawn from it (bottom to top). */
export interface OverlayGroup {
  /** Source id and the name the map lists in `data-layers` (`coverage`, `gap-zones`, …). */
  id: string;
  /** Id of the source the layers draw from when not `id` (groups sharing a source carry the same `data` object). */
  source?: string;
  data: FeatureCollection;
  layers: OverlayLayer[];
  /**
   * Feature `id` given the feature-state `selected: true` on the group's source (null: none). A
   * click changes only this state: no setData, no tile re-cut, one map frame.
   */
  selected?: number | null;
  /**
   * Feature states set on the group's source: `key` = the value for each feature `id` (the coverage
   * share of each community). A change sets the states that changed: no setData, no tile re-cut.
   */
  states?: { key: string; byId: ReadonlyMap<number, number> };
  /**
   * Drawn fully transparent and left out of the map's `data-layers`: a switched-off layer kept on
   * the map, so switching it on or off changes constant paint values only (no tile rebuilt, one frame).
   */
  hidden?: boolean;
}

/** Colour and opacity of the district outlines and names (dark slate). */
const DISTRICT_RGB: Rgb = [38, 50, 72];
/** At most this many districts are named on the map. */
const MAX_DISTRICT_LABELS = 24;

const polygonal: FilterSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const pointy: FilterSpecification = ['==', ['geometry-type'], 'Point'];

/** Inputs of the overlays (the same state the deck.gl layers read). */
export interface OverlayInputs {
  communities: FeatureCollection | null;
  settings: Settings | null;
  coverage: CoverageView | null;
  surface: SurfaceState | null;
  categoryId: string;
  coverageMode: CoverageMode;
  style: CategoryLookup;
  /** Layers switched on (`facilities` absent: facilities not drawn). */
  visible: { communities: boolean; coverage: boolean; gapZones: boolean; serviceAreas: boolean; facilities?: boolean };
  districts: { outlines: readonly DistrictPolygon[] | null; visible: boolean } | null;
  /** Facilities (dots, when `visible.facilities`) and the selected community or facility (a highlight on top; optional). */
  facilities?: FeatureCollection | null;
  selection?: Selection;
}

/** Colour of the selection highlight. */
const SELECTION_COLOR = '#00aaff';

/**
 * `make` memoised on its argument's identity (a WeakMap): the same store object gives the same
 * result object, so the map's sync sees unchanged data and re-uploads nothing.
 */
function memo<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let hit = cache.get(key);
    if (hit === undefined) cache.set(key, (hit = make(key)));
    return hit;
  };
}

/** Feature-state `selected` true: the highlight's width (px) where set, else 0 (nothing drawn). */
const whenSelected = (px: number): ExpressionSpecification => ['case', ['boolean', ['feature-state', 'selected'], false], px, 0];

/**
 * The selection highlight of one source (communities or facilities): layers on the source that
 * already holds the features, drawn only where the feature-state `selected` is set (the community's
 * outline, #00aaff 3 px; a 10 px ring around a point). Kept on the map while nothing is selected,
 * so a click changes a feature state, not a layer or a source. Group id `selection` while it
 * highlights something (the map's `data-layers`), else `<source>-highlight`.
 */
function highlightGroup(source: 'communities' | 'facilities', data: FeatureCollection, selected: number | null): OverlayGroup {
  const ring: OverlayLayer = {
    id: source === 'communities' ? 'selection-points' : 'selection-facility',
    type: 'circle',
    ...(source === 'communities' ? { filter: pointy } : {}),
    paint: {
      'circle-radius': whenSelected(10),
      'circle-opacity': 0,
      'circle-stroke-color': SELECTION_COLOR,
      'circle-stroke-width': whenSelected(3),
    },
  };
  const outline: OverlayLayer = {
    id: 'selection',
    type: 'line',
    filter: polygonal,
    paint: { 'line-color': SELECTION_COLOR, 'line-width': whenSelected(3) },
  };
  return {
    id: selected !== null ? 'selection' : `${source}-highlight`,
    source,
    data,
    selected,
    layers: source === 'communities' ? [outline, ring] : [ring],
  };
}

/** The feature's `id` for MapLibre's feature state: its property `index` when an integer ≥ 0. */
function featureId(f: Feature): { id?: number } {
  const i: unknown = f.properties?.index;
  return Number.isInteger(i) && (i as number) >= 0 ? { id: i as number } : {};
}

/**
 * Communities with their kind (`kind`: urban, rural, or other) and their point radius (`r`, px),
 * memoised per communities. One collection for the coverage, the communities and the highlight
 * groups: MapLibre cuts and uploads each polygon once (the groups share one source); the coverage
 * colours are feature states ({@link coverShares}), so new shares or a coverage toggle re-upload nothing.
 */
const polygonData = memo((communities: FeatureCollection): FeatureCollection => ({
  type: 'FeatureCollection',
  features: communities.features.map((f) => ({
    type: 'Feature',
    ...featureId(f),
    geometry: f.geometry,
    properties: {
      kind: f.properties?.kind === 'urban' || f.properties?.kind === 'rural' ? f.properties.kind : 'other',
      r: communityRadiusPixels(f.properties?.population),
    },
  })),
}));

/**
 * A community's colour by its kind. Colours in a style are literals, parsed once when MapLibre
 * compiles the expression: a colour string taken from a property or a feature state is parsed
 * again for every feature of every tile it evaluates (0.1–0.2 s of a first open in SwiftShader).
 */
const kindColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  'urban',
  // a `to-color` output types the expression as a colour: the other outputs are then parsed as colours too, once
  ['to-color', rgbToHex(communityColor('urban'))],
  'rural',
  rgbToHex(communityColor('rural')),
  rgbToHex(communityColor(undefined)),
];

/** Feature state `share` of a community without a share (no residents, no analysis): drawn grey. */
const NO_SHARE = -1;

/** The covered share (0–1, {@link NO_SHARE} for none) of each community by feature id for the shares `values`, memoised per communities, then per values. */
const coverShares = memo((communities: FeatureCollection) =>
  memo((values: Float64Array): ReadonlyMap<number, number> => {
    const byId = new Map<number, number>();
    communities.features.forEach((f) => {
      const { id } = featureId(f);
      const v = featureShare(values, f);
      if (id !== undefined) byId.set(id, Number.isNaN(v) ? NO_SHARE : Math.max(0, Math.min(1, v)));
    });
    return byId;
  }),
);
/**
 * A community's coverage colour from its feature state `share`: the share ramp (literal colours,
 * interpolated by MapLibre, as {@link shareColor} does), grey for {@link NO_SHARE}, transparent
 * where no state is set.
 */
const cover: ExpressionSpecification = [
  'let',
  's',
  ['to-number', ['coalesce', ['feature-state', 'share'], -2]],
  [
    'case',
    ['<', ['var', 's'], -1.5],
    ['to-color', 'rgba(0,0,0,0)'], // (typed as a colour: the literals after it are parsed once, as colours)
    ['<', ['var', 's'], 0],
    rgbToHex(shareColor(NaN)),
    ['interpolate', ['linear'], ['var', 's'], ...SHARE_RAMP.flatMap((stop) => [stop.share, rgbToHex(stop.rgb)])],
  ],
];

/** Gap zones as polygon features. */
const zoneData = memo((zones: readonly GapZone[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: zones.map((z) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: z.polygon } })),
}));

/**
 * District outlines as (multi)polygon features. Districts without a polygon are left out, and so is
 * the "unassigned" group: it is not a place, only the communities without a district, scattered
 * over the study area (the district table lists it).
 */
const outlineData = memo((outlines: readonly DistrictPolygon[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: outlines.flatMap((d): Feature[] =>
    d.geometry && d.name !== null ? [{ type: 'Feature', properties: {}, geometry: d.geometry }] : [],
  ),
}));

/** One point per named district with a box (at its middle), property `name`; none when there are too many to read. */
const labelData = memo((outlines: readonly DistrictPolygon[]): FeatureCollection => {
  const named = outlines.filter((d): d is DistrictPolygon & { name: string; bbox: BBox } => d.bbox !== null && d.name !== null);
  const features: Feature<Point>[] =
    named.length <= MAX_DISTRICT_LABELS
      ? named.map((d) => ({
          type: 'Feature',
          properties: { name: d.name },
          geometry: { type: 'Point', coordinates: [(d.bbox[0] + d.bbox[2]) / 2, (d.bbox[1] + d.bbox[3]) / 2] },
        }))
      : [];
  return { type: 'FeatureCollection', features };
});

/** The service areas of the network model (isochrones), or null (straight-line circles stay a deck.gl layer). */
function serviceAreas(x: OverlayInputs): OverlayGroup | null {
  if (!x.visible.serviceAreas || !x.settings || x.coverage?.model !== 'network' || !x.surface || x.surface.category !== x.categoryId)
    return null;
  const cat = x.settings.categories.find((c) => c.id === x.categoryId);
  if (!cat) return null;
  const color = rgbToHex(x.style(x.categoryId).rgb);
  const urban: ExpressionSpecification = ['==', ['get', 'kind'], 'urban'];
  return {
    id: 'service-areas',
    data: isochroneFeatures(x.surface, cat.thresholdMinutes),
    layers: [
      { id: 'service-areas-fill', type: 'fill', paint: { 'fill-color': color, 'fill-opacity': SERVICE_FILL_ALPHA / 255 } },
      {
        id: 'service-areas',
        type: 'line',
        paint: {
          'line-color': color,
          'line-opacity': ['case', urban, SERVICE_LINE_ALPHA.urban / 255, SERVICE_LINE_ALPHA.rural / 255],
          'line-width': ['case', urban, 2, 1.5],
        },
      },
    ] as OverlayLayer[],
  };
}

/**
 * The MapLibre overlay groups for the state, bottom to top; hidden or absent ones are left out.
 * Their ids follow the deck.gl layers they replace: `service-areas`, `coverage`, `communities`,
 * `gap-zones`, `district-outlines`, `district-labels`, `facilities`, `selection`.
 */
export function buildOverlays(x: OverlayInputs): OverlayGroup[] {
  const out: OverlayGroup[] = [];
  const service = serviceAreas(x);
  if (service) out.push(service);
  const k = x.coverage ? x.coverage.categoryIds.indexOf(x.categoryId) : -1;
  const hasValues = !!x.coverage && (x.coverageMode === 'complete' || k >= 0);
  const polygons = x.communities ? polygonData(x.communities) : null;
  const coverageShown = !!polygons && hasValues && x.visible.coverage;
  if (polygons && hasValues) {
    // kept while switched off (transparent): the switch changes opacities only
    const alpha = coverageShown ? COVERAGE_FILL_ALPHA / 255 : 0;
    out.push({
      id: 'coverage',
      source: 'communities',
      data: polygons,
      states: { key: 'share', byId: coverShares(x.communities!)(coverageValues(x.coverage!, k, x.coverageMode)) },
      ...(coverageShown ? {} : { hidden: true }),
      layers: [
        { id: 'coverage', type: 'fill', filter: polygonal, paint: { 'fill-color': cover, 'fill-opacity': alpha } },
        {
          id: 'coverage-points',
          type: 'circle',
          filter: pointy,
          paint: { 'circle-color': cover, 'circle-opacity': alpha, 'circle-radius': ['get', 'r'] },
        },
      ] as OverlayLayer[],
    });
  }
  if (polygons && x.visible.communities) {
    // filled by kind unless the coverage colours are shown (then a transparent fill: a coverage switch changes opacities only)
    const filled = !coverageShown;
    out.push({
      id: 'communities',
      data: polygons,
      layers: [
        {
          id: 'communities-fill',
          type: 'fill',
          filter: polygonal,
          paint: { 'fill-color': kindColour, 'fill-opacity': filled ? COMMUNITY_FILL_ALPHA / 255 : 0 },
        },
        { id: 'communities', type: 'line', filter: polygonal, paint: { 'line-color': kindColour, 'line-width': filled ? 1 : 1.5 } },
        {
          id: 'communities-points',
          type: 'circle',
          filter: pointy,
          paint: {
            'circle-color': kindColour,
            'circle-opacity': filled ? COMMUNITY_FILL_ALPHA / 255 : 0,
            'circle-radius': ['get', 'r'],
            'circle-stroke-color': kindColour,
            'circle-stroke-width': filled ? 1 : 1.5,
          },
        },
      ] as OverlayLayer[],
    });
  }
  if (x.coverage && x.visible.gapZones && k >= 0) {
    const zones = zonesOfCategory(x.coverage.zones, k);
    out.push({
      id: 'gap-zones',
      data: zoneData(zones),
      layers: [
        { id: 'gap-zones-fill', type: 'fill', paint: { 'fill-color': rgbToHex(GAP_COLOR), 'fill-opacity': GAP_FILL_ALPHA / 255 } },
        { id: 'gap-zones', type: 'line', paint: { 'line-color': rgbToHex(GAP_COLOR), 'line-width': 2 } },
      ],
    });
  }
  const d = x.districts;
  if (d?.outlines && d.visible) {
    const outlines = outlineData(d.outlines);
    if (outlines.features.length > 0) {
      out.push({
        id: 'district-outlines',
        data: outlines,
        layers: [
          {
            id: 'district-outlines',
            type: 'line',
            paint: { 'line-color': rgbToHex(DISTRICT_RGB), 'line-opacity': 230 / 255, 'line-width': 1.5 },
          },
        ],
      });
      const labels = labelData(d.outlines);
      if (labels.features.length > 0) {
        out.push({
          id: 'district-labels',
          data: labels,
          layers: [
            {
              id: 'district-labels',
              type: 'symbol',
              layout: {
                'text-field': ['get', 'name'],
                // no glyphs URL: MapLibre draws every letter from the browser's fonts (no network, any base map)
                'text-font': ['Noto Sans Medium', ...CJK_FONT_FAMILIES],
                'text-size': 13,
                'text-allow-overlap': true,
                'text-ignore-placement': true,
              },
              paint: { 'text-color': rgbToHex(DISTRICT_RGB), 'text-halo-color': 'rgba(255,255,255,0.85)', 'text-halo-width': 2 },
            },
          ],
        });
      }
    }
  }
  const facilities = facilitiesGroup(x.facilities ?? null, !!x.visible.facilities, x.style);
  if (facilities) out.push(facilities);
  const sel = x.selection ?? null;
  const has = (fc: FeatureCollection | null, index: number) => !!fc && featuresWithIndex(fc, index).length > 0;
  const community = sel?.type === 'community' && has(x.communities, sel.index) ? sel.index : null;
  if (polygons && (coverageShown || x.visible.communities || community !== null))
    out.push(highlightGroup('communities', polygons, community));
  const facility = sel?.type === 'facility' && has(x.facilities ?? null, sel.index) ? sel.index : null;
  if (x.facilities && (facilities || facility !== null)) {
    const data = facilities?.data ?? facilitiesGroup(x.facilities, true, x.style)!.data;
    out.push(highlightGroup('facilities', data, facility));
  }
  return out;
}
