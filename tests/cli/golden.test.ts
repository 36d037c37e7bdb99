import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';

const FIXTURES = resolve(__dirname, '../fixtures');
// Reports carry the time they were made; fix it (the reproducible-builds SOURCE_DATE_EPOCH) so goldens are stable.
process.env.SOURCE_DATE_EPOCH = '1735689600'; // 2025-01-01T00:00:00Z
/** The golden outputs: every GeoJSON layer the run wrote (one geometry type each), summary.json and accessibility.csv. */
const outputs = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.geojson') || f === 'summary.json' || f === 'accessibility.csv')
    .sort();

/** Run `analyze` on a fixture's in/ folder; returns the out folder and what was printed. */
export async function analyzeFixture(
  name: string,
  extra: string[] = [],
): Promise<{ dir: string; code: number; stdout: string; stderr: string }> {
  const inDir = join(FIXTURES, name, 'in');
  const dir = mkdtempSync(join(tmpdir(), `lc-${name}-`));
  const args = [
    'analyze',
    '--facilities',
    join(inDir, 'facilities.geojson'),
    '--communities',
    join(inDir, 'communities.geojson'),
    '--out',
    dir,
  ];
  if (existsSync(join(inDir, 'roads.geojson'))) args.push('--roads', join(inDir, 'roads.geojson'));
  if (existsSync(join(inDir, 'settings.json'))) args.push('--settings', join(inDir, 'settings.json'));
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, ...extra], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { dir, code, stdout, stderr };
}

const props = (dir: string, file = 'communities.geojson') =>
  Object.fromEntries(
    (JSON.parse(readFileSync(join(dir, file), 'utf8')).features as { properties: Record<string, unknown> }[])
      .filter((f) => f.properties.type_of_feature === 'community')
      .map((f) => [f.properties.id as string, f.properties]),
  );

describe('golden fixtures (REGEN=1 rewrites out/)', () => {
  const names = readdirSync(FIXTURES).filter((n) => existsSync(join(FIXTURES, n, 'in')));
  it('has the four hand-checkable fixtures', () => {
    expect(names).toEqual(expect.arrayContaining(['grid-3x3', 'bridge', 'off-network', 'half-village']));
  });
  for (const name of names) {
    it(`${name}: outputs equal the golden files`, async () => {
      const { dir, code } = await analyzeFixture(name);
      expect(code).toBe(0);
      const outDir = join(FIXTURES, name, 'out');
      if (process.env.REGEN) {
        rmSync(outDir, { recursive: true, force: true });
        mkdirSync(outDir, { recursive: true });
      }
      expect(outputs(dir)).toContain('gap-zones.geojson');
      if (!process.env.REGEN) expect(outputs(dir), name).toEqual(outputs(outDir));
      for (const f of outputs(dir)) {
        const got = readFileSync(join(dir, f), 'utf8');
        if (process.env.REGEN) writeFileSync(join(outDir, f), got);
        expect(got, `${name}/${f}`).toBe(readFileSync(join(outDir, f), 'utf8'));
      }
    });
  }
});

describe('hand-checked times (5 km/h = 83.33 m/min)', () => {
  it('grid-3x3: along the streets from the south-west clinic', async () => {
    const { dir } = await analyzeFixture('grid-3x3');
    const p = props(dir);
    expect(p.NE!.t_clinic_min).toBe(9.6); // 800 m of streets
    expect(p.MID!.t_clinic_min).toBe(4.8); // 400 m
    expect(p.OFF!.t_clinic_min).toBe(1.8); // 50 m access leg + 100 m of street
    expect(p.OFF!.t_sports_min).toBe(4.2); // 50 m + 300 m to the south-east corner
    expect(p.NE!.cov_clinic).toBe(0); // threshold 5 min = 416.7 m
    expect(p.MID!.cov_clinic).toBe(1);
    expect(p.NE!.t_canteen_min).toBeNull(); // no canteen at all
  });

  it('bridge: crossing without a shared vertex does not connect, the detour counts', async () => {
    const { dir } = await analyzeFixture('bridge');
    // 600 m down the bridge road, 500 m west, 300 m north, 1000 m east = 2400 m; via a junction it would be 800 m
    expect(props(dir).B!.t_canteen_min).toBe(28.8);
  });

  it('off-network: null time and a warning, never a straight-line fallback', async () => {
    const { dir, stderr } = await analyzeFixture('off-network');
    const p = props(dir);
    expect(p.AWAY!.t_convenience_min).toBeNull();
    expect(p.AWAY!.cov_convenience).toBe(0);
    expect(p.ON!.t_convenience_min).toBe(10.9); // 10 m + 900 m
    expect(stderr).toMatch(/AWAY.*off-network/);
    expect(stderr).toMatch(/FAR.*off-network/);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.warnings.map((w: { id: string }) => w.id)).toEqual(expect.arrayContaining(['AWAY', 'FAR']));
  });

  it('half-village: the part beyond 1,666.7 m is outside the rural 20-minute circle', async () => {
    const { dir } = await analyzeFixture('half-village');
    const v = props(dir).V!;
    expect(v.cov_clinic as number).toBeGreaterThan(0.45);
    expect(v.cov_clinic as number).toBeLessThan(0.55);
    const zones = (
      JSON.parse(readFileSync(join(dir, 'gap-zones.geojson'), 'utf8')).features as { properties: Record<string, unknown> }[]
    ).filter((f) => f.properties.type_of_feature === 'gap_zone' && f.properties.category === 'clinic');
    expect(zones).toHaveLength(1);
    expect(zones[0]!.properties.population).toBe(Math.round(1200 * (1 - (v.cov_clinic as number))));
  });
});
