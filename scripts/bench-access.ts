/**
 * `npm run bench:access` — 2SFCA and E2SFCA for every category of the Ningbo preset on the seeded
 * synthetic bench cities (scripts/bench/synthetic-city.ts), network and straight line, against a
 * brute force over all pairs on a subset of facilities (scripts/bench/accessibility-bench.ts). Each
 * (size, model) runs in its own child process (isolated memory). Goals (issue 16): M under 5 s,
 * L under 60 s. Progress on stderr, the report on stdout.
 *
 *   npm run bench:access -- [--sizes S,M,L] [--models network,straight] [--repeat N] [--subset N] [--seed N] [--cpu-prof DIR]
 *
 * Defaults: sizes S,M, both models, 5 runs (3 on L), 20 facilities for the brute force. The
 * verdict is on the median wall time; the CPU time (user + system) is printed beside it, since the
 * machine may be shared. Exit code 1 when a child crashed or the engine's catchments differ from
 * the brute force; 0 whatever the goals say.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/engine/analyze';
import type { Settings } from '../src/engine/model';
import { getPreset } from '../src/engine/presets';
import { type AccessibilityBench, benchAccessibility } from './bench/accessibility-bench';
import { collectGarbage, peakRssMB } from './bench/stats';
import { CITY_SIZES, type CitySize, generateSyntheticCity } from './bench/synthetic-city';

type Model = 'network' | 'straight';

interface Job {
  size: CitySize;
  model: Model;
  repeats: number;
  subset: number;
  seed: number;
}

interface JobResult {
  job: Job;
  facilities: number;
  samples: number;
  segments: number;
  analyzeMs: number;
  bench: AccessibilityBench;
  peakRssMB: number;
  /** Load average (1 min) after the runs: above 2 the 2-core machine was shared and wall times overstate. */
  load: number;
}

/** Goal per size name, ms (issue 16); sizes without one print no verdict. */
const GOALS_MS: Record<string, number> = { M: 5_000, L: 60_000 };

function runJob(job: Job): JobResult {
  const preset = getPreset('ningbo');
  if (!preset) throw new Error('preset ningbo is missing');
  const settings: Settings = { ...preset.settings, model: job.model };
  const t0 = performance.now();
  const { dataset, figures } = generateSyntheticCity(job.size, { seed: job.seed, categories: settings.categories.map((c) => c.id) });
  process.stderr.write(`  [${job.size.name} ${job.model}: city in ${(performance.now() - t0).toFixed(0)} ms]\n`);
  collectGarbage();
  const a0 = performance.now();
  const analysis = analyze(dataset, settings);
  const analyzeMs = performance.now() - a0;
  process.stderr.write(`  [${job.size.name} ${job.model}: analyze() ${analyzeMs.toFixed(0)} ms]\n`);
  const bench = benchAccessibility(analysis, dataset, settings, job.repeats, job.subset, job.seed);
  return {
    job,
    facilities: dataset.facilities.length,
    samples: analysis.samples.count,
    segments: figures.walkableSegments,
    analyzeMs,
    bench,
    peakRssMB: peakRssMB(),
    load: os.loadavg()[0]!,
  };
}

function runChild(job: Job, cpuProfDir: string | null): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const profile = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(cpuProfDir, `${job.size.name}-${job.model}`)] : [];
    const child = fork(fileURLToPath(import.meta.url), ['--child', JSON.stringify(job)], {
      execArgv: ['--max-old-space-size=8192', '--expose-gc', ...profile, '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: JobResult | null = null;
    child.on('message', (m) => {
      result = m as JobResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`${job.size.name} ${job.model}: child exited with ${signal ?? `code ${code}`}`));
    });
  });
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function format(r: JobResult): string {
  const { job, bench: b } = r;
  const goal = GOALS_MS[job.size.name];
  const verdict = (ms: number): string => (goal === undefined ? '' : ms < goal ? 'PASS' : 'FAIL');
  const lines = [
    `${job.size.name} ${job.model}: ${r.facilities} facilities, ${r.samples} samples, ${r.segments} walkable segments; analyze() ${s(r.analyzeMs)}`,
    `  pairs in reach (all categories): ${b.pairs}`,
    `  engine (computeAccessibility, 6 categories, 2SFCA + E2SFCA): median ${s(b.medianMs)} wall, ${s(b.medianCpuMs)} CPU over ${b.runsMs.length} runs (${b.runsMs.map((m) => (m / 1000).toFixed(2)).join(', ')} s)`,
    `  brute force (one full travel-model field per facility, every sample): ${b.bruteMsPerFacility.toFixed(1)} ms/facility (median of ${b.bruteFacilities}) × ${r.facilities} = ${s(b.bruteMsPerFacility * r.facilities)}; ratio ${b.ratio.toFixed(0)}× (CPU: ${b.ratioCpu.toFixed(0)}×)`,
    `  catchments vs brute force on ${b.bruteFacilities} facilities: ${b.mismatches === 0 ? 'equal' : `${b.mismatches} pairs DIFFER`}; peak RSS ${r.peakRssMB.toFixed(0)} MB`,
  ];
  if (goal !== undefined)
    lines.push(
      `  goal < ${s(goal)}: ${verdict(b.medianMs)} (wall median ${s(b.medianMs)}); CPU median ${s(b.medianCpuMs)}: ${verdict(b.medianCpuMs)}`,
    );
  return lines.join('\n');
}

function parseArgs(argv: string[]): { jobs: Job[]; cpuProfDir: string | null } {
  let sizes = CITY_SIZES.filter((c) => c.name !== 'L');
  let models: Model[] = ['network', 'straight'];
  let repeat: number | null = null;
  let subset = 20;
  let seed = 1;
  let cpuProfDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (min: number): number => {
      const n = Number(value());
      if (!(Number.isInteger(n) && n >= min)) throw new Error(`${flag} must be an integer ≥ ${min}`);
      return n;
    };
    if (flag === '--sizes')
      sizes = value()
        .split(',')
        .map((n) => {
          const size = CITY_SIZES.find((c) => c.name === n.trim().toUpperCase());
          if (!size) throw new Error(`unknown size "${n}" (sizes: ${CITY_SIZES.map((c) => c.name).join(', ')})`);
          return size;
        });
    else if (flag === '--models')
      models = value()
        .split(',')
        .map((m) => {
          if (m !== 'network' && m !== 'straight') throw new Error(`unknown model "${m}" (network, straight)`);
          return m;
        });
    else if (flag === '--repeat') repeat = int(1);
    else if (flag === '--subset') subset = int(1);
    else if (flag === '--seed') seed = int(-(2 ** 31));
    else if (flag === '--cpu-prof') cpuProfDir = path.resolve(value());
    else throw new Error(`unknown option ${flag} (--sizes S,M,L --models network,straight --repeat N --subset N --seed N --cpu-prof DIR)`);
  }
  const jobs = sizes.flatMap((size) =>
    models.map((model) => ({ size, model, repeats: repeat ?? (size.name === 'L' ? 3 : 5), subset, seed })),
  );
  return { jobs, cpuProfDir };
}

async function main(): Promise<number> {
  const { jobs, cpuProfDir } = parseArgs(process.argv.slice(2));
  const out: string[] = [`# 2SFCA + E2SFCA bench (load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`];
  let failed = false;
  for (const job of jobs) {
    process.stderr.write(`bench:access: ${job.size.name} ${job.model} (${job.repeats} runs) …\n`);
    try {
      const r = await runChild(job, cpuProfDir);
      out.push(format(r));
      if (r.bench.mismatches > 0) failed = true;
    } catch (error) {
      failed = true;
      out.push(`${job.size.name} ${job.model}: ${(error as Error).message}`);
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return failed ? 1 : 0;
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const job = JSON.parse(process.argv[childAt + 1]!) as Job;
  const result = runJob(job);
  process.send!(result, () => process.exit(0));
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bench:access: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
