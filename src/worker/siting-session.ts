/**
 * The siting part of the worker session: plan new sites for one category on the current analysis
 * (greedy CELF, or HiGHS exact with a time limit), then edit them interactively (drag, add,
 * remove) with the what-if site evaluator, and compare saved scenarios. Glue only: every
 * computation is in engine/siting and io/. Runs in Node (tests) without a worker.
 */
import type { Analysis } from '../engine/analyze';
import type { CategoryDef, Problem, ReadResult } from '../engine/model';
import type { UploadedCandidates } from '../engine/siting/candidates';
import { loadHighsSolver } from '../engine/siting/exact';
import { planSites, type SitingGoal, type SitingPlan } from '../engine/siting/plan-sites';
import { proposeSites, type ProposeStage } from '../engine/siting/propose-sites';
import type { SiteEvaluator } from '../engine/siting/site-evaluator';
import { createSitingContext, type SitingContext } from '../engine/siting/siting-context';
import { siteServiceArea } from '../engine/siting/site-service-area';
import type { CrsId } from '../io/crs';
import { readCandidatesFile, readExclusionsFile } from '../io/read-candidates';
import type { RoadDistances } from '../io/crs-offset';
import { writeSitesGeoJson, type SiteRecord } from '../io/report-geojson';
import type { EngineSession } from './session';

/** An uploaded file (candidate points or excluded areas), read like a layer file (GeoJSON, CSV, zipped Shapefile). */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
  crs?: CrsId;
}

/** What the siting panel asks for. */
export interface SitingRequest {
  category: string;
  goal: SitingGoal;
  /** Generated candidates (gap-zone road nodes and community points, thinned) unless a file is given. */
  candidatesFile?: UploadedFile | null;
  /** Minimum spacing of generated candidates, metres (default 200). */
  spacingMeters?: number;
  /** Polygons where no site may go. */
  excludeFile?: UploadedFile | null;
  /** Solve exactly with HiGHS (greedy as its start); default false. */
  exact?: boolean;
  /** Time limit of the exact solve, seconds (default 30). */
  timeLimitSeconds?: number;
  /**
   * Places of each new site without a capacity of its own (capacity-aware when the category has
   * `capacityPerThousand`; uploaded candidates' `capacity` wins). Default: none.
   */
  capacityPlaces?: number | null;
  /** Tighten greedy's bound with the LP relaxation; default: on programs of at most 200,000 entries (as the CLI). */
  lpBound?: boolean;
}

/** One proposed site as the UI shows it. */
export interface SiteView {
  lon: number;
  lat: number;
  /** 1 = most residents newly covered (greedy order over the current sites). */
  rank: number;
  /** Residents it newly covers after the sites ranked before it. */
  gainPopulation: number;
  /** Ids of the communities where it newly covers residents, most first. */
  coveredIds: string[];
  /** Names of the same communities (the id where a community has no name). */
  coveredNames?: string[];
  /** Where it came from: a candidate (`uploaded`, `community`, `road_node`) or `placed` by hand (added or moved). */
  source?: SiteRecord['source'];
  /** Id of the uploaded candidate it is, or null. */
  candidateId?: string | null;
  /** Places (capacitated runs), else null. */
  capacity?: number | null;
}

/** The current proposal of one category with its coverage (sites in edit order: indices stay stable while dragging). */
export interface SitingView {
  category: string;
  sites: SiteView[];
  /** Covered share of all residents with the existing facilities only, 0–1. */
  beforeShare: number;
  /** Covered share with the proposed sites too, 0–1. */
  share: number;
  /** Residents the new sites cover that no existing facility does. */
  addedPopulation: number;
  /** Per community (dataset order): covered share with the proposals, 0–1 (NaN without residents). */
  communityShare: Float64Array;
  /** Demand samples newly covered by the proposals, `[lon0, lat0, lon1, lat1, …]` (map layer). */
  coveredSamples: Float64Array;
  /** Indices (dataset order) of the communities where the proposals newly cover residents. */
  newlyCovered: Uint32Array;
  /** Per site (edit order): its service area at the urban threshold (GeoJSON MultiPolygon coordinates, WGS84). */
  serviceAreas: [number, number][][][][];
  /** Milliseconds the worker spent on this update. */
  workerMs: number;
}

/**
 * A finished siting run: the view plus what was proven and the problems of uploaded files. Its
 * `sites` are the engine's ranked sites (rank order, the same as `lifecircle site` gives), with the
 * residents each newly covers under the run's capacities; `share` and `communityShare` are the
 * what-if evaluation, which counts everyone a site reaches (capacity is not applied to edits).
 */
export interface SitingRunResult extends SitingView {
  solver: 'greedy' | 'exact';
  status: string;
  /** Relative optimality gap (0 = proven optimal; NaN: no bound applies). */
  gap: number;
  /** MCLP: residents newly covered; LSCP: number of sites. */
  objective: number;
  /** Proven bound on the optimum (upper for MCLP residents, lower for LSCP sites); NaN when none applies. */
  bound: number;
  boundSource: SitingPlan['boundSource'];
  /** Covered share 0–1 with the planned sites under the run's capacities (equals `share` when uncapacitated). */
  plannedShare: number;
  targetReached: boolean;
  maxShare: number;
  candidateCount: number;
  seconds: number;
  problems: Problem[];
}

/** A proposed site of any category, for scenario comparison. */
export interface ScenarioSite {
  category: string;
  lon: number;
  lat: number;
}

type ProgressFn = (stage: string, fraction: number) => void;

/** Options of {@link createSitingSession}. */
export interface SitingSessionOptions {
  /** Where HiGHS finds `highs.wasm` (browser: a bundled URL); default: the package's own lookup (Node). */
  highsLocateFile?: (file: string) => string;
}

/** Read an uploaded file with an io reader (in its CRS), its problems added to `problems`. */
async function readUpload<T>(
  file: UploadedFile,
  read: (name: string, bytes: Uint8Array, options: { crs?: CrsId; nearestRoadMeters?: RoadDistances }) => Promise<ReadResult<T | null>>,
  problems: Problem[],
  nearestRoadMeters?: RoadDistances,
): Promise<T | null> {
  const res = await read(file.name, file.bytes, {
    ...(file.crs ? { crs: file.crs } : {}),
    ...(nearestRoadMeters ? { nearestRoadMeters } : {}),
  });
  problems.push(...res.errors, ...res.warnings);
  return res.value;
}

const STAGES: Record<ProposeStage, [string, number]> = {
  candidates: ['siting-candidates', 0.2],
  'coverage-sets': ['siting-sets', 0.4],
  exact: ['siting-exact', 0.6],
  greedy: ['siting-greedy', 0.6],
};

/** A community as people know it: its name, or its id when it has none. */
const communityName = (c: { id: string; name: string }): string => (c.name && c.name.trim() ? c.name : c.id);

/** Per site of the proposal (edit order): where it came from, kept through edits. */
type SiteMeta = Required<Pick<SiteView, 'source' | 'candidateId' | 'capacity'>>;
const PLACED: SiteMeta = { source: 'placed', candidateId: null, capacity: null };

/**
 * The siting session over an engine session (which owns the data, settings and analysis).
 *
 * @param session the engine session (`createSession()`); its `current()` gives the analysis
 * @param options where HiGHS finds its wasm
 */
export function createSitingSession(
  session: Pick<EngineSession, 'current'> & Partial<Pick<EngineSession, 'roadDistances'>>,
  options: SitingSessionOptions = {},
) {
  /** Siting contexts per analysis and category (thresholds included in the key). */
  const contexts = new WeakMap<Analysis, Map<string, SitingContext>>();
  /** Service areas per analysis, keyed by category, thresholds and site position. */
  const areas = new WeakMap<Analysis, Map<string, [number, number][][][]>>();
  /** The service area of a site; `cachedOnly`: an empty one when not computed yet (during drags, kept fast). */
  const areaOf = (analysis: Analysis, category: CategoryDef, lon: number, lat: number, cachedOnly = false) => {
    let byKey = areas.get(analysis);
    if (!byKey) areas.set(analysis, (byKey = new Map()));
    const key = JSON.stringify([category.id, category.thresholdMinutes, lon, lat]);
    let mp = byKey.get(key);
    if (!mp) {
      if (cachedOnly) return [];
      if (byKey.size > 2000) byKey.clear();
      byKey.set(key, (mp = siteServiceArea(analysis.travel, category, session.current().settings, lon, lat).multiPolygon));
    }
    return mp;
  };
  /** The current proposal: sites in edit order, with their origin and the sites last shown. */
  let active: {
    analysis: Analysis;
    category: CategoryDef;
    context: SitingContext;
    evaluator: SiteEvaluator;
    lon: number[];
    lat: number[];
    meta: SiteMeta[];
    shown: SiteView[];
  } | null = null;

  const contextOf = (categoryId: string) => {
    const { analysis, dataset, settings } = session.current();
    const k = settings.categories.findIndex((c) => c.id === categoryId);
    if (k < 0)
      throw new Error(`siting: unknown category "${categoryId}" (settings have ${settings.categories.map((c) => c.id).join(', ')})`);
    const category = settings.categories[k]!;
    let byKey = contexts.get(analysis);
    if (!byKey) contexts.set(analysis, (byKey = new Map()));
    const key = JSON.stringify([category.id, category.thresholdMinutes]);
    let context = byKey.get(key);
    if (!context)
      byKey.set(key, (context = createSitingContext(analysis.travel, analysis.samples, analysis.fields[k]!, category, settings)));
    return { analysis, dataset, settings, category, k, context };
  };

  /** Make `active` the proposal of `categoryId` on the current analysis with these sites. */
  const activate = (categoryId: string, lon: number[], lat: number[], meta: readonly SiteMeta[]) => {
    const c = contextOf(categoryId);
    const evaluator = c.context.evaluator();
    active = {
      analysis: c.analysis,
      category: c.category,
      context: c.context,
      evaluator,
      lon: [...lon],
      lat: [...lat],
      meta: [...meta],
      shown: [],
    };
    return { c, evaluation: evaluator.evaluateSites(lon, lat) };
  };

  /** Origins for sites given by position: a site within 1e-6° of a current one of the same category keeps its origin (a rounded or reopened proposal). */
  const metaAt = (categoryId: string, lon: readonly number[], lat: readonly number[]): SiteMeta[] =>
    lon.map((x, i) => {
      if (active?.category.id !== categoryId) return PLACED;
      const j = active.lon.findIndex((y, k) => Math.abs(y - x) <= 1e-6 && Math.abs(active!.lat[k]! - lat[i]!) <= 1e-6);
      return j >= 0 ? active.meta[j]! : PLACED;
    });

  /** The view of the active proposal after an evaluation (ranking by greedy over the current sites). */
  const view = (evaluation: ReturnType<SiteEvaluator['evaluateSites']>, t0: number, cachedAreas = false): SitingView => {
    const a = active!;
    const { dataset } = session.current();
    const samples = a.analysis.samples;
    const n = a.lon.length;
    const sets = a.context.coverageSets(Float64Array.from(a.lon), Float64Array.from(a.lat));
    const plan = planSites(sets, a.context.demand, samples, { kind: 'max-cover', maxSites: n });
    const sites: SiteView[] = a.lon.map((lon, i) => ({ lon, lat: a.lat[i]!, rank: 0, gainPopulation: 0, coveredIds: [], ...a.meta[i]! }));
    const newly = new Set<number>();
    for (const s of plan.sites) {
      for (const c of s.communities) newly.add(c);
      sites[s.candidate] = {
        ...sites[s.candidate]!,
        rank: s.rank,
        gainPopulation: s.gainPopulation,
        coveredIds: Array.from(s.communities, (c) => dataset.communities[c]!.id),
        coveredNames: Array.from(s.communities, (c) => communityName(dataset.communities[c]!)),
      };
    }
    let next = plan.sites.length;
    for (const s of sites) if (s.rank === 0) s.rank = ++next; // sites that add no one rank last, in edit order
    a.shown = sites;
    const seen = new Uint8Array(a.context.demand.count);
    const covered: number[] = [];
    for (const d of sets.demand) {
      if (seen[d]) continue;
      seen[d] = 1;
      const i = a.context.demand.sample[d]!;
      covered.push(samples.lon[i]!, samples.lat[i]!);
    }
    return {
      category: a.category.id,
      sites,
      beforeShare: a.context.demand.populationTotal > 0 ? a.context.demand.populationCovered / a.context.demand.populationTotal : NaN,
      share: evaluation.totalShare,
      addedPopulation: evaluation.addedPopulation,
      communityShare: evaluation.share,
      coveredSamples: Float64Array.from(covered),
      newlyCovered: Uint32Array.from([...newly].sort((x, y) => x - y)),
      serviceAreas: a.lon.map((lon, i) => areaOf(a.analysis, a.category, lon, a.lat[i]!, cachedAreas)),
      workerMs: performance.now() - t0,
    };
  };

  /** The active proposal, rebuilt when the analysis or the category's thresholds changed since. */
  const ensureActive = () => {
    if (!active) throw new Error('siting: no proposal yet (run planSiting or setSites first)');
    const c = contextOf(active.category.id);
    if (c.analysis !== active.analysis || c.context !== active.context) activate(active.category.id, active.lon, active.lat, active.meta);
    return active;
  };

  return {
    /**
     * Plan new sites for a category (greedy; exact with HiGHS when asked and small enough) and make
     * them the current proposal.
     */
    async planSiting(req: SitingRequest, onProgress?: ProgressFn): Promise<SitingRunResult> {
      const t0 = performance.now();
      const problems: Problem[] = [];
      onProgress?.('siting-prepare', 0.05);
      const c = contextOf(req.category);
      const { analysis, settings, category, dataset } = c;
      const exclude = (req.excludeFile ? await readUpload(req.excludeFile, readExclusionsFile, problems) : null) ?? [];
      let candidates: UploadedCandidates | null = null;
      if (req.candidatesFile) {
        const file = req.candidatesFile;
        candidates = (await readUpload(file, readCandidatesFile, problems, session.roadDistances?.())) ?? {
          file: file.name,
          count: 0,
          lon: new Float64Array(),
          lat: new Float64Array(),
          origin: new Uint32Array(),
          ids: [],
          capacity: new Float64Array(),
        };
      }
      const result = await proposeSites({
        travel: analysis.travel,
        samples: analysis.samples,
        field: analysis.fields[c.k]!,
        category,
        settings,
        context: c.context,
        goal: req.goal,
        candidates,
        exclude,
        spacingMeters: req.spacingMeters,
        capacityPlaces: req.capacityPlaces ?? null,
        exact: req.exact === true,
        timeLimitSeconds: req.timeLimitSeconds ?? 30,
        ...(req.lpBound !== undefined ? { lpBound: req.lpBound } : {}),
        loadHighs: () => loadHighsSolver(options.highsLocateFile ? { locateFile: options.highsLocateFile } : undefined),
        onProgress: (stage) => onProgress?.(...STAGES[stage]),
      });
      problems.push(...result.warnings);
      const { plan } = result;
      onProgress?.('siting-evaluate', 0.95);
      const meta = result.sites.map((s): SiteMeta => ({ source: s.source, candidateId: s.candidateId, capacity: s.capacity }));
      const { evaluation } = activate(
        req.category,
        result.sites.map((s) => s.lon),
        result.sites.map((s) => s.lat),
        meta,
      );
      const shown = view(evaluation, t0);
      // the engine's ranking and gains (capacities included): the same sites the command line writes
      const sites: SiteView[] = result.sites.map((s, i) => ({
        lon: s.lon,
        lat: s.lat,
        rank: s.rank,
        gainPopulation: s.gainPopulation,
        coveredIds: Array.from(s.communities, (k) => dataset.communities[k]!.id),
        coveredNames: Array.from(s.communities, (k) => communityName(dataset.communities[k]!)),
        ...meta[i]!,
      }));
      active!.shown = sites;
      return {
        ...shown,
        sites,
        solver: plan.solver,
        status: plan.status,
        gap: plan.gap,
        objective: plan.objective,
        bound: plan.bound,
        boundSource: plan.boundSource,
        plannedShare: plan.afterShare,
        targetReached: plan.targetReached,
        maxShare: plan.maxShare,
        candidateCount: result.candidates.count,
        seconds: (performance.now() - t0) / 1000,
        problems,
      };
    },

    /** Replace the current proposal of a category (e.g. a scenario or a project being opened). */
    setSites(categoryId: string, lon: number[], lat: number[]): SitingView {
      const t0 = performance.now();
      if (lon.length !== lat.length) throw new RangeError(`setSites: ${lon.length} longitudes, ${lat.length} latitudes`);
      return view(activate(categoryId, lon, lat, metaAt(categoryId, lon, lat)).evaluation, t0);
    },

    /** Move site `i` of the current proposal (a drag). */
    moveSite(i: number, lon: number, lat: number): SitingView {
      const t0 = performance.now();
      const a = ensureActive();
      const evaluation = a.evaluator.moveSite(i, lon, lat);
      a.lon[i] = lon;
      a.lat[i] = lat;
      a.meta[i] = PLACED;
      // a drag: the moved site's area is drawn once the drag ends (serviceAreas), keeping moves fast
      return view(evaluation, t0, true);
    },

    /** Service areas of the current proposal's sites (edit order), computed where missing (after a drag). */
    serviceAreas(): [number, number][][][][] {
      const a = ensureActive();
      return a.lon.map((lon, i) => areaOf(a.analysis, a.category, lon, a.lat[i]!));
    },

    /** Add a site to the current proposal (a click on the map). */
    addSite(lon: number, lat: number): SitingView {
      const t0 = performance.now();
      const a = ensureActive();
      const evaluation = a.evaluator.addSite(lon, lat);
      a.lon.push(lon);
      a.lat.push(lat);
      a.meta.push(PLACED);
      return view(evaluation, t0);
    },

    /** Remove site `i` of the current proposal. */
    removeSite(i: number): SitingView {
      const t0 = performance.now();
      const a = ensureActive();
      const evaluation = a.evaluator.removeSite(i);
      a.lon.splice(i, 1);
      a.lat.splice(i, 1);
      a.meta.splice(i, 1);
      return view(evaluation, t0);
    },

    /**
     * The current proposal as sites.geojson text (rank order, WGS84; docs/report-schema.md), written
     * by io/report-geojson.ts as `lifecircle site` writes it: after a run, the same bytes for the
     * same inputs. Sites re-evaluated first when the analysis changed; no proposal: no features.
     */
    sitesGeoJson(): string {
      if (!active) return writeSitesGeoJson([]);
      const c = contextOf(active.category.id);
      if (c.analysis !== active.analysis || c.context !== active.context)
        view(activate(active.category.id, active.lon, active.lat, active.meta).evaluation, performance.now());
      const a = active;
      return writeSitesGeoJson(
        [...a.shown]
          .sort((x, y) => x.rank - y.rank)
          .map((s) => ({
            lon: s.lon,
            lat: s.lat,
            rank: s.rank,
            category: a.category.id,
            gain_population: s.gainPopulation,
            covered_ids: s.coveredIds,
            source: s.source ?? 'placed',
            candidate_id: s.candidateId ?? null,
            capacity: s.capacity ?? null,
          })),
      );
    },

    /**
     * Covered share of every category (settings order) with the given proposed sites added to the
     * existing facilities, and the residents they newly cover (all categories summed): the columns
     * of the scenario table. Does not touch the current proposal.
     */
    scenarioShares(sites: readonly ScenarioSite[]): { categoryIds: string[]; share: number[]; addedPopulation: number } {
      const { analysis, settings } = session.current();
      let addedPopulation = 0;
      const share = settings.categories.map((cat, k) => {
        const own = sites.filter((s) => s.category === cat.id);
        if (own.length === 0) return analysis.coverage.totals[k]!.share;
        const evaluation = contextOf(cat.id)
          .context.evaluator()
          .evaluateSites(
            own.map((s) => s.lon),
            own.map((s) => s.lat),
          );
        addedPopulation += evaluation.addedPopulation;
        return evaluation.totalShare;
      });
      return { categoryIds: settings.categories.map((c) => c.id), share, addedPopulation };
    },
  };
}

export type SitingSession = ReturnType<typeof createSitingSession>;
