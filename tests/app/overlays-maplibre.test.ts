/**
 * The MapLibre overlay sync (ui/map/overlays-maplibre.ts) on a recording map: a click that selects
 * a community or a facility moves only the feature state `selected` — no setData, no layer added,
 * removed or moved — and the state follows the selection from one source to the other.
 */
import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { syncOverlays } from '../../src/ui/map/overlays-maplibre';
import { buildOverlays, type OverlayInputs } from '../../src/app/layers/maplibre-overlays';
import { resolveSettings } from '../../src/io/settings';
import { categoryLookup } from '../../src/app/layers/category-lookup';
import type { CoverageView } from '../../src/engine/coverage/coverage-view';
import { deepFreeze } from '../helpers/fixtures';

/** A map that keeps sources, layers and feature states and records every call that changes them. */
function recordingMap() {
  const sources = new Map<string, { setData: (d: unknown) => void }>();
  const layers: string[] = [];
  const states = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  const map = {
    getSource: (id: string) => sources.get(id),
    addSource: (id: string) => {
      calls.push(`addSource ${id}`);
      sources.set(id, { setData: () => calls.push(`setData ${id}`) });
    },
    getLayersOrder: () => [...layers],
    getLayer: (id: string) => (layers.includes(id) ? { id } : undefined),
    addLayer: (l: { id: string }) => {
      calls.push(`addLayer ${l.id}`);
      layers.push(l.id);
    },
    removeLayer: (id: string) => {
      calls.push(`removeLayer ${id}`);
      layers.splice(layers.indexOf(id), 1);
    },
    setPaintProperty: (id: string, name: string) => calls.push(`setPaintProperty ${id} ${name}`),
    moveLayer: (id: string) => {
      calls.push(`moveLayer ${id}`);
      layers.splice(layers.indexOf(id), 1);
      layers.push(id);
    },
    setFeatureState: (f: { source: string; id: number }, s: Record<string, unknown>) => {
      calls.push(`setFeatureState ${f.source} ${f.id}`);
      states.set(`${f.source} ${f.id}`, { ...states.get(`${f.source} ${f.id}`), ...s });
    },
    removeFeatureState: (f: { source: string; id: number }, key: string) => {
      calls.push(`removeFeatureState ${f.source} ${f.id} ${key}`);
      states.delete(`${f.source} ${f.id}`);
    },
  };
  return { map: map as unknown as MapLibreMap, calls, states };
}

const settings = deepFreeze(resolveSettings(undefined, 'settings').value!);
const point = (index: number, x: number) => ({
  type: 'Feature' as const,
  properties: { index, kind: 'urban', population: 10, category: settings.categories[0]!.id },
  geometry: { type: 'Point' as const, coordinates: [x, 29.8] },
});
const communities: FeatureCollection = deepFreeze({ type: 'FeatureCollection', features: [point(0, 121.5), point(1, 121.6)] });
const facilities: FeatureCollection = deepFreeze({ type: 'FeatureCollection', features: [point(0, 121.55), point(1, 121.65)] });
const inputs = (selection: OverlayInputs['selection']): OverlayInputs => ({
  communities,
  facilities,
  settings,
  coverage: null,
  surface: null,
  categoryId: settings.categories[0]!.id,
  coverageMode: 'category',
  style: categoryLookup(settings.categories),
  visible: { communities: true, coverage: false, gapZones: false, serviceAreas: false, facilities: true },
  districts: null,
  selection,
});

describe('syncOverlays', () => {
  it('selects by feature state only: no data upload, no layer change, the state moves with the selection', () => {
    const { map, calls, states } = recordingMap();
    const sync = (selection: OverlayInputs['selection']) => {
      calls.length = 0;
      return syncOverlays(map, buildOverlays(inputs(selection)), null);
    };
    expect(sync(null)).toEqual(['communities', 'facilities', 'communities-highlight', 'facilities-highlight']);
    expect(calls.filter((c) => c.startsWith('addSource'))).toEqual(['addSource lc-communities', 'addSource lc-facilities']);
    expect(states.size).toBe(0);

    expect(sync({ type: 'community', index: 1 })).toContain('selection');
    expect(calls).toEqual(['setFeatureState lc-communities 1']);
    expect([...states.keys()]).toEqual(['lc-communities 1']);

    sync({ type: 'facility', index: 0 });
    expect(calls).toEqual(['removeFeatureState lc-communities 1 selected', 'setFeatureState lc-facilities 0']);
    expect([...states.keys()]).toEqual(['lc-facilities 0']);

    sync(null);
    expect(calls).toEqual(['removeFeatureState lc-facilities 0 selected']);
    expect(states.size).toBe(0);
  });

  it('colours the coverage by feature states: the first shares and new shares upload no data, only changed colours are set', () => {
    const { map, calls, states } = recordingMap();
    const K = settings.categories.length;
    const coverage = (first: number): CoverageView => {
      const share = new Float64Array(2 * K).fill(1);
      share[0] = first; // community 0, category 0
      return { categoryIds: settings.categories.map((c) => c.id), share, zones: [], model: 'network' } as unknown as CoverageView;
    };
    const sync = (cov: CoverageView | null) => {
      calls.length = 0;
      const ids = syncOverlays(
        map,
        buildOverlays({ ...inputs(null), coverage: cov, visible: { ...inputs(null).visible, coverage: true } }),
        null,
      );
      return ids;
    };
    sync(null); // first open: the communities before the analysis
    expect(calls.filter((c) => c.startsWith('addSource'))).toEqual(['addSource lc-communities', 'addSource lc-facilities']);

    expect(sync(coverage(0.25))).toContain('coverage'); // the analysis is done: colours, no second upload
    expect(calls.filter((c) => c.startsWith('setData') || c.startsWith('addSource'))).toEqual([]);
    expect(calls.filter((c) => c.startsWith('setFeatureState'))).toEqual([
      'setFeatureState lc-communities 0',
      'setFeatureState lc-communities 1',
    ]);
    // each community's covered share (the layers turn it into a colour)
    expect(states.get('lc-communities 0')?.['share']).toBe(0.25);
    expect(states.get('lc-communities 1')?.['share']).not.toBe(0.25);

    sync(coverage(1)); // a slider move: only community 0's share changed
    expect(calls.filter((c) => !c.startsWith('setFeatureState'))).not.toContain('setData lc-communities');
    expect(calls.filter((c) => c.startsWith('setFeatureState'))).toEqual(['setFeatureState lc-communities 0']);
    expect(states.get('lc-communities 0')?.['share']).toBe(states.get('lc-communities 1')?.['share']);
  });

  it('switches the coverage colours off and on by opacities only: no layer added or removed, no upload', () => {
    const { map, calls } = recordingMap();
    const share = new Float64Array(2 * settings.categories.length).fill(0.5);
    const coverage = { categoryIds: settings.categories.map((c) => c.id), share, zones: [], model: 'network' } as unknown as CoverageView;
    const sync = (on: boolean) => {
      calls.length = 0;
      return syncOverlays(map, buildOverlays({ ...inputs(null), coverage, visible: { ...inputs(null).visible, coverage: on } }), null);
    };
    expect(sync(true)).toContain('coverage');
    expect(sync(false)).not.toContain('coverage');
    expect(calls.every((c) => c.startsWith('setPaintProperty'))).toBe(true);
    // coverage transparent, communities filled by kind with thinner outlines
    expect(calls).toEqual(
      expect.arrayContaining([
        'setPaintProperty lc-coverage fill-opacity',
        'setPaintProperty lc-coverage-points circle-opacity',
        'setPaintProperty lc-communities-fill fill-opacity',
        'setPaintProperty lc-communities line-width',
      ]),
    );
    expect(sync(true)).toContain('coverage');
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.startsWith('setPaintProperty'))).toBe(true);
  });
});
