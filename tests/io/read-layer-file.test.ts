import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectFormat, readLayerFile } from '../../src/io/read-layer-file';
import { fromWgs84 } from '../../src/io/crs';

const enc = (s: string) => new TextEncoder().encode(s);

describe('readLayerFile', () => {
  it('detects the format by name, then by content', () => {
    expect(detectFormat('a.geojson', enc('{}'))).toBe('geojson');
    expect(detectFormat('a.csv', enc('x,y'))).toBe('csv');
    expect(detectFormat('a.zip', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('shapefile');
    expect(detectFormat('upload', enc('\uFEFF  {"type":"FeatureCollection"}'))).toBe('geojson');
    expect(detectFormat('upload', enc('name,lon,lat'))).toBe('csv');
  });

  it('converts a GeoJSON file from GCJ-02 to WGS84 without touching the input', async () => {
    const wgs: [number, number] = [121.55, 29.87];
    const gcj = fromWgs84(wgs[0], wgs[1], 'GCJ02');
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '诊所' }, geometry: { type: 'Point', coordinates: gcj } }],
    });
    const res = await readLayerFile('amap.geojson', enc(text), { crs: 'GCJ02' });
    const p = (res.features![0] as { geometry: { coordinates: number[] } }).geometry.coordinates;
    expect(Math.abs(p[0]! - wgs[0])).toBeLessThan(1e-6);
    expect(Math.abs(p[1]! - wgs[1])).toBeLessThan(1e-6);
    expect(res.fields).toEqual(['name']);
  });

  it('reads a GBK CSV with 经度/纬度 columns', async () => {
    const csv = iconv.encode('名称,类型,经度,纬度\r\n社区卫生服务站,clinic,121.55,29.87\r\n', 'gbk');
    const res = await readLayerFile('设施.csv', new Uint8Array(csv));
    expect(res.format).toBe('csv');
    expect(res.encoding).toBe('gb18030');
    expect((res.features![0] as { properties: Record<string, string> }).properties['名称']).toBe('社区卫生服务站');
  });

  it('warns when projected metres are read as degrees, and fails cleanly on broken JSON', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [41500000, 3300000] } }],
    });
    const res = await readLayerFile('gk.geojson', enc(text));
    expect(res.warnings.map((w) => w.reason).join(' ')).toMatch(/projected/i);
    const bad = await readLayerFile('bad.geojson', enc('{"type":'));
    expect(bad.features).toBeNull();
    expect(bad.errors[0]!.file).toBe('bad.geojson');
  });
});
