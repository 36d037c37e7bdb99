import type { Road } from '../model';
import { type ModeId, MODE_PROFILES, modeRoadDecision } from '../presets/mode-profiles';
import { buildRoadGraph, getRoadGraph, type RoadGraph } from './graph-builder';

/** A mode's road graph and what building it found. */
export interface ModeGraph {
  mode: ModeId;
  graph: RoadGraph;
  /**
   * Speed in km/h at which one effort metre takes one metre's time: travel seconds = effort metres
   * ÷ (referenceKmh / 3.6). Walking: null (the walking speed of the kind or the category's pace);
   * riding: the profile's default speed.
   */
  referenceKmh: number | null;
  /** Roads used that carry no `highway` tag (riding modes give them the default speed). */
  untaggedRoads: number;
}

/**
 * The road graph of one mode. Walking: `buildRoadGraph`'s walking rule (a road's `speed` override
 * scales it). Riding (bicycle, e-bike): the profile decides per road whether it is used and at what
 * speed (`modeRoadDecision`); the effort of a metre is `defaultSpeedKmh / speed`, so a road at the
 * default speed costs its length and a footway pushed at 4 km/h costs 4× (bicycle: 16 / 4). A
 * road's `speed` property is a walking speed and is ignored by riding modes.
 *
 * @param roads roads in WGS84; not mutated
 * @param mode which mode
 */
export function buildModeGraph(roads: readonly Road[], mode: ModeId): ModeGraph {
  // walking shares the one graph of the roads array with the offset check and the map (getRoadGraph)
  if (mode === 'walk') return { mode, graph: getRoadGraph(roads), referenceKmh: null, untaggedRoads: 0 };
  const profile = MODE_PROFILES[mode];
  let untaggedRoads = 0;
  const graph = buildRoadGraph(roads, (road) => {
    const { speedKmh } = modeRoadDecision(profile, road.highway, road.bicycle ?? null);
    if (speedKmh === null) return null;
    if (road.highway === null) untaggedRoads++;
    return profile.defaultSpeedKmh / speedKmh;
  });
  return { mode, graph, referenceKmh: profile.defaultSpeedKmh, untaggedRoads };
}
