/**
 * The two analysis pipelines of the benchmark, stage by stage, built only from the engine's own
 * functions (the same calls `analyze()` makes, split so each stage can be timed on its own).
 */
import { computeAccessFields } from '../../src/engine/analyze';
import { computeCoverage, type Coverage } from '../../src/engine/coverage/coverage';
import { buildDemandSamples } from '../../src/engine/coverage/demand-samples';
import type { AccessField, Dataset, DemandSamples, Settings } from '../../src/engine/model';
import type { ElevationGrid } from '../../src/engine/terrain/elevation-grid';
import { applyTerrain } from '../../src/engine/terrain/apply-terrain';
import { buildRoadGraph } from '../../src/engine/network/graph-builder';
import { getSegmentGrid } from '../../src/engine/network/segment-grid';
import { createNetworkModel } from '../../src/engine/travel/network';
import { createStraightLineModel } from '../../src/engine/travel/straight-line';
import { Stopwatch, type StageTimes } from './stats';

/** One timed run of a pipeline. */
export interface PipelineRun {
  /** Milliseconds per stage, in order. */
  stages: StageTimes;
  /** CPU milliseconds per stage. */
  stagesCpu: StageTimes;
  /** Wall time of the whole pipeline, ms. */
  totalMs: number;
  /** CPU time of the process during the pipeline, ms (a check on a busy, shared machine). */
  cpuMs: number;
  /** Re-thresholding only (`computeCoverage` with every threshold moved by +5 min), ms; not in the total. */
  sliderMs: number;
  samples: DemandSamples;
  fields: AccessField[];
  coverage: Coverage;
}

/** Facility indices of one category, exactly as `computeAccessFields` builds them. */
export function categoryIndices(dataset: Dataset, categoryId: string): Uint32Array {
  const idx: number[] = [];
  for (const f of dataset.facilities) if (f.category === categoryId) idx.push(f.index);
  return Uint32Array.from(idx);
}

/** The settings with every threshold moved by `deltaMinutes` (what a slider move asks for). */
function shiftedThresholds(settings: Settings, deltaMinutes: number): Settings {
  return {
    ...settings,
    categories: settings.categories.map((c) => ({
      ...c,
      thresholdMinutes: { urban: c.thresholdMinutes.urban + deltaMinutes, rural: c.thresholdMinutes.rural + deltaMinutes },
    })),
  };
}

function finish(watch: Stopwatch, samples: DemandSamples, fields: AccessField[], settings: Settings): PipelineRun {
  const coverage = watch.stage('coverage', () => computeCoverage(samples, fields, settings));
  const totalMs = watch.totalMs();
  const cpuMs = watch.cpuMs();
  const moved = shiftedThresholds(settings, 5);
  const t0 = performance.now();
  computeCoverage(samples, fields, moved);
  const sliderMs = performance.now() - t0;
  return { stages: watch.stages, stagesCpu: watch.stagesCpu, totalMs, cpuMs, sliderMs, samples, fields, coverage };
}

/**
 * Network model, stages: demand samples; road graph (CSR); with elevation grids, the directed
 * terrain costs (`applyTerrain`); segment grid; snap
 * facilities (`createNetworkModel`); snap samples (the model's own snap cache, `pointSnap`, with the
 * samples ordered by segment for the lookups);
 * one multi-source Dijkstra per category (`nodeField`); per-sample lookups of every category
 * (`computeAccessFields`, all caches warm); coverage.
 */
export function runNetworkPipeline(dataset: Dataset, settings: Settings, elevation: readonly ElevationGrid[] = []): PipelineRun {
  const roads = dataset.roads;
  if (!roads) throw new Error('runNetworkPipeline: the dataset has no roads');
  const watch = new Stopwatch();
  const samples = watch.stage('samples', () => buildDemandSamples(dataset.communities, settings.sampleSpacingMeters));
  const flat = watch.stage('graph', () => buildRoadGraph(roads));
  const graph = elevation.length > 0 ? watch.stage('terrain', () => applyTerrain(flat, elevation).graph) : flat;
  watch.stage('segment grid', () => getSegmentGrid(graph));
  const model = watch.stage('snap facilities', () => createNetworkModel(graph, dataset.facilities, settings));
  watch.stage('snap samples', () => model.pointSnap(samples.lon, samples.lat));
  watch.stage(`dijkstra ×${settings.categories.length}`, () => {
    for (const cat of settings.categories) model.nodeField(cat.id, categoryIndices(dataset, cat.id));
  });
  const fields = watch.stage(`lookup ×${settings.categories.length}`, () => computeAccessFields(model, dataset, settings, samples));
  return finish(watch, samples, fields, settings);
}

/**
 * Straight-line model, stages: demand samples; one point index per category (primed with an
 * empty query); nearest-facility queries of every category (`computeAccessFields`); coverage.
 */
export function runStraightPipeline(dataset: Dataset, settings: Settings): PipelineRun {
  const watch = new Stopwatch();
  const samples = watch.stage('samples', () => buildDemandSamples(dataset.communities, settings.sampleSpacingMeters));
  const model = createStraightLineModel(dataset.facilities, settings);
  const none = { lon: new Float64Array(0), lat: new Float64Array(0), kind: new Uint8Array(0) };
  watch.stage(`index ×${settings.categories.length}`, () => {
    for (const cat of settings.categories) model.accessField(cat.id, categoryIndices(dataset, cat.id), none);
  });
  const fields = watch.stage(`queries ×${settings.categories.length}`, () => computeAccessFields(model, dataset, settings, samples));
  return finish(watch, samples, fields, settings);
}
