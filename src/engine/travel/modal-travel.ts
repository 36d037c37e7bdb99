import { type AccessField, type Dataset, KIND_RURAL, type Problem, type Settings } from '../model';
import { buildModeGraph, type ModeGraph } from '../network/mode-graph';
import { type ModeId, MODE_PROFILES } from '../presets/mode-profiles';
import { categoryModes, legSettings } from './category-modes';
import { createNetworkModel, type NetworkModel } from './network';
import { createStraightLineModel } from './straight-line';
import { applyTerrain } from '../terrain/apply-terrain';
import { cyclingTimeFactor, walkingTimeFactor } from '../terrain/slope-speed';
import { type QueryPoints, type TravelModel, walkSpeedsMetersPerSecond } from './travel-model';

/**
 * The travel model of an analysis with modes: one model per mode, built the first time a category
 * asks for it (network: the mode's road graph, `buildModeGraph`; straight line: one model shared by
 * every mode, the speed differing). `accessField(category …)` measures each kind of residents by
 * the category's mode and speed for that kind (`categoryLegs`), so coverage, isochrones, heat grid,
 * details and siting, which all call it, use the same costs.
 */
export interface ModalTravelModel extends TravelModel {
  /** The model of one mode (network: its graph is built on the first call). */
  forMode(mode: ModeId): TravelModel;
  /** The modes whose model exists, in the order they were built. */
  readonly builtModes: readonly ModeId[];
}

/**
 * Whether a travel model is a {@link ModalTravelModel}.
 *
 * @param travel any travel model
 */
export function isModal(travel: TravelModel): travel is ModalTravelModel {
  return typeof (travel as Partial<ModalTravelModel>).forMode === 'function';
}

/**
 * The road-network model a mode uses, or null under the straight-line model.
 *
 * @param travel the analysis' travel model (modal or a plain network/straight model)
 * @param mode which mode
 */
export function networkOf(travel: TravelModel, mode: ModeId): NetworkModel | null {
  const m = isModal(travel) ? travel.forMode(mode) : travel;
  return m.name === 'network' ? (m as NetworkModel) : null;
}

/**
 * The travel model of the settings: per mode, the network model on the mode's graph when `network`
 * is asked for and roads are loaded, else the straight-line model.
 *
 * @param dataset facilities and roads; not mutated
 * @param settings model, speeds, categories with their modes and paces
 */
export function createModalTravelModel(dataset: Dataset, settings: Settings): ModalTravelModel {
  const roads = dataset.roads;
  const network = settings.model === 'network' && roads !== null && roads.length > 0;
  const built = new Map<ModeId, { model: TravelModel; graph: ModeGraph | null; terrain: Problem[] }>();
  const grids = dataset.elevation ?? [];
  let straight: TravelModel | null = null;
  const forMode = (mode: ModeId): TravelModel => {
    const hit = built.get(mode);
    if (hit) return hit.model;
    let entry: { model: TravelModel; graph: ModeGraph | null; terrain: Problem[] };
    if (network) {
      const graph = buildModeGraph(roads, mode);
      // slope (docs/architecture.md, "Terrain"): Tobler on foot, the cycling rule when riding
      const factor = mode === 'walk' ? walkingTimeFactor : cyclingTimeFactor(MODE_PROFILES[mode].defaultSpeedKmh);
      const terrain = applyTerrain(graph.graph, grids, factor);
      entry = { model: createNetworkModel(terrain.graph, dataset.facilities, settings), graph, terrain: terrain.warnings };
    } else {
      straight ??= createStraightLineModel(dataset.facilities, settings);
      entry = { model: straight, graph: null, terrain: [] };
    }
    built.set(mode, entry);
    return entry.model;
  };

  return {
    name: network ? 'network' : 'straight',
    forMode,
    get builtModes() {
      return [...built.keys()];
    },
    get warnings(): Problem[] {
      const out: Problem[] = [];
      for (const [mode, { model, graph, terrain }] of built) {
        if (mode === 'walk') {
          out.push(...terrain, ...model.warnings);
          continue;
        }
        const label = MODE_PROFILES[mode].label.en.toLowerCase();
        for (const p of terrain) out.push({ ...p, reason: `${p.reason} (by ${label})` });
        if (network) for (const p of model.warnings) out.push({ ...p, reason: `${p.reason} (by ${label}: roads the ${label} may use)` });
        if (graph && graph.untaggedRoads > 0)
          out.push({
            file: 'roads',
            index: -1,
            reason: `${graph.untaggedRoads} road line(s) have no highway tag: by ${label} they are ridden at the default ${MODE_PROFILES[mode].defaultSpeedKmh} km/h`,
          });
      }
      return out;
    },
    accessField(category: string, facilityIndices: Uint32Array, points: QueryPoints, speedsMps?: Float64Array): AccessField {
      const cat = settings.categories.find((c) => c.id === category);
      if (!cat) return forMode('walk').accessField(category, facilityIndices, points, speedsMps);
      const modes = categoryModes(cat);
      const fields = modes.map((mode) =>
        forMode(mode).accessField(category, facilityIndices, points, walkSpeedsMetersPerSecond(legSettings(settings, cat, mode))),
      );
      if (fields.length === 1) return fields[0]!;
      // urban and rural residents travel by different modes (urban's first): rural points take the second field
      const [first, second] = fields as [AccessField, AccessField];
      const seconds = first.seconds.slice();
      const facility = first.facility.slice();
      const { kind } = points;
      for (let i = 0; i < kind.length; i++) {
        if (kind[i] === KIND_RURAL) {
          seconds[i] = second.seconds[i]!;
          facility[i] = second.facility[i]!;
        }
      }
      return { category, seconds, facility };
    },
  };
}
