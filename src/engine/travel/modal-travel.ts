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
  /** What the elevation grids did, for the elevation card (null without grids). */
  readonly terrain: TerrainUse | null;
}

/**
 * How the elevation grids were used (shown beside the elevation input): `ignored` under the
 * straight-line model; else, per mode built, the road segments of its graph and how many kept flat
 * costs in part (`flat`, outside the DEM or over voids) or wholly (`outside`; all of them: the DEM
 * does not overlap the roads).
 */
export interface TerrainUse {
  /** The grids' names. */
  files: string[];
  /** True when the travel model is the straight line (slope unused). */
  ignored: boolean;
  modes: { mode: ModeId; segments: number; flat: number; outside: number }[];
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
  type Built = { model: TravelModel; graph: ModeGraph | null; terrain: Problem[]; segments: TerrainUse['modes'][number] | null };
  const built = new Map<ModeId, Built>();
  const grids = dataset.elevation ?? [];
  let straight: TravelModel | null = null;
  const forMode = (mode: ModeId): TravelModel => {
    const hit = built.get(mode);
    if (hit) return hit.model;
    let entry: Built;
    if (network) {
      const graph = buildModeGraph(roads, mode);
      // slope (docs/architecture.md, "Terrain"): Tobler on foot, the profile's cycling rule when riding
      const profile = mode === 'walk' ? null : MODE_PROFILES[mode];
      const factor = profile ? cyclingTimeFactor(profile.defaultSpeedKmh, profile.slopeRule) : walkingTimeFactor;
      const terrain = applyTerrain(graph.graph, grids, factor);
      entry = {
        model: createNetworkModel(terrain.graph, dataset.facilities, settings),
        graph,
        terrain: terrain.warnings,
        segments: { mode, segments: terrain.segments.total, flat: terrain.segments.flat, outside: terrain.segments.outside },
      };
    } else {
      straight ??= createStraightLineModel(dataset.facilities, settings);
      entry = { model: straight, graph: null, terrain: [], segments: null };
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
    get terrain(): TerrainUse | null {
      if (grids.length === 0) return null;
      const modes: TerrainUse['modes'] = [];
      for (const { segments } of built.values()) if (segments) modes.push(segments);
      return { files: grids.map((g) => g.name), ignored: !network, modes };
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
