/** The CLI run in this process, its stdout and stderr collected as text (what a user's terminal shows). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/program';

/** Output of one CLI run: exit code, stdout and stderr. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `lifecircle <args>` in this process and collects what it prints. */
export async function cli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');

/** `analyze --quiet` on the grid-3x3 fixture (its three layers and settings) into a fresh folder, with `extra` arguments. */
export async function analyzeGrid(extra: string[] = []): Promise<CliRun & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lc-grid-'));
  const files = ['facilities', 'communities', 'roads'].flatMap((n) => [`--${n}`, join(GRID, `${n}.geojson`)]);
  const run = await cli(['analyze', ...files, '--settings', join(GRID, 'settings.json'), '--out', dir, '--quiet', ...extra]);
  return { ...run, dir };
}
