/**
 * The siting part of the app state, a second small zustand store beside ./store.ts: the siting
 * form, the current proposal (sites with their gains, the share with them), the saved scenarios
 * and the comparison table. Plain data only; changed through ./siting-actions.ts.
 */
import { create } from 'zustand';
import type { Problem } from '../engine/model';
import type { SiteView } from '../worker/siting-session';
import type { StaleProposals } from './stale-proposals';

/** How many sites: k new sites (maximal covering) or as few as reach a share (set covering). */
export type SitingMode = 'k' | 'share';

/** The siting form as the user filled it. */
export interface SitingForm {
  category: string;
  mode: SitingMode;
  /** New sites (mode `k`), 1–200. */
  k: number;
  /** Covered share to reach, per cent (mode `share`). */
  targetPercent: number;
  /** Minimum spacing of generated candidates, metres. */
  spacingMeters: number;
  exact: boolean;
  timeLimitSeconds: number;
}

/** A named, saved proposal (its sites, WGS84). */
export interface Scenario {
  name: string;
  category: string;
  sites: { lon: number; lat: number; rank: number; gainPopulation: number; coveredIds: string[]; coveredNames?: string[] }[];
  /** The solver line of the run that made it (null: placed or edited by hand, or reopened). */
  run?: RunInfo | null;
}

/** What the last run proved. */
export interface RunInfo {
  solver: 'greedy' | 'exact';
  status: string;
  gap: number;
  targetReached: boolean;
  maxShare: number;
  candidateCount: number;
  seconds: number;
}

export interface SitingState {
  form: SitingForm;
  /** Names of the uploaded candidate points and excluded areas (their bytes live in siting-actions). */
  candidatesFile: string | null;
  excludeFile: string | null;
  /** Category of the current proposal (may differ from the form after the form changed). */
  category: string | null;
  /** Current proposal in edit order (indices stay stable while dragging). */
  sites: SiteView[];
  /** Per site (edit order): its number on the map and in the list, kept through drags and removals (./site-numbers.ts). */
  numbers: number[];
  /** Per site (edit order): its service area (MultiPolygon coordinates, WGS84), or null. */
  serviceAreas: [number, number][][][][] | null;
  /** Communities (dataset order) where the proposal newly covers residents, or null. */
  newlyCovered: Uint32Array | null;
  /** Proposals and scenarios set aside because the data changed (the notice offers to apply them again). */
  stale: StaleProposals | null;
  beforeShare: number | null;
  /** Covered share of the category with the proposal, 0–1. */
  share: number | null;
  addedPopulation: number;
  /** Per community: covered share of the proposal's category with it. */
  communityShare: Float64Array | null;
  /** Demand samples newly covered, `[lon, lat, …]`. */
  coveredSamples: Float64Array | null;
  run: RunInfo | null;
  /** Problems of uploaded files (and a skipped exact solve, under the file name `(siting)`). */
  problems: Problem[];
  running: boolean;
  error: string | null;
  /** Clicking the map adds a site. */
  addMode: boolean;
  /** Index of the site being dragged, or null. */
  dragging: number | null;
  /** Milliseconds from the last edit to the store update (drag → numbers). */
  editMs: number | null;
  scenarios: Scenario[];
  /** Shares per category (`categoryIds` order) of: before, the current proposal, each scenario. */
  comparison: {
    categoryIds: string[];
    before: number[];
    current: number[] | null;
    scenarios: number[][];
    /** Residents newly covered by the current proposal (null: none) and by each scenario. */
    currentAdded: number | null;
    scenariosAdded: number[];
  } | null;
}

/** Defaults: clinic, 5 sites, generated candidates 200 m apart, greedy. */
export function initialSitingState(): SitingState {
  return {
    form: { category: 'clinic', mode: 'k', k: 5, targetPercent: 90, spacingMeters: 200, exact: false, timeLimitSeconds: 30 },
    candidatesFile: null,
    excludeFile: null,
    category: null,
    sites: [],
    numbers: [],
    serviceAreas: null,
    newlyCovered: null,
    stale: null,
    beforeShare: null,
    share: null,
    addedPopulation: 0,
    communityShare: null,
    coveredSamples: null,
    run: null,
    problems: [],
    running: false,
    error: null,
    addMode: false,
    dragging: null,
    editMs: null,
    scenarios: [],
    comparison: null,
  };
}

/** The siting store. Read with `useSitingStore(selector)`, change through ./siting-actions.ts. */
export const useSitingStore = create<SitingState>(() => initialSitingState());
