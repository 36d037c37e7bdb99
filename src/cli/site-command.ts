import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createTravelModel } from '../engine/analyze';
import { buildDemandSamples } from '../engine/coverage/demand-samples';
import type { Problem, ReadResult } from '../engine/model';
import type { SitingGoal } from '../engine/siting/plan-sites';
import { proposeSites } from '../engine/siting/propose-sites';
import { assertCrs, type CrsId } from '../io/crs';
import type { RoadDistances } from '../io/crs-offset';
import { readCandidatesFile, readExclusionsFile } from '../io/read-candidates';
import { writeSitesGeoJson, type SiteRecord } from '../io/report-geojson';
import { reportProblems } from '../io/report-summary';
import type { CliStreams } from './analyze-command';
import { formatProblem, loadInputs, readInputFile, type InputOptions } from './load-inputs';
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
  /** CRS of the candidates file only (overrides `crs`), e.g. GCJ02 for Amap points. */
  candidatesCrs?: string;
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

function parseTarget(text: string): number | null {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(%?)\s*$/.exec(text);
  if (!m) return null;
  const v = Number(m[1]);
  const share = m[2] === '%' || v > 1 ? v / 100 : v;
  return share >= 0 && share <= 1 ? share : null;
}

/** The bytes of an input file (see {@link readInputFile}), or null with an error naming it. */
function readBytes(path: string, errors: Problem[]): Uint8Array | null {
  try {
    return readInputFile(path);
  } catch (e) {
    errors.push({ file: basename(path), index: -1, reason: `cannot read ${path}: ${(e as Error).message}` });
    return null;
  }
}

/** Read an uploaded siting file with the io reader, collecting its problems. */
async function readUpload<T>(
  path: string,
  read: (name: string, bytes: Uint8Array, options: { crs?: CrsId; nearestRoadMeters?: RoadDistances }) => Promise<ReadResult<T | null>>,
  crs: CrsId | undefined,
  errors: Problem[],
  warnings: Problem[],
  nearestRoadMeters?: RoadDistances,
): Promise<T | null> {
  const bytes = readBytes(path, errors);
  if (!bytes) return null;
  const res = await read(basename(path), bytes, { ...(crs ? { crs } : {}), ...(nearestRoadMeters ? { nearestRoadMeters } : {}) });
  errors.push(...res.errors);
  warnings.push(...res.warnings);
  return res.value;
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
  if ((opts.add === undefined) === (opts.target === undefined))
    return usage('give exactly one of --add K (maximal covering) or --target SHARE (set covering)');
  const k = opts.add === undefined ? 0 : Number(opts.add);
  if (opts.add !== undefined && !(Number.isInteger(k) && k >= 1)) return usage(`--add must be a whole number ≥ 1, got "${opts.add}"`);
  const target = opts.target === undefined ? 0 : parseTarget(opts.target);
  if (target === null) return usage(`--target must be a share 0–1 or a percentage (90, 90%), got "${opts.target}"`);
  const spacing = opts.spacing === undefined ? 200 : Number(opts.spacing);
  if (!(spacing >= 0 && Number.isFinite(spacing))) return usage(`--spacing must be metres ≥ 0, got "${opts.spacing}"`);
  const capacityOpt = opts.capacity === undefined ? null : Number(opts.capacity);
  if (capacityOpt !== null && !(capacityOpt > 0 && Number.isFinite(capacityOpt)))
    return usage(`--capacity must be a number > 0, got "${opts.capacity}"`);
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
  if (capacityOpt !== null && !(category.capacityPerThousand! > 0))
    return usage(`--capacity needs a planning ratio: category "${category.id}" has no capacityPerThousand (set it in the settings file)`);
  const crs = opts.crs as CrsId | undefined; // checked by loadInputs
  const candidatesCrs = (opts.candidatesCrs ?? opts.crs) as CrsId | undefined;
  if (opts.candidatesCrs) {
    try {
      assertCrs(opts.candidatesCrs as CrsId);
    } catch (e) {
      return usage(`--candidates-crs: ${(e as Error).message}`);
    }
  }
  const uploaded = opts.candidates
    ? await readUpload(opts.candidates, readCandidatesFile, candidatesCrs, errors, warnings, input.nearestRoadMeters)
    : null;
  const exclude = opts.exclude ? await readUpload(opts.exclude, readExclusionsFile, crs, errors, warnings) : [];
  const fatal: string[] = [];
  if (opts.candidates && !uploaded) fatal.push(`${basename(opts.candidates)}: not usable`);
  if (uploaded && uploaded.count === 0) fatal.push(`${basename(opts.candidates!)}: no valid candidate point`);
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
  const field = travel.accessField(
    category.id,
    Uint32Array.from(
      dataset.facilities.filter((f) => f.category === category.id),
      (f) => f.index,
    ),
    samples,
  );
  // after the field: the category's mode model (and its warnings) exists now
  warnings.push(...travel.warnings);

  const goal: SitingGoal = opts.add !== undefined ? { kind: 'max-cover', maxSites: k } : { kind: 'set-cover', targetShare: target };
  const fractions = { candidates: 0.4, 'coverage-sets': 0.5, exact: 0.7, greedy: 0.7 } as const;
  const stages = { candidates: 'candidates', exact: 'exact solve (HiGHS)', greedy: 'greedy' } as const;
  const result = await proposeSites({
    travel,
    samples,
    field,
    category,
    settings,
    goal,
    candidates: uploaded,
    exclude: exclude ?? [],
    spacingMeters: spacing,
    capacityPlaces: capacityOpt,
    exact: opts.exact === true,
    timeLimitSeconds: timeLimit,
    onProgress: (stage, n) =>
      progress.step(stage === 'coverage-sets' ? `coverage sets (${n} candidates)` : stages[stage], fractions[stage]),
  });
  const { plan, context, candidates } = result;
  warnings.push(...result.warnings);
  progress.step('writing reports', 0.95);
  if (!opts.quiet) for (const w of warnings) io.err(`warning: ${formatProblem(w)}\n`);

  const sites: SiteRecord[] = result.sites.map((s) => ({
    lon: s.lon,
    lat: s.lat,
    rank: s.rank,
    category: category.id,
    gain_population: s.gainPopulation,
    covered_ids: Array.from(s.communities, (c) => dataset.communities[c]!.id),
    source: s.source,
    candidate_id: s.candidateId,
    capacity: s.capacity,
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
    capacity: result.capacityPlaces ? { capacity_per_thousand: category.capacityPerThousand, default_places: capacityOpt } : null,
    candidates: {
      count: candidates.count,
      source: result.candidateSource,
      spacing_m: uploaded ? null : spacing,
      off_network: result.offNetwork,
    },
    demand_points: context.demand.count,
    coverage_entries: result.coverageEntries,
    seconds: {
      total: round((performance.now() - t0) / 1000, 3),
      coverage_sets: round(result.seconds.coverageSets, 3),
      solve: round(result.seconds.solve, 3),
    },
    warnings: reportProblems(warnings, errors),
  };
  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'sites.geojson'), writeSitesGeoJson(sites));
  writeFileSync(join(opts.out, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  progress.done();
  if (opts.json) {
    io.out(`${JSON.stringify(summary, null, 1)}\n`);
    return 0;
  }

  const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
  io.out(
    `${category.id}: ${pct(plan.beforeShare)} covered now → ${pct(plan.afterShare)} with ${plan.sites.length} new site(s) (${plan.solver}, ${plan.status}); ` +
      `objective ${summary.objective}, bound ${summary.bound}, gap ${pct(plan.gap)}\n`,
  );
  if (!plan.targetReached)
    io.out(
      `target ${pct(target)} is not reachable with these candidates: at most ${(plan.maxShare * 100).toFixed(2)} % (all ${plan.sites.length} useful sites)\n`,
    );
  io.out(`wrote ${join(opts.out, 'sites.geojson')}, ${join(opts.out, 'summary.json')}\n`);
  return 0;
}
