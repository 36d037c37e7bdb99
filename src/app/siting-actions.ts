/**
 * Siting actions: run siting in the worker with progress, edit the proposal (drag, add, remove)
 * with the what-if evaluator, save scenarios and compare them. Components call these; only these
 * (and ./actions.ts) talk to the worker.
 */
import type { Remote } from 'comlink';
import type { EngineSession } from '../worker/session';
import type { ScenarioSite, SitingRunResult, SitingSession, SitingView } from '../worker/siting-session';
import type { ProposedSite } from '../io/report-geojson';
import { callback, engine } from './engine-client';
import { useAppStore } from './store';
import { initialSitingState, useSitingStore, type Scenario, type SitingForm, type SitingState } from './siting-store';
import { keepNumbers, numbersAfterAdd, numbersAfterRemove, numbersFromRanks } from './site-numbers';
import { stashProposals, staleReason } from './stale-proposals';

const get = useSitingStore.getState;
const set = useSitingStore.setState;

/** The worker session with its siting part (engine.worker.ts exposes both). */
function sitingEngine(): Remote<EngineSession & SitingSession> {
  return engine() as unknown as Remote<EngineSession & SitingSession>;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Degrees rounded to 7 decimals (≈ 1 cm): what a project file stores, so reopening gives the same state. */
const roundDegrees = (v: number): number => Math.round(v * 1e7) / 1e7;

const uploads: { candidates: { name: string; bytes: Uint8Array } | null; exclude: { name: string; bytes: Uint8Array } | null } = {
  candidates: null,
  exclude: null,
};

/** Change fields of the siting form. */
export function setSitingForm(patch: Partial<SitingForm>): void {
  set((s) => ({ form: { ...s.form, ...patch } }));
}

/** Use an uploaded points file as candidates, or an uploaded polygons file as excluded areas (null: none). */
export function setSitingUpload(kind: 'candidates' | 'exclude', file: { name: string; bytes: Uint8Array } | null): void {
  uploads[kind] = file;
  set(kind === 'candidates' ? { candidatesFile: file?.name ?? null } : { excludeFile: file?.name ?? null });
}

/** Clicking the map adds a site while on. */
export function setAddMode(on: boolean): void {
  set({ addMode: on });
}

/** Put a worker answer in the store; `t0` (an edit's start) gives `editMs`, null for runs and restores. */
function applyView(v: SitingView, t0: number | null, extra: Partial<SitingState> = {}): void {
  set({
    category: v.category,
    sites: v.sites,
    beforeShare: v.beforeShare,
    share: v.share,
    addedPopulation: v.addedPopulation,
    communityShare: v.communityShare,
    coveredSamples: v.coveredSamples,
    serviceAreas: v.serviceAreas,
    newlyCovered: v.newlyCovered,
    numbers: keepNumbers(get().numbers, v.sites),
    editMs: t0 === null ? null : performance.now() - t0,
    error: null,
    ...extra,
  });
}

/** Run siting with the form's settings; the proposal replaces the current one. */
export async function runSiting(): Promise<boolean> {
  const { form } = get();
  set({ running: true, error: null, problems: [] });
  useAppStore.setState({ job: { stage: 'siting-prepare', fraction: 0 } });
  try {
    const res: SitingRunResult = await sitingEngine().planSiting(
      {
        category: form.category,
        goal: form.mode === 'k' ? { kind: 'max-cover', maxSites: form.k } : { kind: 'set-cover', targetShare: form.targetPercent / 100 },
        candidatesFile: uploads.candidates,
        excludeFile: uploads.exclude,
        spacingMeters: form.spacingMeters,
        exact: form.exact,
        timeLimitSeconds: form.timeLimitSeconds,
      },
      callback((stage: string, fraction: number) => useAppStore.setState({ job: { stage, fraction } })),
    );
    const sites = res.sites.map((s) => ({ ...s, lon: roundDegrees(s.lon), lat: roundDegrees(s.lat) }));
    const rounded = sites.some((s, i) => s.lon !== res.sites[i]!.lon || s.lat !== res.sites[i]!.lat);
    const view = rounded
      ? await sitingEngine().setSites(
          res.category,
          sites.map((s) => s.lon),
          sites.map((s) => s.lat),
        )
      : res;
    applyView(view, null, {
      numbers: numbersFromRanks(sites),
      running: false,
      run: {
        solver: res.solver,
        status: res.status,
        gap: res.gap,
        targetReached: res.targetReached,
        maxShare: res.maxShare,
        candidateCount: res.candidateCount,
        seconds: res.seconds,
      },
      problems: res.problems,
    });
    useAppStore.setState({ job: null });
    void refreshComparison();
    return true;
  } catch (e) {
    set({ running: false, error: message(e) });
    useAppStore.setState({ job: null });
    return false;
  }
}

/** Call the worker on the current proposal; a restarted worker (cancel) is given the proposal again first. */
async function onProposal(f: () => Promise<SitingView>): Promise<SitingView> {
  try {
    return await f();
  } catch (e) {
    const s = get();
    if (!s.category || !/no proposal/.test(message(e))) throw e;
    await sitingEngine().setSites(
      s.category,
      s.sites.map((x) => x.lon),
      s.sites.map((x) => x.lat),
    );
    return f();
  }
}

let inFlight = false;
let pendingMove: { i: number; lon: number; lat: number; t0: number } | null = null;

/**
 * Move site `i` (a drag). The dot follows at once; the worker's answer follows within milliseconds.
 * Moves made while one is computed are coalesced: only the latest is sent.
 */
export async function moveSite(i: number, lon: number, lat: number): Promise<void> {
  lon = roundDegrees(lon);
  lat = roundDegrees(lat);
  set((s) => ({ sites: s.sites.map((x, j) => (j === i ? { ...x, lon, lat } : x)) }));
  pendingMove = { i, lon, lat, t0: performance.now() };
  if (inFlight) return;
  inFlight = true;
  try {
    while (pendingMove) {
      const m = pendingMove;
      pendingMove = null;
      const v = await onProposal(() => sitingEngine().moveSite(m.i, m.lon, m.lat));
      applyView(v, m.t0);
    }
  } catch (e) {
    set({ error: message(e) });
  } finally {
    inFlight = false;
  }
}

/** Drags begun or ended so far (a drag's end is applied only if no other began meanwhile). */
let drags = 0;

/**
 * Start or end a drag (the map must not pan meanwhile). The map holds the proposal while `dragging`
 * is set (app/layers/proposal-on-map.ts), so the drag ends in the store once the last move's answer
 * and the service areas (moves leave the moved site's area out to stay fast) are in: the map is
 * redrawn once, with all of them; then the comparison is refreshed.
 */
export function setDragging(i: number | null): void {
  const drag = ++drags;
  if (i !== null) return set({ dragging: i });
  void settle()
    .then(freshAreas)
    .then((serviceAreas) => {
      if (drag !== drags) return; // another drag began meanwhile: it ends this one
      set(serviceAreas ? { dragging: null, serviceAreas } : { dragging: null });
      void refreshComparison();
    });
}

/** Service areas of the whole proposal from the worker, or null (none, or an error shown). */
async function freshAreas(): Promise<SitingState['serviceAreas']> {
  if (!get().category || get().sites.length === 0) return null;
  try {
    const serviceAreas = await sitingEngine().serviceAreas();
    return serviceAreas.length === get().sites.length ? serviceAreas : null;
  } catch (e) {
    set({ error: message(e) });
    return null;
  }
}

/** Resolves when no move is being computed. */
async function settle(): Promise<void> {
  while (inFlight) await new Promise((r) => setTimeout(r, 5));
}

/** Add a site at a place (map click in add mode). */
export async function addSite(lon: number, lat: number): Promise<void> {
  const t0 = performance.now();
  const s = get();
  try {
    await settle();
    const v = s.category
      ? await onProposal(() => sitingEngine().addSite(roundDegrees(lon), roundDegrees(lat)))
      : await sitingEngine().setSites(s.form.category, [roundDegrees(lon)], [roundDegrees(lat)]);
    applyView(v, t0, { addMode: false, numbers: s.category ? numbersAfterAdd(get().numbers) : [1] });
    void refreshComparison();
  } catch (e) {
    set({ error: message(e) });
  }
}

/** Remove site `i` of the proposal. */
export async function removeSite(i: number): Promise<void> {
  const t0 = performance.now();
  try {
    await settle();
    const numbers = numbersAfterRemove(get().numbers, i);
    applyView(await onProposal(() => sitingEngine().removeSite(i)), t0, { numbers });
    void refreshComparison();
  } catch (e) {
    set({ error: message(e) });
  }
}

/** Forget the current proposal (scenarios stay). */
export function clearProposal(): void {
  const { form, candidatesFile, excludeFile, scenarios } = get();
  set({ ...initialSitingState(), form, candidatesFile, excludeFile, scenarios });
  void refreshComparison();
}

/** The current proposal as report sites (WGS84, rank order), for exports and project files. */
export function proposedSites(): ProposedSite[] {
  const s = get();
  if (!s.category) return [];
  const category = s.category;
  return [...s.sites]
    .sort((a, b) => a.rank - b.rank)
    .map((x) => ({
      lon: x.lon,
      lat: x.lat,
      rank: x.rank,
      category,
      gain_population: Math.round(x.gainPopulation),
      covered_ids: x.coveredIds,
    }));
}

/** Save the current proposal as a named scenario (a name already used is replaced). */
export function saveScenario(name: string): void {
  const s = get();
  if (!s.category || s.sites.length === 0) return;
  const scenario: Scenario = {
    name: name.trim() || `${s.scenarios.length + 1}`,
    category: s.category,
    sites: s.sites.map((x) => ({ ...x, gainPopulation: Math.round(x.gainPopulation) })),
    run: s.run,
  };
  const scenarios = s.scenarios.filter((x) => x.name !== scenario.name);
  set({ scenarios: [...scenarios, scenario] });
  void refreshComparison();
}

/** Delete scenario `i`. */
export function removeScenario(i: number): void {
  set((s) => ({ scenarios: s.scenarios.filter((_, j) => j !== i) }));
  void refreshComparison();
}

/** Make scenario `i` the current proposal again. */
export async function loadScenario(i: number): Promise<void> {
  const sc = get().scenarios[i];
  if (!sc) return;
  // the scenario's own solver line (none when it was placed by hand), never the last run's
  set({ run: sc.run ?? null });
  await restoreProposal(sc.category, sc.sites, true);
}

/**
 * Set the current proposal (a scenario, a project being opened). Site numbers are kept when the same
 * sites are evaluated again (`renumber` false and the count unchanged), else given from the ranks.
 */
export async function restoreProposal(category: string, sites: readonly { lon: number; lat: number }[], renumber = false): Promise<void> {
  await settle();
  if (sites.length === 0) {
    clearProposal();
    return;
  }
  try {
    const v = await sitingEngine().setSites(
      category,
      sites.map((x) => x.lon),
      sites.map((x) => x.lat),
    );
    applyView(v, null, renumber ? { numbers: numbersFromRanks(v.sites) } : {});
    setSitingForm({ category });
    void refreshComparison();
  } catch (e) {
    set({ error: message(e) });
  }
}

/** Replace the saved scenarios (project being opened). */
export function setScenarios(scenarios: Scenario[]): void {
  set({ scenarios });
  void refreshComparison();
}

const asSites = (category: string, sites: readonly { lon: number; lat: number }[]): ScenarioSite[] =>
  sites.map((x) => ({ category, lon: x.lon, lat: x.lat }));

/** Shares per category of before / the current proposal / each scenario (the comparison table). */
async function refreshComparison(): Promise<void> {
  const coverage = useAppStore.getState().coverage;
  if (!coverage) return set({ comparison: null });
  const s = get();
  try {
    const cur = s.category && s.sites.length > 0 ? await sitingEngine().scenarioShares(asSites(s.category, s.sites)) : null;
    const scenarios: number[][] = [];
    const scenariosAdded: number[] = [];
    for (const sc of s.scenarios) {
      const r = await sitingEngine().scenarioShares(asSites(sc.category, sc.sites));
      scenarios.push(r.share);
      scenariosAdded.push(r.addedPopulation);
    }
    set({
      comparison: {
        categoryIds: coverage.categoryIds,
        before: coverage.totals.map((t) => t.share),
        current: cur?.share ?? null,
        scenarios,
        currentAdded: cur?.addedPopulation ?? null,
        scenariosAdded,
      },
    });
  } catch (e) {
    set({ error: message(e) });
  }
}

/**
 * Set the proposal and scenarios aside (data or travel settings changed): they leave the map and the
 * table, and the notice offers to apply them again by their coordinates.
 */
function setAside(reason: 'data' | 'settings'): void {
  const s = get();
  const stale = stashProposals(s, reason);
  if (!stale) return;
  pendingMove = null;
  set({ ...initialSitingState(), form: s.form, candidatesFile: s.candidatesFile, excludeFile: s.excludeFile, stale });
  void refreshComparison();
}

/** Apply the set-aside proposal and scenarios again: the same coordinates, scored on the current data. */
export async function applyStaleAgain(): Promise<void> {
  const stale = get().stale;
  if (!stale) return;
  set({ stale: null, scenarios: stale.scenarios.map((sc) => ({ ...sc, run: null })) });
  if (stale.category && stale.sites.length > 0 && useAppStore.getState().coverage?.categoryIds.includes(stale.category))
    await restoreProposal(stale.category, stale.sites, true);
  else void refreshComparison();
}

/** Forget the set-aside proposals (close the notice). */
export function dismissStale(): void {
  set({ stale: null });
}

/**
 * Keep the proposal in step with the app: new data or travel settings set it aside (see
 * ./stale-proposals.ts); new coverage otherwise (a threshold) evaluates the same sites again and
 * refreshes the comparison table; the siting category follows the map's selected category. Started
 * by the app's start.
 * @returns a function that stops following
 */
export function followCoverage(): () => void {
  let last = useAppStore.getState();
  if (!get().category) setSitingForm({ category: last.selectedCategory });
  return useAppStore.subscribe((state) => {
    const before = last;
    last = state;
    if (state.selectedCategory !== before.selectedCategory) setSitingForm({ category: state.selectedCategory });
    const reason = staleReason(before, state);
    if (reason) setAside(reason);
    if (state.coverage === before.coverage) return;
    const s = get();
    if (!state.coverage) return;
    if (s.category && s.sites.length > 0 && state.coverage.categoryIds.includes(s.category)) void restoreProposal(s.category, s.sites);
    else void refreshComparison();
  });
}
