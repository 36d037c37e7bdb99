/**
 * Overlays through the display shift: every position a deck.gl layer draws (accessor, GeoJSON,
 * binary attribute, bitmap bounds) is the GCJ-02 one; ids, properties and the identity case stay;
 * shifted GeoJSON is made once per data object (a slider move does not redo it).
 */
import { describe, expect, it } from 'vitest';
import { BitmapLayer, GeoJsonLayer, PolygonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { displayGeoJson, displayLayers } from '../../../src/app/basemap/display-layers';
import { GCJ02_DISPLAY } from '../../../src/app/basemap/display-shift';

const P: [number, number] = [121.502076, 29.864544];
const G = GCJ02_DISPLAY.toDisplay(...P);
type Props = Record<string, unknown> & { data: unknown; updateTriggers: Record<string, unknown> };
const props = (l: Layer) => l.props as unknown as Props;

describe('displayLayers', () => {
  const fc = {
    type: 'FeatureCollection' as const,
    features: [{ type: 'Feature' as const, properties: { index: 3 }, geometry: { type: 'Point' as const, coordinates: P } }],
  };
  const scatter = new ScatterplotLayer<{ p: [number, number] }>({ id: 'facilities', data: [{ p: P }], getPosition: (d) => d.p });
  const polygon = new PolygonLayer<{ ring: [number, number][] }>({ id: 'zones', data: [{ ring: [P, P, P] }], getPolygon: (d) => d.ring });
  const geo = new GeoJsonLayer({ id: 'communities', data: fc });
  const binary = new ScatterplotLayer({
    id: 'sites-covered',
    data: { length: 1, attributes: { getPosition: { value: new Float64Array(P), size: 2 } } },
  });
  const bitmap = new BitmapLayer({ id: 'heat', image: null, bounds: [P[0] - 0.1, P[1] - 0.1, P[0] + 0.1, P[1] + 0.1] });

  it('returns the same layers without a shift', () => {
    const layers = [scatter, geo];
    expect(displayLayers(layers, null)).toBe(layers);
  });

  it('draws every kind of position at its GCJ-02 place, ids and properties kept', () => {
    const [s, p, g, b, h] = displayLayers([scatter, polygon, geo, binary, bitmap], GCJ02_DISPLAY);
    expect([s, p, g, b, h].map((l) => l!.id)).toEqual(['facilities', 'zones', 'communities', 'sites-covered', 'heat']);
    const getPosition = props(s!).getPosition as (d: unknown, i: unknown) => number[];
    expect(getPosition({ p: P }, {})).toEqual(G);
    expect(props(s!).updateTriggers.getPosition).toEqual([null, 'gcj02']);
    const getPolygon = props(p!).getPolygon as (d: unknown, i: unknown) => number[][];
    expect(getPolygon({ ring: [P, P, P] }, {})).toEqual([G, G, G]);
    const data = props(g!).data as typeof fc;
    expect(data.features[0]!.geometry.coordinates).toEqual(G);
    expect(data.features[0]!.properties).toBe(fc.features[0]!.properties);
    expect(fc.features[0]!.geometry.coordinates).toEqual(P); // the input is not changed
    const value = (props(b!).data as { attributes: { getPosition: { value: Float64Array } } }).attributes.getPosition.value;
    expect([...value]).toEqual(G);
    const bounds = props(h!).bounds as number[];
    expect((bounds[0]! + bounds[2]!) / 2).toBeCloseTo(G[0], 12);
    expect((bounds[1]! + bounds[3]!) / 2).toBeCloseTo(G[1], 12);
  });

  it('shifts a GeoJSON collection once, whatever the number of rebuilds', () => {
    const a = props(displayLayers([geo], GCJ02_DISPLAY)[0]!).data;
    const b = props(displayLayers([new GeoJsonLayer({ id: 'communities', data: fc, opacity: 0.5 })], GCJ02_DISPLAY)[0]!).data;
    expect(b).toBe(a);
  });

  it('keeps the feature ids of a MapLibre overlay (the selection highlight is a feature state by id)', () => {
    const withId = { ...fc, features: fc.features.map((f) => ({ ...f, id: 3 })) };
    const shifted = displayGeoJson(withId, GCJ02_DISPLAY);
    expect(shifted.features.map((f) => f.id)).toEqual([3]);
    const [x, y] = shifted.features[0]!.geometry.coordinates;
    expect([x, y]).toEqual(G);
    expect(displayGeoJson(withId, GCJ02_DISPLAY)).toBe(shifted); // once per collection: the source is not re-set
  });
});
