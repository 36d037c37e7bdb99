/**
 * Exported reports open anywhere: every GeoJSON layer (gap communities, gap zones, sites,
 * communities and their -points layers; WGS84, GCJ-02, BD-09, CGCS2000, a Gauss–Krüger zone) passes
 * GDAL's `ogrinfo -so -al` without a warning with one geometry type and the CRS, the WGS84 ones pass
 * @placemarkio/check-geojson, coordinates written back into the system the user loaded match the
 * input, and re-importing an export gives the same communities.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze';
import { findGapZones } from '../../src/engine/coverage/gap-zones';
import type { Community, Settings } from '../../src/engine/model';
import { mulberry32 } from '../../src/engine/prng';
import { REPORT_LAYERS, writeAnalysisReport, type AnalysisReportFiles, type ReportOptions } from '../../src/io/analysis-report';
import { fromWgs84, toWgs84, type CrsId } from '../../src/io/crs';
import { loadDataset } from '../../src/io/load-dataset';
import { readLayerFile } from '../../src/io/read-layer-file';
import type { ProposedSite } from '../../src/io/report-geojson';
import { reportProblems } from '../../src/io/report-summary';
import { resolveSettings } from '../../src/io/settings';
import { NORTH_BAYREUTH, deepFreeze } from '../helpers/fixtures';

type Pos = number[];
type Geom = { type: string; coordinates: unknown };
interface Feat {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: Geom | null;
}

/** Seeded synthetic city near Ningbo: points, polygons (some with holes), multipolygons; facilities. */
function syntheticCity(seed: number): { communities: Feat[]; facilities: Feat[] } {
  const rand = mulberry32(seed);
  const M = 1 / 111_320; // degrees per metre (latitude); longitude scaled below
  const kx = 1 / Math.cos((29.88 * Math.PI) / 180);
  const square = (lon: number, lat: number, h: number, jitter: number, ccw: boolean): Pos[] => {
    const j = () => (rand() * 2 - 1) * jitter * h;
    const r = [
      [-h + j(), -h + j()],
      [h + j(), -h + j()],
      [h + j(), h + j()],
      [-h + j(), h + j()],
    ].map(([x, y]) => [lon + x! * M * kx, lat + y! * M]);
    if (!ccw) r.reverse();
    return [...r, [...r[0]!]];
  };
  const names = ['东门社区', '=1+1', '+86 村', '@home', '-5 小区', '海曙"新村"', '江北, 北岸', 'Tab\tVillage'];
  const communities: Feat[] = [];
  for (let i = 0; i < 30; i++) {
    const lon = 121.5 + rand() * 0.1;
    const lat = 29.84 + rand() * 0.08;
    const h = 100 + rand() * 200;
    let geometry: Geom;
    if (i % 3 === 0) geometry = { type: 'Point', coordinates: [lon, lat] };
    else if (i % 7 === 2)
      geometry = { type: 'MultiPolygon', coordinates: [[square(lon, lat, h, 0.2, true)], [square(lon + 0.01, lat, h / 2, 0.2, true)]] };
    else if (i % 5 === 1)
      geometry = { type: 'Polygon', coordinates: [square(lon, lat, h, 0.2, true), square(lon, lat, h * 0.2, 0, false)] };
    else geometry = { type: 'Polygon', coordinates: [square(lon, lat, h, 0.2, true)] };
    communities.push({
      type: 'Feature',
      properties: {
        id: `C${i}`,
        name: names[i % names.length]!,
        kind: rand() < 0.6 ? 'urban' : 'rural',
        population: Math.floor(rand() * 3000),
      },
      geometry,
    });
  }
  const cats = ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience'];
  const facilities: Feat[] = Array.from({ length: 14 }, (_, i) => ({
    type: 'Feature',
    properties: { id: `F${i}`, name: `设施${i}`, category: cats[i % cats.length]! },
    geometry: { type: 'Point', coordinates: [121.5 + rand() * 0.1, 29.84 + rand() * 0.08] },
  }));
  return deepFreeze({ communities, facilities });
}

/** Every position of a geometry mapped (new object). */
function mapGeometry(g: Geom, f: (p: Pos) => Pos): Geom {
  const walk = (c: unknown): unknown => (typeof (c as unknown[])[0] === 'number' ? f(c as Pos) : (c as unknown[]).map(walk));
  return { type: g.type, coordinates: walk(g.coordinates) };
}
function positions(g: Geom): Pos[] {
  const out: Pos[] = [];
  const walk = (c: unknown): void => {
    if (typeof (c as unknown[])[0] === 'number') out.push(c as Pos);
    else (c as unknown[]).forEach(walk);
  };
  walk(g.coordinates);
  return out;
}
/** Largest coordinate difference between two geometries of the same structure. */
function maxDiff(a: Geom, b: Geom): number {
  expect(a.type).toBe(b.type);
  const pa = positions(a),
    pb = positions(b);
  expect(pa.length).toBe(pb.length);
  let d = 0;
  pa.forEach((p, i) => {
    d = Math.max(d, Math.abs(p[0]! - pb[i]![0]!), Math.abs(p[1]! - pb[i]![1]!));
  });
  return d;
}

/** A geometry with Polygon written as a one-part MultiPolygon (what a layer mixing the two exports). */
const multi = (g: Geom): Geom => (g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g);
/** Every community of a report (the polygon layer and the -points layer of `base`), in input order by id. */
function reportCommunities(files: AnalysisReportFiles, base: 'communities' | 'gap-communities'): Feat[] {
  const all = [...features(files[`${base}.geojson`]), ...features(files[`${base}-points.geojson`] ?? '{"features":[]}')];
  const n = (f: Feat) => Number(String(f.properties.id).slice(1));
  return all.sort((a, b) => n(a) - n(b));
}

const fc = (features: Feat[]) => JSON.stringify({ type: 'FeatureCollection', features });
const roundTo = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** Input files in `crs` (coordinates rounded as such files are: 7 decimals for degrees, mm for metres). */
function filesIn(city: ReturnType<typeof syntheticCity>, crs: CrsId, decimals: number) {
  const conv = (f: Feat): Feat => ({
    ...f,
    geometry: f.geometry && mapGeometry(f.geometry, (p) => fromWgs84(p[0]!, p[1]!, crs).map((v) => roundTo(v, decimals))),
  });
  return { communities: city.communities.map(conv), facilities: city.facilities.map(conv) };
}

/** Load the files through the app's readers in `crs`, analyse (straight line) and write the report (default: in `crs`). */
async function analyseAndExport(input: { communities: Feat[]; facilities: Feat[] }, crs: CrsId, options: ReportOptions = {}) {
  const settings = resolveSettings({ model: 'straight' }, 'settings').value as Settings;
  const enc = (f: Feat[]) => new TextEncoder().encode(fc(f));
  const fac = await readLayerFile('facilities.geojson', enc(input.facilities), { crs });
  const com = await readLayerFile('communities.geojson', enc(input.communities), { crs });
  const loaded = loadDataset(
    { facilities: { features: fac.features!, file: fac.file }, communities: { features: com.features!, file: com.file } },
    settings,
  );
  expect(loaded.errors).toEqual([]);
  return reportOf(loaded, settings, { crs, ...options });
}

/** Analyse a loaded dataset, find its gap zones and write the report (at a fixed time, so files compare). */
function reportOf(loaded: ReturnType<typeof loadDataset>, settings: Settings, options: ReportOptions = {}) {
  const analysis = analyze(loaded.dataset, settings);
  const zones = findGapZones(analysis.samples, analysis.fields, settings);
  const files = writeAnalysisReport({
    dataset: loaded.dataset,
    analysis,
    zones,
    settings,
    problems: reportProblems(loaded.warnings, loaded.errors),
    options: { generatedAt: '2025-06-01T08:00:00Z', ...options },
  });
  return { files, dataset: loaded.dataset, analysis, zones };
}

const dir = mkdtempSync(join(tmpdir(), 'lc-report-'));
/** ogrinfo -al -so on the text written to a file: exit code, stdout, stderr. */
function ogrinfo(name: string, text: string): { status: number | null; stdout: string; stderr: string } {
  const path = join(dir, name);
  writeFileSync(path, text);
  const r = spawnSync('ogrinfo', ['-al', '-so', path], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const features = (text: string): Feat[] => (JSON.parse(text) as { features: Feat[] }).features;
const sites: ProposedSite[] = deepFreeze([
  { lon: 121.55, lat: 29.88, rank: 1, category: 'clinic', gain_population: 2345.6, covered_ids: ['C1', 'C4'] },
  { lon: 121.52, lat: 29.86, rank: 2, category: 'clinic', gain_population: 120, covered_ids: [] },
]);

describe('exports open cleanly in GDAL and check-geojson', () => {
  const city = syntheticCity(20250601);
  const cases: { crs: CrsId; decimals: number; epsg: number | null }[] = [
    { crs: 'WGS84', decimals: 7, epsg: 4326 },
    { crs: 'GCJ02', decimals: 7, epsg: null },
    { crs: 'BD09', decimals: 7, epsg: null },
    { crs: 'CGCS2000', decimals: 7, epsg: 4490 },
    { crs: 'EPSG:4528', decimals: 3, epsg: 4528 }, // CGCS2000 3° Gauss–Krüger zone 40 (CM 120°E), zone prefix
    { crs: 'EPSG:4549', decimals: 3, epsg: 4549 }, // CGCS2000 3° GK CM 120°E, no prefix
  ];
  for (const { crs, decimals, epsg } of cases) {
    it(`${crs}: ogrinfo -so -al reads every layer without a warning, with one geometry type each; the CRS is stated`, async () => {
      const { files, dataset } = await analyseAndExport(filesIn(city, crs, decimals), crs, { sites });
      // the synthetic city mixes points, polygons and multipolygons: every layer is written, each one type
      const expected: Record<string, string> = {
        'gap-communities.geojson': 'Multi Polygon',
        'gap-communities-points.geojson': 'Point',
        'gap-zones.geojson': 'Polygon',
        'sites.geojson': 'Point',
        'communities.geojson': 'Multi Polygon',
        'communities-points.geojson': 'Point',
        'districts.geojson': 'Multi Polygon',
      };
      expect(REPORT_LAYERS.filter((n) => files[n] !== undefined)).toEqual(Object.keys(expected));
      for (const name of REPORT_LAYERS) {
        const text = files[name]!;
        const r = ogrinfo(`${crs.replace(':', '_')}-${name}`, text);
        expect(r.stderr, `${crs} ${name}`).toBe('');
        expect(r.status).toBe(0);
        expect(r.stdout).toContain(`Feature Count: ${features(text).length}`);
        expect(features(text).length, name).toBeGreaterThan(0);
        expect(
          [...r.stdout.matchAll(/^Geometry: (.+)$/gm)].map((m) => m[1]),
          `${crs} ${name}`,
        ).toEqual([expected[name]]);
        expect(new Set(features(text).map((f) => f.geometry!.type)).size, name).toBe(1);
        const doc = JSON.parse(text);
        expect(doc.lifecircle.crs.id).toBe(crs);
        expect(doc.lifecircle.crs.epsg).toBe(epsg);
        if (crs === 'WGS84') {
          expect(doc.crs).toBeUndefined();
          expect(getIssues(text)).toEqual([]);
          expect(r.stdout).toContain('ID["EPSG",4326]');
        } else if (epsg !== null) {
          expect(doc.crs).toEqual({ type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${epsg}` } });
          expect(r.stdout).toContain(`ID["EPSG",${epsg}]`);
        } else {
          expect(doc.crs).toBeUndefined(); // GCJ-02 / BD-09 have no code: named in lifecircle.crs only
          expect(doc.lifecircle.crs.note).toMatch(/no EPSG code/);
        }
        if (crs.startsWith('EPSG:45')) {
          // GDAL reads the GeoJSON in easting, northing order: the extent is in metres
          const m = /Extent: \(([\d.]+), ([\d.]+)\) - \(([\d.]+), ([\d.]+)\)/.exec(r.stdout);
          expect(m).not.toBeNull();
          expect(Number(m![1])).toBeGreaterThan(crs === 'EPSG:4528' ? 40_000_000 : 500_000);
          expect(Number(m![2])).toBeGreaterThan(3_000_000);
          for (const f of features(text)) for (const p of positions(f.geometry!)) for (const v of p) expect(roundTo(v, 2)).toBe(v);
        }
      }
      expect(reportCommunities(files, 'communities')).toHaveLength(dataset.communities.length);
      expect(features(files['gap-zones.geojson']!).every((f) => f.properties.type_of_feature === 'gap_zone')).toBe(true);
      expect(features(files['sites.geojson']!).map((f) => f.properties.rank)).toEqual([1, 2]);
    });
  }

  it('the real OSM area (north of Bayreuth, with roads): WGS84 export passes ogrinfo and check-geojson', async () => {
    const REAL = NORTH_BAYREUTH;
    const settings = resolveSettings(JSON.parse(readFileSync(join(REAL, 'settings.json'), 'utf8')), 'settings.json').value as Settings;
    const text = (n: string) => ({ text: readFileSync(join(REAL, n), 'utf8'), file: n });
    const loaded = loadDataset(
      { facilities: text('facilities.geojson'), communities: text('communities.geojson'), roads: text('roads.geojson') },
      settings,
    );
    const { files, zones } = reportOf(loaded, settings);
    for (const name of REPORT_LAYERS) {
      const text = files[name];
      if (text === undefined) continue;
      expect(ogrinfo(`real-${name}`, text).stderr).toBe('');
      expect(getIssues(text)).toEqual([]);
    }
    expect(features(files['communities.geojson'])).toHaveLength(70);
    expect(zones.length).toBeGreaterThan(0);
  });
});

describe('coordinates written back into the loaded system match the input', () => {
  const city = syntheticCity(7);
  it('GCJ-02 in → analyse → GCJ-02 out: every community position within 1e-6° of the input file', async () => {
    const input = filesIn(city, 'GCJ02', 7);
    const { files } = await analyseAndExport(input, 'GCJ02');
    const out = reportCommunities(files, 'communities');
    expect(out).toHaveLength(input.communities.length);
    let worst = 0;
    out.forEach((f, i) => {
      worst = Math.max(worst, maxDiff(f.geometry!, multi(input.communities[i]!.geometry!)));
    });
    expect(worst).toBeLessThanOrEqual(1e-6);
    // and the offset is real: the same positions in WGS84 are hundreds of metres away
    const wgs = reportCommunities((await analyseAndExport(filesIn(city, 'WGS84', 7), 'WGS84')).files, 'communities');
    expect(maxDiff(wgs[0]!.geometry!, out[0]!.geometry!)).toBeGreaterThan(1e-3);
  });

  it('BD-09 round trip within 1e-6°; Gauss–Krüger round trip within 0.01 m', async () => {
    for (const [crs, decimals, tol] of [
      ['BD09', 7, 1e-6],
      ['EPSG:4528', 3, 0.01],
      ['EPSG:4549', 3, 0.01],
    ] as const) {
      const input = filesIn(city, crs, decimals);
      const out = reportCommunities((await analyseAndExport(input, crs)).files, 'communities');
      out.forEach((f, i) => expect(maxDiff(f.geometry!, multi(input.communities[i]!.geometry!)), `${crs} ${i}`).toBeLessThanOrEqual(tol));
    }
  });

  it('gap zones and proposed sites are converted too (GCJ-02 export = WGS84 export converted)', async () => {
    const wgsFiles = (await analyseAndExport(filesIn(city, 'WGS84', 9), 'WGS84', { sites })).files;
    const gcjFiles = (await analyseAndExport(filesIn(city, 'WGS84', 9), 'WGS84', { sites, crs: 'GCJ02' })).files;
    const layers = (f: AnalysisReportFiles) => [...features(f['gap-zones.geojson']), ...features(f['sites.geojson']!)];
    const wgs = layers(wgsFiles);
    const gcj = layers(gcjFiles);
    expect(gcj.length).toBe(wgs.length);
    let zones = 0;
    gcj.forEach((f, i) => {
      expect(f.properties).toEqual(wgs[i]!.properties);
      const back = mapGeometry(f.geometry!, (p) => toWgs84(p[0]!, p[1]!, 'GCJ02'));
      expect(maxDiff(back, wgs[i]!.geometry!)).toBeLessThanOrEqual(1.1e-6);
      if (f.properties.type_of_feature === 'gap_zone') zones++;
    });
    expect(zones).toBeGreaterThan(0);
    const site = gcj.find((f) => f.properties.type_of_feature === 'proposed_site')!;
    expect(site.properties).toEqual({
      type_of_feature: 'proposed_site',
      rank: 1,
      category: 'clinic',
      gain_population: 2346,
      covered_ids: 'C1,C4',
    });
  });
});

describe('re-importing an export gives the same communities', () => {
  const city = syntheticCity(99);
  const same = (a: readonly Community[], b: readonly Community[], tol: number) => {
    expect(a.map((c) => [c.id, c.name, c.kind, c.population])).toEqual(b.map((c) => [c.id, c.name, c.kind, c.population]));
    a.forEach((c, i) => expect(maxDiff(multi(c.geometry), multi(b[i]!.geometry)), c.id).toBeLessThanOrEqual(tol));
  };
  for (const [crs, decimals] of [
    ['WGS84', 7],
    ['GCJ02', 7],
    ['EPSG:4528', 3],
  ] as const) {
    it(`${crs}: the communities and the gap communities (each with its -points layer) read back through the app's readers`, async () => {
      const { files, dataset, analysis } = await analyseAndExport(filesIn(city, crs, decimals), crs);
      const settings = resolveSettings({ model: 'straight' }, 'settings').value as Settings;
      const reimport = async (base: 'communities' | 'gap-communities') => {
        const onlyCommunities: Feat[] = [];
        for (const text of [files[`${base}.geojson`], files[`${base}-points.geojson`]]) {
          if (text === undefined) continue;
          const read = await readLayerFile('export.geojson', new TextEncoder().encode(text), { crs });
          onlyCommunities.push(...(read.features! as Feat[]));
        }
        onlyCommunities.sort((a, b) => Number(String(a.properties?.id).slice(1)) - Number(String(b.properties?.id).slice(1)));
        return loadDataset(
          { facilities: { features: [], file: 'none' }, communities: { features: onlyCommunities, file: 'export.geojson' } },
          settings,
        );
      };
      const all = await reimport('communities');
      expect(all.errors).toEqual([]);
      same(all.dataset.communities, dataset.communities, 1e-6);
      const gaps = await reimport('gap-communities');
      const gapIds = new Set(analysis.gaps.map((g) => dataset.communities[g.community]!.id));
      expect(gapIds.size).toBeGreaterThan(0);
      same(
        gaps.dataset.communities,
        dataset.communities.filter((c) => gapIds.has(c.id)),
        1e-6,
      );
    });
  }
});

describe('coverage.csv', () => {
  it('has a BOM, CRLF rows, Chinese names and escaped formulas', async () => {
    const { files, dataset } = await analyseAndExport(syntheticCity(3), 'GCJ02');
    const csv: AnalysisReportFiles['coverage.csv'] = files['coverage.csv'];
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + dataset.communities.length);
    expect(lines[0]).toBe(
      'id,name,kind,population,missing,t_clinic_min,t_canteen_min,t_childcare_min,t_sports_min,t_culture_min,t_convenience_min,cov_clinic,cov_canteen,cov_childcare,cov_sports,cov_culture,cov_convenience',
    );
    expect(csv).toContain(',东门社区,');
    expect(csv).toContain(",'=1+1,");
    expect(csv).toContain(",'+86 村,");
    expect(csv).toContain(",'@home,");
    expect(csv).toContain(",'-5 小区,");
    expect(csv).toContain(',"海曙""新村""",');
    expect(csv).toContain(',"江北, 北岸",');
    expect(csv).not.toMatch(/,[=+@-][^,]*,/); // no cell starts with a formula character
  });
});
