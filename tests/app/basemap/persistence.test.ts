/**
 * The base map is remembered across reloads (localStorage) and saved in project files, and the
 * Tianditu key is never in a project file: it stays in this browser's storage under its own entry.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const stored = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, String(v)),
  removeItem: (k: string) => void stored.delete(k),
});
const saved: string[] = [];
vi.mock('../../../src/app/download', () => ({
  downloadText: (_name: string, text: string) => void saved.push(text),
  downloadBlob: () => undefined,
}));

const KEY = 'SECRET-tk-5f3a9c';

describe('base-map persistence', () => {
  beforeEach(() => {
    stored.clear();
    saved.length = 0;
    vi.resetModules();
  });

  it('remembers the choice across a reload; the key under its own entry', async () => {
    const store = await import('../../../src/app/basemap/basemap-store');
    expect(store.useBasemapStore.getState().choice.kind).toBe('none'); // the default
    store.setBasemap({ kind: 'tianditu-vec', opacity: 0.6, greyscale: true });
    store.setTiandituKey(KEY);
    expect(stored.get(store.CHOICE_STORAGE_KEY)).not.toContain(KEY);
    expect(stored.get(store.TIANDITU_KEY_STORAGE_KEY)).toBe(KEY);
    vi.resetModules(); // a reload
    const again = await import('../../../src/app/basemap/basemap-store');
    expect(again.useBasemapStore.getState().choice).toMatchObject({ kind: 'tianditu-vec', opacity: 0.6, greyscale: true });
    expect(again.useBasemapStore.getState().tiandituKey).toBe(KEY);
  });

  it('saves the choice in the project file, never the key', async () => {
    const store = await import('../../../src/app/basemap/basemap-store');
    const { saveProject } = await import('../../../src/app/export-actions');
    store.setTiandituKey(KEY);
    store.setBasemap({ kind: 'tianditu-img', opacity: 0.8 });
    saveProject('p');
    expect(saved).toHaveLength(1);
    const text = saved[0]!;
    expect(text).not.toContain(KEY);
    const project = JSON.parse(text) as { view: { basemap: unknown } };
    expect(project.view.basemap).toEqual({
      kind: 'tianditu-img',
      opacity: 0.8,
      greyscale: false,
      custom: { url: '', attribution: '', gcj02: false },
    });
  });

  it('reads only the known fields of a stored or opened choice (a key smuggled in is dropped)', async () => {
    const { parseBasemapChoice } = await import('../../../src/app/basemap/basemap-choice');
    const c = parseBasemapChoice({ kind: 'amap-vec', opacity: 7, tiandituKey: KEY, custom: { url: 1, gcj02: 'yes' } });
    expect(JSON.stringify(c)).not.toContain(KEY);
    expect(c).toEqual({ kind: 'amap-vec', opacity: 1, greyscale: false, custom: { url: '', attribution: '', gcj02: false } });
    expect(parseBasemapChoice({ kind: 'mapbox' }).kind).toBe('none');
    stored.set('lifecircle.basemap', '{not json');
    const store = await import('../../../src/app/basemap/basemap-store');
    expect(store.useBasemapStore.getState().choice.kind).toBe('none');
  });
});
