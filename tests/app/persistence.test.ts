/**
 * What survives a reload: the autosave writes the workspace once loading has ended (never a half
 * loaded one, never an unchanged one, once for a burst of changes), keeps the siting state of the
 * last visit until it was put back, then saves the user's siting changes (not during a drag).
 * An in-memory storage stands in for IndexedDB.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPreset } from '../../src/engine/presets';
import type { CoverageView } from '../../src/engine/coverage/coverage-view';

vi.mock('../../src/app/engine-client', () => ({
  engine: () => ({
    scenarioShares: async () => ({ share: [0.5] }),
  }),
  callback: <T>(f: T) => f,
  terminateEngine: () => {},
  onEngineFailure: () => {},
}));

const { startPersistence, loadWorkspace, loadSiting, withSampleBytes } = await import('../../src/app/persistence');
const { useAppStore, initialState } = await import('../../src/app/store');
const { useSitingStore, initialSitingState } = await import('../../src/app/siting-store');
const { setInput, clearInputs } = await import('../../src/app/inputs');

/** A key-value map with a write log, in place of IndexedDB. */
function memoryStorage(initial: Record<string, unknown> = {}) {
  const map = new Map(Object.entries(initial));
  const writes: string[] = [];
  return {
    map,
    writes,
    get: async (key: string) => map.get(key),
    set: async (key: string, value: unknown) => {
      writes.push(key);
      map.set(key, structuredClone(value));
    },
  };
}

const settings = () => structuredClone(getPreset('ningbo')!.settings);
const coverage = { categoryIds: ['clinic'], totals: [{ share: 0.4 }] } as unknown as CoverageView;
const file = { layer: 'facilities' as const, name: 'f.geojson', bytes: new Uint8Array([1, 2, 3]), options: {} };
const data = {
  source: 'sample' as const,
  roads: null,
  communities: { type: 'FeatureCollection' as const, features: [] },
  facilities: { type: 'FeatureCollection' as const, features: [] },
};

let stop: () => void = () => {};
beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState(initialState('en'), true);
  useSitingStore.setState(initialSitingState(), true);
  clearInputs();
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('workspace autosave', () => {
  it('writes once loading has ended, with the inputs, settings, source and category of the stores', async () => {
    const storage = memoryStorage();
    stop = startPersistence(storage);
    useAppStore.setState({ status: 'loading' });
    setInput(file);
    useAppStore.setState({ files: { facilities: { name: file.name, size: 3, options: {} } } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.writes).toEqual([]); // half loaded: nothing written

    const s = settings();
    useAppStore.setState({ status: 'ready', data, settings: s, selectedCategory: 'school' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(storage.writes).toEqual(['current']);
    const ws = await loadWorkspace(storage);
    expect(ws).toMatchObject({ version: 1, source: 'sample', selectedCategory: 'school' });
    expect(ws!.settings).toEqual(s);
    expect(ws!.inputs.map((i) => [i.layer, i.name, Array.from(i.bytes)])).toEqual([['facilities', 'f.geojson', [1, 2, 3]]]);
  });

  it('does not write unchanged settings again, and writes a burst of changes once', async () => {
    const storage = memoryStorage();
    stop = startPersistence(storage);
    setInput(file);
    useAppStore.setState({ status: 'ready', data, settings: settings(), files: { facilities: { name: file.name, size: 3, options: {} } } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toHaveLength(1);

    useAppStore.setState({ settings: settings() }); // equal settings from a new coverage run
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toHaveLength(1);

    for (let m = 10; m <= 20; m++) {
      const s = settings();
      s.categories[0]!.thresholdMinutes.urban = m;
      useAppStore.setState({ settings: s }); // a dragged slider
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toHaveLength(2);
    expect(((await loadWorkspace(storage))!.settings as ReturnType<typeof settings>).categories[0]!.thresholdMinutes.urban).toBe(20);
  });

  it('finds nothing without storage (no IndexedDB), and nothing in a record of another version', async () => {
    expect(await loadWorkspace(null)).toBeNull();
    expect(await loadSiting(null)).toBeNull();
    const storage = memoryStorage({ current: { version: 2, inputs: [] }, siting: { version: 1, sites: 'x' } });
    expect(await loadWorkspace(storage)).toBeNull();
    expect(await loadSiting(storage)).toBeNull();
  });
});

describe('siting autosave', () => {
  const saved = {
    version: 1,
    form: { ...initialSitingState().form, k: 7, spacingMeters: 350 },
    category: null,
    sites: [],
    scenarios: [{ name: 'A', category: 'clinic', sites: [{ lon: 11.5, lat: 49.9, rank: 1, gainPopulation: 120, coveredIds: ['c1'] }] }],
  };

  it('keeps the saved state until the first coverage puts it back, then saves changes but not during a drag', async () => {
    const storage = memoryStorage({ siting: structuredClone(saved) });
    stop = startPersistence(storage);
    useSitingStore.setState({ form: { ...useSitingStore.getState().form, k: 3 } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toEqual([]); // the last visit's state is not overwritten before it is back

    useAppStore.setState({ coverage });
    await vi.advanceTimersByTimeAsync(1000);
    const st = useSitingStore.getState();
    expect(st.form.k).toBe(7);
    expect(st.form.spacingMeters).toBe(350);
    expect(st.scenarios.map((s) => s.name)).toEqual(['A']);

    useSitingStore.setState({ dragging: 0, form: { ...st.form, k: 9 } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toEqual([]);
    useSitingStore.setState({ dragging: null });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toEqual(['siting']);
    expect((await loadSiting(storage))!.form.k).toBe(9);
    expect((await loadSiting(storage))!.scenarios).toEqual(saved.scenarios);
  });

  it('stops saving once stopped', async () => {
    const storage = memoryStorage();
    startPersistence(storage)();
    useAppStore.setState({ coverage, status: 'ready', data, settings: settings() });
    useSitingStore.setState({ form: { ...useSitingStore.getState().form, k: 4 } });
    await vi.advanceTimersByTimeAsync(1000);
    expect(storage.writes).toEqual([]);
  });
});

describe('the built-in sample in a saved workspace', () => {
  it('is saved without its bytes, and put back from the sample the app carries (a file it does not carry is named)', async () => {
    const storage = memoryStorage();
    stop = startPersistence(storage);
    const sampleInput = { layer: 'roads' as const, name: 'roads.geojson', bytes: new Uint8Array(4_000), options: {}, sample: true };
    setInput(file);
    setInput(sampleInput);
    useAppStore.setState({
      status: 'ready',
      data,
      settings: settings(),
      files: { roads: { name: 'roads.geojson', size: 4000, options: {} } },
    });
    await vi.advanceTimersByTimeAsync(2000);
    const ws = (await loadWorkspace(storage))!;
    expect(ws.inputs.map((i) => [i.name, i.bytes.length, i.builtInSample ?? false])).toEqual([
      ['f.geojson', 3, false],
      ['roads.geojson', 0, true],
    ]);
    const back = withSampleBytes(ws, [{ ...sampleInput, bytes: new Uint8Array([9]) }]);
    expect(back.inputs.map((i) => [i.name, Array.from(i.bytes), i.sample ?? false])).toEqual([
      ['f.geojson', [1, 2, 3], false],
      ['roads.geojson', [9], true],
    ]);
    expect(() => withSampleBytes(ws, [])).toThrow(/roads\.geojson: not a file of the built-in sample/);
  });
});
