/**
 * The start on a first visit: the worker reads the built-in sample while the saved workspace is
 * looked up, but the sample is neither shown nor autosaved before the lookup answers; a workspace
 * found after all replaces it (the sample's layers leave the worker), and with none the sample is
 * applied from that one read. A fake worker keeps its layers by name; an in-memory storage with a
 * lookup held open stands in for IndexedDB.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { InputFile } from '../../src/app/inputs';
import type { LayerName } from '../../src/worker/session';

/** The fake worker's layers (layer → file name) and its calls. */
const worker = { layers: new Map<LayerName, string>(), calls: [] as string[] };

vi.mock('../../src/app/engine-client', () => ({
  engine: () => ({
    loadLayer: async (layer: LayerName, name: string) => {
      worker.calls.push(`load ${layer} ${name}`);
      await new Promise((r) => setTimeout(r, 50));
      worker.layers.set(layer, name);
      return { ok: true, report: { file: name, layer }, dataset: { layers: [...worker.layers.keys()] } };
    },
    loadLayers: async (inputs: { layer: LayerName; name: string }[], then: { analyse?: boolean } = {}) => {
      for (const { layer, name } of inputs) {
        worker.calls.push(`load ${layer} ${name}`);
        await new Promise((r) => setTimeout(r, 50));
        worker.layers.set(layer, name);
      }
      if (then.analyse) worker.calls.push('analyse');
      return {
        results: inputs.map(({ layer, name }) => ({ ok: true, report: { file: name, layer } })),
        dataset: { layers: [...worker.layers.keys()] },
      };
    },
    clearLayer: async (layer: LayerName) => {
      worker.calls.push(`clear ${layer}`);
      worker.layers.delete(layer);
      return { layers: [...worker.layers.keys()] };
    },
    setSettings: async () => ({ ok: true }),
  }),
  callback: <T>(f: T) => f,
  terminateEngine: () => {},
  onEngineFailure: () => {},
}));
// the drawn dataset: no communities, so no coverage run
vi.mock('../../src/app/dataset-collections', () => ({
  datasetCollections: (_view: unknown, source: string) => ({
    source,
    roads: null,
    communities: { type: 'FeatureCollection', features: [] },
    facilities: { type: 'FeatureCollection', features: [] },
  }),
}));

const { restoreWorkspaceOrSample } = await import('../../src/app/actions');
const { beginStart } = await import('../../src/app/early-start');
const { startPersistence, loadWorkspace } = await import('../../src/app/persistence');
const { useAppStore, initialState } = await import('../../src/app/store');
const { allInputs, clearInputs } = await import('../../src/app/inputs');

const input = (layer: LayerName, name: string, sample = false): InputFile => ({
  layer,
  name,
  bytes: new Uint8Array([1]),
  options: {},
  ...(sample ? { sample: true } : {}),
});
const sampleFiles = () => [
  input('facilities', 'facilities.geojson', true),
  input('communities', 'communities.geojson', true),
  input('roads', 'roads.geojson', true),
];

/** Storage whose lookup answers only when `answer()` is called; records its writes. */
function heldStorage(initial: Record<string, unknown>) {
  const map = new Map(Object.entries(initial));
  const writes: string[] = [];
  let answer: () => void = () => {};
  const answered = new Promise<void>((r) => (answer = r));
  return {
    map,
    writes,
    answer,
    get: async (key: string) => {
      await answered;
      return map.get(key);
    },
    set: async (key: string, value: unknown) => {
      writes.push(key);
      map.set(key, structuredClone(value));
    },
  };
}

let stop: () => void = () => {};
beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState(initialState('en'), true);
  clearInputs();
  worker.layers.clear();
  worker.calls.length = 0;
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('restore the workspace, or the sample read while it is looked up', () => {
  it('reads the sample in the worker during the lookup, but shows and saves none of it, then restores the saved workspace', async () => {
    const saved = {
      version: 1,
      source: 'user',
      inputs: [input('facilities', 'my-clinics.csv')],
      settings: null,
      selectedCategory: 'clinic',
    };
    const storage = heldStorage({ current: saved });
    stop = startPersistence(storage);
    const done = restoreWorkspaceOrSample(beginStart(Promise.resolve(sampleFiles()), storage));

    await vi.advanceTimersByTimeAsync(2000); // the worker has read the sample; the lookup has not answered
    expect([...worker.layers.keys()].sort()).toEqual(['communities', 'facilities', 'roads']);
    expect(useAppStore.getState().files).toEqual({});
    expect(useAppStore.getState().data).toBeNull();
    expect(allInputs()).toEqual([]);
    expect(storage.writes).toEqual([]); // the saved workspace was not overwritten by the sample

    storage.answer();
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    // the sample's layers left the worker; only the workspace's file is loaded and shown
    expect([...worker.layers.entries()]).toEqual([['facilities', 'my-clinics.csv']]);
    expect(Object.keys(useAppStore.getState().files)).toEqual(['facilities']);
    expect(useAppStore.getState().files.facilities!.name).toBe('my-clinics.csv');
    expect(useAppStore.getState().data!.source).toBe('user');
    const ws = await loadWorkspace({ get: async (k) => storage.map.get(k), set: async () => {} });
    expect(ws!.inputs.map((i) => i.name)).toEqual(['my-clinics.csv']);
  });

  it('applies the sample from that one read when no workspace was saved, then saves it', async () => {
    const storage = heldStorage({});
    stop = startPersistence(storage);
    const done = restoreWorkspaceOrSample(beginStart(Promise.resolve(sampleFiles()), storage));
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.writes).toEqual([]);
    expect(useAppStore.getState().data).toBeNull();

    storage.answer();
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(worker.calls).toEqual([
      'load facilities facilities.geojson',
      'load communities communities.geojson',
      'load roads roads.geojson',
      // the worker was asked to analyse the sample as soon as it was read, before the lookup answered
      'analyse',
    ]);
    expect(Object.keys(useAppStore.getState().files).sort()).toEqual(['communities', 'facilities', 'roads']);
    expect(useAppStore.getState().files.roads!.sample).toBe(true);
    expect(useAppStore.getState().data!.source).toBe('sample');
    expect(storage.writes).toEqual(['current']);
    // saved without the sample's bytes (the app carries them)
    const ws = (await loadWorkspace({ get: async (k) => storage.map.get(k), set: async () => {} }))!;
    expect(ws.inputs.map((i) => [i.name, i.bytes.length, i.builtInSample])).toEqual([
      ['facilities.geojson', 0, true],
      ['communities.geojson', 0, true],
      ['roads.geojson', 0, true],
    ]);
  });

  it('restores a workspace saved with the sample (without its bytes) from the sample the app carries, with its saved options', async () => {
    const saved = {
      version: 1,
      source: 'user', // the user replaced one of the sample's layers
      inputs: [
        {
          ...input('facilities', 'facilities.geojson', true),
          bytes: new Uint8Array(0),
          builtInSample: true,
          options: { crs: 'EPSG:4326' },
        },
        input('communities', 'my-communities.csv'),
      ],
      settings: null,
      selectedCategory: 'school',
    };
    const storage = heldStorage({ current: saved });
    storage.answer();
    const sample = sampleFiles().map((f) => ({ ...f, bytes: new Uint8Array([7, 7, 7]) }));
    const done = restoreWorkspaceOrSample(beginStart(Promise.resolve(sample), storage));
    await vi.advanceTimersByTimeAsync(2000);
    await done;
    expect(allInputs().map((i) => [i.name, Array.from(i.bytes), i.sample === true, i.options])).toEqual([
      ['facilities.geojson', [7, 7, 7], true, { crs: 'EPSG:4326' }],
      ['my-communities.csv', [1], false, {}],
    ]);
    expect(useAppStore.getState().files.facilities!.sample).toBe(true);
    expect(useAppStore.getState().selectedCategory).toBe('school');
    expect([...worker.layers.entries()].sort()).toEqual([
      ['communities', 'my-communities.csv'],
      ['facilities', 'facilities.geojson'],
    ]);
  });
});
