import type { AccessField, Dataset, DemandSamples, Problem, Settings } from './model';
import { buildDemandSamples } from './coverage/demand-samples';
import { computeCoverage, type Coverage } from './coverage/coverage';
import { findGaps, type GapCommunity } from './coverage/gaps';
import { modesInUse } from './travel/category-modes';
import type { TravelModel } from './travel/travel-model';
import { createModalTravelModel, type ModalTravelModel, networkOf } from './travel/modal-travel';

/** Progress callback: a stage name and a fraction 0–1 of the whole run. */
export type ProgressFn = (stage: string, fraction: number) => void;

/** Everything one analysis computes. Thresholds only enter `coverage` and `gaps`. */
export interface Analysis {
  model: 'network' | 'straight';
  samples: DemandSamples;
  /** Access field per category, in the order of `settings.categories`. */
  fields: AccessField[];
  coverage: Coverage;
  gaps: GapCommunity[];
  /** One model per mode a category uses (`createModalTravelModel`). */
  travel: ModalTravelModel;
  /** Problems found by the analysis itself (off-network points, a network asked for without roads …). */
  warnings: Problem[];
}

/**
 * Build the travel model the settings ask for: per mode a category uses, the network model on that
 * mode's road graph (built on first use), or the straight-line model. The network model needs
 * roads; without them the straight-line model is used and a warning says so. With elevation grids
 * the network's costs follow the slope in the resident's direction (`applyTerrain`, in the modal
 * model); the straight-line model ignores them, with a warning.
 */
export function createTravelModel(dataset: Dataset, settings: Settings, warnings: Problem[]): ModalTravelModel {
  if (settings.model === 'network' && !(dataset.roads && dataset.roads.length > 0)) {
    warnings.push({
      file: 'roads',
      index: -1,
      reason: 'no roads loaded: the straight-line model (haversine × detour factor) is used instead of the road network',
    });
  }
  if ((dataset.elevation?.length ?? 0) > 0 && !(settings.model === 'network' && dataset.roads && dataset.roads.length > 0)) {
    warnings.push({
      file: dataset.elevation!.map((g) => g.name).join(', '),
      index: -1,
      reason: 'elevation is used only by the road-network model: the straight-line model ignores slope',
    });
  }
  return createModalTravelModel(dataset, settings);
}

/**
 * The access field of every category for the given samples: one nearest-facility search per category.
 */
export function computeAccessFields(
  travel: TravelModel,
  dataset: Dataset,
  settings: Settings,
  samples: DemandSamples,
  onProgress?: ProgressFn,
): AccessField[] {
  const points = { lon: samples.lon, lat: samples.lat, kind: samples.kind };
  return settings.categories.map((cat, k) => {
    onProgress?.(`travel times: ${cat.id}`, k / settings.categories.length);
    const idx: number[] = [];
    for (const f of dataset.facilities) if (f.category === cat.id) idx.push(f.index);
    return travel.accessField(cat.id, Uint32Array.from(idx), points);
  });
}

/**
 * Warnings that name what no one would otherwise see: categories without any facility, communities
 * off the road network (their representative sample farther than maxSnapMeters from every usable road),
 * and communities that reach no facility of any category.
 */
function reachWarnings(
  travel: ModalTravelModel,
  dataset: Dataset,
  settings: Settings,
  samples: DemandSamples,
  fields: AccessField[],
): Problem[] {
  const out: Problem[] = [];
  settings.categories.forEach((cat) => {
    if (!dataset.facilities.some((f) => f.category === cat.id))
      out.push({ file: 'facilities', index: -1, reason: `no facility of category "${cat.id}": no one is covered for it` });
  });
  // the network model snapped every sample already (cached): off-network = representative sample unsnapped
  // (on the graph of the first mode in use: walking unless no category walks)
  const snap = networkOf(travel, modesInUse(settings)[0]!)?.pointSnap(samples.lon, samples.lat) ?? null;
  const { communityStart } = samples;
  const seconds = fields.map((f) => f.seconds);
  const K = seconds.length;
  for (let ci = 0; ci < dataset.communities.length; ci++) {
    const s = communityStart[ci]!;
    const e = communityStart[ci + 1]!;
    if (snap && snap.segment[s]! < 0) {
      const c = dataset.communities[ci]!;
      out.push({
        file: 'communities',
        index: ci,
        id: c.id,
        reason: `community "${c.name}" is off-network: farther than ${settings.maxSnapMeters} m from every walkable road, so it has no travel time (not covered)`,
      });
      continue;
    }
    let reachable = K === 0;
    for (let i = s; i < e && !reachable; i++) {
      for (let k = 0; k < K; k++) {
        if (seconds[k]![i]! < Infinity) {
          reachable = true;
          break;
        }
      }
    }
    if (!reachable) {
      const c = dataset.communities[ci]!;
      out.push({
        file: 'communities',
        index: ci,
        id: c.id,
        reason: `community "${c.name}" reaches no facility of any category (a part of the road network no facility reaches): not covered`,
      });
    }
  }
  return out;
}

/**
 * Run a whole analysis: demand samples, travel model, access fields, coverage and gaps.
 *
 * @param dataset validated facilities, communities and optional roads (WGS84)
 * @param settings categories, thresholds, speeds, model
 */
export function analyze(dataset: Dataset, settings: Settings, onProgress?: ProgressFn): Analysis {
  const warnings: Problem[] = [];
  onProgress?.('demand samples', 0);
  const samples = buildDemandSamples(dataset.communities, settings.sampleSpacingMeters);
  onProgress?.('travel model', 0.05);
  const travel = createTravelModel(dataset, settings, warnings);
  const fields = computeAccessFields(travel, dataset, settings, samples, (stage, f) => onProgress?.(stage, 0.1 + 0.85 * f));
  // after the fields: each mode's model (and its warnings) exists once a category used it
  warnings.push(...travel.warnings);
  warnings.push(...reachWarnings(travel, dataset, settings, samples, fields));
  onProgress?.('coverage', 0.95);
  const coverage = computeCoverage(samples, fields, settings);
  const gaps = findGaps(dataset.communities, coverage);
  onProgress?.('done', 1);
  return { model: travel.name, samples, fields, coverage, gaps, travel, warnings };
}
