import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createTravelModel } from '../engine/analyze';
import { buildDemandSamples } from '../engine/coverage/demand-samples';
import { findGapZones } from '../engine/coverage/gap-zones';
import type { Problem } from '../engine/model';
import { CANDIDATE_SOURCES, type Candidates, excludeCandidates, generateCandidates, SOURCE_UPLOADED, thinCandidates } from '../engine/siting/candidates';
import { loadHighsSolver } from '../engine/siting/exact';
import { planSites, type SitingGoal } from '../engine/siting/plan-sites';
import type { PolygonRings } from '../engine/siting/polygon-index';
import { createSitingContext, servableResidents } from '../engine/siting/siting-context';
import type { NetworkModel } from '../engine/travel/network';
import { checkPosition, checkPositionList } from '../io/coordinate-checks';
import { getProp, inspectFeature, parseNumberLike } from '../io/feature-helpers';
import { parseGeoJsonText } from '../io/geojson-parse';
import { stringifyCollection, type ReportFeature } from '../io/report-geojson';
import { reportProblems } from '../io/report-summary';
import { decodeText } from '../io/text-decode';
import type { CliStreams } from './analyze-command';
import { formatProblem, loadInputs, type InputOptions } from './load-inputs';
import type { Progress } from './progress';

/** Options of `site` (strings as typed on the command line). */
export interface SiteOptions extends InputOptions {
  category: string;
  /** MCLP: number of new sites. */
  add?: string;
  /** LSCP: covered share to reach, `0.9`, `90` or `90%`. */
  target?: string;
  /** GeoJSON points the city owns (property `capacity` optional); else candidates are generated. */
  candidates?: string;
  /** GeoJSON polygons where no site may go. */
  exclude?: string;
  exact?: boolean;
  /** Minimum spacing of candidates, metres (default 200). */
  spacing?: string;
  /** Places of each new site (capacity-aware when the category has `capacityPerThousand`). */
  capacity?: string;
  /** Time limit of the exact solver, seconds (default 60). */
  timeLimit?: string;
  out: string;
  /** Print the summary as JSON on stdout instead of the human summary. */
  json?: boolean;
  /** No warnings on stderr (they stay in summary.json). */
  quiet?: boolean;
}

/** Largest program (coverage-set entries) the exact solver is tried on. */
export const EXACT_MAX_ENTRIES = 3_000_000;

function parseTarget(text: string): number | null {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  const share = m[2] === '%' || v > 1 ? v / 100 : v;
  return share >= 0 && share <= 1 ? share : null;
}

/** Read a GeoJSON file into features, pushing problems; null when unusable. */
function readFeatures(path: string, errors: Problem[], warnings: Problem[]) {
  let text: string;
  try {
    text = decodeText(new Uint8Array(readFileSync(path))).text;
  } catch (e) {
    errors.push({ file: basename(path), index: -1, reason: `cannot read ${path}: ${(e as Error).message}` });
    return null;
  }
  const res = parseGeoJsonText(text, basename(path));
  errors.push(...res.errors);
  warnings.push(...res.warnings);
  return res.value;
}

/** Uploaded candidate points (Point / MultiPoint), with optional `capacity` and id. */
function readCandidatePoints(path: string, errors: Problem[], warnings: Problem[]): { candidates: Candidates; ids: (string | null)[]; capacity: (number | null)[] } | null {
  const features = readFeatures(path, errors, warnings);
  if (!features) return null;
  const file = basename(path);
  const lon: number[] = [], lat: number[] = [], origin: number[] = [], ids: (string | null)[] = [], capacity: (number | null)[] = [];
  features.forEach((raw, index) => {
    const f = inspectFeature(raw);
    const bad = (reason: string) => errors.push({ file, index, ...(typeof f !== 'string' && f.id ? { id: f.id } : {}), reason: `candidate skipped: ${reason}` });
    if (typeof f === 'string') return bad(f);
    const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    const positions = g?.type === 'Point' ? [g.coordinates] : g?.type === 'MultiPoint' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!positions) return bad(`geometry ${g ? String(g.type) : 'null'} is not a Point`);
    const capRaw = getProp(f.properties, ['capacity', 'places', '容量']);
    const cap = capRaw === undefined ? null : parseNumberLike(capRaw);
    if (capRaw !== undefined && !(cap !== null && cap >= 0)) return bad(`capacity ${JSON.stringify(capRaw)} is not a number ≥ 0`);
    for (const p of positions) {
      const pos = checkPosition(p);
      if (typeof pos === 'string') return bad(pos);
      lon.push(pos[0]);
      lat.push(pos[1]);
      origin.push(index);
      ids.push(f.id);
      capacity.push(cap);
    }
  });
  const candidates = { count: lon.length, lon: Float64Array.from(lon), lat: Float64Array.from(lat), source: new Uint8Array(lon.length).fill(SOURCE_UPLOADED), origin: Uint32Array.from(origin) };
  return { candidates, ids, capacity };
}

/** Excluded areas (Polygon / MultiPolygon). */
function readExclusions(path: string, errors: Problem[], warnings: Problem[]): PolygonRings[] | null {
  const features = readFeatures(path, errors, warnings);
  if (!features) return null;
  const out: PolygonRings[] = [];
  features.forEach((raw, index) => {
    const f = inspectFeature(raw);
    const g = typeof f === 'string' ? null : (f.geometry as { type?: unknown; coordinates?: unknown } | null);
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' && Array.isArray(g.coordinates) ? g.coordinates : null;
    if (!polys) return errors.push({ file: basename(path), index, reason: `excluded area skipped: ${typeof f === 'string' ? f : 'geometry is not a Polygon'}` });
    for (const poly of polys) {
      const rings = Array.isArray(poly) ? poly.map((r: unknown) => checkPositionList(r, 4)) : ['not an array of rings'];
      const bad = rings.find((r): r is string => typeof r === 'string');
      if (bad !== undefined) return errors.push({ file: basename(path), index, reason: `excluded area skipped: ${bad}` });
      out.push(rings as [number, number][][]);
    }
  });
  return out;
}

const round = (v: number, d: number): number | null => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : null);

/**
 * `site`: where new facilities of one category close the most gap (MCLP with `--add K`) or the
 * fewest that reach a covered share (LSCP with `--target SHARE`); writes sites.geojson and
 * summary.json to `out`.
 *
 * @param progress where stages are reported (created by the caller: bar, lines or nothing)
 * @returns exit code: 0 success, 1 bad options, 2 unusable input
 */
export async function runSite(opts: SiteOptions, io: CliStreams, progress: Progress): Promise<number> {
  const usage = (msg: string): number => {
    io.err(`lifecircle site: ${msg}\n`);
    return 1;
  };
  if ((opts.add === undefined) === (opts.target === undefined)) return usage('give exactly one of --add K (maximal covering) or --target SHARE (set covering)');
  const k = opts.add === undefined ? 0 : Number(opts.add);
  if (opts.add !== undefined && !(Number.isInteger(k) && k >= 1)) return usage(`--add must be a whole number ≥ 1, got "${opts.add}"`);
  const target = opts.target === undefined ? 0 : parseTarget(opts.target);
  if (target === null) return usage(`--target must be a share 0–1 or a percentage (90, 90%), got "${opts.target}"`);
  const spacing = opts.spacing === undefined ? 200 : Number(opts.spacing);
  if (!(spacing >= 0 && Number.isFinite(spacing))) return usage(`--spacing must be metres ≥ 0, got "${opts.spacing}"`);
  const capacityOpt = opts.capacity === undefined ? null : Number(opts.capacity);
  if (capacityOpt !== null && !(capacityOpt > 0 && Number.isFinite(capacityOpt))) return usage(`--capacity must be a number > 0, got "${opts.capacity}"`);
  const timeLimit = opts.timeLimit === undefined ? 60 : Number(opts.timeLimit);
  if (!(timeLimit > 0)) return usage(`--time-limit must be seconds > 0, got "${opts.timeLimit}"`);

  progress.step('reading input', 0);
  const input = await loadInputs(opts);
  const errors = [...input.errors];
  const warnings = [...input.warnings];
  if (input.fatal.length > 0 || !input.dataset || !input.settings) {
    for (const e of errors) io.err(`error: ${formatProblem(e)}\n`);
    io.err(`lifecircle: cannot site:\n${input.fatal.map((r) => `  - ${r}\n`).join('')}`);
    return 2;
  }
  const { dataset, settings } = input;
  const category = settings.categories.find((c) => c.id === opts.category);
  if (!category) return usage(`unknown --category "${opts.category}"; the preset has: ${settings.categories.map((c) => c.id).join(', ')}`);
  if (capacityOpt !== null && !(category.capacityPerThousand! > 0)) return usage(`--capacity needs a planning ratio: category "${category.id}" has no capacityPerThousand (set it in the settings file)`);
  const uploaded = opts.candidates ? readCandidatePoints(opts.candidates, errors, warnings) : null;
  const exclude = opts.exclude ? readExclusions(opts.exclude, errors, warnings) : [];
  const fatal: string[] = [];
  if (opts.candidates && !uploaded) fatal.push(`${basename(opts.candidates)}: not usable`);
  if (uploaded && uploaded.candidates.count === 0) fatal.push(`${basename(opts.candidates!)}: no valid candidate point`);
  if (opts.exclude && !exclude) fatal.push(`${basename(opts.exclude)}: not usable`);
  for (const e of errors) io.err(`error: ${formatProblem(e)}\n`);
  if (fatal.length > 0) {
    io.err(`lifecircle: cannot site:\n${fatal.map((r) => `  - ${r}\n`).join('')}`);
    return 2;
  }

  const t0 = performance.now();
  progress.step('travel times', 0.2);
  const samples = buildDemandSamples(dataset.communities, settings.sampleSpacingMeters);
  const travel = createTravelModel(dataset, settings, warnings);
  warnings.push(...travel.warnings);
  const field = travel.accessField(category.id, Uint32Array.from(dataset.facilities.filter((f) => f.category === category.id), (f) => f.index), samples);
  const context = createSitingContext(travel, samples, field, category, settings);

  progress.step('candidates', 0.4);
  let candidates: Candidates;
  let capacityPlaces: Float64Array | null = null;
  let candidateIds: (string | null)[];
  if (uploaded) {
    const keep = excludeCandidates({ ...uploaded.candidates, origin: Uint32Array.from(uploaded.candidates.origin, (_, i) => i) }, exclude ?? []);
    candidates = thinCandidates(keep, 0); // exact duplicates only: the city's own points are kept as given
    const pos = candidates.origin;
    candidates = { ...candidates, origin: Uint32Array.from(pos, (i) => uploaded.candidates.origin[i]!) };
    const anyCap = uploaded.capacity.some((c) => c !== null);
    if (category.capacityPerThousand! > 0 && (capacityOpt !== null || anyCap)) {
      capacityPlaces = Float64Array.from(pos, (i) => uploaded.capacity[i] ?? capacityOpt ?? Infinity);
    }
    candidateIds = Array.from(pos, (i) => uploaded.ids[i] ?? null);
  } else {
    const zones = findGapZones(samples, [field], { ...settings, categories: [category] });
    candidates = generateCandidates({ samples, gapZones: zones.map((z) => z.polygon), graph: travel.name === 'network' ? (travel as NetworkModel).graph : null, spacingMeters: spacing, exclude: exclude ?? [] });
    if (capacityOpt !== null) capacityPlaces = new Float64Array(candidates.count).fill(capacityOpt);
    candidateIds = new Array<string | null>(candidates.count).fill(null);
  }
  progress.step(`coverage sets (${candidates.count} candidates)`, 0.5);
  const tSets = performance.now();
  const sets = context.coverageSets(candidates.lon, candidates.lat);
  const setSeconds = (performance.now() - tSets) / 1000;
  sets.offNetwork.forEach((off, j) => {
    if (off && candidates.source[j] === SOURCE_UPLOADED) warnings.push({ file: basename(opts.candidates!), index: candidates.origin[j]!, ...(candidateIds[j] ? { id: candidateIds[j]! } : {}), reason: `candidate is off-network: farther than ${settings.maxSnapMeters} m from every walkable road, so it would serve no one` });
  });
  // a site without a capacity serves everyone it reaches: cap it at all uncovered residents
  const capacity = capacityPlaces ? servableResidents(capacityPlaces, category.capacityPerThousand!).map((c) => Math.min(c, context.demand.totalWeight)) : undefined;

  let exact = opts.exact === true;
  if (exact && sets.demand.length > EXACT_MAX_ENTRIES) {
    warnings.push({ file: '(command line)', index: -1, reason: `--exact skipped: ${sets.demand.length} coverage entries exceed ${EXACT_MAX_ENTRIES}; the greedy answer is shown with its bound` });
    exact = false;
  }
  const lpBound = !exact && sets.demand.length <= 200_000;
  progress.step(exact ? 'exact solve (HiGHS)' : 'greedy', 0.7);
  const highs = exact || lpBound ? await loadHighsSolver() : undefined;
  const goal: SitingGoal = opts.add !== undefined ? { kind: 'max-cover', maxSites: k } : { kind: 'set-cover', targetShare: target };
  const plan = planSites(sets, context.demand, samples, goal, { capacity, highs, exact, lpBound, timeLimitSeconds: timeLimit });
  progress.step('writing reports', 0.95);
  if (!opts.quiet) for (const w of warnings) io.err(`warning: ${formatProblem(w)}\n`);

  const features: ReportFeature[] = plan.sites.map((s) => ({
    type: 'Feature',
    properties: {
      rank: s.rank,
      category: category.id,
      gain_population: Math.round(s.gainPopulation),
      covered_ids: Array.from(s.communities, (c) => dataset.communities[c]!.id).join(','),
      source: CANDIDATE_SOURCES[candidates.source[s.candidate]!]!,
      candidate_id: candidateIds[s.candidate] ?? null,
      capacity: capacityPlaces ? round(capacityPlaces[s.candidate]!, 3) : null,
    },
    geometry: { type: 'Point', coordinates: [round(candidates.lon[s.candidate]!, 6)!, round(candidates.lat[s.candidate]!, 6)!] },
  }));
  const summary = {
    category: category.id,
    model: travel.name,
    problem: goal.kind === 'max-cover' ? 'maximal-covering' : 'set-covering',
    ...(goal.kind === 'max-cover' ? { add: goal.maxSites } : { target_share: goal.targetShare }),
    solver: plan.solver,
    status: plan.status,
    sites: plan.sites.length,
    objective: goal.kind === 'max-cover' ? Math.round(plan.objective) : plan.objective,
    objective_unit: goal.kind === 'max-cover' ? 'residents newly covered' : 'new sites',
    bound: round(plan.bound, 0),
    bound_source: plan.boundSource,
    gap: round(plan.gap, 4),
    population: Math.round(context.demand.populationTotal),
    newly_covered_population: Math.round(plan.sites.reduce((s, x) => s + x.gainPopulation, 0)),
    before_share: round(plan.beforeShare, 4),
    after_share: round(plan.afterShare, 4),
    target_reached: plan.targetReached,
    max_share: round(plan.maxShare, 4),
    capacity: capacity ? { capacity_per_thousand: category.capacityPerThousand, default_places: capacityOpt } : null,
    candidates: { count: candidates.count, source: uploaded ? 'uploaded' : 'generated', spacing_m: uploaded ? null : spacing, off_network: sets.offNetwork.reduce((a, b) => a + b, 0) },
    demand_points: context.demand.count,
    coverage_entries: sets.demand.length,
    seconds: { total: round((performance.now() - t0) / 1000, 3), coverage_sets: round(setSeconds, 3), solve: round(plan.seconds, 3) },
    warnings: reportProblems(warnings, errors),
  };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'sites.geojson'), stringifyCollection({ type: 'FeatureCollection', features }));
  writeFileSync(join(opts.out, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  progress.done();
  if (opts.json) {
    io.out(`${JSON.stringify(summary, null, 1)}\n`);
    return 0;
  }

  const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
  io.out(`${category.id}: ${pct(plan.beforeShare)} covered now → ${pct(plan.afterShare)} with ${plan.sites.length} new site(s) (${plan.solver}, ${plan.status}); ` +
    `objective ${summary.objective}, bound ${summary.bound}, gap ${pct(plan.gap)}\n`);
  if (!plan.targetReached) io.out(`target ${pct(target)} is not reachable with these candidates: at most ${(plan.maxShare * 100).toFixed(2)} % (all ${plan.sites.length} useful sites)\n`);
  io.out(`wrote ${join(opts.out, 'sites.geojson')}, ${join(opts.out, 'summary.json')}\n`);
  return 0;
}
