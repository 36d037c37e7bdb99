/**
 * The whole-CLI ratio's baseline, cold: a fresh process (as every `lifecircle analyze` is) that
 * regenerates the bench city untimed, then times `JSON.parse` of the three input files plus
 * `analyze()` of the city once — CPU (user + system) and wall. Start-up and module loading are not
 * counted (the command's figure includes its own), so the comparison leans towards the baseline.
 * Started by scripts/bench/cli-ratio.ts with `--import tsx --expose-gc`; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/engine/analyze';
import { resolveSettings } from '../../src/io/settings';
import { CITY_SIZES, generateSyntheticCity } from './synthetic-city';

/** What the parent passes (argv[2], JSON). */
export interface BaselineJob {
  size: string;
  seed: number;
  preset: string;
  model: string;
  paths: string[];
}

/** What the child prints on stdout (one JSON line). */
export interface BaselineResult {
  parseMs: number;
  analyzeMs: number;
  cpuMs: number;
  /** Covered share per category id, to compare with the command's summary. */
  shares: Record<string, number>;
}

const job = JSON.parse(process.argv[2]!) as BaselineJob;
const size = CITY_SIZES.find((s) => s.name === job.size);
if (!size) throw new Error(`unknown size ${job.size}`);
const resolved = resolveSettings({ preset: job.preset, model: job.model }, 'bench');
if (!resolved.value) throw new Error(resolved.errors.map((e) => e.reason).join('; '));
const settings = resolved.value;
const { dataset } = generateSyntheticCity(size, { seed: job.seed, categories: settings.categories.map((c) => c.id) });
(globalThis as { gc?: () => void }).gc?.(); // the generator's garbage is not the baseline's

const cpu0 = process.cpuUsage();
const p0 = performance.now();
for (const p of job.paths) JSON.parse(readFileSync(p, 'utf8'));
const parseMs = performance.now() - p0;
const a0 = performance.now();
const analysis = analyze(dataset, settings);
const analyzeMs = performance.now() - a0;
const cpu = process.cpuUsage(cpu0);

const result: BaselineResult = {
  parseMs,
  analyzeMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  shares: Object.fromEntries(settings.categories.map((c, k) => [c.id, analysis.coverage.totals[k]!.share])),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
