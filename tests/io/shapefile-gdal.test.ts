/**
 * Shapefiles written by GDAL's ogr2ogr (gdal-bin, installed on CI), zipped with deflate by Info-ZIP
 * `zip`, read back: the independent writer for the reader. The core tests in shapefile.test.ts do
 * not need GDAL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readZippedShapefile } from '../../src/io/shapefile';
import { mulberry32 } from '../../src/engine/prng';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

type XY = [number, number];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecircle-shp-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const data = NORTH_BAYREUTH;

/** ogr2ogr a GeoJSON file to a zipped Shapefile and return the zip's bytes. */
function toZippedShapefile(name: string, geojsonPath: string, args: string[]): Uint8Array {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', path.join(dir, `${name}.shp`), geojsonPath, ...args], { stdio: 'pipe' });
  const zip = path.join(tmp, `${name}.zip`);
  execFileSync('zip', ['-q', '-j', '-9', zip, ...fs.readdirSync(dir).map((f) => path.join(dir, f))]);
  return new Uint8Array(fs.readFileSync(zip));
}

const maxDiff = (a: number[], b: number[]): number => Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))));

describe('readZippedShapefile on ogr2ogr output', () => {
  it('reads seeded Ningbo facilities written in CGCS2000 GK zone 40 with a CP936 .dbf', async () => {
    const rand = mulberry32(77);
    const names = ['鄞州区社区卫生服务中心', '海曙区老年食堂', '江北区托育园', '北仑区文化家园'];
    const features = Array.from({ length: 50 }, (_, i) => ({
      type: 'Feature',
      properties: { 名称: `${names[i % names.length] as string}${i}`, pop: Math.floor(rand() * 1000) },
      geometry: { type: 'Point', coordinates: [121.2 + rand() * 0.9, 29.6 + rand() * 0.5] },
    }));
    const src = path.join(tmp, 'ningbo.geojson');
    fs.writeFileSync(src, JSON.stringify({ type: 'FeatureCollection', features }));
    const zip = toZippedShapefile('ningbo', src, ['-t_srs', 'EPSG:4528', '-lco', 'ENCODING=CP936']);
    const r = await readZippedShapefile(zip, 'ningbo.zip');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value).toHaveLength(features.length);
    r.value.forEach((f, i) => {
      expect(f.properties).toEqual(features[i]?.properties);
      expect(maxDiff((f.geometry as { coordinates: number[] }).coordinates, features[i]?.geometry.coordinates as number[])).toBeLessThan(
        1e-7,
      );
    });
  });

  it('reads the real north-bayreuth communities written in UTM 32N (a .prj with no EPSG code)', async () => {
    const src = JSON.parse(fs.readFileSync(path.join(data, 'communities.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: XY } }[];
    };
    const zip = toZippedShapefile('communities', path.join(data, 'communities.geojson'), [
      '-t_srs',
      'EPSG:25832',
      '-lco',
      'ENCODING=UTF-8',
    ]);
    const r = await readZippedShapefile(zip, 'communities.zip');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value).toHaveLength(src.features.length);
    r.value.forEach((f, i) => {
      expect(f.properties.name).toBe(src.features[i]?.properties.name);
      expect(f.properties.population).toBe(src.features[i]?.properties.population);
      expect(
        maxDiff((f.geometry as { coordinates: number[] }).coordinates, src.features[i]?.geometry.coordinates as number[]),
      ).toBeLessThan(1e-7);
    });
  });

  it('reads the real north-bayreuth roads (LineStrings, WGS84) unchanged', async () => {
    const src = JSON.parse(fs.readFileSync(path.join(data, 'roads.geojson'), 'utf8')) as {
      features: { properties: Record<string, unknown>; geometry: { coordinates: XY[] } }[];
    };
    const zip = toZippedShapefile('roads', path.join(data, 'roads.geojson'), ['-lco', 'ENCODING=UTF-8']);
    const r = await readZippedShapefile(zip, 'roads.zip');
    expect(r.errors).toEqual([]);
    expect(r.value).toHaveLength(src.features.length);
    r.value.forEach((f, i) => {
      expect(f.geometry.type).toBe('LineString');
      expect((f.geometry as unknown as { coordinates: XY[] }).coordinates).toEqual(src.features[i]?.geometry.coordinates);
      expect(f.properties.highway).toBe(src.features[i]?.properties.highway);
    });
  });
});
