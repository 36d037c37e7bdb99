/**
 * A picked PMTiles file survives a reload: it is kept in the browser's storage (an in-memory map
 * stands in for IndexedDB) with its name and bytes, and on start a remembered `pmtiles` choice opens
 * it again; when the kept file is gone or no longer opens, the base map falls back to None with a
 * notice. Projects keep the choice only (see persistence.test.ts beside this file).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePmtilesFixture } from '../../../scripts/make-pmtiles-fixture';

vi.mock('../../../src/app/engine-client', () => ({
  engine: () => ({}),
  callback: <T>(f: T) => f,
  terminateEngine: () => {},
  onEngineFailure: () => {},
}));
// MapLibre's protocol registry needs a browser; the archive's key is what the style reads
vi.mock('../../../src/app/basemap/pmtiles-protocol', () => ({
  servePmtiles: (archive: { source: { getKey(): string } }) => `pmtiles://${archive.source.getKey()}`,
}));

const { openPmtilesBasemap, restorePmtilesBasemap } = await import('../../../src/app/basemap/pmtiles-actions');
const { usePmtilesStore } = await import('../../../src/app/basemap/pmtiles-store');
const { useBasemapStore, setBasemap } = await import('../../../src/app/basemap/basemap-store');

const protomaps = makePmtilesFixture('protomaps');
const bytes = (b: Uint8Array) => b as Uint8Array<ArrayBuffer>;

/** A key-value map in place of IndexedDB; values are structured-cloned as IndexedDB does. */
function memoryStorage() {
  const map = new Map<string, unknown>();
  return { map, get: async (k: string) => map.get(k), set: async (k: string, v: unknown) => void map.set(k, structuredClone(v)) };
}

/** A reload: the stores as a fresh page has them, with the choice remembered. */
function reload(kind: 'pmtiles' | 'osm') {
  usePmtilesStore.setState({ basemap: null, status: { kind: 'idle' }, lost: null });
  setBasemap({ kind });
}

describe('PMTiles file across reloads', () => {
  beforeEach(() => reload('osm'));

  it('keeps the opened file and opens it again on start', async () => {
    const storage = memoryStorage();
    expect(await openPmtilesBasemap(new File([bytes(protomaps)], 'bayreuth.pmtiles'), storage)).toBe(true);
    expect(usePmtilesStore.getState().basemap?.kept).toBe(true);
    const record = storage.map.get('pmtiles') as { name: string; bytes: Blob };
    expect(record.name).toBe('bayreuth.pmtiles');
    expect(new Uint8Array(await record.bytes.arrayBuffer())).toEqual(protomaps);

    reload('pmtiles');
    await restorePmtilesBasemap(storage);
    const { basemap, lost } = usePmtilesStore.getState();
    expect(basemap?.fileName).toBe('bayreuth.pmtiles');
    expect(basemap?.info.layers).toEqual(['earth', 'roads', 'places']);
    expect(basemap?.kept).toBe(true);
    expect(lost).toBeNull();
    expect(useBasemapStore.getState().choice.kind).toBe('pmtiles');
  });

  it('falls back to None with a notice when the kept file is gone', async () => {
    reload('pmtiles');
    await restorePmtilesBasemap(memoryStorage());
    expect(useBasemapStore.getState().choice.kind).toBe('none');
    expect(usePmtilesStore.getState().lost).toEqual({ file: null });
    expect(usePmtilesStore.getState().basemap).toBeNull();
  });

  it('falls back to None naming the file when the kept bytes no longer open', async () => {
    const storage = memoryStorage();
    await storage.set('pmtiles', { version: 1, name: 'bayreuth.pmtiles', bytes: new Blob([bytes(protomaps.slice(0, 100))]) });
    reload('pmtiles');
    await restorePmtilesBasemap(storage);
    expect(useBasemapStore.getState().choice.kind).toBe('none');
    expect(usePmtilesStore.getState().lost).toEqual({ file: 'bayreuth.pmtiles' });
  });

  it('a refused file is not kept, and a remembered other choice does not read the storage', async () => {
    const storage = memoryStorage();
    expect(await openPmtilesBasemap(new File(['{"type":"FeatureCollection"}'], 'x.pmtiles'), storage)).toBe(false);
    expect(storage.map.has('pmtiles')).toBe(false);
    const reads = vi.spyOn(storage, 'get');
    reload('osm');
    await restorePmtilesBasemap(storage);
    expect(reads).not.toHaveBeenCalled();
    expect(useBasemapStore.getState().choice.kind).toBe('osm');
    expect(usePmtilesStore.getState().lost).toBeNull();
  });
});

describe('PMTiles theme across reloads', () => {
  it('remembers the chosen theme in this browser; anything else stored reads as light', async () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
    });
    try {
      const { setPmtilesTheme } = await import('../../../src/app/basemap/pmtiles-actions');
      const { storedPmtilesTheme, PMTILES_THEME_STORAGE_KEY } = await import('../../../src/app/basemap/pmtiles-store');
      expect(storedPmtilesTheme()).toBe('light');
      setPmtilesTheme('dark');
      expect(usePmtilesStore.getState().theme).toBe('dark');
      expect(storedPmtilesTheme()).toBe('dark'); // what a fresh page's store starts from
      stored.set(PMTILES_THEME_STORAGE_KEY, '<b>neon</b>');
      expect(storedPmtilesTheme()).toBe('light');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
