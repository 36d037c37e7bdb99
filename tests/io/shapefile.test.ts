import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { cpgToEncoding, readZippedShapefile } from '../../src/io/shapefile';
import { writeShapefile, type DbfField } from './helpers/shapefile-writer';
import { zipStore } from './helpers/zip-store';
import { mulberry32 } from '../../src/engine/prng';

type XY = [number, number];
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const GK40 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const PRJ_GK40 =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_40",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",40500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const PRJ_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const FIELDS: DbfField[] = [
  { name: '名称', type: 'C', length: 40 },
  { name: 'POP', type: 'N', length: 10, decimals: 0 },
];
const NAMES = ['鄞州区社区卫生服务中心', '海曙区老年食堂', '江北区托育园', 'Plain name', '镇海区文化家园'];

/** Seeded Ningbo facilities in WGS84 with Chinese names. */
function facilities(seed: number, n: number): { lonLat: XY; name: string; pop: number | null }[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    lonLat: [121.2 + rand() * 0.9, 29.6 + rand() * 0.5] as XY,
    name: `${NAMES[Math.floor(rand() * NAMES.length)] as string}${i}`,
    pop: rand() < 0.2 ? null : Math.floor(rand() * 5000),
  }));
}

function zipLayer(
  name: string,
  parts: { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array },
  extra: Record<string, string> = {},
): { name: string; data: Uint8Array }[] {
  return [
    { name: `${name}.shp`, data: parts.shp },
    { name: `${name}.shx`, data: parts.shx },
    { name: `${name}.dbf`, data: parts.dbf },
    ...Object.entries(extra).map(([ext, text]) => ({ name: `${name}.${ext}`, data: utf8(text) })),
  ];
}

describe('readZippedShapefile', () => {
  const pts = Object.freeze(facilities(3, 60));
  const gkShapes = pts.map((p) => proj4(GK40).forward(p.lonLat) as XY);
  const gbkLayer = writeShapefile({
    kind: 'point',
    shapes: gkShapes,
    fields: FIELDS,
    records: pts.map((p) => [p.name, p.pop]),
    encode: gbk,
  });

  const expectFacilities = (features: { properties: Record<string, unknown>; geometry: unknown }[]): void => {
    expect(features).toHaveLength(pts.length);
    features.forEach((f, i) => {
      const p = pts[i] as (typeof pts)[number];
      expect(f.properties).toEqual({ 名称: p.name, POP: p.pop });
      const c = (f.geometry as { type: string; coordinates: XY }).coordinates;
      expect((f.geometry as { type: string }).type).toBe('Point');
      expect(Math.abs(c[0] - p.lonLat[0])).toBeLessThan(1e-7);
      expect(Math.abs(c[1] - p.lonLat[1])).toBeLessThan(1e-7);
    });
  };

  it('reads a GBK .dbf with a GBK .cpg and a CGCS2000 GK zone 40 .prj into WGS84', async () => {
    const zip = zipStore(zipLayer('设施', gbkLayer, { prj: PRJ_GK40, cpg: 'GBK' }));
    const copy = zip.slice();
    const r = await readZippedShapefile(zip, 'facilities.zip');
    expect(zip).toEqual(copy);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expectFacilities(r.value);
  });

  it('recognises GBK without a .cpg, from the language-driver byte or from the bytes', async () => {
    const ldid = writeShapefile({
      kind: 'point',
      shapes: gkShapes,
      fields: FIELDS,
      records: pts.map((p) => [p.name, p.pop]),
      encode: gbk,
      languageDriver: 0x4d,
    });
    const a = await readZippedShapefile(zipStore(zipLayer('a', ldid, { prj: PRJ_GK40 })).buffer as ArrayBuffer, 'a.zip');
    expect(a.warnings).toEqual([]);
    expectFacilities(a.value);
    const b = await readZippedShapefile(zipStore(zipLayer('b', gbkLayer, { prj: PRJ_GK40 })), 'b.zip');
    expect(b.warnings.map((w) => w.reason)).toEqual(['b: no .cpg and the attribute text is not UTF-8; read it as GBK (code page 936)']);
    expectFacilities(b.value);
    const c = await readZippedShapefile(zipStore(zipLayer('c', gbkLayer, { prj: PRJ_GK40, cpg: 'UTF-8' })), 'c.zip');
    expect(c.warnings[0]?.reason).toMatch(/\.cpg says UTF-8 but the attribute text is not valid UTF-8/);
    expectFacilities(c.value);
  });

  it('reads a UTF-8 .dbf', async () => {
    const layer = writeShapefile({
      kind: 'point',
      shapes: gkShapes,
      fields: FIELDS,
      records: pts.map((p) => [p.name, p.pop]),
      encode: utf8,
    });
    for (const cpg of [{ cpg: 'UTF-8' }, {}] as Record<string, string>[]) {
      const r = await readZippedShapefile(zipStore(zipLayer('u', layer, { prj: PRJ_GK40, ...cpg })), 'u.zip');
      expect(r.warnings).toEqual([]);
      expectFacilities(r.value);
    }
  });

  it('maps .cpg code pages to decoders', () => {
    for (const s of ['GBK', '936', 'ANSI 936', 'CP936', 'windows-936', 'gb2312', 'GB18030 ']) expect(cpgToEncoding(s), s).toBe('gb18030');
    for (const s of ['UTF-8', 'utf8', '65001']) expect(cpgToEncoding(s), s).toBe('utf-8');
    expect(cpgToEncoding('1252')).toBe('windows-1252');
    expect(cpgToEncoding('ISO-8859-1')).toBe('windows-1252'); // the WHATWG name for latin1
    expect(cpgToEncoding('12345')).toBeNull();
    expect(cpgToEncoding('klingon')).toBeNull();
  });

  it('reads polygons with holes, names null shapes, honours a CGCS2000 geographic .prj', async () => {
    const outer: XY[] = [
      [121.5, 29.8],
      [121.6, 29.8],
      [121.6, 29.9],
      [121.5, 29.9],
      [121.5, 29.8],
    ];
    const hole: XY[] = [
      [121.52, 29.82],
      [121.52, 29.85],
      [121.55, 29.85],
      [121.55, 29.82],
      [121.52, 29.82],
    ];
    const layer = writeShapefile({
      kind: 'polygon',
      shapes: [[outer, hole], null, [outer]],
      fields: [{ name: 'id', type: 'C', length: 10 }],
      records: [['P1'], ['P2'], ['P3']],
      encode: utf8,
    });
    const r = await readZippedShapefile(zipStore(zipLayer('areas', layer, { prj: PRJ_CGCS2000 })), 'areas.zip');
    expect(r.value.map((f) => f.properties.id)).toEqual(['P1', 'P3']);
    expect(r.errors).toEqual([{ file: 'areas.zip', index: 1, id: 'P2', reason: 'areas.zip: areas shape 1: null shape (no geometry)' }]);
    const g = r.value[0]?.geometry as { type: string; coordinates: XY[][] };
    expect(g.type).toBe('Polygon');
    expect(g.coordinates).toHaveLength(2);
    const sameRing = (a: XY[], b: XY[]): boolean =>
      JSON.stringify(a) === JSON.stringify(b) || JSON.stringify([...a].reverse()) === JSON.stringify(b);
    expect(sameRing(g.coordinates[0] as XY[], outer)).toBe(true);
    expect(sameRing(g.coordinates[1] as XY[], hole)).toBe(true);
  });

  it('without a .prj: takes WGS84 (or options.crs) with a warning, and flags metres', async () => {
    const noPrj = zipStore(zipLayer('n', gbkLayer, { cpg: '936' }));
    const r = await readZippedShapefile(noPrj, 'n.zip');
    expect(r.warnings[0]?.reason).toBe('n has no .prj; its coordinates were taken as WGS84');
    expect(r.warnings[1]).toMatchObject({ kind: 'projected', suggestedCrs: 'EPSG:4528' });
    expect(r.value).toHaveLength(0);
    expect(r.errors).toHaveLength(pts.length);
    const ok = await readZippedShapefile(noPrj, 'n.zip', { crs: 'EPSG:4528' });
    expect(ok.errors).toEqual([]);
    expectFacilities(ok.value);
  });

  it('names unreadable inputs instead of throwing', async () => {
    const bad = await readZippedShapefile(utf8('not a zip at all'), 'x.zip');
    expect(bad.errors[0]).toMatchObject({ file: 'x.zip', index: -1 });
    expect(bad.errors[0]?.reason).toMatch(/not a readable zip/);
    const noShp = await readZippedShapefile(zipStore([{ name: 'readme.txt', data: utf8('hi') }]), 'y.zip');
    expect(noShp.errors[0]?.reason).toBe('the zip holds no .shp file (files: readme.txt)');
    const badPrj = await readZippedShapefile(zipStore(zipLayer('z', gbkLayer, { prj: 'LOCAL_CS["nonsense"]' })), 'z.zip');
    expect(badPrj.value).toEqual([]);
    expect(badPrj.errors[0]?.reason).toMatch(/^z\.prj: unknown coordinate system, layer skipped/);
  });

  it('reads every layer of a zip with several, with a warning, in name order', async () => {
    const wgs = writeShapefile({
      kind: 'point',
      shapes: [[121.5, 29.9]],
      fields: [{ name: 'id', type: 'C', length: 4 }],
      records: [['W1']],
      encode: utf8,
    });
    const zip = zipStore([
      ...zipLayer('b_gk', gbkLayer, { prj: PRJ_GK40, cpg: 'GBK' }),
      ...zipLayer('a_wgs', wgs, { prj: PRJ_CGCS2000 }),
      { name: '__MACOSX/._a_wgs.shp', data: utf8('junk') },
    ]);
    const r = await readZippedShapefile(zip, 'two.zip');
    expect(r.warnings.map((w) => w.reason)).toEqual(['the zip holds 2 layers (a_wgs, b_gk); the features of all of them were read']);
    expect(r.value).toHaveLength(1 + pts.length);
    expect(r.value[0]?.properties).toEqual({ id: 'W1' });
    expectFacilities(r.value.slice(1));
  });
});
