/**
 * Whole-CLI ratio of `npm run bench`: the bench's synthetic city is written to GeoJSON files, the
 * built command (`dist-cli/lifecircle.mjs`, rebuilt when stale) runs `analyze` on them as a child
 * process, and its wall time is compared with what the work needs in-process: `JSON.parse` of the
 * same three files plus `analyze()` of the city with the same settings and model. The goal (issue
 * 12): the command within 2× of that. The command's shares must equal analyze()'s (same city).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze } from '../../src/engine/analyze';
import type { Dataset, Settings } from '../../src/engine/model';
import { resolveSettings } from '../../src/io/settings';
import type { BaselineJob, BaselineResult } from './cli-baseline-child';
import { CHILD_NODE_ARGS, collectGarbage, median } from './stats';
import { type CitySize, generateSyntheticCity } from './synthetic-city';

/** The goal: the whole command at most this many times (JSON.parse of its inputs + analyze()). */
const CLI_RATIO_GOAL = 2;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PRESET = 'ningbo';
const MODEL = 'network';

/** What {@link measureCliRatio} found. */
interface CliRatioResult {
  size: string;
  /** Bytes of the three GeoJSON files. */
  inputBytes: number;
  /** Wall times of the command, ms, one per run. */
  commandMs: number[];
  /** The baseline, cold (a fresh process per run, as the command runs): JSON.parse of the three files, ms per run. */
  parseMs: number[];
  /** The baseline, cold: analyze() on the city, ms per run. */
  analyzeMs: number[];
  /** The baseline, cold: CPU time of JSON.parse + analyze(), ms per run (its start-up not counted). */
  baselineCpuMs: number[];
  /** For reference, the same work warm in this process (runs 2… reuse its JIT and heap): wall ms per run. */
  warmMs: number[];
  /** The command's phases (from its stage lines on stderr), ms, one record per run. */
  phasesMs: Record<string, number>[];
  /** CPU time (user + system) of the command, ms per run; empty where /proc is missing (not Linux). */
  commandCpuMs: number[];
  /** For reference: CPU time of JSON.parse + analyze() warm in this process, ms per run. */
  inProcessCpuMs: number[];
  /**
   * CPU ms (user + system) and minor page faults per phase of one extra run with a preload
   * (phase-cpu.mjs) reporting them at each stage line; `start-up` is everything before the first
   * stage (Node, loading the command). Empty when that run gave none.
   */
  phaseCpu: { phase: string; cpuMs: number; faults: number }[];
  /** Whether that run was also under `--cpu-prof` (its figures then carry the profiler's cost). */
  phaseCpuProfiled: boolean;
  /** Median command ÷ median cold (parse + analyze). */
  ratio: number;
  /** Disagreements between the command's summary and analyze() (empty when the answers agree). */
  problems: string[];
}

/** CPU ms of the waited-for children of this process so far (Linux /proc), or null elsewhere. */
function childrenCpuMs(ticksPerSecond: number): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond; // cutime, cstime
  } catch {
    return null;
  }
}

/** Phases of a run, from the command's stage lines `[  1.2 s] name` (0.1 s resolution). */
const PHASES: { name: string; from: (stage: string) => boolean }[] = [
  { name: 'reading', from: (s) => s === 'reading input' },
  { name: 'engine', from: (s) => s === 'demand samples' },
  { name: 'gap zones', from: (s) => s === 'gap zones' },
  { name: 'accessibility', from: (s) => s.startsWith('accessibility') },
  { name: 'district outlines', from: (s) => s === 'district outlines' },
  { name: 'indicators', from: (s) => s === 'indicators' },
  { name: 'reports', from: (s) => s === 'writing reports' },
];

/** Milliseconds per phase of one command run from its stderr; start-up and exit are the rest of the wall time. */
function commandPhases(stderr: string, wallMs: number): Record<string, number> {
  const marks: { phase: string; at: number }[] = [];
  for (const m of stderr.matchAll(/^\[ *([0-9.]+) s\] (.+)$/gm)) {
    const stage = m[2]!;
    const phase = stage === 'done' ? 'done' : PHASES.find((p) => p.from(stage))?.name;
    if (phase) marks.push({ phase, at: Number(m[1]) * 1000 });
  }
  const out: Record<string, number> = {};
  marks.forEach((m, i) => {
    if (m.phase !== 'done' && marks[i + 1]) out[m.phase] = marks[i + 1]!.at - m.at;
  });
  const done = marks.find((m) => m.phase === 'done');
  if (done) out['start-up and exit'] = wallMs - done.at;
  return out;
}

/**
 * CPU time and page faults per phase from the `[cpu] user system faults stage` lines of phase-cpu.mjs:
 * each phase from its first stage to the next phase's (or `done`).
 */
function phaseCpuOf(stderr: string): CliRatioResult['phaseCpu'] {
  const marks: { phase: string; cpu: number; faults: number }[] = [];
  for (const m of stderr.matchAll(/^\[cpu\] ([0-9.]+) ([0-9.]+) ([0-9]+) (.+)$/gm)) {
    const stage = m[4]!;
    const phase = stage === 'done' ? 'done' : PHASES.find((p) => p.from(stage))?.name;
    if (phase && marks.at(-1)?.phase !== phase) marks.push({ phase, cpu: Number(m[1]) + Number(m[2]), faults: Number(m[3]) });
  }
  if (marks.length === 0) return [];
  return [
    { phase: 'start-up', cpuMs: marks[0]!.cpu, faults: marks[0]!.faults },
    ...marks.slice(0, -1).map((m, i) => ({ phase: m.phase, cpuMs: marks[i + 1]!.cpu - m.cpu, faults: marks[i + 1]!.faults - m.faults })),
  ];
}

/** The city as the three GeoJSON texts a user would hand to the command. */
function cityGeoJson(dataset: Dataset): { facilities: string; communities: string; roads: string } {
  const collection = (features: string[]): string => `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
  return {
    facilities: collection(
      dataset.facilities.map((f) =>
        JSON.stringify({
          type: 'Feature',
          properties: { id: f.id, name: f.name, category: f.category },
          geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        }),
      ),
    ),
    communities: collection(
      dataset.communities.map((c) =>
        JSON.stringify({
          type: 'Feature',
          properties: { id: c.id, name: c.name, kind: c.kind, population: c.population },
          geometry: c.geometry,
        }),
      ),
    ),
    roads: collection(
      (dataset.roads ?? []).map((r) =>
        JSON.stringify({
          type: 'Feature',
          properties: { highway: r.highway },
          geometry: { type: 'LineString', coordinates: r.coordinates },
        }),
      ),
    ),
  };
}

/** Runs the baseline once in a fresh process (cli-baseline-child.ts) and returns what it measured. */
function runColdBaseline(job: BaselineJob): BaselineResult {
  const res = spawnSync(
    process.execPath,
    [...CHILD_NODE_ARGS, path.join(root, 'scripts/bench/cli-baseline-child.ts'), JSON.stringify(job)],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (res.status !== 0) throw new Error(`the cold baseline exited with ${res.status ?? res.signal}: ${res.stderr}`);
  return JSON.parse(res.stdout) as BaselineResult;
}

/**
 * Times the built `lifecircle analyze` on `size`'s synthetic city against JSON.parse + analyze().
 *
 * @param size bench city size (the issue's goal is stated for M)
 * @param seed city seed
 * @param repeats runs of each side (median)
 * @param log progress lines (stderr)
 * @param cpuProfDir with `--cpu-prof DIR`: the untimed run per phase also writes a V8 CPU profile of the command to DIR/<size>-cli/
 */
function measureCliRatio(
  size: CitySize,
  seed: number,
  repeats: number,
  log: (line: string) => void,
  cpuProfDir: string | null,
): CliRatioResult {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs'), '--if-stale'], { stdio: 'inherit' });
  const preset = resolveSettings({ preset: PRESET, model: MODEL }, 'bench');
  if (!preset.value) throw new Error(`settings of preset ${PRESET}: ${preset.errors.map((e) => e.reason).join('; ')}`);
  const settings: Settings = preset.value;
  const { dataset } = generateSyntheticCity(size, { seed, categories: settings.categories.map((c) => c.id) });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lc-bench-cli-'));
  try {
    const files = cityGeoJson(dataset);
    const paths = Object.fromEntries(
      Object.entries(files).map(([layer, text]) => {
        const p = path.join(dir, `${layer}.geojson`);
        writeFileSync(p, text);
        return [layer, p];
      }),
    ) as Record<keyof typeof files, string>;
    const inputBytes = Object.values(paths).reduce((s, p) => s + statSync(p).size, 0);
    log(`${size.name} whole CLI: wrote ${(inputBytes / 1e6).toFixed(1)} MB of GeoJSON`);

    const out = path.join(dir, 'out');
    const args = [
      path.join(root, 'dist-cli/lifecircle.mjs'),
      'analyze',
      '--facilities',
      paths.facilities,
      '--communities',
      paths.communities,
      '--roads',
      paths.roads,
      '--preset',
      PRESET,
      '--model',
      MODEL,
      '--json',
      '--out',
      out,
    ];
    const commandMs: number[] = [];
    const phasesMs: Record<string, number>[] = [];
    const commandCpuMs: number[] = [];
    let ticks = 100;
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
    } catch {
      // not POSIX: no CPU figures (childrenCpuMs gives null)
    }
    let summary: { categories?: Record<string, { share: number }> } = {};
    const parseMs: number[] = [];
    const analyzeMs: number[] = [];
    const baselineCpuMs: number[] = [];
    const problems: string[] = [];
    for (let r = 0; r < repeats; r++) {
      const c0 = childrenCpuMs(ticks);
      const t0 = performance.now();
      const res = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      commandMs.push(performance.now() - t0);
      const c1 = childrenCpuMs(ticks);
      if (c0 !== null && c1 !== null) commandCpuMs.push(c1 - c0);
      if (res.status !== 0) throw new Error(`lifecircle analyze exited with ${res.status ?? res.signal}: ${res.stderr}`);
      phasesMs.push(commandPhases(res.stderr, commandMs[r]!));
      summary = JSON.parse(res.stdout) as typeof summary;
      log(`${size.name} whole CLI run ${r + 1}/${repeats}: lifecircle analyze ${commandMs[r]!.toFixed(0)} ms`);
      // the baseline cold, right after: a fresh process, as the command is
      const b = runColdBaseline({ size: size.name, seed, preset: PRESET, model: MODEL, paths: Object.values(paths) });
      parseMs.push(b.parseMs);
      analyzeMs.push(b.analyzeMs);
      baselineCpuMs.push(b.cpuMs);
      log(
        `${size.name} whole CLI run ${r + 1}/${repeats}: cold JSON.parse ${b.parseMs.toFixed(0)} ms + analyze() ${b.analyzeMs.toFixed(0)} ms`,
      );
      if (r === 0)
        settings.categories.forEach((c) => {
          const want = b.shares[c.id]!;
          const got = summary.categories?.[c.id]?.share;
          if (got === undefined || !(Math.abs(got - want) <= 5e-5 + 1e-9))
            problems.push(`${c.id}: the command's share ${got} ≠ analyze() ${want.toFixed(6)}`);
        });
    }

    // one more run, not timed: where its CPU time goes, phase by phase
    // (with --cpu-prof DIR, also a V8 CPU profile of the command)
    const cpuProf = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', path.join(cpuProfDir, `${size.name}-cli`)] : [];
    const preload = ['--import', pathToFileURL(path.join(root, 'scripts/bench/phase-cpu.mjs')).href];
    const profiled = spawnSync(process.execPath, [...preload, ...cpuProf, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const phaseCpu = profiled.status === 0 ? phaseCpuOf(profiled.stderr) : [];

    // for reference, the same work warm in this process (the figure this bench compared with before)
    const warmMs: number[] = [];
    const inProcessCpuMs: number[] = [];
    for (let r = 0; r < repeats; r++) {
      // analyze() caches the road graph by the roads array: each run gets a new array, like the command
      const fresh = { ...dataset, roads: dataset.roads?.slice() ?? null };
      collectGarbage();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (const p of Object.values(paths)) JSON.parse(readFileSync(p, 'utf8'));
      analyze(fresh, settings);
      warmMs.push(performance.now() - t0);
      const cpu = process.cpuUsage(cpu0);
      inProcessCpuMs.push((cpu.user + cpu.system) / 1000);
      log(`${size.name} whole CLI run ${r + 1}/${repeats}: warm JSON.parse + analyze() ${warmMs[r]!.toFixed(0)} ms`);
    }
    const ratio = median(commandMs) / median(parseMs.map((p, i) => p + analyzeMs[i]!));
    return {
      size: size.name,
      inputBytes,
      commandMs,
      parseMs,
      analyzeMs,
      baselineCpuMs,
      warmMs,
      phasesMs,
      commandCpuMs,
      inProcessCpuMs,
      phaseCpu,
      phaseCpuProfiled: cpuProfDir !== null,
      ratio,
      problems,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median CPU time of the command ÷ median CPU time of JSON.parse + analyze() cold (a fresh process each run). */
const cpuRatio = (r: CliRatioResult): number => median(r.commandCpuMs) / median(r.baselineCpuMs);

/** The report lines of a {@link CliRatioResult}. */
function formatCliRatio(r: CliRatioResult): string {
  const ms = (v: number): string => `${Math.round(v).toLocaleString('en-US')} ms`;
  const inProcess = median(r.parseMs.map((p, i) => p + r.analyzeMs[i]!));
  return [
    `Whole CLI (${r.size}, ${(r.inputBytes / 1e6).toFixed(1)} MB of GeoJSON, ${PRESET}, ${MODEL} model; medians of ${r.commandMs.length}):`,
    `  lifecircle analyze (built command, child process) ${ms(median(r.commandMs))}  [runs ${r.commandMs.map(ms).join(', ')}]`,
    `  its phases (stage lines, 0.1 s steps): ${Object.keys(r.phasesMs[0] ?? {})
      .map((k) => `${k} ${ms(median(r.phasesMs.map((p) => p[k] ?? NaN)))}`)
      .join(', ')}`,
    ...(r.phaseCpu.length > 0
      ? [
          `  its CPU per phase (one more run${r.phaseCpuProfiled ? ', under --cpu-prof' : ''}; user + system, minor page faults): ${r.phaseCpu
            .map((p) => `${p.phase} ${ms(p.cpuMs)} (${Math.round(p.faults / 1000)}k)`)
            .join(', ')}; total ${ms(r.phaseCpu.reduce((t, p) => t + p.cpuMs, 0))}`,
        ]
      : []),
    `  JSON.parse of its inputs ${ms(median(r.parseMs))} + analyze() ${ms(median(r.analyzeMs))} = ${ms(inProcess)}, cold: a fresh process each run, as the command runs (its start-up not counted)`,
    `  for reference, the same work warm in this process (JIT and heap reused from run 2 on): ${ms(median(r.warmMs))}, CPU ${ms(median(r.inProcessCpuMs))}, command ÷ warm ${(median(r.commandMs) / median(r.warmMs)).toFixed(2)}× wall, ${(median(r.commandCpuMs) / median(r.inProcessCpuMs)).toFixed(2)}× CPU`,
    ...(r.commandCpuMs.length > 0
      ? [
          `  CPU time (user + system; less sensitive to other load): command ${ms(median(r.commandCpuMs))}, baseline cold ${ms(median(r.baselineCpuMs))}, ratio ${cpuRatio(r).toFixed(2)}×  goal within ${CLI_RATIO_GOAL}×: ${cpuRatio(r) <= CLI_RATIO_GOAL ? 'PASS' : 'FAIL'}`,
        ]
      : []),
    `  wall-time ratio ${r.ratio.toFixed(2)}×  goal within ${CLI_RATIO_GOAL}×: ${r.ratio <= CLI_RATIO_GOAL ? 'PASS' : 'FAIL'}`,
    ...(r.problems.length > 0
      ? r.problems.map((p) => `  ANSWERS DIFFER: ${p}`)
      : ["  the command's shares = analyze()'s (every category)"]),
  ].join('\n');
}

/** Goal of issue 12: `lifecircle --help` starts within this many ms (median of 10). */
const HELP_GOAL_MS = 150;

/** Median wall time of 10 runs of the built `lifecircle --help` (the `bin` file, after 2 warm-up runs), with bare `node -e 0` beside it. */
function formatHelpStartup(): string {
  const time = (args: string[]): number => {
    const runs: number[] = [];
    for (let r = 0; r < 12; r++) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (res.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${res.status ?? res.signal}`);
      if (r >= 2) runs.push(performance.now() - t0);
    }
    return median(runs);
  };
  // the file `bin` names (the CommonJS launcher), as `lifecircle --help` runs it
  const bin = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: { lifecircle: string } }).bin.lifecircle;
  const help = time([path.join(root, bin), '--help']);
  const bare = time(['-e', '0']);
  return `Start-up: lifecircle --help (${bin}) ${help.toFixed(0)} ms (median of 10; bare node -e 0: ${bare.toFixed(0)} ms)  goal under ${HELP_GOAL_MS} ms: ${help < HELP_GOAL_MS ? 'PASS' : 'FAIL'}`;
}

/**
 * The hook of `npm run bench`: the built command's start-up (`--help`), and when the run includes
 * size M the whole-CLI ratio (report on stdout, progress on stderr).
 *
 * @returns false when a measurement failed or the answers differ (the bench then exits 1)
 */
export function benchCliRatio(sizes: readonly CitySize[], seed: number, repeats: number, cpuProfDir: string | null = null): boolean {
  try {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-cli.mjs'), '--if-stale'], { stdio: 'inherit' });
    process.stdout.write(`\n${formatHelpStartup()}\n`);
  } catch (error) {
    process.stderr.write(`bench: lifecircle --help: ${(error as Error).message}\n`);
    return false;
  }
  const size = sizes.find((s) => s.name === 'M');
  if (!size) return true;
  process.stderr.write(`bench: whole CLI on ${size.name} (${repeats} run(s)) …\n`);
  try {
    const result = measureCliRatio(size, seed, repeats, (line) => process.stderr.write(`  [${line}]\n`), cpuProfDir);
    process.stdout.write(`\n${formatCliRatio(result)}\n`);
    return result.problems.length === 0;
  } catch (error) {
    process.stderr.write(`bench: whole CLI: ${(error as Error).message}\n`);
    return false;
  }
}
