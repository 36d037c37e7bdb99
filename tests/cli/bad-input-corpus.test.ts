/**
 * The CLI over a seeded corpus of broken files (one of each kind in place of one layer of the grid
 * fixture, or of its settings): an exit code that says usable (0) or unusable (2), never an exception;
 * stderr names the file; nothing in the input folder changes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program';
import { brokenCorpus, type BrokenFile } from '../io/helpers/broken-corpus';

const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');

function folderHash(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort())
    h.update(name)
      .update('\0')
      .update(readFileSync(join(dir, name)))
      .update('\0');
  return h.digest('hex');
}

async function analyzeWith(f: BrokenFile) {
  const dir = mkdtempSync(join(tmpdir(), 'lc-broken-'));
  const input = join(dir, 'in');
  const out = join(dir, 'out');
  mkdirSync(input);
  for (const name of readdirSync(GRID)) copyFileSync(join(GRID, name), join(input, name));
  writeFileSync(join(input, f.name), f.bytes);
  const path = (layer: BrokenFile['layer'], file: string) => join(input, f.layer === layer ? f.name : file);
  const before = folderHash(input);
  let stderr = '';
  const code = await runCli(
    [
      'analyze',
      '--facilities',
      path('facilities', 'facilities.geojson'),
      '--communities',
      path('communities', 'communities.geojson'),
      '--roads',
      path('roads', 'roads.geojson'),
      '--settings',
      path('settings', 'settings.json'),
      '--out',
      out,
    ],
    { out: () => {}, err: (t) => (stderr += t) },
  );
  return { code, stderr, unchanged: folderHash(input) === before };
}

describe('lifecircle analyze over a corpus of broken files', () => {
  for (const f of brokenCorpus(40, 2)) {
    it(`${f.kind} (${f.note}): exit ${f.expect === 'error' ? 2 : '0 or 2'}, stderr names ${f.name}, input unchanged`, async () => {
      const r = await analyzeWith(f);
      expect([0, 2], r.stderr).toContain(r.code);
      if (f.expect === 'error') expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(f.name);
      for (const m of f.mentions) expect(r.stderr).toContain(m);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(r.unchanged).toBe(true);
    });
  }
});

describe('lifecircle analyze on a 1 GB sparse CSV', () => {
  it('refuses it by its size before reading it, naming the file and the limit', async () => {
    const bytes = new TextEncoder().encode('id,name,category,lon,lat\nF1,a,clinic,121.55,29.87\n');
    const dir = mkdtempSync(join(tmpdir(), 'lc-sparse-'));
    const path = join(dir, 'sparse.csv');
    writeFileSync(path, bytes);
    truncateSync(path, 2 ** 30); // a hole of NUL bytes: no disk space used
    let stderr = '';
    const code = await runCli(
      ['analyze', '--facilities', path, '--communities', join(GRID, 'communities.geojson'), '--out', join(dir, 'out')],
      { out: () => {}, err: (t) => (stderr += t) },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/sparse\.csv: cannot read .*: it is 1024 MiB, more than the 256 MiB a layer may have/);
  });
});
