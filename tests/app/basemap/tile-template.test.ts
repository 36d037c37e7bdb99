/** Custom tile templates: XYZ and WMTS accepted and converted; templates that cannot address tiles refused with the reason. */
import { describe, expect, it } from 'vitest';
import { parseTileTemplate } from '../../../src/app/basemap/tile-template';

describe('parseTileTemplate', () => {
  it('accepts XYZ as it is', () => {
    const r = parseTileTemplate('  http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png ');
    expect(r.problem).toBeNull();
    expect(r.value).toEqual({ tiles: ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png'], scheme: 'xyz', host: '127.0.0.1:8080' });
  });

  it('turns WMTS placeholders into z/x/y', () => {
    const r = parseTileTemplate('https://wmts.example.cn/wmts?LAYER=a&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}');
    expect(r.value?.tiles).toEqual(['https://wmts.example.cn/wmts?LAYER=a&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}']);
    expect(r.value?.host).toBe('wmts.example.cn');
  });

  it('expands {s} to a, b, c and reads {-y} as TMS rows', () => {
    const r = parseTileTemplate('https://{s}.tile.example.org/{z}/{x}/{-y}.png');
    expect(r.value?.tiles).toEqual(['a', 'b', 'c'].map((s) => `https://${s}.tile.example.org/{z}/{x}/{y}.png`));
    expect(r.value?.scheme).toBe('tms');
  });

  it('refuses a template without z, x or y, naming what is missing', () => {
    expect(parseTileTemplate('https://tiles.example.com/{z}/{x}.png').problem).toEqual({
      key: 'templatePlaceholders',
      values: { missing: '{y}' },
    });
    expect(parseTileTemplate('https://tiles.example.com/tile.png').problem).toEqual({
      key: 'templatePlaceholders',
      values: { missing: '{z}, {x}, {y}' },
    });
  });

  it('refuses unknown placeholders, other schemes and empty text', () => {
    expect(parseTileTemplate('https://t.example.com/{z}/{x}/{y}.png?k={key}').problem).toEqual({
      key: 'templateUnknown',
      values: { name: '{key}' },
    });
    expect(parseTileTemplate('ftp://t.example.com/{z}/{x}/{y}.png').problem?.key).toBe('templateScheme');
    expect(parseTileTemplate('javascript:alert(1)//{z}{x}{y}').problem?.key).toBe('templateScheme');
    expect(parseTileTemplate('tiles/{z}/{x}/{y}.png').problem?.key).toBe('templateScheme');
    expect(parseTileTemplate('   ').problem?.key).toBe('templateEmpty');
  });
});
