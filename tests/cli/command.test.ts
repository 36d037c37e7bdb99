/**
 * The built `lifecircle` command (scripts/build-cli.mjs, what `bin` points at) run as a child
 * process, as a user runs it: help, usage errors, unusable paths, --json and --quiet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { writeShapefile } from '../io/helpers/shapefile-writer';
import { zipStore } from '../io/helpers/zip-store';

const ROOT = resolve(__dirname, '../..');
const SAMPLE = join(ROOT, 'data/sample');
const INPUT = ['--facilities', join(SAMPLE, 'facilities.geojson'), '--communities', join(SAMPLE, 'communities.geojson')];
// built inside node_modules so that `highs` (kept out of the bundle) resolves as in an install
const CACHE = join(ROOT, 'node_modules', '.cache');
let buildDir = '';
/** The file `bin` names, in the build folder (the CommonJS launcher). */
const BIN = basename((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: { lifecircle: string } }).bin.lifecircle);
let work = '';

beforeAll(() => {
  mkdirSync(CACHE, { recursive: true });
  buildDir = mkdtempSync(join(CACHE, 'lifecircle-cli-'));
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--outdir', buildDir], { stdio: 'inherit' });
  work = mkdtempSync(join(tmpdir(), 'lc-command-'));
}, 120_000);

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Run the built command; a hang fails the test through the timeout (status null). */
function lifecircle(args: string[], timeoutMs = 25_000) {
  const r = spawnSync(process.execPath, [join(buildDir, BIN), ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, LIFECIRCLE_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lifecircle (built command)', () => {
  it('is plain JavaScript with a node shebang: the CommonJS launcher bin names, and the ES module entry', () => {
    expect(BIN).toBe('lifecircle.cjs');
    for (const file of [BIN, 'lifecircle.mjs'])
      expect(readFileSync(join(buildDir, file), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('the ES module entry answers like the launcher (help from help.json, and a usage error)', () => {
    for (const args of [['--help'], ['analyze', '--bogus']]) {
      const viaBin = lifecircle(args);
      const direct = spawnSync(process.execPath, [join(buildDir, 'lifecircle.mjs'), ...args], { cwd: work, encoding: 'utf8' });
      expect([direct.status, direct.stdout, direct.stderr]).toEqual([viaBin.code, viaBin.stdout, viaBin.stderr]);
    }
  });

  it('--help exits 0 with usage, an example and the exit codes', () => {
    const r = lifecircle(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: lifecircle \[options\] \[command\]/);
    expect(r.stdout).toMatch(/Examples:\n\s+lifecircle analyze --facilities/);
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*1 +usage error[\s\S]*2 +unusable input/);
  });

  it.each(['analyze', 'site'])('%s --help shows its usage and an example', (command) => {
    const r = lifecircle([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: lifecircle ${command} \\[options\\]`));
    expect(r.stdout).toMatch(new RegExp(`Example[^\\n]*:\\n\\s+lifecircle ${command} `));
    expect(r.stdout).toMatch(/--json/);
    expect(r.stdout).toMatch(/--quiet/);
  });

  it.each(['--help', '-h', 'analyze --help', 'site -h', 'import-osm --help'])(
    'lifecircle %s: the text the program prints, answered from help.json without loading it',
    async (request) => {
      const args = request.split(' ');
      let expected = '';
      expect(await runCli(args, { out: (t) => (expected += t), err: () => {} })).toBe(0);
      const help = JSON.parse(readFileSync(join(buildDir, 'help.json'), 'utf8')) as Record<string, string>;
      expect(help[args.join('\0')]).toBe(expected);
      // with the program's chunks moved away: nothing but the entry is loaded
      renameSync(join(buildDir, 'chunks'), join(buildDir, 'chunks-away'));
      try {
        const r = lifecircle(args);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(expected);
        expect(r.stderr).toBe('');
      } finally {
        renameSync(join(buildDir, 'chunks-away'), join(buildDir, 'chunks'));
      }
      // the same text when help.json is missing (the program answers)
      rmSync(join(buildDir, 'help.json'));
      try {
        expect(lifecircle(args).stdout).toBe(expected);
      } finally {
        writeFileSync(join(buildDir, 'help.json'), JSON.stringify(help));
      }
    },
  );

  it('exits 1 with the usage line on an unknown flag', () => {
    const r = lifecircle(['analyze', ...INPUT, '--colour', 'red']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown option '--colour'/);
    expect(r.stderr).toMatch(/usage: lifecircle analyze \[options\]/);
    expect(r.stdout).toBe('');
  });

  it('exits 1 with the usage line when a value is missing', () => {
    const r = lifecircle(['analyze', '--communities', join(SAMPLE, 'communities.geojson'), '--facilities']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--facilities <file>' argument missing/);
    expect(r.stderr).toMatch(/usage: lifecircle analyze/);
  });

  it('exits 2 naming a FIFO given as a file, without waiting for a writer', () => {
    const fifo = join(work, 'facilities-pipe.geojson');
    if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const r = lifecircle(
      ['analyze', '--facilities', fifo, '--communities', join(SAMPLE, 'communities.geojson'), '--out', join(work, 'fifo-out')],
      15_000,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(fifo);
    expect(r.stderr).toMatch(/not a regular file.*FIFO/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 naming /dev/zero and a directory given as files', () => {
    const zero = lifecircle(
      ['analyze', '--facilities', '/dev/zero', '--communities', join(SAMPLE, 'communities.geojson'), '--out', join(work, 'zero-out')],
      15_000,
    );
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/\/dev\/zero: not a regular file: it is a character device/);
    const dir = lifecircle(['analyze', ...INPUT, '--settings', SAMPLE, '--out', join(work, 'dir-out')], 15_000);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain(`${SAMPLE}: not a regular file: it is a directory`);
  });

  it('exits 2 naming a file too large to read (a sparse 1 GiB CSV), without reading it', () => {
    const big = join(work, 'sparse.csv');
    writeFileSync(big, '');
    truncateSync(big, 2 ** 30); // sparse: no disk space, no time
    const r = lifecircle(
      ['analyze', '--facilities', big, '--communities', join(SAMPLE, 'communities.geojson'), '--out', join(work, 'big-out')],
      15_000,
    );
    rmSync(big);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot read ${big}: it is 1024 MiB, more than the 256 MiB a layer may have`);
  });

  it('exits 2 without a stack trace when the output folder cannot be written', () => {
    const grid = join(ROOT, 'tests/fixtures/grid-3x3/in');
    const r = lifecircle([
      'analyze',
      '--facilities',
      join(grid, 'facilities.geojson'),
      '--communities',
      join(grid, 'communities.geojson'),
      '--out',
      '/dev/null/out',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lifecircle: ENOTDIR: not a directory, mkdir '\/dev\/null\/out'/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads a zipped GBK Shapefile and a GBK CSV (the bundled readers)', () => {
    const grid = join(ROOT, 'tests/fixtures/grid-3x3/in');
    const shp = writeShapefile({
      kind: 'point',
      shapes: [
        [121.55, 29.87],
        [121.551, 29.871],
      ],
      fields: [
        { name: 'id', type: 'C', length: 8 },
        { name: 'category', type: 'C', length: 12 },
        { name: 'name', type: 'C', length: 20 },
      ],
      records: [
        ['S1', 'clinic', '卫生站'],
        ['S2', 'sports', '体育场'],
      ],
      encode: (t) => iconv.encode(t, 'gbk'),
      languageDriver: 0x4d,
    });
    writeFileSync(
      join(work, 'fac.zip'),
      zipStore([
        { name: 'fac.shp', data: shp.shp },
        { name: 'fac.shx', data: shp.shx },
        { name: 'fac.dbf', data: shp.dbf },
      ]),
    );
    writeFileSync(join(work, 'fac.csv'), iconv.encode('编号,名称,类型,经度,纬度\r\nF1,卫生站,clinic,121.55,29.87\r\n', 'gbk'));
    for (const [file, format, count] of [
      ['fac.zip', 'shapefile', 2],
      ['fac.csv', 'csv', 1],
    ] as const) {
      const r = lifecircle([
        'analyze',
        '--facilities',
        join(work, file),
        '--communities',
        join(grid, 'communities.geojson'),
        '--json',
        '--out',
        join(work, `${format}-out`),
      ]);
      expect(r.code, r.stderr).toBe(0);
      const inputs = JSON.parse(r.stdout).provenance.inputs as { layer: string; format: string; features: { kept: number } }[];
      expect(inputs.find((i) => i.layer === 'facilities')).toMatchObject({ format, features: { kept: count } });
    }
  });

  it('--json prints only the summary on stdout, with the shares of every category', () => {
    const out = join(work, 'json-out');
    const r = lifecircle(['analyze', ...INPUT, '--roads', join(SAMPLE, 'roads.geojson'), '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.model).toBe('network');
    const categories = Object.entries(summary.categories as Record<string, { share: number }>);
    expect(categories.map(([id]) => id)).toEqual(['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience']);
    for (const [, c] of categories) expect(c.share).toBeGreaterThan(0);
    for (const [, c] of categories) expect(c.share).toBeLessThanOrEqual(1);
    expect(summary).toEqual(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
    expect(r.stderr).toMatch(/reading input[\s\S]*travel times: clinic[\s\S]*done/); // plain stage lines: stderr is a pipe
  });

  it('--quiet prints nothing on stderr when the run succeeds', () => {
    const out = join(work, 'quiet-out');
    const r = lifecircle(['analyze', ...INPUT, '--quiet', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/model: straight; 1346 communities/);
    expect(existsSync(join(out, 'coverage.csv'))).toBe(true);
  });

  it('site --exact --json loads the HiGHS solver and prints its summary', () => {
    const r = lifecircle([
      'site',
      '--category',
      'clinic',
      '--add',
      '2',
      '--exact',
      '--json',
      '--quiet',
      ...INPUT,
      '--out',
      join(work, 'site-out'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.solver).toBe('exact');
    expect(summary.sites).toBe(2);
    expect(summary.after_share).toBeGreaterThan(summary.before_share);
  });
});
