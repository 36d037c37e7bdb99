/**
 * Child process of `npm run bench`: generates one city, runs one job (see job.ts) and sends a
 * BenchResult to the parent. Started by scripts/bench.ts with `--import tsx --expose-gc`.
 */
import os from 'node:os';
import { analyze, type Analysis } from '../../src/engine/analyze';
import { benchAccessibility } from './accessibility-bench';
import { buildDemandSamples } from '../../src/engine/coverage/demand-samples';
import { haversineMeters } from '../../src/engine/geo/haversine';
import type { AccessField, Facility, Settings } from '../../src/engine/model';
import { getPreset } from '../../src/engine/presets';
import { networkOf } from '../../src/engine/travel/modal-travel';
import { walkSpeedsMetersPerSecond } from '../../src/engine/travel/travel-model';
import type { BenchJob, BenchResult } from './job';
import { runNaiveBaseline, sampleSubset } from './naive-baseline';
import { type PipelineRun, runNetworkPipeline, runStraightPipeline } from './pipelines';
import { collectGarbage, median, medianStages, peakRssMB, rssMB, type StageTimes } from './stats';
import { generateSyntheticCity } from './synthetic-city';

function log(message: string): void {
  process.stderr.write(`  [${message}]\n`);
}

/** FNV-1a hash of every access field's seconds (bits) and facility indices: equal answers, equal hash. */
function fieldsHash(fields: readonly AccessField[]): number {
  let h = 0x811c9dc5;
  for (const f of fields) {
    for (const arr of [new Uint32Array(f.seconds.buffer, f.seconds.byteOffset, f.seconds.length), f.facility]) {
      for (let i = 0; i < arr.length; i++) h = Math.imul(h ^ (arr[i]! >>> 0), 0x01000193);
    }
  }
  return h >>> 0;
}

/**
 * Network answers can never beat the crow: on a subset of samples, seconds ≥ haversine to the
 * facility it names / walking speed. Returns the number of violations.
 */
function crowFlyViolations(run: PipelineRun, facilities: readonly Facility[], settings: Settings, seed: number): number {
  const speeds = walkSpeedsMetersPerSecond(settings);
  const { samples, fields } = run;
  let bad = 0;
  for (const i of sampleSubset(samples.count, 2000, seed)) {
    for (const field of fields) {
      const s = field.seconds[i]!;
      const f = field.facility[i]!;
      if (Number.isFinite(s) !== f >= 0) bad++;
      if (f < 0) continue;
      const fac = facilities[f]!;
      if (fac.category !== field.category) bad++;
      const crow = haversineMeters(samples.lon[i]!, samples.lat[i]!, fac.lon, fac.lat) / speeds[samples.kind[i]!]!;
      if (s < crow * (1 - 1e-6) - 1e-3) bad++;
    }
  }
  return bad;
}

function runJob(job: BenchJob): BenchResult {
  const preset = getPreset('ningbo');
  if (!preset) throw new Error('preset ningbo is missing');
  const settings: Settings = { ...preset.settings, model: job.kind === 'network' ? 'network' : 'straight' };
  const t0 = performance.now();
  const { dataset, figures } = generateSyntheticCity(job.size, { seed: job.seed, categories: settings.categories.map((c) => c.id) });
  const generateMs = performance.now() - t0;
  collectGarbage();
  const datasetRssMB = rssMB();
  log(
    `${job.size.name} ${job.kind}: generated ${figures.segments} segments, ${dataset.facilities.length} facilities, ${dataset.communities.length} communities in ${generateMs.toFixed(0)} ms, RSS ${datasetRssMB.toFixed(0)} MB`,
  );
  const result: BenchResult = {
    job,
    figures,
    generateMs,
    datasetRssMB,
    counts: { graphSegments: null, graphNodes: null, facilities: dataset.facilities.length, samples: dataset.communities.length },
    stages: {},
    stagesCpu: {},
    totalMs: NaN,
    cpuMs: NaN,
    loadAverage: NaN,
    totalRunsMs: [],
    analyzeMs: NaN,
    sliderMs: NaN,
    pipelinePeakRssMB: NaN,
    peakRssMB: NaN,
    problems: [],
    notes: [],
  };

  if (job.kind === 'baseline') {
    const samples = buildDemandSamples(dataset.communities, settings.sampleSpacingMeters);
    const b = runNaiveBaseline(dataset, settings, samples, job.seed);
    result.baseline = b;
    result.counts.samples = samples.count;
    if (b.reachMismatches > 0 || !(b.maxRelDiff <= 1e-6)) {
      result.problems.push(
        `straight-line answers differ from the turf baseline: max |Δ| ${b.maxAbsDiffSeconds} s, max rel ${b.maxRelDiff}, ${b.reachMismatches} reachability mismatches`,
      );
    }
    result.peakRssMB = peakRssMB();
    return result;
  }

  const stageRuns: StageTimes[] = [];
  const stageCpuRuns: StageTimes[] = [];
  const sliderRuns: number[] = [];
  const analyzeRuns: number[] = [];
  const cpuRuns: number[] = [];
  const loads: number[] = [];
  let stagedHash = 0;
  for (let r = 0; r < job.repeats; r++) {
    collectGarbage();
    const run = job.kind === 'network' ? runNetworkPipeline(dataset, settings) : runStraightPipeline(dataset, settings);
    stageRuns.push(run.stages);
    stageCpuRuns.push(run.stagesCpu);
    result.totalRunsMs.push(run.totalMs);
    sliderRuns.push(run.sliderMs);
    cpuRuns.push(run.cpuMs);
    loads.push(os.loadavg()[0]!);
    result.counts.samples = run.samples.count;
    log(
      `${job.size.name} ${job.kind} run ${r + 1}/${job.repeats}: ${Object.entries(run.stages)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ')}; total ${run.totalMs.toFixed(0)} ms (CPU ${run.cpuMs.toFixed(0)} ms, load ${loads[r]!.toFixed(1)})`,
    );
    if (r === 0) {
      stagedHash = fieldsHash(run.fields);
      if (job.kind === 'network') {
        const bad = crowFlyViolations(run, dataset.facilities, settings, job.seed);
        if (bad > 0) result.problems.push(`${bad} network answers faster than the crow flies (or naming a wrong facility)`);
        else result.notes.push('network ≥ crow-fly time to the named facility (2,000 samples × 6 categories)');
      }
    }
  }
  result.pipelinePeakRssMB = peakRssMB();
  // analyze() end to end on the same data: the same answers, and its own wall time
  let last: Analysis | null = null;
  for (let r = 0; r < job.repeats; r++) {
    collectGarbage();
    const a0 = performance.now();
    const full = analyze(dataset, settings);
    last = full;
    analyzeRuns.push(performance.now() - a0);
    log(`${job.size.name} ${job.kind} analyze() ${r + 1}/${job.repeats}: ${analyzeRuns[r]!.toFixed(0)} ms`);
    const walkNetwork = networkOf(full.travel, 'walk');
    if (walkNetwork) {
      const { graph } = walkNetwork;
      result.counts.graphSegments = graph.segmentCount;
      result.counts.graphNodes = graph.nodeCount;
    }
    if (r === 0) {
      if (fieldsHash(full.fields) !== stagedHash) result.problems.push('the staged pipeline and analyze() give different access fields');
      else result.notes.push('staged pipeline = analyze() (access fields hash-equal)');
      result.notes.push(`analyze() warnings: ${full.warnings.length}`);
    }
  }
  if (last) {
    // 2SFCA and E2SFCA of every category on the last analysis; brute force on 20 facilities
    const a = benchAccessibility(last, dataset, settings, job.repeats, 20, job.seed);
    log(
      `${job.size.name} ${job.kind} 2SFCA+E2SFCA (${settings.categories.length} categories): ${a.runsMs.map((m) => m.toFixed(0)).join(', ')} ms; brute force ${a.bruteMsPerFacility.toFixed(1)} ms/facility`,
    );
    result.accessibility = a;
    if (a.mismatches > 0) result.problems.push(`2SFCA catchments differ from the all-pairs brute force on ${a.mismatches} pairs`);
    else
      result.notes.push(
        `2SFCA+E2SFCA, ${settings.categories.length} categories: median ${a.medianMs.toFixed(0)} ms (CPU ${a.medianCpuMs.toFixed(0)} ms; runs ${a.runsMs.map((m) => m.toFixed(0)).join(', ')}), ${a.pairs} pairs in reach; brute force all pairs ${a.bruteMsPerFacility.toFixed(1)} ms/facility × ${dataset.facilities.length} facilities = ${a.ratio.toFixed(0)}× slower (catchments equal on ${a.bruteFacilities} facilities)`,
      );
  }
  result.stages = medianStages(stageRuns);
  result.stagesCpu = medianStages(stageCpuRuns);
  result.totalMs = median(result.totalRunsMs);
  result.sliderMs = median(sliderRuns);
  result.cpuMs = median(cpuRuns);
  result.loadAverage = median(loads);
  result.analyzeMs = median(analyzeRuns);
  result.peakRssMB = peakRssMB();
  return result;
}

const job = JSON.parse(process.argv[2] ?? 'null') as BenchJob | null;
if (!job || !process.send) {
  process.stderr.write('scripts/bench/child.ts is started by scripts/bench.ts (npm run bench)\n');
  process.exit(2);
}
const result = runJob(job);
process.send(result, () => process.exit(0));
