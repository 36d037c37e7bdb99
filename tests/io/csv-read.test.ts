import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import gcoord from 'gcoord';
import proj4 from 'proj4';
import { parseCoordinate, readCsvPoints } from '../../src/io/csv-read';
import { writeCsv } from '../../src/io/csv-write';
import { mulberry32 } from '../../src/engine/prng';
import { northBayreuth } from '../helpers/fixtures';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const gbk = (s: string): Uint8Array => new Uint8Array(iconv.encode(s, 'gbk'));

describe('readCsvPoints: encodings', () => {
  it('reads a GBK CSV with 经度/纬度 columns and Chinese names', () => {
    const text =
      '名称,经度,纬度,类别\r\n鄞州区钟公庙街道社区卫生服务中心,121.5503,29.8174,卫生服务\r\n海曙区老年食堂,121.54,29.87,助餐\r\n';
    const bytes = gbk(text);
    const copy = bytes.slice();
    const r = readCsvPoints(bytes, '设施.csv');
    expect(bytes).toEqual(copy);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value.encoding).toBe('gb18030');
    expect(r.value.lonField).toBe('经度');
    expect(r.value.latField).toBe('纬度');
    expect(r.value.fields).toEqual(['名称', '经度', '纬度', '类别']);
    expect(r.value.features).toEqual([
      {
        type: 'Feature',
        properties: { 名称: '鄞州区钟公庙街道社区卫生服务中心', 类别: '卫生服务' },
        geometry: { type: 'Point', coordinates: [121.5503, 29.8174] },
      },
      { type: 'Feature', properties: { 名称: '海曙区老年食堂', 类别: '助餐' }, geometry: { type: 'Point', coordinates: [121.54, 29.87] } },
    ]);
  });

  it('reads UTF-8 with a BOM: the first header is "lon", not "\\uFEFFlon"', () => {
    const r = readCsvPoints(utf8('\uFEFFlon,lat,名称\n121.5,29.9,社区\n'), 'a.csv');
    expect(r.value.encoding).toBe('utf-8');
    expect(r.value.fields[0]).toBe('lon');
    expect(r.value.features[0]?.geometry.coordinates).toEqual([121.5, 29.9]);
    expect(r.value.features[0]?.properties).toEqual({ 名称: '社区' });
  });

  it('reads tab- and semicolon-separated files', () => {
    expect(readCsvPoints(utf8('name\tlng\tlat\nA\t121.5\t29.9\n'), 't.tsv').value.features[0]?.geometry.coordinates).toEqual([121.5, 29.9]);
    expect(readCsvPoints(utf8('name;lng;lat\nA;121.5;29.9\n'), 's.csv').value.features[0]?.geometry.coordinates).toEqual([121.5, 29.9]);
  });
});

describe('readCsvPoints: coordinate columns', () => {
  // Written from the brief, not from the implementation's list.
  const pairs: [string, string][] = [
    ['lon', 'lat'],
    ['lng', 'lat'],
    ['long', 'lat'],
    ['longitude', 'latitude'],
    ['x', 'y'],
    ['经度', '纬度'],
    ['东经', '北纬'],
    ['point_x', 'point_y'],
    ['wgs84_lng', 'wgs84_lat'],
  ];
  for (const [x, y] of pairs) {
    it(`detects ${x}/${y} in any case, with spaces around`, () => {
      const X = ` ${x.toUpperCase()} `;
      const Y = y.charAt(0).toUpperCase() + y.slice(1);
      const r = readCsvPoints(utf8(`name,${Y},${X}\nA,29.9,121.5\n`), 'c.csv');
      expect(r.errors).toEqual([]);
      expect(r.value.lonField).toBe(X);
      expect(r.value.latField).toBe(Y);
      expect(r.value.features[0]?.geometry.coordinates).toEqual([121.5, 29.9]);
    });
  }

  it('prefers lon/lat over x/y and honours explicit columns', () => {
    const bytes = utf8('x,y,lon,lat,e,n\n1,2,121.5,29.9,121.6,29.8\n');
    expect(readCsvPoints(bytes, 'p.csv').value.lonField).toBe('lon');
    const r = readCsvPoints(bytes, 'p.csv', { lonField: 'e', latField: 'N' });
    expect([r.value.lonField, r.value.latField]).toEqual(['e', 'n']);
    expect(r.value.features[0]?.geometry.coordinates).toEqual([121.6, 29.8]);
  });

  it('names the file and the columns when no coordinate columns are found', () => {
    const r = readCsvPoints(utf8('名称,地址\nA,宁波\n'), 'no-coords.csv');
    expect(r.value.features).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: 'no-coords.csv', index: -1 });
    expect(r.errors[0]?.reason).toContain('名称, 地址');
    expect(readCsvPoints(utf8('lon,lat\n1,2\n'), 'f.csv', { lonField: 'east', latField: 'lat' }).errors[0]?.reason).toContain(
      '"east" is not in the header',
    );
  });

  it('reads columns named as GCJ-02 as GCJ-02, with a warning', () => {
    const wgs: [number, number] = [121.55, 29.87];
    const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number];
    const r = readCsvPoints(utf8(`name,gcj02_lng,gcj02_lat\nA,${gcj[0]},${gcj[1]}\n`), 'amap.csv');
    expect(r.value.crs).toBe('GCJ02');
    expect(r.warnings.map((w) => w.reason).join()).toContain('GCJ02');
    const got = r.value.features[0]?.geometry.coordinates as [number, number];
    expect(Math.abs(got[0] - wgs[0])).toBeLessThan(1e-7);
    expect(Math.abs(got[1] - wgs[1])).toBeLessThan(1e-7);
  });
});

describe('readCsvPoints: bad rows', () => {
  it('skips and names every bad row with its 1-based row and line', () => {
    const text = [
      'id,name,lon,lat', //            line 1
      '1,A,121.5,29.8', //             line 2, row 1 ok
      '', //                           line 3 blank
      '2,B,,29.8', //                  line 4, row 2: empty lon
      '3,"multi', //                   line 5, row 3 ok (two lines)
      'line",121.5,29.8', //           line 6
      '4,D,abc,29.8', //               line 7, row 4: not a number
      '5,E,121.5,95', //               line 8, row 5: out of range
      '6,F,121.5', //                  line 9, row 6: lat missing
      "7,G,１２１．５,29°48'N", //       line 10, row 7 ok (full width, DMS)
    ].join('\r\n');
    const r = readCsvPoints(utf8(text), 'bad.csv');
    expect(r.value.features.map((f) => f.properties.name)).toEqual(['A', 'multi\nline', 'G']);
    expect(r.value.rows).toEqual([0, 2, 6]);
    expect(r.value.features[2]?.geometry.coordinates).toEqual([121.5, 29.8]);
    expect(r.errors.map((e) => [e.file, e.index, e.id, e.line])).toEqual([
      ['bad.csv', 1, '2', 4],
      ['bad.csv', 3, '4', 7],
      ['bad.csv', 4, '5', 8],
      ['bad.csv', 5, '6', 9],
    ]);
    expect(r.errors[0]?.reason).toMatch(/^row 2 \(line 4\): "lon" is empty/);
    expect(r.errors[1]?.reason).toMatch(/^row 4 \(line 7\): "lon" value "abc" is not a number/);
    expect(r.errors[2]?.reason).toMatch(/^row 5 \(line 8\): coordinates 121.5, 95 are out of range/);
    expect(r.errors[3]?.reason).toMatch(/^row 6 \(line 9\): "lat" is empty/);
    expect(r.warnings.map((w) => w.reason)).toEqual([
      'row 6 (line 9): has 3 values but the header has 4 columns; missing values left empty',
    ]);
  });

  it('reports an unterminated quote', () => {
    const r = readCsvPoints(utf8('name,lon,lat\n"A,121.5,29.8\n'), 'q.csv');
    expect(r.value.features).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.reason).toMatch(/unterminated/i);
  });

  it('warns about swapped columns and projected metres', () => {
    const swapped = readCsvPoints(utf8('lon,lat\n29.8,121.5\n29.9,121.6\n'), 'sw.csv');
    expect(swapped.warnings[0]?.reason).toMatch(/swapped/);
    expect(swapped.errors).toHaveLength(2);
    const metres = readCsvPoints(utf8('x,y\n40644926.1,3306647.7\n40645000,3306000\n'), 'gk.csv');
    expect(metres.warnings[0]).toMatchObject({ suggestedCrs: 'EPSG:4528' });
  });
});

describe('parseCoordinate', () => {
  it('accepts what people type and rejects the rest', () => {
    const ok: [string, number][] = [
      ['121.5', 121.5],
      [' 121.5 ', 121.5],
      ['１２１．５', 121.5],
      ['－33.5', -33.5],
      ['\u221233.5', -33.5],
      ['+7', 7],
      ['121.5°', 121.5],
      ['121.5E', 121.5],
      ['33.5S', -33.5],
      ["121°30'", 121.5],
      ['29°52\'30"N', 29 + 52 / 60 + 30 / 3600],
      ['29度52分30秒', 29 + 52 / 60 + 30 / 3600],
      ['118°W', -118],
      ['1e2', 100],
      ['.5', 0.5],
    ];
    for (const [s, v] of ok) expect(parseCoordinate(s), s).toBeCloseTo(v, 12);
    for (const s of ['', '  ', 'abc', '12,5', '121.5.3', "29°75'", 'NaN', 'Infinity', '1 2']) expect(parseCoordinate(s), s).toBeNull();
  });
});

describe('readCsvPoints: round trips', () => {
  it('reads back seeded random tables written by writeCsv (UTF-8 and GBK)', () => {
    const rand = mulberry32(2024);
    const names = ['社区卫生服务站', 'A, "quoted"', '=cmd|calc', '-1', '多行\n名称', '托育园', 'plain'];
    const rows = Object.freeze(
      Array.from({ length: 300 }, (_, i) => {
        const kind = rand();
        const lon = Math.round((121 + rand() * 1.2) * 1e6) / 1e6;
        const lat = Math.round((29.5 + rand() * 0.8) * 1e6) / 1e6;
        const lonCell: string | number | null = kind < 0.05 ? null : kind < 0.1 ? 'n/a' : lon;
        const latCell: number = kind >= 0.1 && kind < 0.15 ? 95 : lat;
        return Object.freeze([String(i), names[Math.floor(rand() * names.length)] as string, lonCell, latCell]);
      }),
    );
    const csv = writeCsv(['id', '名称', '经度', '纬度'], rows);
    for (const bytes of [utf8(csv), gbk(csv.slice(1))]) {
      const r = readCsvPoints(bytes, 'rt.csv');
      const good = rows.filter((row) => typeof row[2] === 'number' && row[3] !== 95);
      expect(r.value.features.length).toBe(good.length);
      expect(r.errors.map((e) => e.id)).toEqual(rows.filter((row) => !good.includes(row)).map((row) => row[0]));
      good.forEach((row, k) => {
        const f = r.value.features[k];
        expect(f?.geometry.coordinates).toEqual([row[2], row[3]]);
        const name = row[1] as string;
        expect(f?.properties).toEqual({ id: row[0], 名称: /^[=+\-@]/.test(name) ? `'${name}` : name });
      });
    }
  });

  it('reads the real north-bayreuth facilities written as CSV', () => {
    const file = northBayreuth('facilities.geojson');
    const fc = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      features: { properties: Record<string, string>; geometry: { coordinates: [number, number] } }[];
    };
    const rows = fc.features.map((f) => [
      f.properties.id ?? '',
      f.properties.name ?? '',
      f.properties.category ?? '',
      f.geometry.coordinates[0],
      f.geometry.coordinates[1],
    ]);
    const r = readCsvPoints(utf8(writeCsv(['id', 'name', 'category', 'longitude', 'latitude'], rows)), 'facilities.csv');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value.features).toHaveLength(fc.features.length);
    r.value.features.forEach((f, i) => {
      expect(f.geometry.coordinates).toEqual(fc.features[i]?.geometry.coordinates);
      expect(f.properties.name).toBe(fc.features[i]?.properties.name ?? ''); // null names become empty cells
    });
  });

  it('converts Gauss–Krüger metres when the CRS is given (checked against proj4 directly)', () => {
    const def = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const rand = mulberry32(5);
    const pts = Array.from({ length: 20 }, () => [121 + rand(), 29.6 + rand() * 0.5] as [number, number]);
    const rows = pts.map((p, i) => [`P${i}`, ...proj4(def).forward(p)]);
    const r = readCsvPoints(utf8(writeCsv(['name', 'X', 'Y'], rows)), 'gk.csv', { crs: 'EPSG:4528' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    r.value.features.forEach((f, i) => {
      expect(Math.abs(f.geometry.coordinates[0] - (pts[i] as [number, number])[0])).toBeLessThan(1e-9);
      expect(Math.abs(f.geometry.coordinates[1] - (pts[i] as [number, number])[1])).toBeLessThan(1e-9);
    });
  });
});
