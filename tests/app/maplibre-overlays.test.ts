/**
 * The MapLibre overlays (coverage, communities, gap zones, service areas, district outlines and
 * names): what is drawn in which order, each community's colour from its covered share, and that
 * a change which does not touch a group keeps its `data` object (so the map does not re-upload it),
 * facilities as dots in their category colours and at the size the CPU picking assumes.
 */
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { resolveSettings } from '../../src/io/settings';
import { createExpression, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { communityColor, shareColor } from '../../src/app/community-style';
import { buildOverlays, type OverlayInputs } from '../../src/app/layers/maplibre-overlays';
import { categoryLookup } from '../../src/app/layers/category-lookup';
import { FACILITY_DOT } from '../../src/app/layers/facilities-layer';
import type { CoverageView } from '../../src/engine/coverage/coverage-view';
import type { GapZone } from '../../src/engine/coverage/gap-zones';
import type { DistrictPolygon } from '../../src/engine/indicators/district-polygons';
import { deepFreeze } from '../helpers/fixtures';

const settings = deepFreeze(resolveSettings(undefined, 'settings').value!);
const ids = settings.categories.map((c) => c.id);
const K = ids.length;

const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});
/** A data-driven colour paint property, as MapLibre's style specification describes fill-color and circle-color. */
const COLOR_SPEC = {
  type: 'color',
  'property-type': 'data-driven',
  expression: { interpolated: true, parameters: ['zoom', 'feature', 'feature-state'] },
} as unknown as StylePropertySpecification;

/** A layer's colour paint property as MapLibre's style-spec evaluates it: [r, g, b, a] in 0–255 for a feature's properties and state. */
const layerColour = (layer: { paint?: unknown }, key: string) => {
  const e = createExpression((layer.paint as Record<string, unknown>)[key], `paint.${key}`, COLOR_SPEC);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  return (props: Record<string, unknown>, state: Record<string, unknown>) => {
    const c = e.value.evaluate({ zoom: 12 }, { type: 'Polygon', properties: props } as never, state) as {
      r: number;
      g: number;
      b: number;
      a: number;
    };
    return [c.r, c.g, c.b].map((v) => Math.round(v * 255)).concat(Math.round(c.a * 255));
  };
};

const communities: FeatureCollection = deepFreeze({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { index: 0, kind: 'urban', population: 100 }, geometry: square(121.5, 29.8) },
    { type: 'Feature', properties: { index: 1, kind: 'rural', population: 50 }, geometry: square(121.6, 29.8) },
    {
      type: 'Feature',
      properties: { index: 2, kind: 'urban', population: 20000 },
      geometry: { type: 'Point', coordinates: [121.7, 29.8] },
    },
  ],
});

function coverage(shareOfFirst: number, zones: GapZone[]): CoverageView {
  const share = new Float64Array(3 * K).fill(1);
  share[0] = shareOfFirst; // community 0, category 0
  share[2 * K] = NaN; // community 2: no residents
  return { categoryIds: ids, share, zones, model: 'network' } as unknown as CoverageView;
}
const zones: GapZone[] = [{ category: 0, polygon: square(121.5, 29.8).coordinates } as unknown as GapZone];
const outlines: DistrictPolygon[] = [
  { name: '海曙区', geometry: square(121.5, 29.8) as DistrictPolygon['geometry'], bbox: [121.5, 29.8, 121.51, 29.81] } as DistrictPolygon,
  { name: null, geometry: square(121.6, 29.8) as DistrictPolygon['geometry'], bbox: [121.6, 29.8, 121.61, 29.81] } as DistrictPolygon,
];

const base = (over: Partial<OverlayInputs> = {}): OverlayInputs => ({
  communities,
  settings,
  coverage: coverage(0.25, zones),
  surface: null,
  categoryId: ids[0]!,
  coverageMode: 'category',
  style: categoryLookup(settings.categories),
  visible: { communities: true, coverage: true, gapZones: true, serviceAreas: true },
  districts: { outlines, visible: true },
  ...over,
});

describe('MapLibre overlays', () => {
  it('draws coverage, community outlines, gap zones, then district outlines and names, bottom to top', () => {
    const groups = buildOverlays(base());
    expect(groups.map((g) => g.id)).toEqual([
      'coverage',
      'communities',
      'gap-zones',
      'district-outlines',
      'district-labels',
      'communities-highlight', // the selection highlight, idle: nothing selected
    ]);
    // with coverage shown the communities are outlines only (their fill transparent below the coverage colours' outlines)
    expect(groups[1]!.layers.map((l) => l.type)).toEqual(['fill', 'line', 'circle']);
    expect(groups[1]!.layers[0]!.paint).toMatchObject({ 'fill-opacity': 0 });
    // the named district outlined and named at the middle of its box; the "unassigned" group (no
    // name: communities without a district, scattered) is not a place, neither outlined nor named
    expect(groups[3]!.data.features).toHaveLength(1);
    expect(groups[3]!.data.features[0]!.geometry).toBe(outlines[0]!.geometry);
    const labels = groups[4]!.data.features;
    expect(labels.map((f) => f.properties?.name)).toEqual(['海曙区']);
    const [x, y] = (labels[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(x).toBeCloseTo(121.505, 9);
    expect(y).toBeCloseTo(29.805, 9);
  });

  it('colours each community by its covered share and fills communities by kind when coverage is hidden', () => {
    const [cov] = buildOverlays(base());
    // the colours come from the feature state `share` of each community (by feature id), not from a property of the uploaded data
    expect(cov!.states!.key).toBe('share');
    expect(cov!.data.features.map((f) => cov!.states!.byId.get(f.id as number))).toEqual([0.25, 1, -1]);
    // MapLibre's own evaluation of the layers' colours: the share ramp, grey without a share, transparent with no state
    const colour = layerColour(cov!.layers[0]!, 'fill-color');
    for (const share of [0, 0.1, 0.25, 0.6, 0.99, 1]) {
      const got = colour({}, { share });
      shareColor(share).forEach((v, j) => expect(Math.abs(got[j]! - v)).toBeLessThanOrEqual(1));
    }
    expect(colour({}, { share: -1 })).toEqual([...shareColor(NaN), 255]);
    expect(colour({}, {})[3]).toBe(0);
    expect(layerColour(cov!.layers[1]!, 'circle-color')({}, { share: 1 })).toEqual([...shareColor(1), 255]);
    expect(cov!.data.features.every((f) => f.properties?.cover === undefined)).toBe(true);
    const groups = buildOverlays(base({ visible: { communities: true, coverage: false, gapZones: false, serviceAreas: false } }));
    // the coverage switched off stays on the map, transparent and not listed (switching changes opacities only)
    expect(groups.filter((g) => !g.hidden).map((g) => g.id)).toEqual([
      'communities',
      'district-outlines',
      'district-labels',
      'communities-highlight',
    ]);
    expect(groups[0]!.id).toBe('coverage');
    expect(groups[0]!.layers.map((l) => l.paint)).toEqual([
      expect.objectContaining({ 'fill-opacity': 0 }),
      expect.objectContaining({ 'circle-opacity': 0 }),
    ]);
    const fill = groups[1]!.layers[0]!;
    expect([fill.type, (fill.paint as Record<string, unknown>)['fill-opacity']]).toEqual(['fill', expect.any(Number)]);
    // filled by kind: urban, rural and any other kind in their colours
    const kind = layerColour(fill, 'fill-color');
    for (const k of ['urban', 'rural', 'other']) expect(kind({ kind: k }, {})).toEqual([...communityColor(k), 255]);
    expect(groups[1]!.data.features.map((f) => f.properties?.kind)).toEqual(['urban', 'rural', 'urban']);
    expect((fill.paint as Record<string, number>)['fill-opacity']).toBeGreaterThan(0);
  });

  it('keeps every unchanged group`s data object when only the coverage changes, and leaves hidden groups out', () => {
    const shares = coverage(0.25, zones);
    const a = buildOverlays(base({ coverage: shares }));
    const b = buildOverlays(base({ coverage: coverage(0.75, zones) }));
    // recoloured by feature states: the same data object (nothing re-uploaded), new colours
    expect(b[0]!.data).toBe(a[0]!.data);
    expect(b[0]!.states!.byId).not.toBe(a[0]!.states!.byId);
    expect([...b[0]!.states!.byId.values()]).not.toEqual([...a[0]!.states!.byId.values()]);
    // coverage and community outlines draw from one source (each polygon cut and uploaded once)
    expect([a[0]!.source, a[1]!.source ?? a[1]!.id]).toEqual(['communities', 'communities']);
    expect(a[1]!.data).toBe(a[0]!.data);
    // hiding the coverage keeps that source's data (nothing re-uploaded)
    const hidden = buildOverlays(
      base({ coverage: shares, visible: { communities: true, coverage: false, gapZones: true, serviceAreas: true } }),
    );
    expect(hidden.find((g) => g.id === 'communities')!.data).toBe(a[0]!.data);
    expect(b[3]!.data).toBe(a[3]!.data); // district outlines
    expect(buildOverlays(base({ districts: { outlines, visible: false } })).map((g) => g.id)).toEqual([
      'coverage',
      'communities',
      'gap-zones',
      'communities-highlight',
    ]);
    expect(buildOverlays(base({ communities: null, coverage: null }))).toHaveLength(2); // district outlines and names only
  });

  it('highlights the selected community on top by a feature state on the communities source, changing no data or layer', () => {
    const idle = buildOverlays(base());
    const groups = buildOverlays(base({ selection: { type: 'community', index: 1 } }));
    const sel = groups.at(-1)!;
    expect([sel.id, sel.source, sel.selected]).toEqual(['selection', 'communities', 1]);
    // the same features as the outlines (feature id = community index), the same layers as with nothing selected
    expect(sel.data).toBe(groups[0]!.data);
    expect(sel.data.features.map((f) => f.id)).toEqual([0, 1, 2]);
    expect([idle.at(-1)!.id, idle.at(-1)!.selected]).toEqual(['communities-highlight', null]);
    expect(JSON.stringify(sel.layers)).toBe(JSON.stringify(idle.at(-1)!.layers));
    // #00aaff, 3 px where the feature state `selected` is set, 0 px (nothing drawn) elsewhere
    const outline = sel.layers.find((l) => l.type === 'line')!.paint as Record<string, unknown>;
    expect(outline['line-color']).toBe('#00aaff');
    expect(outline['line-width']).toEqual(['case', ['boolean', ['feature-state', 'selected'], false], 3, 0]);
    const ring = sel.layers.find((l) => l.type === 'circle')!.paint as Record<string, unknown>;
    expect([ring['circle-stroke-color'], ring['circle-opacity']]).toEqual(['#00aaff', 0]);
    // an index with no feature highlights nothing
    const none = buildOverlays(base({ selection: { type: 'community', index: 9 } }));
    expect(none.map((g) => g.id)).not.toContain('selection');
    expect(none.at(-1)!.selected).toBeNull();
  });

  it('draws facilities as dots in their category colours, 40 m clamped to 3–9 px, under the selection', () => {
    const facilities: FeatureCollection = deepFreeze({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { index: 0, category: ids[0] }, geometry: { type: 'Point', coordinates: [121.5, 29.8] } },
        { type: 'Feature', properties: { index: 1, category: ids[1] }, geometry: { type: 'Point', coordinates: [121.6, 29.9] } },
        { type: 'Feature', properties: { index: 2, category: ids[1] }, geometry: square(121.6, 29.8) }, // not a point: left out
      ],
    });
    const visible = { communities: true, coverage: true, gapZones: true, serviceAreas: true, facilities: true };
    const groups = buildOverlays(base({ facilities, visible, selection: { type: 'facility', index: 0 } }));
    expect(groups.map((g) => g.id).slice(-4)).toEqual(['district-labels', 'facilities', 'communities-highlight', 'selection']);
    const dots = groups.find((g) => g.id === 'facilities')!;
    // the ring is a feature state on the dots' own source (feature id = facility index)
    const ring = groups.at(-1)!;
    expect([ring.source, ring.selected, ring.data]).toEqual(['facilities', 0, dots.data]);
    expect(dots.data.features.map((f) => f.id)).toEqual([0, 1]);
    // facilities hidden: a selected facility keeps its ring (its source stays), an unselected one draws nothing
    const hidden = { ...visible, facilities: false };
    expect(buildOverlays(base({ facilities, visible: hidden, selection: { type: 'facility', index: 1 } })).at(-1)!.selected).toBe(1);
    expect(buildOverlays(base({ facilities, visible: hidden })).map((g) => g.id)).not.toContain('facilities-highlight');
    const style = categoryLookup(settings.categories);
    // each dot in its category's colour, as MapLibre evaluates the paint (an unknown category grey)
    const colour = layerColour(dots.layers[0]!, 'circle-color');
    expect(dots.data.features.map((f) => colour(f.properties ?? {}, {}))).toEqual([
      [...style(ids[0]!).rgb, 255],
      [...style(ids[1]!).rgb, 255],
    ]);
    expect(colour({ category: 'no-such-category' }, {})).toEqual([...style('no-such-category').rgb, 255]);
    expect(buildOverlays(base({ facilities, visible: { ...visible, facilities: false } })).map((g) => g.id)).not.toContain('facilities');
    // the radius expression (exponential base 2 in the zoom) against metres × pixels per metre at the dots' mean latitude
    const paint = dots.layers[0]!.paint as Record<string, unknown>;
    const [, , , z0, r0, z1, r1] = paint['circle-radius'] as [string, unknown, unknown, number, number, number, number];
    const radiusAt = (z: number) => (z <= z0 ? r0 : z >= z1 ? r1 : r0 + ((r1 - r0) * (2 ** (z - z0) - 1)) / (2 ** (z1 - z0) - 1));
    const pxPerMeter = (z: number) => (512 * 2 ** z) / (2 * Math.PI * 6371008.8 * Math.cos((29.85 * Math.PI) / 180));
    for (const z of [8, 11, 12.5, 13, 13.7, 16]) {
      const outer = Math.min(FACILITY_DOT.maxPx, Math.max(FACILITY_DOT.minPx, FACILITY_DOT.meters * pxPerMeter(z))) + 0.5;
      // MapLibre fades the outline's outer edge over its last pixel: the dot ends (half opaque) at radius + outline − 0.5
      expect(radiusAt(z) + (paint['circle-stroke-width'] as number) - 0.5).toBeCloseTo(outer, 3);
    }
  });
});
