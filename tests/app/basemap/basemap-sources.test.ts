/** A choice as MapLibre raster sources: the hosts, the credits, the key only in Tianditu's URLs, nothing for None. */
import { describe, expect, it } from 'vitest';
import { basemapSpec, CREDITS } from '../../../src/app/basemap/basemap-sources';
import { DEFAULT_BASEMAP, isGcj02Basemap, type BasemapChoice } from '../../../src/app/basemap/basemap-choice';

const choice = (c: Partial<BasemapChoice>): BasemapChoice => ({
  ...DEFAULT_BASEMAP,
  ...c,
  custom: { ...DEFAULT_BASEMAP.custom, ...c.custom },
});
const ctx = { tiandituKey: '', language: 'zh' as const };

describe('basemapSpec', () => {
  it('adds nothing for None', () => {
    expect(basemapSpec(choice({ kind: 'none' }), ctx)).toEqual({ spec: null, problem: null });
  });

  it('OpenStreetMap: one source, its host and credit', () => {
    const { spec } = basemapSpec(choice({ kind: 'osm', opacity: 0.5, greyscale: true }), ctx);
    expect(spec?.hosts).toEqual(['tile.openstreetmap.org']);
    expect(spec?.attribution).toBe(CREDITS.osm);
    expect(spec?.layers[0]?.paint).toMatchObject({ 'raster-opacity': 0.5, 'raster-saturation': -1 });
  });

  it('Tianditu needs a key; with it, the base and annotation layers in the Web-Mercator matrix', () => {
    expect(basemapSpec(choice({ kind: 'tianditu-img' }), ctx)).toEqual({ spec: null, problem: { key: 'needKey' } });
    const { spec } = basemapSpec(choice({ kind: 'tianditu-img' }), { ...ctx, tiandituKey: 'abc123' });
    const urls = Object.values(spec!.sources).map((s) => s.tiles![0]!);
    expect(urls[0]).toMatch(
      /^https:\/\/t0\.tianditu\.gov\.cn\/img_w\/wmts\?.*LAYER=img.*TILEMATRIXSET=w.*TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}&tk=abc123$/,
    );
    expect(urls[1]).toMatch(/\/cva_w\/wmts\?.*LAYER=cva.*tk=abc123$/);
    expect(spec!.layers.map((l) => l.id)).toEqual(['basemap-img', 'basemap-cva']);
    expect(spec!.attribution).toBe(CREDITS.tianditu);
  });

  it('Amap is GCJ-02 and its vector labels follow the language', () => {
    expect(isGcj02Basemap(choice({ kind: 'amap-vec' }))).toBe(true);
    expect(isGcj02Basemap(choice({ kind: 'osm' }))).toBe(false);
    expect(basemapSpec(choice({ kind: 'amap-vec' }), { ...ctx, language: 'en' }).spec!.sources['basemap-amap']!.tiles![0]).toContain(
      'lang=en',
    );
    expect(basemapSpec(choice({ kind: 'amap-sat' }), ctx).spec!.hosts[0]).toBe('webst01.is.autonavi.com');
  });

  it('custom: the template host, the typed credit (else the host), refused templates give the reason', () => {
    const ok = basemapSpec(
      choice({ kind: 'custom', custom: { url: 'http://127.0.0.1:9/t/{z}/{x}/{y}.png', attribution: '', gcj02: true } }),
      ctx,
    );
    expect(ok.spec?.hosts).toEqual(['127.0.0.1:9']);
    expect(ok.spec?.attribution).toBe('127.0.0.1:9');
    expect(isGcj02Basemap(choice({ kind: 'custom', custom: { url: '', attribution: '', gcj02: true } }))).toBe(true);
    const bad = basemapSpec(choice({ kind: 'custom', custom: { url: 'http://x/{z}.png', attribution: 'X', gcj02: false } }), ctx);
    expect(bad).toEqual({ spec: null, problem: { key: 'templatePlaceholders', values: { missing: '{x}, {y}' } } });
  });
});
