/**
 * Honest siting state across data changes: proposals and scenarios belong to the dataset (and the
 * travel settings) they were made on. When the data or those settings change they are taken off the
 * map and out of the store, kept aside by their coordinates, and a notice offers to apply them
 * again (the same site coordinates re-scored against the new data). Pure functions only.
 */
import type { LoadedData } from './store';
import { categoryLegs } from '../engine/travel/category-modes';
import type { Settings } from '../engine/model';
import type { Scenario } from './siting-store';

/** Why the proposals were set aside. */
export type StaleReason = 'data' | 'settings';

/** Proposals and scenarios set aside by a data change, by their coordinates. */
export interface StaleProposals {
  reason: StaleReason;
  /** Category of the proposal, or null when there was only scenarios. */
  category: string | null;
  /** The proposal's sites (WGS84 degrees) in their number order. */
  sites: { lon: number; lat: number }[];
  scenarios: Scenario[];
}

/**
 * The settings that change travel times (model, walking speeds, detour, sampling, snapping, each
 * category's modes and pace) as one comparable key; thresholds are not in it (a threshold move
 * re-scores in place).
 */
export function analysisKey(settings: Settings | null): string | null {
  if (!settings) return null;
  const { model, walkSpeedKmh, detourFactor, sampleSpacingMeters, maxSnapMeters } = settings;
  const legs = settings.categories.map((c) => [c.id, categoryLegs(settings, c)]);
  return JSON.stringify([model, walkSpeedKmh.urban, walkSpeedKmh.rural, detourFactor, sampleSpacingMeters, maxSnapMeters, legs]);
}

/**
 * What changed between two app states that makes a proposal stale, or null. The first data or
 * settings (from nothing) is not a change.
 */
export function staleReason(
  before: { data: LoadedData | null; settings: Settings | null },
  after: { data: LoadedData | null; settings: Settings | null },
): StaleReason | null {
  if (before.data !== null && after.data !== before.data) return 'data';
  const a = analysisKey(before.settings);
  const b = analysisKey(after.settings);
  if (a !== null && b !== null && a !== b) return 'settings';
  return null;
}

/**
 * Set aside the current proposal and scenarios, or null when there is nothing to set aside. A
 * notice already pending is kept (its proposals are the older ones the user has not seen again)
 * unless there is something new.
 */
export function stashProposals(
  siting: {
    category: string | null;
    sites: readonly { lon: number; lat: number; rank: number }[];
    numbers?: readonly number[];
    scenarios: readonly Scenario[];
  },
  reason: StaleReason,
): StaleProposals | null {
  const hasProposal = siting.category !== null && siting.sites.length > 0;
  if (!hasProposal && siting.scenarios.length === 0) return null;
  const order = siting.sites.map((s, i) => ({ s, n: siting.numbers?.[i] ?? s.rank })).sort((x, y) => x.n - y.n);
  return {
    reason,
    category: hasProposal ? siting.category : null,
    sites: hasProposal ? order.map(({ s }) => ({ lon: s.lon, lat: s.lat })) : [],
    scenarios: siting.scenarios.map((sc) => ({ ...sc, sites: sc.sites.map((x) => ({ ...x })) })),
  };
}
