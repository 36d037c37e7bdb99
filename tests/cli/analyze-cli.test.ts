import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';

const REAL = resolve(__dirname, '../../../shared/data/north-bayreuth');
const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'lc-cli-'));

describe('analyze on the real OSM area (north of Bayreuth)', () => {
  const run = async (model: 'network' | 'straight', detour?: number) => {
    const out = tmp();
    const settings = JSON.parse(readFileSync(join(REAL, 'settings.json'), 'utf8'));
    if (detour !== undefined) settings.detourFactor = detour;
    const sPath = join(out, 'settings.json');
    writeFileSync(sPath, JSON.stringify(settings));
    const r = await cli(['analyze', '--facilities', join(REAL, 'facilities.geojson'), '--communities', join(REAL, 'communities.geojson'), '--roads', join(REAL, 'roads.geojson'), '--settings', sPath, '--model', model, '--out', out]);
    return { ...r, out, communities: JSON.parse(readFileSync(join(out, 'communities.geojson'), 'utf8')), summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
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
    const r = await cli(['analyze', '--facilities', join(dir, 'f.geojson'), '--communities', join(GRID, 'communities.geojson'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/f\.geojson.*line 2, column \d+/);
  });

  it('exits 2 naming the unknown settings field', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's.json'), JSON.stringify({ walkSpeedKmh: { urban: 5, rural: 5 }, detour: 1.2 }));
    const r = await cli(['analyze', '--facilities', join(GRID, 'facilities.geojson'), '--communities', join(GRID, 'communities.geojson'), '--settings', join(dir, 's.json'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/s\.json.*detour/);
  });

  it('skips bad features, names them, and still reports the rest', async () => {
    const dir = tmp();
    const communities = JSON.parse(readFileSync(join(GRID, 'communities.geojson'), 'utf8'));
    communities.features.push(
      { type: 'Feature', properties: { id: 'BAD1', kind: 'urban', population: -5 }, geometry: { type: 'Point', coordinates: [121.55, 29.87] } },
      { type: 'Feature', properties: { id: 'BAD2', kind: 'urban', population: 10 }, geometry: null },
      { type: 'Feature', properties: { id: 'XSS', name: '=HYPERLINK("http://x","<img src=x onerror=alert(1)>")', kind: 'urban', population: 10 }, geometry: { type: 'Point', coordinates: [121.551, 29.8701] } },
    );
    writeFileSync(join(dir, 'c.geojson'), JSON.stringify(communities));
    const r = await cli(['analyze', '--facilities', join(GRID, 'facilities.geojson'), '--communities', join(dir, 'c.geojson'), '--roads', join(GRID, 'roads.geojson'), '--out', dir]);
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
    expect(summary.warnings.filter((w: { severity: string }) => w.severity === 'error').map((w: { id: string }) => w.id)).toEqual(['BAD1', 'BAD2']);
  });

  it('prints usage and exits 1 when a required option is missing', async () => {
    const r = await cli(['analyze', '--facilities', 'x.geojson']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--communities/);
  });
});
