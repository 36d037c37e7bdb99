/**
 * Load reports name the CRS found in a Shapefile's .prj in full, as EPSG names it, e.g.
 * "CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)".
 */
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { crsName, parsePrj } from '../../src/io/crs';
import { readLayerFile } from '../../src/io/read-layer-file';
import { writeShapefile } from './helpers/shapefile-writer';
import { zipStore } from './helpers/zip-store';

const prjGk = (cm: number, falseEasting: number, name: string) =>
  `PROJCS["${name}",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${falseEasting}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
const PRJ_CM120 = prjGk(120, 500000, 'CGCS2000_3_Degree_GK_CM_120E');
const PRJ_ZONE40 = prjGk(120, 40500000, 'CGCS2000_3_Degree_GK_Zone_40');

describe('crsName', () => {
  it('names CGCS2000 Gauss-Kruger zones as EPSG does', () => {
    expect(crsName('EPSG:4549')).toBe('CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)');
    expect(crsName('EPSG:4528')).toBe('CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528)');
    expect(crsName('EPSG:4510')).toBe('CGCS2000 / Gauss-Kruger CM 123E (EPSG:4510)');
    expect(crsName('EPSG:4491')).toBe('CGCS2000 / Gauss-Kruger zone 13 (EPSG:4491)');
    expect(crsName('WGS84')).toBe('WGS 84 (EPSG:4326)');
    expect(crsName('CGCS2000')).toBe('CGCS2000 (EPSG:4490)');
    expect(crsName('PROJ:PROJCS["Xian_1980_3_Degree_GK_CM_120E",GEOGCS[]]')).toBe('Xian 1980 3 Degree GK CM 120E');
  });

  it('names the .prj of a zipped Shapefile in the read result', async () => {
    expect(parsePrj(PRJ_CM120)).toBe('EPSG:4549');
    const lonLat: [number, number][] = [
      [121.5, 29.8],
      [121.6, 29.9],
    ];
    for (const [prj, code, name] of [
      [PRJ_CM120, 'EPSG:4549', 'CGCS2000 / 3-degree Gauss-Kruger CM 120E (EPSG:4549)'],
      [PRJ_ZONE40, 'EPSG:4528', 'CGCS2000 / 3-degree Gauss-Kruger zone 40 (EPSG:4528)'],
    ] as const) {
      const def =
        prj === PRJ_CM120
          ? '+proj=tmerc +lon_0=120 +k=1 +x_0=500000 +ellps=GRS80'
          : '+proj=tmerc +lon_0=120 +k=1 +x_0=40500000 +ellps=GRS80';
      const layer = writeShapefile({
        kind: 'point',
        shapes: lonLat.map((p) => proj4(def).forward(p) as [number, number]),
        fields: [],
        records: [[], []],
        encode: (s: string) => new TextEncoder().encode(s),
      });
      const zip = zipStore([
        { name: 'pts.shp', data: layer.shp },
        { name: 'pts.shx', data: layer.shx },
        { name: 'pts.dbf', data: layer.dbf },
        { name: 'pts.prj', data: new TextEncoder().encode(prj) },
      ]);
      const r = await readLayerFile('pts.zip', zip);
      expect(r.errors).toEqual([]);
      expect(r.prjCrs).toBe(code);
      expect(r.crs).toBe(code);
      expect(crsName(r.prjCrs!)).toBe(name);
      const c = (r.features![0] as { geometry: { coordinates: number[] } }).geometry.coordinates;
      expect(c[0]).toBeCloseTo(121.5, 6);
    }
  });
});
