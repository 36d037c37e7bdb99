import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { cli } from '../helpers/run-cli';
import { fromWgs84 } from '../../src/io/crs';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

const REAL = NORTH_BAYREUTH;
const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');

const tmp = () => mkdtempSync(join(tmpdir(), 'lc-cli-'));

describe('analyze on the real OSM area (north of Bayreuth)', () => {
  const run = async (model: 'network' | 'straight', detour?: number) => {
    const out = tmp();
    const settings = JSON.parse(readFileSync(join(REAL, 'settings.json'), 'utf8'));
    if (detour !== undefined) settings.detourFactor = detour;
    const sPath = join(out, 'settings.json');
    writeFileSync(sPath, JSON.stringify(settings));
    const r = await cli([
      'analyze',
      '--facilities',
      join(REAL, 'facilities.geojson'),
      '--communities',
      join(REAL, 'communities.geojson'),
      '--roads',
      join(REAL, 'roads.geojson'),
      '--settings',
      sPath,
      '--model',
      model,
      '--out',
      out,
    ]);
    return {
      ...r,
      out,
      communities: JSON.parse(readFileSync(join(out, 'communities.geojson'), 'utf8')),
      summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')),
    };
  };

  it('writes a report for every village, network times never beating the crow', async () => {
    const net = await run('network');
    const crow = await run('straight', 1);
    expect(net.code).toBe(0);
    expect(net.summary.model).toBe('network');
    expect(crow.summary.model).toBe('straight');
    expect(net.communities.features).toHaveLength(70);
    let compared = 0;
    net.communities.features.forEach((f: { properties: Record<string, number | null> }, i: number) => {
      const c = crow.communities.features[i].properties as Record<string, number | null>;
      for (const id of ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience']) {
        const tn = f.properties[`t_${id}_min`];
        const ts = c[`t_${id}_min`]!;
        if (tn === null) continue;
        expect(tn).toBeGreaterThanOrEqual(ts - 0.1); // both rounded to 0.1 min
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(100);
    // shares are proportions, complete share bounded by every category's share
    for (const c of Object.values(net.summary.categories) as { share: number }[]) {
      expect(c.share).toBeGreaterThanOrEqual(net.summary.complete_share);
      expect(c.share).toBeLessThanOrEqual(1);
    }
  });
});

describe('analyze on bad input', () => {
  it('exits 2 with line and column when a file is not JSON', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'f.geojson'), '{"type": "FeatureCollection",\n "features": [,]}');
    const r = await cli([
      'analyze',
      '--facilities',
      join(dir, 'f.geojson'),
      '--communities',
      join(GRID, 'communities.geojson'),
      '--out',
      dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/f\.geojson.*line 2, column \d+/);
  });

  it('exits 2 naming the unknown settings field', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.json'), JSON.stringify({ walkSpeedKmh: { urban: 5, rural: 5 }, detour: 1.2 }));
    const r = await cli([
      'analyze',
      '--facilities',
      join(GRID, 'facilities.geojson'),
      '--communities',
      join(GRID, 'communities.geojson'),
      '--settings',
      join(dir, 's.json'),
      '--out',
      dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s\.json.*detour/);
  });

  it('skips bad features, names them, and still reports the rest', async () => {
    const dir = tmp();
    const communities = JSON.parse(readFileSync(join(GRID, 'communities.geojson'), 'utf8'));
    communities.features.push(
      {
        type: 'Feature',
        properties: { id: 'BAD1', kind: 'urban', population: -5 },
        geometry: { type: 'Point', coordinates: [121.55, 29.87] },
      },
      { type: 'Feature', properties: { id: 'BAD2', kind: 'urban', population: 10 }, geometry: null },
      {
        type: 'Feature',
        properties: { id: 'XSS', name: '=HYPERLINK("http://x","<img src=x onerror=alert(1)>")', kind: 'urban', population: 10 },
        geometry: { type: 'Point', coordinates: [121.551, 29.8701] },
      },
    );
    writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
    const r = await cli([
      'analyze',
      '--facilities',
      join(GRID, 'facilities.geojson'),
      '--communities',
      join(dir, 'c.geojson'),
      '--roads',
      join(GRID, 'roads.geojson'),
      '--out',
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/c\.geojson #3 \(BAD1\).*population/);
    expect(r.stderr).toMatch(/c\.geojson #4 \(BAD2\).*geometry/);
    const csv = readFileSync(join(dir, 'coverage.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('东北社区');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""<img src=x onerror=alert(1)>"")"`);
    expect(csv.split('\r\n').filter((l) => l.length > 0)).toHaveLength(1 + 4);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.communities).toBe(4);
    expect(summary.warnings.filter((w: { severity: string }) => w.severity === 'error').map((w: { id: string }) => w.id)).toEqual([
      'BAD1',
      'BAD2',
    ]);
  });

  it('prints usage and exits 1 when a required option is missing', async () => {
    const r = await cli(['analyze', '--facilities', 'x.geojson']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--communities/);
  });
});

describe('analyze on files from Chinese tools', () => {
  it('reads a GBK CSV and GeoJSON in GCJ-02 (Amap) with --crs, and writes back GCJ-02 with --export-crs', async () => {
    const dir = tmp();
    const toGcj = (fc: { features: { geometry: { type: string; coordinates: unknown } }[] }) => {
      for (const f of fc.features) {
        const g = f.geometry;
        if (g.type === 'Point') g.coordinates = fromWgs84(...(g.coordinates as [number, number]), 'GCJ02');
        if (g.type === 'LineString') g.coordinates = (g.coordinates as [number, number][]).map((p) => fromWgs84(p[0], p[1], 'GCJ02'));
      }
      return fc;
    };
    const communities = toGcj(JSON.parse(readFileSync(join(GRID, 'communities.geojson'), 'utf8')));
    const roads = toGcj(JSON.parse(readFileSync(join(GRID, 'roads.geojson'), 'utf8')));
    const facilities = toGcj(JSON.parse(readFileSync(join(GRID, 'facilities.geojson'), 'utf8')));
    writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
    writeFileSync(join(dir, 'r.geojson'), JSON.stringify(roads));
    const rows = facilities.features.map((f) => {
      const p = (f as unknown as { properties: Record<string, string> }).properties;
      const [x, y] = f.geometry.coordinates as [number, number];
      return `${p.id},${p.name},${p.category},${x},${y}`;
    });
    writeFileSync(join(dir, 'f.csv'), iconv.encode(['编号,名称,类型,经度,纬度', ...rows].join('\r\n'), 'gbk'));
    const out = join(dir, 'out');
    const r = await cli([
      'analyze',
      '--facilities',
      join(dir, 'f.csv'),
      '--communities',
      join(dir, 'c.geojson'),
      '--roads',
      join(dir, 'r.geojson'),
      '--settings',
      join(GRID, 'settings.json'),
      '--crs',
      'GCJ02',
      '--export-crs',
      'GCJ02',
      '--out',
      out,
    ]);
    expect(r.code).toBe(0);
    const res = JSON.parse(readFileSync(join(out, 'communities.geojson'), 'utf8'));
    const byId = Object.fromEntries(res.features.map((f: { properties: { id: string } }) => [f.properties.id, f]));
    expect(byId.NE.properties.t_clinic_min).toBe(9.6); // same as the WGS84 golden: the offset was removed
    communities.features.forEach((f) => {
      const id = (f as unknown as { properties: { id: string } }).properties.id;
      const [x, y] = f.geometry.coordinates as [number, number];
      expect(Math.abs(byId[id].geometry.coordinates[0] - x)).toBeLessThan(1e-6);
      expect(Math.abs(byId[id].geometry.coordinates[1] - y)).toBeLessThan(1e-6);
    });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.provenance.inputs.map((i: { format: string; crs: string }) => `${i.format}:${i.crs}`)).toEqual(
      expect.arrayContaining(['csv:GCJ02', 'geojson:GCJ02']),
    );
  });

  it('exits 1 on an unknown --export-crs', async () => {
    const r = await cli([
      'analyze',
      '--facilities',
      join(GRID, 'facilities.geojson'),
      '--communities',
      join(GRID, 'communities.geojson'),
      '--export-crs',
      'EPSG:9999999',
      '--out',
      tmp(),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/export-crs/);
  });
});
