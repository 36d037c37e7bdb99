/**
 * Every report says what produced it: app version, time, settings, model, and each input file's name,
 * size, SHA-256 and feature counts; the same object in gap-communities.geojson, communities.geojson and
 * summary.json; and running again with the recorded settings on the same files gives the same report.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { mulberry32 } from '../../src/engine/prng';
import { fromWgs84 } from '../../src/io/crs';
import { proposedSiteFeatures, stringifyCollection, stringifyCompact } from '../../src/io/report-geojson';
import { buildProvenance, exportCrsInfo, reportTime, type ReportProvenance } from '../../src/io/report-metadata';
import { resolveSettings } from '../../src/io/settings';
import { createSession } from '../../src/worker/session';

const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');
const PACKAGE_VERSION = (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const fileSha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function cli(args: string[], sourceDateEpoch?: string) {
  const before = process.env.SOURCE_DATE_EPOCH;
  if (sourceDateEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = sourceDateEpoch;
  let stderr = '';
  try {
    const code = await runCli(args, { out: () => {}, err: (t) => (stderr += t) });
    return { code, stderr };
  } finally {
    if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = before;
  }
}
const readOut = (dir: string) => ({
  gaps: JSON.parse(readFileSync(join(dir, 'gap-communities.geojson'), 'utf8')),
  communities: JSON.parse(readFileSync(join(dir, 'communities.geojson'), 'utf8')),
  summary: JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')),
});

describe('provenance of CLI reports', () => {
  // grid-3x3 plus two bad communities, so that read / kept / skipped differ
  const dir = mkdtempSync(join(tmpdir(), 'lc-prov-'));
  const communities = JSON.parse(readFileSync(join(GRID, 'communities.geojson'), 'utf8'));
  communities.features.push(
    {
      type: 'Feature',
      properties: { id: 'BAD1', kind: 'urban', population: -5 },
      geometry: { type: 'Point', coordinates: [121.55, 29.87] },
    },
    { type: 'Feature', properties: { id: 'BAD2', kind: 'urban', population: 10 }, geometry: null },
  );
  const comPath = join(dir, 'communities 社区.geojson');
  writeFileSync(comPath, JSON.stringify(communities));
  const paths = {
    facilities: join(GRID, 'facilities.geojson'),
    communities: comPath,
    roads: join(GRID, 'roads.geojson'),
    settings: join(GRID, 'settings.json'),
  };
  const args = (out: string, settings = paths.settings) => [
    'analyze',
    '--facilities',
    paths.facilities,
    '--communities',
    paths.communities,
    '--roads',
    paths.roads,
    '--settings',
    settings,
    '--out',
    out,
  ];

  it('names every input file with its SHA-256, size and feature counts; the same provenance in all three files', async () => {
    const out = join(dir, 'a');
    expect((await cli(args(out), '1700000000')).code).toBe(0);
    const { gaps, communities: all, summary } = readOut(out);
    const p = gaps.lifecircle as ReportProvenance;
    expect(all.lifecircle).toEqual(p);
    expect(summary.provenance).toEqual(p);
    expect(p.app).toEqual({ name: 'lifecircle', version: PACKAGE_VERSION });
    expect(p.generated_at).toBe('2023-11-14T22:13:20.000Z');
    expect(p.model).toBe('network');
    expect(p.inputs.map((f) => [f.layer, f.file, f.format])).toEqual([
      ['settings', 'settings.json', 'json'],
      ['facilities', 'facilities.geojson', 'geojson'],
      ['communities', 'communities 社区.geojson', 'geojson'],
      ['roads', 'roads.geojson', 'geojson'],
    ]);
    for (const f of p.inputs) {
      const path = paths[f.layer as keyof typeof paths];
      expect(f.sha256, f.file).toBe(fileSha(path));
      expect(f.bytes).toBe(readFileSync(path).length);
    }
    const counted = (path: string) => (JSON.parse(readFileSync(path, 'utf8')).features as unknown[]).length;
    const byLayer = Object.fromEntries(p.inputs.map((f) => [f.layer, f]));
    expect(byLayer.communities!.features).toEqual({ read: counted(comPath), kept: counted(comPath) - 2, skipped: 2 });
    expect(byLayer.facilities!.features).toEqual({ read: counted(paths.facilities), kept: counted(paths.facilities), skipped: 0 });
    expect(byLayer.roads!.features).toEqual({ read: counted(paths.roads), kept: counted(paths.roads), skipped: 0 });
    expect(byLayer.settings!.features).toBeNull();
    // thresholds and speeds: the settings file's, the rest from the preset
    const file = JSON.parse(readFileSync(paths.settings, 'utf8'));
    expect(p.thresholds_min.clinic).toEqual(file.categories[0].thresholdMinutes);
    expect(p.walk_speed_kmh).toEqual(file.walkSpeedKmh);
    expect(p.preset).toBe('ningbo');
    expect(p.crs).toEqual(exportCrsInfo('WGS84'));
  });

  it('takes the time from SOURCE_DATE_EPOCH, else now', async () => {
    const out = join(dir, 'b');
    const t0 = Date.now();
    expect((await cli(args(out))).code).toBe(0);
    const t = Date.parse(readOut(out).summary.provenance.generated_at);
    expect(t).toBeGreaterThanOrEqual(t0 - 1000);
    expect(t).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('is enough to reproduce the report: the recorded settings on the same files give the same results', async () => {
    const first = join(dir, 'c1');
    expect((await cli(args(first), '0')).code).toBe(0);
    const a = readOut(first);
    const settingsPath = join(dir, 'recorded-settings.json');
    writeFileSync(settingsPath, JSON.stringify(a.summary.provenance.settings));
    const second = join(dir, 'c2');
    expect((await cli(args(second, settingsPath), '0')).code).toBe(0);
    const b = readOut(second);
    expect(b.communities.features).toEqual(a.communities.features);
    expect(b.gaps.features).toEqual(a.gaps.features);
    expect(b.summary.categories).toEqual(a.summary.categories);
    expect(b.summary.provenance.settings).toEqual(a.summary.provenance.settings);
    expect(readFileSync(join(second, 'coverage.csv'), 'utf8')).toBe(readFileSync(join(first, 'coverage.csv'), 'utf8'));
    // input files identical; only the settings file differs (a different file, same settings)
    expect(b.summary.provenance.inputs.slice(1)).toEqual(a.summary.provenance.inputs.slice(1));
  });
});

describe('provenance of browser reports (worker session)', () => {
  it('hashes the loaded bytes, names the CRS each file was read in and the export CRS', async () => {
    const session = createSession();
    const gcj = (path: string) => {
      const doc = JSON.parse(readFileSync(path, 'utf8'));
      const walk = (c: unknown): unknown =>
        typeof (c as unknown[])[0] === 'number' ? fromWgs84((c as number[])[0]!, (c as number[])[1]!, 'GCJ02') : (c as unknown[]).map(walk);
      for (const f of doc.features) f.geometry.coordinates = walk(f.geometry.coordinates);
      return new TextEncoder().encode(JSON.stringify(doc));
    };
    const fac = gcj(join(GRID, 'facilities.geojson'));
    const com = gcj(join(GRID, 'communities.geojson'));
    expect((await session.loadLayer('facilities', 'f.geojson', fac, { crs: 'GCJ02' })).ok).toBe(true);
    expect((await session.loadLayer('communities', 'c.geojson', com, { crs: 'GCJ02' })).ok).toBe(true);
    const files = session.reportFiles({ crs: 'GCJ02', generatedAt: '2025-02-03T04:05:06Z' });
    const p = JSON.parse(files['summary.json']).provenance as ReportProvenance;
    expect(JSON.parse(files['gap-communities.geojson']).lifecircle).toEqual(p);
    expect(p.generated_at).toBe('2025-02-03T04:05:06Z');
    expect(p.model).toBe('straight'); // no roads loaded
    expect(p.crs.id).toBe('GCJ02');
    expect(p.inputs).toEqual([
      {
        layer: 'facilities',
        file: 'f.geojson',
        format: 'geojson',
        bytes: fac.length,
        sha256: createHash('sha256').update(fac).digest('hex'),
        crs: 'GCJ02',
        features: { read: 2, kept: 2, skipped: 0 },
      },
      {
        layer: 'communities',
        file: 'c.geojson',
        format: 'geojson',
        bytes: com.length,
        sha256: createHash('sha256').update(com).digest('hex'),
        crs: 'GCJ02',
        features: { read: 3, kept: 3, skipped: 0 },
      },
    ]);
  });
});

describe('metadata helpers', () => {
  it('reportTime: SOURCE_DATE_EPOCH seconds → ISO 8601 UTC; unset → now; malformed → error', () => {
    expect(reportTime('0')).toBe('1970-01-01T00:00:00.000Z');
    expect(reportTime('1735689600')).toBe('2025-01-01T00:00:00.000Z');
    expect(reportTime(undefined, new Date(Date.UTC(2024, 1, 29, 12)))).toBe('2024-02-29T12:00:00.000Z');
    expect(() => reportTime('yesterday')).toThrow(/SOURCE_DATE_EPOCH.*yesterday/);
    expect(() => reportTime('-5')).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('buildProvenance rejects a time that is not ISO 8601 and copies its inputs', () => {
    const settings = Object.freeze(resolveSettings(undefined, 's').value!);
    expect(() => buildProvenance({ settings, model: 'straight', generatedAt: '1 May 2025' })).toThrow(/ISO 8601.*1 May 2025/);
    const inputs = Object.freeze([
      Object.freeze({
        layer: 'roads' as const,
        file: 'r.geojson',
        format: 'geojson' as const,
        bytes: 3,
        sha256: 'x',
        crs: 'WGS84',
        features: Object.freeze({ read: 1, kept: 1, skipped: 0 }),
      }),
    ]);
    const p = buildProvenance({ settings, model: 'straight', inputs, generatedAt: '2025-01-01T00:00:00+08:00' });
    expect(p.inputs).toEqual(inputs);
    expect(p.inputs[0]).not.toBe(inputs[0]);
    expect(p.settings).toEqual(settings);
    expect(p.settings).not.toBe(settings);
  });

  it('exportCrsInfo: EPSG codes, units and rounding per system', () => {
    expect(exportCrsInfo('EPSG:4528')).toMatchObject({ epsg: 4528, units: 'metre', decimals: 2, rfc7946: false });
    expect(exportCrsInfo('CGCS2000')).toMatchObject({ epsg: 4490, units: 'degree', decimals: 6, rfc7946: false });
    expect(exportCrsInfo('BD09')).toMatchObject({ epsg: null, units: 'degree', decimals: 6, rfc7946: false });
    expect(exportCrsInfo('EPSG:4326')).toMatchObject({ id: 'WGS84', epsg: 4326, rfc7946: true });
    expect(exportCrsInfo('PROJ:+proj=tmerc +lat_0=0 +lon_0=121 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs')).toMatchObject({
      epsg: null,
      units: 'metre',
      decimals: 2,
    });
  });
});

describe('GeoJSON text', () => {
  it('stringifyCompact parses back to the same value (seeded random nested values)', () => {
    const rand = mulberry32(5);
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.3) return [Math.round(rand() * 1e6) / 1e3, 'text "q" 中文', null, true, -0.5][Math.floor(rand() * 5)];
      if (r < 0.65) return Array.from({ length: Math.floor(rand() * 8) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rand() * 8) }, (_, i) => [`k${i}`, value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const v = value(0);
      const text = stringifyCompact(v, 40);
      expect(JSON.parse(text)).toEqual(v);
      for (const line of text.split('\n'))
        if (!/^\s*("[^"]*": )?\[[^[{]*\],?$/.test(line)) expect(line.length).toBeLessThanOrEqual(40 + 10); // + `"k0": ` and a comma
    }
  });

  it('stringifyCollection: an empty report is valid JSON; null members are left out', () => {
    const text = stringifyCollection({ type: 'FeatureCollection', features: [] }, { crs: null, lifecircle: { a: 1 } });
    expect(JSON.parse(text)).toEqual({ type: 'FeatureCollection', lifecircle: { a: 1 }, features: [] });
  });

  it('proposedSiteFeatures throws on a site without a position (an engine bug, not user data)', () => {
    expect(() => proposedSiteFeatures([{ lon: NaN, lat: 30, rank: 1, category: 'clinic', gain_population: 1, covered_ids: [] }])).toThrow(
      /site 0 has lon NaN/,
    );
  });
});
