/**
 * The Shapefile writer read back by the app's own Shapefile reader: points and polygons (a hole
 * kept) in a CGCS2000 Gauss–Krüger zone come back in WGS84 where they were, Chinese text intact and
 * a too-long value cut between characters; GCJ-02 gets no .prj, Gauss–Krüger its ESRI name.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromWgs84 } from '../../src/io/crs';
import { readZippedShapefile } from '../../src/io/shapefile';
import { layerShapefile, prjWkt, shapefileZip } from '../../src/io/shapefile-write';

const CRS = 'EPSG:4529' as const;
const gk = (lon: number, lat: number) => fromWgs84(lon, lat, CRS);
// a square around Ningbo (anticlockwise, RFC 7946) with a square hole (clockwise)
const outer = [
  [121.5, 29.8],
  [121.52, 29.8],
  [121.52, 29.82],
  [121.5, 29.82],
  [121.5, 29.8],
];
const hole = [
  [121.505, 29.805],
  [121.505, 29.81],
  [121.51, 29.81],
  [121.51, 29.805],
  [121.505, 29.805],
];
const longName = '宁波'.repeat(100); // 600 UTF-8 bytes

const layers = {
  'gap-zones.geojson': JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { category: 'clinic', area_m2: 1234.5, name: '缺口区域' },
        geometry: { type: 'Polygon', coordinates: [outer.map(([x, y]) => gk(x!, y!)), hole.map(([x, y]) => gk(x!, y!))] },
      },
    ],
  }),
  'sites.geojson': JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { rank: 1, name: '新建卫生服务站', covered_ids: ['A', 'B'] },
        geometry: { type: 'Point', coordinates: gk(121.51, 29.81) },
      },
    ],
  }),
};

describe('shapefileZip', () => {
  it('reads back in WGS84 with the hole, Chinese names and a cut long value', async () => {
    const zip = shapefileZip(layers, CRS);
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      ['gap-zones', 'sites'].flatMap((b) => ['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `${b}.${e}`)),
    );
    const res = await readZippedShapefile(zip, 'shapefiles.zip');
    expect(res.errors).toEqual([]);
    const features = res.value!;
    const zone = features.find((f) => f.geometry.type === 'Polygon')!;
    const rings = (zone.geometry as { coordinates: number[][][] }).coordinates;
    expect(rings).toHaveLength(2);
    const near = (ring: number[][], want: number[][]) =>
      want.every((w) => ring.some((p) => Math.abs(p[0]! - w[0]!) < 1e-7 && Math.abs(p[1]! - w[1]!) < 1e-7));
    expect(near(rings[0]!, outer)).toBe(true);
    expect(near(rings[1]!, hole)).toBe(true);
    expect(zone.properties.category).toBe('clinic');
    expect(zone.properties.area_m2).toBeCloseTo(1234.5, 3);
    expect(zone.properties.name).toBe('缺口区域');
    const site = features.find((f) => f.geometry.type === 'Point')!;
    expect(site.properties.name).toBe('新建卫生服务站');
    expect(site.properties.covered_id).toBe('["A","B"]'); // field names cut to dBase's 10 characters
    const [lon, lat] = (site.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(121.51, 7);
    expect(lat).toBeCloseTo(29.81, 7);
  });

  it('cuts a value longer than 254 bytes between characters', () => {
    const files = layerShapefile(
      'x',
      { features: [{ properties: { name: longName }, geometry: { type: 'Point', coordinates: [1, 2] } }] },
      'WGS84',
    )!;
    const dbf = files['x.dbf']!;
    // one field: 32-byte header, one 32-byte field descriptor, terminator, then the record (deleted flag + 254 bytes)
    const dv = new DataView(dbf.buffer, dbf.byteOffset);
    expect(dv.getUint16(8, true)).toBe(65);
    expect(dv.getUint16(10, true)).toBe(255);
    const field = dbf.subarray(66, 66 + 254);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(field);
    expect(text.trimEnd()).toBe(longName.slice(0, 84)); // 84 characters of 3 bytes = 252 bytes
  });

  it('.prj: ESRI names for Gauss–Krüger zones and CGCS2000; none for GCJ-02 and BD-09; one geometry type per file', () => {
    expect(prjWkt('EPSG:4529')).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_Zone_41".*"False_Easting",41500000\.0.*"Central_Meridian",123\.0/);
    expect(prjWkt('EPSG:4549')).toMatch(/^PROJCS\["CGCS2000_3_Degree_GK_CM_120E".*"False_Easting",500000\.0/);
    expect(prjWkt('EPSG:4510')).toMatch(/^PROJCS\["CGCS2000_GK_CM_123E"/);
    expect(prjWkt('CGCS2000')).toMatch(/^GEOGCS\["GCS_China_Geodetic_Coordinate_System_2000"/);
    expect(prjWkt('GCJ02')).toBeNull();
    expect(prjWkt('BD09')).toBeNull();
    const files = layerShapefile('sites', JSON.parse(layers['sites.geojson']) as never, 'GCJ02')!;
    expect(Object.keys(files).sort()).toEqual(['sites.cpg', 'sites.dbf', 'sites.shp', 'sites.shx']);
    const mixed = {
      features: [
        { properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } },
        { properties: {}, geometry: { type: 'Polygon', coordinates: [outer] } },
      ],
    };
    expect(() => layerShapefile('mixed', mixed, 'WGS84')).toThrow(/one geometry type; got Polygon after Point/);
  });
});
