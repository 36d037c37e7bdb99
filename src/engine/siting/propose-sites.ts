/**
 * Siting from candidates to ranked sites, the one pipeline the command line (`lifecircle site`) and
 * the browser's worker both run: candidates (uploaded, or generated in the category's gap zones),
 * exclusions, capacities, coverage sets, greedy or exact solve with its bound, ranked sites.
 */
import type { Highs } from 'highs';
import { findGapZones } from '../coverage/gap-zones';
import type { AccessField, CategoryDef, DemandSamples, Problem, Settings } from '../model';
import { categoryModes } from '../travel/category-modes';
import { networkOf } from '../travel/modal-travel';
import type { TravelModel } from '../travel/travel-model';
import {
  CANDIDATE_SOURCES,
  type Candidates,
  excludeCandidates,
  generateCandidates,
  SOURCE_UPLOADED,
  thinCandidates,
  type UploadedCandidates,
} from './candidates';
import { loadHighsSolver } from './exact';
import { planSites, type SitingGoal, type SitingPlan } from './plan-sites';
import type { PolygonRings } from './polygon-index';
import { createSitingContext, servableResidents, type SitingContext } from './siting-context';

/** Largest program (coverage-set entries) the exact solver is tried on; larger ones keep greedy's answer. */
const EXACT_MAX_ENTRIES = 3_000_000;
/** Largest program on which greedy's bound is tightened by the LP relaxation (unless asked otherwise). */
const LP_BOUND_MAX_ENTRIES = 200_000;
/** Default minimum spacing of generated candidates, metres. */
const DEFAULT_SPACING_METERS = 200;

/** Stages reported by {@link proposeSites}, in order (`exact` or `greedy`, not both). */
export type ProposeStage = 'candidates' | 'coverage-sets' | 'exact' | 'greedy';

/** Inputs of {@link proposeSites}: the analysis' pieces for one category plus the siting question. */
export interface ProposeSitesInput {
  /** The analysis' travel model (new sites are measured exactly like facilities). */
  travel: TravelModel;
  /** Demand samples of the analysis. */
  samples: DemandSamples;
  /** The category's access field from its existing facilities. */
  field: AccessField;
  category: CategoryDef;
  /** Speeds, detour, `maxSnapMeters`, `sampleSpacingMeters` (gap zones). */
  settings: Settings;
  /** A siting context already built from the same pieces (the worker caches one); built when omitted. */
  context?: SitingContext;
  /** MCLP (`max-cover`, k new sites) or LSCP (`set-cover`, a covered share 0–1 to reach). */
  goal: SitingGoal;
  /** The city's own candidate points (io/read-candidates.ts); null or omitted: generated in gap zones. */
  candidates?: UploadedCandidates | null;
  /** Polygons (`[lon, lat]` degrees) where no site may go. */
  exclude?: readonly PolygonRings[];
  /** Minimum spacing of generated candidates, metres (default {@link DEFAULT_SPACING_METERS}); uploaded ones are kept as given. */
  spacingMeters?: number;
  /**
   * Places (e.g. childcare places) of each new site without a capacity of its own. With the
   * category's `capacityPerThousand`, a site serves at most `places × 1000 / capacityPerThousand`
   * residents; uploaded candidates' own `capacity` wins. Null or omitted: uncapacitated (unless
   * uploaded candidates carry capacities).
   */
  capacityPlaces?: number | null;
  /** Solve the integer program exactly with HiGHS (greedy as its start). Default false. */
  exact?: boolean;
  /** Time limit of the exact solve, seconds (default 60). */
  timeLimitSeconds?: number;
  /** Tighten greedy's bound by the LP relaxation; default: when at most {@link LP_BOUND_MAX_ENTRIES} entries. */
  lpBound?: boolean;
  /** Loads HiGHS when needed (default `loadHighsSolver()`; the browser passes its wasm location). */
  loadHighs?: () => Promise<Highs>;
  /** Called at the start of each stage with the candidate count so far. */
  onProgress?: (stage: ProposeStage, candidateCount: number) => void;
}

/** One proposed site, rank order. */
export interface SiteProposal {
  /** 1 = the site that closes the most gap. */
  rank: number;
  /** Index into `candidates`. */
  candidate: number;
  /** WGS84 degrees. */
  lon: number;
  lat: number;
  /** Where the candidate came from. */
  source: (typeof CANDIDATE_SOURCES)[number];
  /** Id of the uploaded candidate feature; null for generated candidates or features without id. */
  candidateId: string | null;
  /** Places of the site (capacitated runs; Infinity: no limit given); null when uncapacitated. */
  capacity: number | null;
  /** Residents it newly covers, after the sites ranked before it. */
  gainPopulation: number;
  /** Communities (dataset indices) where it newly covers residents, most first. */
  communities: Uint32Array;
  /** Residents newly covered in each of `communities`. */
  communityGain: Float64Array;
}

/** Sites with what was proven about them and how they were found. */
export interface ProposedSites {
  sites: SiteProposal[];
  /** Solver, status, objective, bound, gap, shares before and after, target reached, max share. */
  plan: SitingPlan;
  context: SitingContext;
  /** The candidates after exclusion and thinning. */
  candidates: Candidates;
  candidateSource: 'uploaded' | 'generated';
  /** Places of each candidate (capacitated run), else null. */
  capacityPlaces: Float64Array | null;
  /** Candidates farther than `maxSnapMeters` from every walkable road (network model; they serve no one). */
  offNetwork: number;
  /** Entries of the coverage sets (the size of the program). */
  coverageEntries: number;
  /** Wall time, seconds: coverage sets and solve. */
  seconds: { coverageSets: number; solve: number };
  /** Off-network uploaded candidates, an exact solve skipped, capacities ignored. */
  warnings: Problem[];
}

/**
 * Where new facilities of one category close the most gap: MCLP (`maxSites` new sites covering the
 * most uncovered residents) or LSCP (fewest sites reaching a covered share), greedy (CELF) or exact
 * (HiGHS, time-limited, started from greedy), optionally capacitated, over uploaded candidates or
 * candidates generated in the category's gap zones (community points and road nodes, thinned to
 * `spacingMeters`), none inside an excluded area. Deterministic for the same input.
 *
 * @throws RangeError on a bad `spacingMeters`, `capacityPlaces` or goal (callers check user input first)
 */
export async function proposeSites(input: ProposeSitesInput): Promise<ProposedSites> {
  const { travel, samples, field, category, settings, goal } = input;
  const spacing = input.spacingMeters ?? DEFAULT_SPACING_METERS;
  if (!(spacing >= 0 && Number.isFinite(spacing))) throw new RangeError(`proposeSites: spacingMeters must be metres ≥ 0, got ${spacing}`);
  const defaultPlaces = input.capacityPlaces ?? null;
  if (defaultPlaces !== null && !(defaultPlaces > 0 && Number.isFinite(defaultPlaces)))
    throw new RangeError(`proposeSites: capacityPlaces must be > 0, got ${defaultPlaces}`);
  const warnings: Problem[] = [];
  const context = input.context ?? createSitingContext(travel, samples, field, category, settings);
  const exclude = input.exclude ?? [];
  const uploaded = input.candidates ?? null;
  const ratio = category.capacityPerThousand ?? 0;

  input.onProgress?.('candidates', 0);
  let candidates: Candidates;
  let capacityPlaces: Float64Array | null = null;
  let ids: (string | null)[];
  if (uploaded) {
    // origin = position in the upload while filtering, then back to the feature index
    const all: Candidates = {
      count: uploaded.count,
      lon: uploaded.lon,
      lat: uploaded.lat,
      source: new Uint8Array(uploaded.count).fill(SOURCE_UPLOADED),
      origin: Uint32Array.from({ length: uploaded.count }, (_, i) => i),
    };
    const kept = thinCandidates(excludeCandidates(all, exclude), 0); // exact duplicates only: the city's points are kept as given
    const pos = kept.origin;
    candidates = { ...kept, origin: Uint32Array.from(pos, (i) => uploaded.origin[i]!) };
    ids = Array.from(pos, (i) => uploaded.ids[i] ?? null);
    const anyOwn = uploaded.capacity.some((c) => !Number.isNaN(c));
    if (ratio > 0 && (defaultPlaces !== null || anyOwn)) {
      capacityPlaces = Float64Array.from(pos, (i) =>
        Number.isNaN(uploaded.capacity[i]!) ? (defaultPlaces ?? Infinity) : uploaded.capacity[i]!,
      );
    } else if (anyOwn) {
      warnings.push({
        file: uploaded.file,
        index: -1,
        reason: `candidate capacities ignored: category "${category.id}" has no capacityPerThousand (places per 1,000 residents) in the settings`,
      });
    }
  } else {
    const zones = findGapZones(samples, [field], { ...settings, categories: [category] });
    const graph = networkOf(travel, categoryModes(category)[0]!)?.graph ?? null;
    candidates = generateCandidates({ samples, gapZones: zones.map((z) => z.polygon), graph, spacingMeters: spacing, exclude });
    if (defaultPlaces !== null && ratio > 0) capacityPlaces = new Float64Array(candidates.count).fill(defaultPlaces);
    ids = new Array<string | null>(candidates.count).fill(null);
  }
  if (defaultPlaces !== null && !(ratio > 0)) {
    warnings.push({
      file: '(siting)',
      index: -1,
      reason: `capacity ${defaultPlaces} ignored: category "${category.id}" has no capacityPerThousand (places per 1,000 residents) in the settings`,
    });
  }

  input.onProgress?.('coverage-sets', candidates.count);
  const tSets = performance.now();
  const sets = context.coverageSets(candidates.lon, candidates.lat);
  const setSeconds = (performance.now() - tSets) / 1000;
  let offNetwork = 0;
  for (let j = 0; j < candidates.count; j++) {
    if (!sets.offNetwork[j]) continue;
    offNetwork++;
    if (uploaded) {
      warnings.push({
        file: uploaded.file,
        index: candidates.origin[j]!,
        ...(ids[j] ? { id: ids[j]! } : {}),
        reason: `candidate is off-network: farther than ${settings.maxSnapMeters} m from every walkable road, so it would serve no one`,
      });
    }
  }
  // a site without a capacity serves everyone it reaches: cap it at all uncovered residents
  const capacity = capacityPlaces
    ? servableResidents(capacityPlaces, ratio).map((c) => Math.min(c, context.demand.totalWeight))
    : undefined;

  let exact = input.exact === true;
  if (exact && sets.demand.length > EXACT_MAX_ENTRIES) {
    warnings.push({
      file: '(siting)',
      index: -1,
      reason: `exact solve skipped: ${sets.demand.length} coverage entries exceed ${EXACT_MAX_ENTRIES}; the greedy answer is shown with its bound`,
    });
    exact = false;
  }
  const lpBound = input.lpBound ?? (!exact && sets.demand.length <= LP_BOUND_MAX_ENTRIES);
  input.onProgress?.(exact ? 'exact' : 'greedy', candidates.count);
  const highs = exact || lpBound ? await (input.loadHighs ?? (() => loadHighsSolver()))() : undefined;
  const plan = planSites(sets, context.demand, samples, goal, {
    capacity,
    highs,
    exact,
    lpBound,
    timeLimitSeconds: input.timeLimitSeconds ?? 60,
  });

  const sites: SiteProposal[] = plan.sites.map((s) => ({
    rank: s.rank,
    candidate: s.candidate,
    lon: candidates.lon[s.candidate]!,
    lat: candidates.lat[s.candidate]!,
    source: CANDIDATE_SOURCES[candidates.source[s.candidate]!]!,
    candidateId: ids[s.candidate] ?? null,
    capacity: capacityPlaces ? capacityPlaces[s.candidate]! : null,
    gainPopulation: s.gainPopulation,
    communities: s.communities,
    communityGain: s.communityGain,
  }));
  return {
    sites,
    plan,
    context,
    candidates,
    candidateSource: uploaded ? 'uploaded' : 'generated',
    capacityPlaces,
    offNetwork,
    coverageEntries: sets.demand.length,
    seconds: { coverageSets: setSeconds, solve: plan.seconds },
    warnings,
  };
}
