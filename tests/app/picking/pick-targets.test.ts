/**
 * What hover and click pick on a small map scene, as a user pointing at it would check: a facility
 * where its dot is drawn (the dot's size read from the facilities layer), the gap zone over a
 * community for hover but the community for a click, proposed sites on top, point communities by
 * their marker size, the heat cell under the cursor, nothing where nothing is drawn, hidden layers
 * never. And no deck.gl layer asks for a GPU picking pass.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { buildLayers, type LayerInputs } from '../../../src/app/layers';
import { FACILITY_DOT } from '../../../src/app/layers/facilities-layer';
import { communityRadiusPixels } from '../../../src/app/community-style';
import { heatSecondsAt } from '../../../src/app/layers/heat-layer';
import { pickTargets } from '../../../src/app/picking/pick-targets';
import { pickAt } from '../../../src/app/picking/pick-at';
import { screenFrame } from '../../../src/app/picking/screen-frame';
import { CLICKABLE_LAYER_IDS } from '../../../src/app/map-actions';
import type { CoverageView } from '../../../src/engine/coverage/coverage-view';
import type { GapZone } from '../../../src/engine/coverage/gap-zones';
import type { SurfaceState, VisibleLayers } from '../../../src/app/store';
import { deepFreeze } from '../../helpers/fixtures';

// Web Mercator at zoom 15 (512-px tiles) with (LON0, LAT0) at screen (700, 450)
const ZOOM = 15;
const LON0 = 121.55;
const LAT0 = 29.87;
const W = 512 * 2 ** ZOOM;
const mx = (lon: number) => ((lon + 180) / 360) * W;
const my = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * W;
const project = (lon: number, lat: number): [number, number] => [mx(lon) - mx(LON0) + 700, my(lat) - my(LAT0) + 450];
const unproject = (x: number, y: number): [number, number] => [
  ((x - 700 + mx(LON0)) / W) * 360 - 180,
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y - 450 + my(LAT0))) / W))) * 180) / Math.PI,
];
const frameAt = (x: number, y: number) => screenFrame(project, x, y, ...unproject(x, y));

// community A: a square 200 px wide around the centre; B: a point community of 20,000 residents at (1000, 450)
const square = (x0: number, y0: number, x1: number, y1: number) => [
  [unproject(x0, y0), unproject(x1, y0), unproject(x1, y1), unproject(x0, y1), unproject(x0, y0)],
];
const communities: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { index: 0, name: 'A', kind: 'urban', population: 900 },
      geometry: { type: 'Polygon', coordinates: square(600, 350, 800, 550) },
    },
    {
      type: 'Feature',
      properties: { index: 1, name: 'B', kind: 'rural', population: 20000 },
      geometry: { type: 'Point', coordinates: unproject(1000, 450) },
    },
  ],
};
// facility F inside A's right half at (760, 450)
const facilities: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { index: 0, id: 'F', name: 'F', category: 'clinic' },
      geometry: { type: 'Point', coordinates: unproject(760, 450) },
    },
  ],
};
// a gap zone over A's right half
const zone: GapZone = { category: 0, population: 120, sampleCount: 3, polygon: square(700, 350, 800, 550) as [number, number][][] };
const coverage = { categoryIds: ['clinic'], share: Float64Array.of(0.25, 1), zones: [zone] } as unknown as CoverageView;
// heat: a 10 × 10 grid over the whole screen, seconds = cell number
const [west, south] = unproject(0, 1000);
const [east, north] = unproject(1400, 0);
const surface: SurfaceState = {
  category: 'clinic',
  grid: { lon0: west, lat0: south, dLon: (east - west) / 10, dLat: (north - south) / 10, width: 10, height: 10, cellMeters: 200 },
  seconds: Float32Array.from({ length: 100 }, (_, i) => i),
  isochrones: [],
};
const site = { lon: unproject(640, 400)[0], lat: unproject(640, 400)[1], rank: 1, gainPopulation: 10, coveredIds: [] };
const ALL: VisibleLayers = {
  roads: true,
  communities: true,
  facilities: true,
  coverage: true,
  gapZones: true,
  heat: true,
  serviceAreas: true,
};
const state: LayerInputs = deepFreeze({
  data: { source: 'sample', roads: null, communities, facilities },
  visible: ALL,
  coverage,
  surface,
  selectedCategory: 'clinic',
  sites: { sites: [site], coveredSamples: null, category: 'clinic', dragging: null },
} as LayerInputs);

const CLICKABLE = new Set(CLICKABLE_LAYER_IDS);
const hover = (s: LayerInputs, x: number, y: number) => pickAt(pickTargets(s), frameAt(x, y), 0);
const click = (s: LayerInputs, x: number, y: number) => pickAt(pickTargets(s), frameAt(x, y), 2, CLICKABLE);
const nameOf = (o: unknown) => ((o as Feature).properties?.name ?? (o as { name?: string }).name) as string;

describe('map picking on the CPU', () => {
  it('hits a facility where its dot is drawn (size as the facilities layer draws it), the zone beside it, the community for a click', () => {
    // the dot's radius: 40 m at this zoom clamped to the layer's pixel bounds, plus half its outline
    const p = FACILITY_DOT;
    const pxPerMeter = frameAt(760, 450).pxPerMeter;
    const radius = Math.min(p.maxPx, Math.max(p.minPx, p.meters * pxPerMeter)) + p.outlinePx / 2;
    expect(radius).toBeGreaterThan(3);
    const on = hover(state, 760 + radius - 0.3, 450);
    expect([on?.layerId, nameOf(on?.object)]).toEqual(['facilities', 'F']);
    const off = hover(state, 760 + radius + 0.3, 450);
    expect(off?.layerId).toBe('gap-zones'); // the zone over the community, beside the dot
    expect(off?.object).toBe(zone);
    // a click: on the dot the facility, beside it the community under the zone (zones are not selectable)
    expect(click(state, 760 + radius - 0.3, 450)?.layerId).toBe('facilities');
    const c = click(state, 760 + radius + 1, 450)!;
    expect([c.layerId, nameOf(c.object)]).toEqual(['coverage', 'A']);
  });

  it('names the community under the cursor by the layer that fills it, and hidden layers are never hit', () => {
    expect(hover(state, 650, 500)?.layerId).toBe('coverage'); // coverage colours fill A (with its share in the tooltip)
    const noCoverage = { ...state, visible: { ...ALL, coverage: false } };
    expect(hover(noCoverage, 650, 500)?.layerId).toBe('communities');
    expect(nameOf(hover(noCoverage, 650, 500)?.object)).toBe('A');
    const noFacilities = { ...state, visible: { ...ALL, facilities: false } };
    expect(hover(noFacilities, 760, 450)?.layerId).toBe('gap-zones');
    expect(click(noFacilities, 760, 450)?.layerId).toBe('coverage');
    const nothing = { ...state, visible: { ...ALL, communities: false, coverage: false, gapZones: false, facilities: false, heat: false } };
    expect(hover(nothing, 650, 500)).toBeNull();
    expect(click(nothing, 650, 500)).toBeNull();
  });

  it('selects a community from 2 px outside its edge, nothing from farther', () => {
    const noHeat = { ...state, visible: { ...ALL, heat: false } };
    expect(nameOf(click(noHeat, 598.5, 450)?.object)).toBe('A');
    expect(click(noHeat, 597, 450)).toBeNull();
    expect(hover(noHeat, 598.5, 450)).toBeNull(); // hover is exact: outside is outside
  });

  it('finds point communities by their marker size, sites on top of everything', () => {
    const rB = communityRadiusPixels(communities.features[1]!.properties?.population); // as the map draws it (maplibre-overlays)
    expect(rB).toBe(8); // 20,000 residents: the largest marker
    expect(nameOf(hover(state, 1000 + rB - 0.5, 450)?.object)).toBe('B');
    expect(hover(state, 1000 + rB + 1, 450)?.layerId).toBe('heat'); // beyond the marker and its outline: the heat grid
    expect(hover(state, 640, 400)?.layerId).toBe('sites'); // a proposed site over community A
    expect(click(state, 640, 400)?.layerId).toBe('coverage'); // sites are dragged, not selected
    expect(hover({ ...state, sites: null }, 640, 400)?.layerId).toBe('coverage');
  });

  it('reads the heat cell under the cursor', () => {
    const noOthers = { ...state, visible: { ...ALL, communities: false, coverage: false, gapZones: false, facilities: false } };
    for (const [x, y] of [
      [70, 50],
      [1330, 950],
      [700, 450],
      [210, 630],
    ] as const) {
      const h = hover(noOthers, x, y)!;
      expect(h.layerId).toBe('heat');
      // cell (column, row from the south) of the point
      const col = Math.floor(x / 140);
      const row = 9 - Math.floor(y / 100);
      expect(heatSecondsAt(surface, h.bitmapPixel!)).toBe(col + row * 10);
    }
    expect(hover(noOthers, 700, 1100)).toBeNull(); // outside the grid
  });

  it('asks deck.gl for no picking pass: no layer is pickable', () => {
    const layers = buildLayers({ ...state, settings: null, selection: { type: 'community', index: 0 } });
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(['heat', 'sites']));
    expect(layers.filter((l) => l.props.pickable).map((l) => l.id)).toEqual([]);
  });
});
