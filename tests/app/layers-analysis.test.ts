/**
 * The analysis layers' pure builders: covered-share ramp and values, service-circle radii against the
 * straight-line travel model, heat-grid pixels from seconds, gap zones of a category, and that a
 * threshold move (new coverage) keeps every unrelated `data` reference.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { mulberry32 } from '../../src/engine/prng';
import { resolveSettings } from '../../src/io/settings';
import { createStraightLineModel } from '../../src/engine/travel/straight-line';
import { haversineMeters } from '../../src/engine/geo/haversine';
import { KIND_RURAL, KIND_URBAN, type Facility, type Settings } from '../../src/engine/model';
import { NO_SHARE_COLOR, SHARE_RAMP, shareColor } from '../../src/app/community-style';
import { coverageValues, featureShare } from '../../src/app/layers/coverage-layer';
import { isochroneFeatures, serviceCircles, serviceRadiiMeters } from '../../src/app/layers/service-areas-layer';
import { HEAT_ALPHA, HEAT_STOPS, heatBounds, heatColor, heatImage, heatSecondsAt } from '../../src/app/layers/heat-layer';
import { zonesOfCategory } from '../../src/app/layers/gap-zones-layer';
import { categoryLookup } from '../../src/app/layers/category-lookup';
import { buildLayers, type LayerInputs } from '../../src/app/layers';
import type { SurfaceState, VisibleLayers } from '../../src/app/store';
import type { CoverageView } from '../../src/engine/coverage/coverage-view';
import type { GapZone } from '../../src/engine/coverage/gap-zones';
import { deepFreeze } from '../helpers/fixtures';

const settings = deepFreeze(resolveSettings(undefined, 'settings').value!);
const K = settings.categories.length;

/** A coverage view with random shares (some NaN) and times for C communities. */
function randomCoverage(seed: number, C: number, zones: GapZone[] = []): CoverageView {
  const r = mulberry32(seed);
  const share = Float64Array.from({ length: C * K }, () => (r() < 0.05 ? NaN : r() < 0.2 ? 0 : r() < 0.3 ? 1 : r()));
  const repSeconds = Float32Array.from({ length: C * K }, () => (r() < 0.05 ? Infinity : r() * 3000));
  return deepFreeze({
    categoryIds: settings.categories.map((c) => c.id),
    share,
    repSeconds,
    totals: [],
    population: { total: 0, urban: 0, rural: 0 },
    completeCovered: 0,
    gaps: [],
    zones,
    histograms: [],
    samples: { population: new Float64Array(0), kind: new Uint8Array(0), seconds: [] },
    model: 'straight',
    terrain: null,
  } as CoverageView);
}

describe('covered-share colour ramp', () => {
  it('hits every stop exactly, interpolates linearly between stops, clamps, and greys NaN', () => {
    for (const s of SHARE_RAMP) expect(shareColor(s.share)).toEqual(s.rgb);
    const r = mulberry32(3);
    for (let i = 0; i < 200; i++) {
      const x = r();
      const j = SHARE_RAMP.findIndex((s) => s.share >= x);
      const a = SHARE_RAMP[Math.max(0, j - 1)]!;
      const b = SHARE_RAMP[j]!;
      const t = b.share === a.share ? 0 : (x - a.share) / (b.share - a.share);
      const c = shareColor(x);
      for (let ch = 0; ch < 3; ch++) expect(Math.abs(c[ch]! - (a.rgb[ch]! + (b.rgb[ch]! - a.rgb[ch]!) * t))).toBeLessThanOrEqual(0.5);
    }
    expect(shareColor(-0.3)).toEqual(SHARE_RAMP[0]!.rgb);
    expect(shareColor(7)).toEqual(SHARE_RAMP[SHARE_RAMP.length - 1]!.rgb);
    expect(shareColor(NaN)).toEqual(NO_SHARE_COLOR);
    // red at 0, green at 1
    expect(shareColor(0)[0]).toBeGreaterThan(shareColor(0)[1]);
    expect(shareColor(1)[1]).toBeGreaterThan(shareColor(1)[0]);
  });

  it('colours each community by share[c·K + k], or by the minimum over categories (complete circle)', () => {
    const C = 57;
    const cov = randomCoverage(9, C);
    const copy = Float64Array.from(cov.share);
    for (let k = 0; k < K; k++) {
      const v = coverageValues(cov, k, 'category');
      expect(coverageValues(cov, k, 'category')).toBe(v); // memoised
      for (let c = 0; c < C; c++) expect(Object.is(v[c], cov.share[c * K + k])).toBe(true);
    }
    const m = coverageValues(cov, -1, 'complete');
    for (let c = 0; c < C; c++) {
      const row = Array.from({ length: K }, (_, k) => cov.share[c * K + k]!);
      const expected = row.some(Number.isNaN) ? NaN : Math.min(...row);
      expect(Object.is(m[c], expected)).toBe(true);
    }
    expect(cov.share).toEqual(copy); // input untouched
    const f = (index: unknown): Feature => ({ type: 'Feature', properties: { index }, geometry: { type: 'Point', coordinates: [0, 0] } });
    // a community's share by its index; none (drawn grey, NO_SHARE_COLOR) for a bad or missing index
    expect(featureShare(m, f(3))).toBe(m[3]);
    expect(featureShare(m, f('x'))).toBeNaN();
    expect(featureShare(m, f(C + 5))).toBeNaN();
    expect(() => coverageValues(cov, K, 'category')).toThrow(/category index 6/);
  });
});

describe('service circles (straight-line model)', () => {
  it('radius = threshold × walking speed ÷ detour factor, the distance the travel model reaches in exactly the threshold', () => {
    const r = mulberry32(21);
    for (let trial = 0; trial < 20; trial++) {
      const s: Settings = deepFreeze({
        ...settings,
        walkSpeedKmh: { urban: 3 + r() * 3, rural: 3 + r() * 3 },
        detourFactor: 1 + r(),
        categories: settings.categories.map((c) => ({
          ...c,
          thresholdMinutes: { urban: 5 + Math.round(r() * 20), rural: 5 + Math.round(r() * 25) },
        })),
      });
      const cat = s.categories[Math.floor(r() * K)]!;
      const radii = serviceRadiiMeters(s, cat.id)!;
      expect(radii.urban).toBeCloseTo((cat.thresholdMinutes.urban * s.walkSpeedKmh.urban * 1000) / 60 / s.detourFactor, 6);
      // oracle: the straight-line model's time from the facility to a point at that radius is the threshold
      const f: Facility = { index: 0, id: 'f', name: 'f', category: cat.id, capacity: null, lon: 121.5, lat: 29.8 };
      const model = createStraightLineModel([f], s);
      const bearing = r() * 2 * Math.PI;
      const point = (meters: number) => {
        const dLat = (meters * Math.cos(bearing)) / 111195;
        const dLon = (meters * Math.sin(bearing)) / (111195 * Math.cos((29.8 * Math.PI) / 180));
        return [121.5 + dLon, 29.8 + dLat] as const;
      };
      for (const [kind, code] of [
        ['urban', KIND_URBAN],
        ['rural', KIND_RURAL],
      ] as const) {
        const [lon, lat] = point(radii[kind]);
        const d = haversineMeters(121.5, 29.8, lon, lat);
        // scale to the exact radius (the flat-earth offset is off by a hair)
        const field = model.accessField(cat.id, Uint32Array.of(0), {
          lon: Float64Array.of(lon),
          lat: Float64Array.of(lat),
          kind: Uint8Array.of(code),
        });
        expect((field.seconds[0]! * radii[kind]) / d).toBeCloseTo(cat.thresholdMinutes[kind] * 60, 3);
      }
    }
    expect(serviceRadiiMeters(settings, 'no-such')).toBeNull();
  });

  it('two circles (rural, then urban) per point facility of the category, the same array while facilities are unchanged', () => {
    const r = mulberry32(5);
    const features: Feature[] = Array.from({ length: 80 }, (_, i) => ({
      type: 'Feature',
      properties: { index: i, id: `F${i}`, name: `F${i}`, category: settings.categories[Math.floor(r() * K)]!.id },
      geometry: { type: 'Point', coordinates: [121 + r(), 29 + r()] },
    }));
    const fc: FeatureCollection = deepFreeze({ type: 'FeatureCollection', features });
    for (const cat of settings.categories) {
      const circles = serviceCircles(fc, cat.id);
      const own = features.filter((f) => f.properties?.category === cat.id).map((f) => f.properties?.index);
      expect(circles.filter((c) => c.kind === 'rural').map((c) => c.facility.index)).toEqual(own);
      expect(circles.filter((c) => c.kind === 'urban').map((c) => c.facility.index)).toEqual(own);
      expect(circles.findIndex((c) => c.kind === 'urban')).toBe(own.length === 0 ? -1 : own.length);
      expect(serviceCircles(fc, cat.id)).toBe(circles);
    }
  });
});

describe('isochrones (network model)', () => {
  const square = (d: number): [number, number][][][] => [
    [
      [
        [0, 0],
        [d, 0],
        [d, d],
        [0, d],
        [0, 0],
      ],
    ],
  ];
  const surface = (isochrones: SurfaceState['isochrones']): SurfaceState =>
    deepFreeze({
      category: 'clinic',
      grid: { lon0: 0, lat0: 0, dLon: 1, dLat: 1, width: 1, height: 1, cellMeters: 1 },
      seconds: new Float32Array(1),
      isochrones,
    });

  it('one MultiPolygon per threshold, the larger (rural) first so the urban one draws on top', () => {
    const fc = isochroneFeatures(
      surface([
        { seconds: 900, multiPolygon: square(1) },
        { seconds: 1200, multiPolygon: square(2) },
      ]),
      { urban: 15, rural: 20 },
    );
    expect(fc.features.map((f) => [f.properties?.kind, f.properties?.seconds])).toEqual([
      ['rural', 1200],
      ['urban', 900],
    ]);
    expect(fc.features[1]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: square(1) });
  });

  it('draws equal urban and rural thresholds once (no doubled fill)', () => {
    const fc = isochroneFeatures(
      surface([
        { seconds: 900, multiPolygon: square(1) },
        { seconds: 900, multiPolygon: square(1) },
      ]),
      { urban: 15, rural: 15 },
    );
    expect(fc.features.length).toBe(1);
  });
});

describe('travel-time heat grid image', () => {
  it('hits the ramp stops and interpolates between them', () => {
    for (const s of HEAT_STOPS) expect(heatColor(s.minutes)).toEqual(s.rgb);
    expect(heatColor(1000)).toEqual(HEAT_STOPS[HEAT_STOPS.length - 1]!.rgb);
    expect(heatColor(-1)).toEqual(HEAT_STOPS[0]!.rgb);
    const mid = heatColor((HEAT_STOPS[0]!.minutes + HEAT_STOPS[1]!.minutes) / 2);
    for (let ch = 0; ch < 3; ch++)
      expect(Math.abs(mid[ch]! - (HEAT_STOPS[0]!.rgb[ch]! + HEAT_STOPS[1]!.rgb[ch]!) / 2)).toBeLessThanOrEqual(0.5);
  });

  it('puts cell (x, y) at image pixel (x, height−1−y) coloured by its minutes; unreachable cells are transparent', () => {
    const r = mulberry32(77);
    for (const [width, height] of [
      [1, 1],
      [7, 3],
      [40, 25],
    ] as const) {
      const seconds = Float32Array.from({ length: width * height }, () => (r() < 0.1 ? Infinity : r() * 3600));
      const surface: SurfaceState = deepFreeze({
        category: 'clinic',
        grid: { lon0: 121, lat0: 29, dLon: 0.002, dLat: 0.0018, width, height, cellMeters: 200 },
        seconds,
        isochrones: [],
      });
      const img = heatImage(surface);
      expect(heatImage(surface)).toBe(img); // built once per surface
      expect([img.width, img.height, img.data.length]).toEqual([width, height, width * height * 4]);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const s = seconds[x + y * width]!;
          const o = (x + (height - 1 - y) * width) * 4;
          const px = Array.from(img.data.subarray(o, o + 4));
          expect(px).toEqual(Number.isFinite(s) ? [...heatColor(s / 60), HEAT_ALPHA] : [0, 0, 0, 0]);
          // hover: the image pixel leads back to the cell's seconds
          expect(heatSecondsAt(surface, [x + 0.5, height - 1 - y + 0.5])).toBe(s);
        }
      }
      expect(heatSecondsAt(surface, [-1, 0])).toBeNull();
      expect(heatSecondsAt(surface, [width, 0])).toBeNull();
      const [w, s, e, n] = heatBounds(surface);
      expect([w, s]).toEqual([121, 29]);
      expect(e).toBeCloseTo(121 + width * 0.002, 12);
      expect(n).toBeCloseTo(29 + height * 0.0018, 12);
    }
    const bad: SurfaceState = {
      category: 'x',
      grid: { lon0: 0, lat0: 0, dLon: 1, dLat: 1, width: 2, height: 2, cellMeters: 1 },
      seconds: new Float32Array(3),
      isochrones: [],
    };
    expect(() => heatImage(bad)).toThrow(/3 values for a 2×2 grid/);
  });
});

describe('gap zones and layer assembly', () => {
  const zone = (category: number, population: number): GapZone => ({
    category,
    population,
    sampleCount: 1,
    polygon: [
      [
        [121, 29],
        [121.01, 29],
        [121.01, 29.01],
        [121, 29],
      ],
    ],
  });

  it('shows exactly the selected category’s zones, in their order', () => {
    const r = mulberry32(8);
    const zones = deepFreeze(Array.from({ length: 50 }, () => zone(Math.floor(r() * K), Math.round(r() * 1000))));
    for (let k = 0; k < K; k++) {
      const mine = zonesOfCategory(zones, k);
      expect(mine).toEqual(zones.filter((z) => z.category === k));
      expect(zonesOfCategory(zones, k)).toBe(mine);
    }
  });

  const communities: FeatureCollection = deepFreeze({
    type: 'FeatureCollection',
    features: Array.from({ length: 20 }, (_, i) => ({
      type: 'Feature',
      properties: { index: i, id: `C${i}`, name: `C${i}`, kind: i % 3 ? 'urban' : 'rural', population: 100 * i },
      geometry: { type: 'Point', coordinates: [121 + i * 0.01, 29] },
    })),
  });
  const facilities: FeatureCollection = deepFreeze({
    type: 'FeatureCollection',
    features: Array.from({ length: 12 }, (_, i) => ({
      type: 'Feature',
      properties: { index: i, id: `F${i}`, name: `F${i}`, category: settings.categories[i % K]!.id },
      geometry: { type: 'Point', coordinates: [121 + i * 0.015, 29.01] },
    })),
  });
  const ALL: VisibleLayers = {
    roads: true,
    communities: true,
    facilities: true,
    coverage: true,
    gapZones: true,
    heat: true,
    serviceAreas: true,
  };
  const surface: SurfaceState = deepFreeze({
    category: 'clinic',
    grid: { lon0: 121, lat0: 28.99, dLon: 0.01, dLat: 0.01, width: 30, height: 4, cellMeters: 1000 },
    seconds: new Float32Array(120).fill(600),
    isochrones: [],
  });

  it('stacks every visible deck.gl layer bottom to top; coverage, communities and gap zones are left to MapLibre', () => {
    const coverage = randomCoverage(4, 20, [zone(0, 10)]);
    const state: LayerInputs = {
      data: { source: 'user', roads: null, communities, facilities },
      visible: ALL,
      settings,
      coverage,
      surface,
      selectedCategory: 'clinic',
      selection: { type: 'community', index: 3 },
    };
    const layers = buildLayers(state);
    // coverage, communities, gap zones, facilities and the selection highlight are MapLibre overlays (maplibre-overlays.test.ts)
    expect(layers.map((l) => l.id)).toEqual(['heat', 'service-circles']);
    // heat waits for the surface of the selected category; a category the settings do not know has no service circles
    expect(buildLayers({ ...state, selectedCategory: 'canteen' }).map((l) => l.id)).toEqual(['service-circles']);
    expect(buildLayers({ ...state, selectedCategory: 'nope', selection: null }).map((l) => l.id)).toEqual([]);
  });

  it('a threshold move (new coverage) keeps every deck.gl data reference and colour trigger', () => {
    const base: LayerInputs = {
      data: { source: 'user', roads: null, communities, facilities },
      visible: ALL,
      settings,
      coverage: randomCoverage(1, 20, [zone(0, 5)]),
      surface,
      selectedCategory: 'clinic',
      selection: null,
    };
    const a = buildLayers(base);
    const b = buildLayers({ ...base, coverage: randomCoverage(2, 20, base.coverage!.zones) });
    const byId = (ls: typeof a) => new Map(ls.map((l) => [l.id, l]));
    const [A, B] = [byId(a), byId(b)];
    for (const id of ['heat', 'service-circles']) {
      expect(B.get(id)!.props.data, id).toBe(A.get(id)!.props.data);
    }
    expect((B.get('heat')!.props as unknown as { image: unknown }).image).toBe(
      (A.get('heat')!.props as unknown as { image: unknown }).image,
    );
    expect(categoryLookup(settings.categories)).toBe(categoryLookup(settings.categories));
    expect(categoryLookup(settings.categories)('clinic').color).toBe(settings.categories.find((c) => c.id === 'clinic')!.color);
  });
});
