import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import gcoord from 'gcoord';
import type { Geometry } from 'geojson';
import { gaussKrugerCode, gaussKrugerProj4, gaussKrugerZone } from '../../src/io/crs-id';
import { fromWgs84, isGeographicCrs, parsePrj, reprojectArrays, reprojectGeometry, toWgs84, type CrsId } from '../../src/io/crs';
import { mulberry32 } from '../../src/engine/prng';

const R = 6371008.8;
const haversineMeters = (a: [number, number], b: [number, number]): number => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
};
const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
};
/** Seeded random points over mainland China's east (where GCJ-02 applies). */
const chinaPoints = (seed: number, n: number): [number, number][] => {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, () => [100 + rand() * 25, 20 + rand() * 20]);
};

describe('GCJ-02 and BD-09', () => {
  it('round-trips WGS84 → GCJ-02 → WGS84 within 1e-7° on seeded random points', () => {
    let worst = 0;
    for (const p of chinaPoints(1, 2000)) {
      const g = fromWgs84(p[0], p[1], 'GCJ02');
      const back = toWgs84(g[0], g[1], 'GCJ02');
      worst = Math.max(worst, Math.abs(back[0] - p[0]), Math.abs(back[1] - p[1]));
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it("forward GCJ-02 equals gcoord, and the inverse beats gcoord's own", () => {
    let ours = 0;
    let theirs = 0;
    for (const p of chinaPoints(2, 500)) {
      const g = gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as [number, number];
      expect(fromWgs84(p[0], p[1], 'GCJ02')).toEqual(g);
      const a = toWgs84(g[0], g[1], 'GCJ02');
      const b = gcoord.transform(g, gcoord.GCJ02, gcoord.WGS84) as [number, number];
      ours = Math.max(ours, Math.abs(a[0] - p[0]), Math.abs(a[1] - p[1]));
      theirs = Math.max(theirs, Math.abs(b[0] - p[0]), Math.abs(b[1] - p[1]));
    }
    expect(ours).toBeLessThan(1e-9);
    expect(ours).toBeLessThanOrEqual(theirs);
  });

  it('offsets Ningbo by a few hundred metres (GCJ-02) and about a kilometre more (BD-09)', () => {
    for (const p of [
      [121.55, 29.87],
      [121.62, 29.92],
      [121.4, 29.7],
      [122.1, 29.95],
    ] as [number, number][]) {
      const gcj = fromWgs84(p[0], p[1], 'GCJ02');
      const bd = fromWgs84(p[0], p[1], 'BD09');
      const dGcj = haversineMeters(p, gcj);
      expect(dGcj).toBeGreaterThan(300);
      expect(dGcj).toBeLessThan(700);
      expect(haversineMeters(gcj, bd)).toBeGreaterThan(600);
      expect(haversineMeters(gcj, bd)).toBeLessThan(1300);
    }
  });

  it('round-trips BD-09 within 1e-7° and matches gcoord forward', () => {
    let worst = 0;
    for (const p of chinaPoints(3, 2000)) {
      const b = fromWgs84(p[0], p[1], 'BD09');
      expect(b).toEqual(gcoord.transform(p, gcoord.WGS84, gcoord.BD09));
      const back = toWgs84(b[0], b[1], 'BD09');
      worst = Math.max(worst, Math.abs(back[0] - p[0]), Math.abs(back[1] - p[1]));
    }
    expect(worst).toBeLessThan(1e-7);
  });

  it('leaves points outside China unchanged by GCJ-02 (as the format does)', () => {
    expect(fromWgs84(11.5, 50, 'GCJ02')).toEqual([11.5, 50]);
    expect(toWgs84(11.5, 50, 'GCJ02')).toEqual([11.5, 50]);
  });

  it('treats CGCS2000 and EPSG:4326/4490 as WGS84', () => {
    for (const c of ['CGCS2000', 'WGS84', 'EPSG:4326', 'EPSG:4490'] as CrsId[]) {
      expect(toWgs84(121.5, 29.9, c)).toEqual([121.5, 29.9]);
      expect(isGeographicCrs(c)).toBe(true);
    }
  });
});

describe('CGCS2000 Gauss–Krüger', () => {
  it('defines the 64 EPSG codes 4491–4554 with the right meridians and false eastings', () => {
    const cmOf = (def: string): number => Number(/\+lon_0=(\S+)/.exec(def)?.[1]);
    const x0Of = (def: string): number => Number(/\+x_0=(\S+)/.exec(def)?.[1]);
    // EPSG: 6° zones 13–23 (CM 75…135) with prefix, then by CM; 3° zones 25–45 with prefix, then by CM.
    for (let z = 13; z <= 23; z++) {
      expect(cmOf(gaussKrugerProj4(4491 + z - 13) as string)).toBe(6 * z - 3);
      expect(x0Of(gaussKrugerProj4(4491 + z - 13) as string)).toBe(z * 1e6 + 5e5);
      expect(cmOf(gaussKrugerProj4(4502 + z - 13) as string)).toBe(6 * z - 3);
      expect(x0Of(gaussKrugerProj4(4502 + z - 13) as string)).toBe(5e5);
    }
    for (let z = 25; z <= 45; z++) {
      expect(cmOf(gaussKrugerProj4(4513 + z - 25) as string)).toBe(3 * z);
      expect(x0Of(gaussKrugerProj4(4513 + z - 25) as string)).toBe(z * 1e6 + 5e5);
      expect(cmOf(gaussKrugerProj4(4534 + z - 25) as string)).toBe(3 * z);
      expect(x0Of(gaussKrugerProj4(4534 + z - 25) as string)).toBe(5e5);
    }
    expect(gaussKrugerProj4(4490)).toBeNull();
    expect(gaussKrugerProj4(4555)).toBeNull();
    expect(gaussKrugerCode(3, 120, true)).toBe(4528);
    expect(gaussKrugerCode(3, 120, false)).toBe(4549);
    expect(gaussKrugerCode(6, 123, true)).toBe(4499);
    expect(gaussKrugerCode(6, 120, true)).toBeNull();
  });

  it('puts Ningbo on the border of 3° zones 40 and 41 (121.5°E) and in 6° zone 21', () => {
    expect(gaussKrugerZone(121.55, 3)).toBe(41);
    expect(gaussKrugerZone(121.45, 3)).toBe(40);
    expect(gaussKrugerZone(121.55, 6)).toBe(21);
  });

  it('projects like proj4 with the published definition, and back within 1e-7°', () => {
    const cases: [CrsId, string][] = [
      ['EPSG:4528', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'],
      ['EPSG:4529', '+proj=tmerc +lat_0=0 +lon_0=123 +k=1 +x_0=41500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'],
      ['EPSG:4549', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'],
      ['EPSG:4499', '+proj=tmerc +lat_0=0 +lon_0=123 +k=1 +x_0=21500000 +y_0=0 +ellps=GRS80 +units=m +no_defs'],
    ];
    const rand = mulberry32(9);
    for (const [crs, def] of cases) {
      expect(isGeographicCrs(crs)).toBe(false);
      for (let i = 0; i < 200; i++) {
        const p: [number, number] = [120.8 + rand() * 1.6, 29 + rand() * 1.5];
        const xy = fromWgs84(p[0], p[1], crs);
        const ref = proj4(def).forward(p);
        expect(Math.abs(xy[0] - (ref[0] as number))).toBeLessThan(1e-6);
        expect(Math.abs(xy[1] - (ref[1] as number))).toBeLessThan(1e-6);
        const back = toWgs84(xy[0], xy[1], crs);
        expect(Math.abs(back[0] - p[0])).toBeLessThan(1e-7);
        expect(Math.abs(back[1] - p[1])).toBeLessThan(1e-7);
      }
    }
  });

  it('puts a point on the central meridian at the GRS80 meridian arc length (independent integral)', () => {
    const a = 6378137;
    const f = 1 / 298.257222101;
    const e2 = f * (2 - f);
    const arc = (phiDeg: number): number => {
      // Simpson's rule on dM/dφ = a(1−e²)/(1−e² sin²φ)^1.5
      const n = 2000;
      const phi = (phiDeg * Math.PI) / 180;
      const g = (t: number): number => (a * (1 - e2)) / (1 - e2 * Math.sin(t) ** 2) ** 1.5;
      let s = g(0) + g(phi);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * g((phi * i) / n);
      return (s * phi) / (3 * n);
    };
    for (const lat of [0, 15, 29.87, 45]) {
      const [x, y] = fromWgs84(120, lat, 'EPSG:4528');
      expect(x).toBeCloseTo(40500000, 6);
      expect(Math.abs(y - arc(lat))).toBeLessThan(0.001);
    }
  });
});

describe('reprojectGeometry', () => {
  it('converts every geometry type without touching the input, keeping z', () => {
    const geoms = deepFreeze([
      { type: 'Point', coordinates: [121.5, 29.9, 12] },
      {
        type: 'MultiPoint',
        coordinates: [
          [121.5, 29.9],
          [121.6, 29.8],
        ],
      },
      {
        type: 'LineString',
        coordinates: [
          [121.5, 29.9],
          [121.6, 29.8],
        ],
      },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [121.5, 29.9],
            [121.6, 29.8],
          ],
        ],
      },
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.5, 29.9],
            [121.6, 29.9],
            [121.6, 30],
            [121.5, 29.9],
          ],
        ],
      },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [121.5, 29.9],
              [121.6, 29.9],
              [121.6, 30],
              [121.5, 29.9],
            ],
          ],
        ],
      },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [121.5, 29.9] }] },
    ] as Geometry[]);
    const before = JSON.stringify(geoms);
    for (const g of geoms) {
      const out = reprojectGeometry(g, 'WGS84', 'EPSG:4528');
      expect(out.type).toBe(g.type);
      const flatIn =
        JSON.stringify(g)
          .match(/-?\d+\.?\d*/g)
          ?.map(Number) ?? [];
      const flatOut =
        JSON.stringify(out)
          .match(/-?\d+\.?\d*(e[-+]?\d+)?/g)
          ?.map(Number) ?? [];
      expect(flatOut.length).toBe(flatIn.length);
      const back = reprojectGeometry(out, 'EPSG:4528', 'WGS84');
      const flatBack =
        JSON.stringify(back)
          .match(/-?\d+\.?\d*(e[-+]?\d+)?/g)
          ?.map(Number) ?? [];
      flatBack.forEach((v, i) => expect(Math.abs(v - (flatIn[i] as number))).toBeLessThan(1e-7));
    }
    expect((reprojectGeometry(geoms[0] as Geometry, 'WGS84', 'GCJ02') as { coordinates: number[] }).coordinates[2]).toBe(12);
    expect(JSON.stringify(geoms)).toBe(before);
  });

  it('converts struct-of-arrays coordinates into new arrays', () => {
    const lon = new Float64Array([121.5, 121.6]);
    const lat = new Float64Array([29.9, 29.8]);
    const { xs, ys } = reprojectArrays(lon, lat, 'WGS84', 'GCJ02');
    expect([xs[1], ys[1]]).toEqual(fromWgs84(121.6, 29.8, 'GCJ02'));
    expect(Array.from(lon)).toEqual([121.5, 121.6]);
  });

  it('throws early on unknown systems and non-finite coordinates', () => {
    expect(() => toWgs84(1, 2, 'EPSG:999999')).toThrow(/EPSG:999999/);
    expect(() => toWgs84(NaN, 2, 'GCJ02')).toThrow(/NaN/);
    expect(() => reprojectArrays([1], [], 'WGS84', 'GCJ02')).toThrow(/1 values/);
  });
});

const ESRI_GCS_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const OGC_WGS84 =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';
const ESRI_CGCS2000 =
  'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const ESRI_GK_CM120 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_GK_ZONE40 = ESRI_GK_CM120.replace('CGCS2000_3_Degree_GK_CM_120E', 'CGCS2000_3_Degree_GK_Zone_40').replace(
  '500000.0',
  '40500000.0',
);
const OGC_GK_ZONE40 =
  'PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 40",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",120],PARAMETER["scale_factor",1],PARAMETER["false_easting",40500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","4528"]]';
const ESRI_GK6_ZONE21 =
  'PROJCS["CGCS2000_GK_Zone_21",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",21500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",123.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_GK6_CM123 = ESRI_GK6_ZONE21.replace('CGCS2000_GK_Zone_21', 'CGCS2000_GK_CM_123E').replace('21500000.0', '500000.0');
const NINGBO_LOCAL = ESRI_GK_CM120.replace('CGCS2000_3_Degree_GK_CM_120E', 'Ningbo_Local_CM_121_30E').replace(
  'PARAMETER["Central_Meridian",120.0]',
  'PARAMETER["Central_Meridian",121.5]',
);
const UTM51 =
  'PROJCS["WGS_1984_UTM_Zone_51N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",123.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

describe('parsePrj', () => {
  it('recognises WGS84 and CGCS2000 geographic .prj files', () => {
    expect(parsePrj(ESRI_GCS_WGS84)).toBe('WGS84');
    expect(parsePrj(OGC_WGS84)).toBe('WGS84');
    expect(parsePrj(`\uFEFF${ESRI_CGCS2000}\r\n`)).toBe('CGCS2000');
  });

  it('recognises CGCS2000 Gauss–Krüger zones by name, central meridian and false easting', () => {
    expect(parsePrj(ESRI_GK_CM120)).toBe('EPSG:4549');
    expect(parsePrj(ESRI_GK_ZONE40)).toBe('EPSG:4528');
    expect(parsePrj(OGC_GK_ZONE40)).toBe('EPSG:4528');
    expect(parsePrj(OGC_GK_ZONE40.replace(',AUTHORITY["EPSG","4528"]]', ']'))).toBe('EPSG:4528');
    expect(parsePrj(ESRI_GK6_ZONE21)).toBe('EPSG:4499');
    expect(parsePrj(ESRI_GK6_CM123)).toBe('EPSG:4510');
  });

  it('falls back to the WKT itself for systems proj4 can read, and converts correctly', () => {
    const local = parsePrj(NINGBO_LOCAL);
    expect(local).toBe(`PROJ:${NINGBO_LOCAL}`);
    const ref = proj4('+proj=tmerc +lat_0=0 +lon_0=121.5 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs').forward([121.55, 29.87]);
    const xy = fromWgs84(121.55, 29.87, local as CrsId);
    expect(Math.abs(xy[0] - (ref[0] as number))).toBeLessThan(1e-6);
    const utm = parsePrj(UTM51) as CrsId;
    const utmRef = proj4('+proj=utm +zone=51 +datum=WGS84 +units=m +no_defs').forward([121.55, 29.87]);
    const u = fromWgs84(121.55, 29.87, utm);
    expect(Math.abs(u[0] - (utmRef[0] as number))).toBeLessThan(1e-6);
    expect(Math.abs(u[1] - (utmRef[1] as number))).toBeLessThan(1e-6);
  });

  it('returns null for text that is no coordinate system', () => {
    for (const s of ['', '   ', 'hello', 'GEOGCS["x"]', 'PROJCS["foo",PROJECTION["Nonsense"]]']) expect(parsePrj(s), s).toBeNull();
  });
});
