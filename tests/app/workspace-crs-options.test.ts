/** The CRS choices of the Data panel against the definitions in io/crs.ts. */
import { describe, expect, it } from 'vitest';
import { CRS_OPTION_GROUPS, findCrsOption } from '../../src/ui/data/crs-options';
import { fromWgs84, toWgs84 } from '../../src/io/crs';
import { gaussKrugerCode, gaussKrugerProj4 } from '../../src/io/crs-id';
import { mulberry32 } from '../../src/engine/prng';
import en from '../../src/i18n/en';
import zhCN from '../../src/i18n/zh-CN';

const all = CRS_OPTION_GROUPS.flatMap((g) => g.options);

describe('CRS choices', () => {
  it('offer the four geographic systems and every CGCS2000 Gauss–Krüger code 4491–4554 exactly once', () => {
    const ids = all.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = ['WGS84', 'CGCS2000', 'GCJ02', 'BD09'];
    for (let code = 4491; code <= 4554; code++) expected.push(`EPSG:${code}`);
    expect([...ids].sort()).toEqual([...expected].sort());
    for (let code = 4491; code <= 4554; code++) expect(gaussKrugerProj4(code), `EPSG:${code}`).not.toBeNull();
  });

  it('label each zone with the central meridian and zone number its proj4 definition has', () => {
    for (const o of all.filter((x) => x.id.startsWith('EPSG:'))) {
      const code = Number(o.id.slice(5));
      const def = gaussKrugerProj4(code) as string;
      const lon0 = Number(/\+lon_0=(-?[\d.]+)/.exec(def)?.[1]);
      const x0 = Number(/\+x_0=([\d.]+)/.exec(def)?.[1]);
      expect(o.params.cm, o.id).toBe(lon0);
      const prefixed = o.key === 'gk3Prefix' || o.key === 'gk6Prefix';
      expect(x0, o.id).toBe(prefixed ? (o.params.zone as number) * 1e6 + 500000 : 500000);
      expect(gaussKrugerCode(o.key.startsWith('gk3') ? 3 : 6, o.params.cm as number, prefixed), o.id).toBe(code);
    }
  });

  it('a point on the labelled central meridian projects to the false easting (seeded latitudes)', () => {
    const rand = mulberry32(4527);
    for (const o of all.filter((x) => x.id.startsWith('EPSG:'))) {
      const lat = 20 + rand() * 25;
      const [x] = fromWgs84(o.params.cm as number, lat, o.id);
      const prefixed = o.key === 'gk3Prefix' || o.key === 'gk6Prefix';
      expect(x, o.id).toBeCloseTo(prefixed ? (o.params.zone as number) * 1e6 + 500000 : 500000, 3);
      const [lon2, lat2] = toWgs84(x, fromWgs84(o.params.cm as number, lat, o.id)[1], o.id);
      expect(lon2).toBeCloseTo(o.params.cm as number, 9);
      expect(lat2).toBeCloseTo(lat, 9);
    }
  });

  it('Ningbo (121.55°E) lies in 3° zone 40/41 choices: EPSG:4528 and EPSG:4529 are listed with those zones', () => {
    expect(findCrsOption('EPSG:4528')?.params).toEqual({ code: 'EPSG:4528', zone: 40, cm: 120 });
    expect(findCrsOption('EPSG:4529')?.params).toEqual({ code: 'EPSG:4529', zone: 41, cm: 123 });
    expect(findCrsOption('EPSG:4549')?.params).toEqual({ code: 'EPSG:4549', cm: 120 });
    expect(findCrsOption('EPSG:32651')).toBeNull();
    expect(findCrsOption('PROJ:+proj=longlat')).toBeNull();
  });

  it('every label and group has a string in both languages', () => {
    for (const strings of [en, zhCN]) {
      for (const g of CRS_OPTION_GROUPS) {
        expect(typeof strings.workspace.crsGroup[g.group]).toBe('string');
        for (const o of g.options) expect(typeof strings.workspace.crsName[o.key]).toBe('string');
      }
    }
  });
});
