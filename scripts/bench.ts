/**
 * `npm run bench` — seeded synthetic cities at three sizes (S, M, L: up to 1,000,000 road segments,
 * 100,000 facilities, 1,000,000 demand samples). For every size it runs, each in its own child
 * process (isolated memory, its own peak RSS): the road-network pipeline, the straight-line
 * pipeline, and the naive all-pairs @turf/distance baseline; then prints stage medians, peak RSS,
 * baseline ratios and a PASS/FAIL line per goal. It times the built command's start-up (`lifecircle
 * --help`) and, with size M, `lifecircle analyze` on the M city written to GeoJSON
 * (scripts/bench/cli-ratio.ts). Progress goes to stderr, the report to stdout.
 *
 *   npm run bench -- [--sizes S,M,L] [--repeat N] [--seed N] [--no-baseline] [--cpu-prof DIR] [--siting full|quick|none]
 *                    [--only engine,read,cli,siting,terrain]
 *
 * `--only` runs just the named sections (default all): `engine` (the pipelines and the baseline),
 * `read` (reading GeoJSON vs JSON.parse), `cli` (`lifecircle --help` start-up and, with size M, the
 * whole-CLI ratio), `siting`, `terrain` (scripts/bench-terrain.ts with the same sizes and repeats).
 * E.g. `npm run bench -- --only read,cli --sizes M` for issue 12's two ratios alone.
 *
 * `--cpu-prof DIR` writes V8 CPU profiles of every child into DIR/<size>-<job>/ (open the largest,
 * the main thread's, in Chrome DevTools), and of the whole command's untimed run into DIR/<size>-cli/.
 *
 * Exit code 0 whatever the goals say (benchmarks are not tests); 1 when a child crashed or the
 * answers disagree (with the baseline, with `analyze()`, or a network time beats the crow).
 */
import { execFileSync, fork, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchJob, BenchResult, JobKind } from './bench/job';
import os from 'node:os';
import { benchCliRatio } from './bench/cli-ratio';
import { formatReport } from './bench/report';
import { calibrationNsPerElement, CHILD_NODE_ARGS } from './bench/stats';
import { CITY_SIZES, type CitySize } from './bench/synthetic-city';

interface Options {
  sizes: CitySize[];
  /** Repeats per size; null = default (3). */
  repeat: number | null;
  seed: number;
  baseline: boolean;
  /** Directory for V8 CPU profiles of the children, or null. */
  cpuProfDir: string | null;
  /** Siting bench after the engine tables: full sizes, quick sizes, or none. */
  siting: 'full' | 'quick' | 'none';
  /** Sections to run. */
  only: Set<Section>;
}

const SECTIONS = ['engine', 'read', 'cli', 'siting', 'terrain'] as const;
type Section = (typeof SECTIONS)[number];

const DEFAULT_REPEATS = 3;
const here = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv: string[]): Options {
  const options: Options = {
    sizes: [...CITY_SIZES],
    repeat: null,
    seed: 1,
    baseline: true,
    cpuProfDir: null,
    siting: 'full',
    only: new Set(SECTIONS),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--sizes') {
      const names = value()
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
      options.sizes = names.map((n) => {
        const size = CITY_SIZES.find((s) => s.name === n);
        if (!size) throw new Error(`unknown size "${n}" (sizes: ${CITY_SIZES.map((s) => s.name).join(', ')})`);
        return size;
      });
    } else if (flag === '--repeat') {
      const n = Number(value());
      if (!(Number.isInteger(n) && n >= 1)) throw new Error(`--repeat must be a positive integer, got ${n}`);
      options.repeat = n;
    } else if (flag === '--seed') {
      const n = Number(value());
      if (!Number.isInteger(n)) throw new Error(`--seed must be an integer, got ${n}`);
      options.seed = n;
    } else if (flag === '--cpu-prof') {
      options.cpuProfDir = path.resolve(value());
    } else if (flag === '--no-baseline') {
      options.baseline = false;
    } else if (flag === '--siting') {
      const v = value();
      if (v !== 'full' && v !== 'quick' && v !== 'none') throw new Error(`--siting must be full, quick or none, got ${v}`);
      options.siting = v;
    } else if (flag === '--only') {
      const names = value()
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const bad = names.find((n) => !(SECTIONS as readonly string[]).includes(n));
      if (bad !== undefined || names.length === 0)
        throw new Error(`--only takes sections among ${SECTIONS.join(', ')}, got "${bad ?? ''}"`);
      options.only = new Set(names as Section[]);
    } else {
      throw new Error(
        `unknown option ${arg} (options: --sizes S,M,L --repeat N --seed N --no-baseline --cpu-prof DIR --siting full|quick|none --only ${SECTIONS.join(',')})`,
      );
    }
  }
  return options;
}

/** Runs one job in a fresh child process and resolves with its result (rejects when it crashes). */
function runChild(job: BenchJob, cpuProfDir: string | null): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    // one directory per job: node writes a profile per thread (the main one is the largest)
    const profile = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(cpuProfDir, `${job.size.name}-${job.kind}`)] : [];
    const child = fork(path.join(here, 'bench', 'child.ts'), [JSON.stringify(job)], {
      execArgv: ['--max-old-space-size=8192', '--expose-gc', ...profile, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: BenchResult | null = null;
    child.on('message', (m) => {
      result = m as BenchResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`${job.size.name} ${job.kind}: child exited with ${signal ?? `code ${code}`}`));
    });
  });
}

/** The commit measured, and engine files changed since it (benchmarks of a dirty tree must say so). */
function engineVersion(): string {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: path.join(here, '..'), encoding: 'utf8' }).trimEnd();
    const dirty = git('status', '--porcelain', '--', 'src/engine')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3));
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty.length > 0 ? ` + uncommitted changes in ${dirty.join(', ')}` : ''}`;
  } catch {
    return 'commit unknown (not a git checkout)';
  }
}

/** The siting bench (scripts/bench-siting.ts) in its own process, after the engine tables. */
function runSitingBench(quick: boolean): number {
  process.stderr.write(`bench: siting${quick ? ' (quick)' : ''} …\n`);
  const res = spawnSync(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', path.join(here, 'bench-siting.ts'), ...(quick ? ['--quick'] : [])],
    { stdio: 'inherit' },
  );
  return res.status ?? 1;
}

/** The terrain bench (scripts/bench-terrain.ts) in its own process, with the same sizes and repeats. */
function runTerrainBench(sizes: readonly CitySize[], repeats: number): number {
  process.stderr.write('bench: terrain …\n');
  const res = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      path.join(here, 'bench-terrain.ts'),
      '--sizes',
      sizes.map((s) => s.name).join(','),
      '--repeat',
      String(repeats),
    ],
    { stdio: 'inherit' },
  );
  return res.status ?? 1;
}

/** Reading speed (scripts/bench/read-ratio.ts) in its own process, for the sizes up to M. */
function runReadRatioBench(sizes: readonly CitySize[], seed: number): number {
  const names = sizes.filter((s) => s.segments <= 200_000).map((s) => s.name);
  if (names.length === 0) return 0;
  const res = spawnSync(
    process.execPath,
    [...CHILD_NODE_ARGS, path.join(here, 'bench', 'read-ratio.ts'), '--sizes', names.join(','), '--seed', String(seed)],
    { stdio: 'inherit' },
  );
  return res.status ?? 1;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const kinds: JobKind[] = options.baseline ? ['network', 'straight', 'baseline'] : ['network', 'straight'];
  const results: BenchResult[] = [];
  const repeatsBySize: Record<string, number> = {};
  let crashed = false;
  const machine = {
    version: engineVersion(),
    calibrationNs: calibrationNsPerElement(),
    loadAverage: os.loadavg()[0]!,
    cpus: os.cpus().length,
    memGB: os.totalmem() / 2 ** 30,
  };
  for (const size of options.only.has('engine') ? options.sizes : []) {
    const repeats = options.repeat ?? DEFAULT_REPEATS;
    repeatsBySize[size.name] = repeats;
    for (const kind of kinds) {
      process.stderr.write(`bench: ${size.name} ${kind} (${repeats} run(s)) …\n`);
      try {
        results.push(await runChild({ size, kind, repeats: kind === 'baseline' ? 1 : repeats, seed: options.seed }, options.cpuProfDir));
      } catch (error) {
        crashed = true;
        process.stderr.write(`bench: ${(error as Error).message}\n`);
      }
    }
  }
  if (options.only.has('engine')) process.stdout.write(`${formatReport(results, repeatsBySize, machine)}\n`);
  const readCode = options.only.has('read') ? runReadRatioBench(options.sizes, options.seed) : 0;
  const cliOk = options.only.has('cli')
    ? benchCliRatio(options.sizes, options.seed, options.repeat ?? DEFAULT_REPEATS, options.cpuProfDir)
    : true;
  const disagree = results.some((r) => r.problems.length > 0) || readCode !== 0 || !cliOk;
  const sitingCode = options.siting === 'none' || !options.only.has('siting') ? 0 : runSitingBench(options.siting === 'quick');
  const terrainCode = options.only.has('terrain') ? runTerrainBench(options.sizes, options.repeat ?? DEFAULT_REPEATS) : 0;
  return crashed || disagree || sitingCode !== 0 || terrainCode !== 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
