/**
 * The siting part of the worker session: plan new sites for one category on the current analysis
 * (greedy CELF, or HiGHS exact with a time limit), then edit them interactively (drag, add,
 * remove) with the what-if site evaluator, and compare saved scenarios. Glue only: every
 * computation is in engine/siting and io/. Runs in Node (tests) without a worker.
 */
import type { Analysis } from '../engine/analyze';
import { findGapZones } from '../engine/coverage/gap-zones';
import type { CategoryDef, Problem } from '../engine/model';
import { type Candidates, excludeCandidates, generateCandidates, SOURCE_UPLOADED, thinCandidates } from '../engine/siting/candidates';
import { loadHighsSolver } from '../engine/siting/exact';
import { planSites, type SitingGoal } from '../engine/siting/plan-sites';
import type { PolygonRings } from '../engine/siting/polygon-index';
import type { SiteEvaluator } from '../engine/siting/site-evaluator';
import { createSitingContext, type SitingContext } from '../engine/siting/siting-context';
import type { NetworkModel } from '../engine/travel/network';
import { checkPosition, checkPositionList } from '../io/coordinate-checks';
import { inspectFeature } from '../io/feature-helpers';
import type { CrsId } from '../io/crs';
import { readLayerFile } from '../io/read-layer-file';
import type { EngineSession } from './session';

/** Largest program (coverage-set entries) the exact solver is tried on (as the CLI). */
export const EXACT_MAX_ENTRIES = 3_000_000;

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
  /** Milliseconds the worker spent on this update. */
  workerMs: number;
}

/** A finished siting run: the view plus what was proven and the problems of uploaded files. */
export interface SitingRunResult extends SitingView {
  solver: 'greedy' | 'exact';
  status: string;
  /** Relative optimality gap (0 = proven optimal; NaN: no bound applies). */
  gap: number;
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

async function readPoints(file: UploadedFile, problems: Problem[]): Promise<Candidates | null> {
  const read = await readLayerFile(file.name, file.bytes, file.crs ? { crs: file.crs } : {});
  problems.push(...read.errors, ...read.warnings);
  if (!read.features) return null;
  const lon: number[] = [], lat: number[] = [], origin: number[] = [];
  read.features.forEach((raw, index) => {
    const f = inspectFeature(raw);
    const g = typeof f === 'string' ? null : (f.geometry as { type?: unknown; coordinates?: unknown } | null);
    const positions = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!positions) return problems.push({ file: file.name, index, reason: `candidate skipped: ${typeof f === 'string' ? f : `geometry ${g ? String(g.type) : 'null'} is not a Point`}` });
    for (const p of positions) {
      const pos = checkPosition(p);
      if (typeof pos === 'string') return problems.push({ file: file.name, index, reason: `candidate skipped: ${pos}` });
      lon.push(pos[0]);
      lat.push(pos[1]);
      origin.push(index);
    }
  });
  return { count: lon.length, lon: Float64Array.from(lon), lat: Float64Array.from(lat), source: new Uint8Array(lon.length).fill(SOURCE_UPLOADED), origin: Uint32Array.from(origin) };
}

async function readPolygons(file: UploadedFile, problems: Problem[]): Promise<PolygonRings[]> {
  const read = await readLayerFile(file.name, file.bytes, file.crs ? { crs: file.crs } : {});
  problems.push(...read.errors, ...read.warnings);
  const out: PolygonRings[] = [];
  (read.features ?? []).forEach((raw, index) => {
    const f = inspectFeature(raw);
    const g = typeof f === 'string' ? null : (f.geometry as { type?: unknown; coordinates?: unknown } | null);
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!polys) return problems.push({ file: file.name, index, reason: `excluded area skipped: ${typeof f === 'string' ? f : 'geometry is not a Polygon'}` });
    for (const poly of polys) {
      const rings = Array.isArray(poly) ? poly.map((r: unknown) => checkPositionList(r, 4)) : ['not an array of rings'];
      const bad = rings.find((r): r is string => typeof r === 'string');
      if (bad !== undefined) return problems.push({ file: file.name, index, reason: `excluded area skipped: ${bad}` });
      out.push(rings as [number, number][][]);
    }
  });
  return out;
}

/**
 * The siting session over an engine session (which owns the data, settings and analysis).
 *
 * @param session the engine session (`createSession()`); its `current()` gives the analysis
 * @param options where HiGHS finds its wasm
 */
export function createSitingSession(session: Pick<EngineSession, 'current'>, options: SitingSessionOptions = {}) {
  /** Siting contexts per analysis and category (thresholds included in the key). */
  const contexts = new WeakMap<Analysis, Map<string, SitingContext>>();
  let active: { analysis: Analysis; category: CategoryDef; context: SitingContext; evaluator: SiteEvaluator; lon: number[]; lat: number[] } | null = null;

  const contextOf = (categoryId: string) => {
    const { analysis, dataset, settings } = session.current();
    const k = settings.categories.findIndex((c) => c.id === categoryId);
    if (k < 0) throw new Error(`siting: unknown category "${categoryId}" (settings have ${settings.categories.map((c) => c.id).join(', ')})`);
    const category = settings.categories[k]!;
    let byKey = contexts.get(analysis);
    if (!byKey) contexts.set(analysis, (byKey = new Map()));
    const key = JSON.stringify([category.id, category.thresholdMinutes]);
    let context = byKey.get(key);
    if (!context) byKey.set(key, (context = createSitingContext(analysis.travel, analysis.samples, analysis.fields[k]!, category, settings)));
    return { analysis, dataset, settings, category, k, context };
  };

  /** Make `active` the proposal of `categoryId` on the current analysis with these sites. */
  const activate = (categoryId: string, lon: number[], lat: number[]) => {
    const c = contextOf(categoryId);
    const evaluator = c.context.evaluator();
    active = { analysis: c.analysis, category: c.category, context: c.context, evaluator, lon: [...lon], lat: [...lat] };
    return { c, evaluation: evaluator.evaluateSites(lon, lat) };
  };

  /** The view of the active proposal after an evaluation (ranking by greedy over the current sites). */
  const view = (evaluation: ReturnType<SiteEvaluator['evaluateSites']>, t0: number): SitingView => {
    const a = active!;
    const { dataset } = session.current();
    const samples = a.analysis.samples;
    const n = a.lon.length;
    const sets = a.context.coverageSets(Float64Array.from(a.lon), Float64Array.from(a.lat));
    const plan = planSites(sets, a.context.demand, samples, { kind: 'max-cover', maxSites: n });
    const sites: SiteView[] = a.lon.map((lon, i) => ({ lon, lat: a.lat[i]!, rank: 0, gainPopulation: 0, coveredIds: [] }));
    for (const s of plan.sites) {
      sites[s.candidate] = { ...sites[s.candidate]!, rank: s.rank, gainPopulation: s.gainPopulation, coveredIds: Array.from(s.communities, (c) => dataset.communities[c]!.id) };
    }
    let next = plan.sites.length;
    for (const s of sites) if (s.rank === 0) s.rank = ++next; // sites that add no one rank last, in edit order
    const seen = new Uint8Array(a.context.demand.count);
    const covered: number[] = [];
    for (const d of sets.demand) {
      if (seen[d]) continue;
      seen[d] = 1;
      const i = a.context.demand.sample[d]!;
      covered.push(samples.lon[i]!, samples.lat[i]!);
    }
    return {
      category: a.category.id, sites, beforeShare: a.context.demand.populationTotal > 0 ? a.context.demand.populationCovered / a.context.demand.populationTotal : NaN,
      share: evaluation.totalShare, addedPopulation: evaluation.addedPopulation, communityShare: evaluation.share,
      coveredSamples: Float64Array.from(covered), workerMs: performance.now() - t0,
    };
  };

  /** The active proposal, rebuilt when the analysis or the category's thresholds changed since. */
  const ensureActive = () => {
    if (!active) throw new Error('siting: no proposal yet (run planSiting or setSites first)');
    const c = contextOf(active.category.id);
    if (c.analysis !== active.analysis || c.context !== active.context) activate(active.category.id, active.lon, active.lat);
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
      const { analysis, settings, category } = c;
      const exclude = req.excludeFile ? await readPolygons(req.excludeFile, problems) : [];
      onProgress?.('siting-candidates', 0.2);
      let candidates: Candidates;
      if (req.candidatesFile) {
        const uploaded = await readPoints(req.candidatesFile, problems);
        candidates = thinCandidates(excludeCandidates(uploaded ?? { count: 0, lon: new Float64Array(), lat: new Float64Array(), source: new Uint8Array(), origin: new Uint32Array() }, exclude), 0);
      } else {
        const zones = findGapZones(analysis.samples, [analysis.fields[c.k]!], { ...settings, categories: [category] });
        const graph = analysis.travel.name === 'network' ? (analysis.travel as NetworkModel).graph : null;
        candidates = generateCandidates({ samples: analysis.samples, gapZones: zones.map((z) => z.polygon), graph, spacingMeters: req.spacingMeters ?? 200, exclude });
      }
      onProgress?.('siting-sets', 0.4);
      const sets = c.context.coverageSets(candidates.lon, candidates.lat);
      let exact = req.exact === true;
      if (exact && sets.demand.length > EXACT_MAX_ENTRIES) {
        problems.push({ file: '(siting)', index: -1, reason: `exact solve skipped: ${sets.demand.length} coverage entries exceed ${EXACT_MAX_ENTRIES}; the greedy answer is shown` });
        exact = false;
      }
      onProgress?.(exact ? 'siting-exact' : 'siting-greedy', 0.6);
      const highs = exact ? await loadHighsSolver(options.highsLocateFile ? { locateFile: options.highsLocateFile } : undefined) : undefined;
      const plan = planSites(sets, c.context.demand, analysis.samples, req.goal, { highs, exact, timeLimitSeconds: req.timeLimitSeconds ?? 30 });
      const lon = plan.sites.map((s) => candidates.lon[s.candidate]!);
      const lat = plan.sites.map((s) => candidates.lat[s.candidate]!);
      onProgress?.('siting-evaluate', 0.95);
      const { evaluation } = activate(req.category, lon, lat);
      return {
        ...view(evaluation, t0), solver: plan.solver, status: plan.status, gap: plan.gap, targetReached: plan.targetReached, maxShare: plan.maxShare,
        candidateCount: candidates.count, seconds: (performance.now() - t0) / 1000, problems,
      };
    },

    /** Replace the current proposal of a category (e.g. a scenario or a project being opened). */
    setSites(categoryId: string, lon: number[], lat: number[]): SitingView {
      const t0 = performance.now();
      if (lon.length !== lat.length) throw new RangeError(`setSites: ${lon.length} longitudes, ${lat.length} latitudes`);
      return view(activate(categoryId, lon, lat).evaluation, t0);
    },

    /** Move site `i` of the current proposal (a drag). */
    moveSite(i: number, lon: number, lat: number): SitingView {
      const t0 = performance.now();
      const a = ensureActive();
      const evaluation = a.evaluator.moveSite(i, lon, lat);
      a.lon[i] = lon;
      a.lat[i] = lat;
      return view(evaluation, t0);
    },

    /** Add a site to the current proposal (a click on the map). */
    addSite(lon: number, lat: number): SitingView {
      const t0 = performance.now();
      const a = ensureActive();
      const evaluation = a.evaluator.addSite(lon, lat);
      a.lon.push(lon);
      a.lat.push(lat);
      return view(evaluation, t0);
    },

    /** Remove site `i` of the current proposal. */
    removeSite(i: number): SitingView {
      const t0 = performance.now();
      const a = ensureActive();
      const evaluation = a.evaluator.removeSite(i);
      a.lon.splice(i, 1);
      a.lat.splice(i, 1);
      return view(evaluation, t0);
    },

    /**
     * Covered share of every category (settings order) with the given proposed sites added to the
     * existing facilities: the columns of the scenario table. Does not touch the current proposal.
     */
    scenarioShares(sites: readonly ScenarioSite[]): { categoryIds: string[]; share: number[] } {
      const { analysis, settings } = session.current();
      const share = settings.categories.map((cat, k) => {
        const own = sites.filter((s) => s.category === cat.id);
        if (own.length === 0) return analysis.coverage.totals[k]!.share;
        return contextOf(cat.id).context.evaluator().evaluateSites(own.map((s) => s.lon), own.map((s) => s.lat)).totalShare;
      });
      return { categoryIds: settings.categories.map((c) => c.id), share };
    },
  };
}

export type SitingSession = ReturnType<typeof createSitingSession>;
