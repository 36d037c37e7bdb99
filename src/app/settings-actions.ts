/**
 * Settings actions of the settings panel: threshold sliders, speeds, detour factor, model, sample
 * spacing, preset switch, and settings files (save/open). Changes go through one queue: at most one
 * settings change is in the worker at a time and the changes made meanwhile are merged into the next
 * one, so a dragged slider costs one re-threshold per worker round trip and the store never goes back
 * to an older value. Thresholds only re-threshold (ms); anything else recomputes travel times.
 *
 * The store's `settings` change together with the coverage computed under them (runCoverage sets
 * both), not before: the map is redrawn once per change, after the numbers are on screen.
 */
import type { PerKind, Problem, Settings, TravelModelName } from '../engine/model';
import type { ModeId } from '../engine/presets/mode-profiles';
import { parseSettingsText } from '../io/settings';
import { runCoverage } from './actions';
import { downloadText } from './download';
import { engine } from './engine-client';
import { useAppStore } from './store';
import { customThresholds, replacedThresholds, withThresholds, type CustomThreshold } from './preset-thresholds';

const get = useAppStore.getState;
const set = useAppStore.setState;

/** A change to settings: a pure function of the current ones. */
export type SettingsChange = (s: Settings) => Settings;

/**
 * Queued work: a change of the current settings, or a whole settings file (replaces them). `start`
 * runs when the item's turn comes, after every earlier item has applied.
 */
type Work = ({ change: SettingsChange } | { raw: unknown; file: string }) & { start?: () => void };
type Item = Work & { done: (ok: boolean) => void };

const pending: Item[] = [];
let draining = false;

/** The worker failed (crashed, out of memory …): the reason is listed with the refused settings; the change did not apply. */
function workerFailed(e: unknown): false {
  set({ settingsErrors: [`settings: ${e instanceof Error ? e.message : String(e)}`], job: null });
  return false;
}

async function drain(): Promise<void> {
  draining = true;
  try {
    while (pending.length > 0) {
      const first = pending[0]!;
      if ('raw' in first) {
        pending.shift();
        first.start?.();
        first.done(await sendSettingsFile(first.raw, first.file).catch(workerFailed));
        continue;
      }
      // consecutive changes are merged into one settings object: one worker round trip
      let n = 0;
      while (n < pending.length && 'change' in pending[n]!) n++;
      const batch = pending.splice(0, n) as (Item & { change: SettingsChange })[];
      const current = get().settings;
      const ok = current
        ? await sendSettingsFile(
            batch.reduce((s, item) => item.change(s), current),
            'settings',
          ).catch(workerFailed)
        : false;
      for (const item of batch) item.done(ok);
    }
  } finally {
    draining = false;
  }
}

function enqueue(item: Work): Promise<boolean> {
  return new Promise<boolean>((done) => {
    pending.push({ ...item, done } as Item);
    if (!draining) void drain();
  });
}

/**
 * Queue a settings change; resolves (true when the worker accepted it) once it and the changes merged
 * with it are applied and coverage is up to date. Refused settings leave the old ones and their
 * reasons in `store.settingsErrors`.
 */
function changeSettings(change: SettingsChange): Promise<boolean> {
  return enqueue({ change });
}

/** Settings with one category's threshold (minutes) for one community kind replaced. */
export function withThreshold(s: Settings, categoryId: string, kind: keyof PerKind<number>, minutes: number): Settings {
  return {
    ...s,
    categories: s.categories.map((c) => (c.id === categoryId ? { ...c, thresholdMinutes: { ...c.thresholdMinutes, [kind]: minutes } } : c)),
  };
}

/** Move one threshold slider (minutes): coverage is re-thresholded, travel times are kept. */
export function queueThreshold(categoryId: string, kind: keyof PerKind<number>, minutes: number): Promise<boolean> {
  return changeSettings((s) => withThreshold(s, categoryId, kind, minutes));
}

/** Walking speed (km/h) of urban or rural residents: travel times are recomputed. */
export function setWalkSpeed(kind: keyof PerKind<number>, kmh: number): Promise<boolean> {
  return changeSettings((s) => ({ ...s, walkSpeedKmh: { ...s.walkSpeedKmh, [kind]: kmh } }));
}

/** Travel mode of one category for urban or rural residents (walk, bicycle, e-bike): travel times are recomputed. */
export function setCategoryMode(categoryId: string, kind: keyof PerKind<number>, mode: ModeId): Promise<boolean> {
  return changeSettings((s) => ({
    ...s,
    categories: s.categories.map((c) =>
      c.id === categoryId ? { ...c, mode: { urban: c.mode?.urban ?? 'walk', rural: c.mode?.rural ?? 'walk', [kind]: mode } } : c,
    ),
  }));
}

/** Walking pace (km/h) of one category's residents, or null for the kinds' speeds: travel times are recomputed. */
export function setCategoryPace(categoryId: string, kmh: number | null): Promise<boolean> {
  return changeSettings((s) => ({ ...s, categories: s.categories.map((c) => (c.id === categoryId ? { ...c, walkSpeedKmh: kmh } : c)) }));
}

/** Detour factor of the straight-line model (network length ≈ straight length × factor). */
export function setDetourFactor(factor: number): Promise<boolean> {
  return changeSettings((s) => ({ ...s, detourFactor: factor }));
}

/** Spacing (m) of the demand-sample grid inside community polygons. */
export function setSampleSpacing(meters: number): Promise<boolean> {
  return changeSettings((s) => ({ ...s, sampleSpacingMeters: meters }));
}

/** Travel model: road network (needs roads) or straight line. */
export function setModel(model: TravelModelName): Promise<boolean> {
  return changeSettings((s) => ({ ...s, model }));
}

/** A problem as one line of text (`file: reason`, with line and column when known). */
function problemText(p: Problem): string {
  return p.line !== undefined && !p.reason.includes(`line ${p.line}`)
    ? `${p.file}: line ${p.line}, column ${p.column ?? 0}: ${p.reason}`
    : `${p.file}: ${p.reason}`;
}

/**
 * Send settings in the settings-file shape (what `--settings` of the CLI reads, e.g. `{ preset:
 * 'gb50180' }`) to the worker, then recompute coverage, which puts the new settings and their
 * coverage in the store together. Refused settings keep the old ones; the worker's reasons go to
 * `store.settingsErrors`, named by `file`.
 */
async function sendSettingsFile(raw: unknown, file: string): Promise<boolean> {
  const res = await engine().setSettings(raw);
  set({ settingsErrors: res.errors.map((e) => problemText({ ...e, file })) });
  if (!res.ok) return false;
  await runCoverage();
  // no coverage was computed (no communities yet): the settings still apply
  if (JSON.stringify(get().settings) !== JSON.stringify(res.settings)) set({ settings: res.settings });
  return true;
}

/** Switch to a built-in preset (its categories, thresholds, speeds and model). */
export function switchPreset(presetId: string): Promise<boolean> {
  return enqueue({ raw: { preset: presetId }, file: 'settings' });
}

/**
 * The settings as a settings file (pretty JSON, newline at the end): the shape `--settings` of the
 * CLI and "open settings" accept, reproducing the same analysis.
 */
export function settingsFileText(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Offer the current settings as a download (`lifecircle-settings.json`). */
export function saveSettingsFile(): void {
  const s = get().settings;
  if (s) downloadText('lifecircle-settings.json', settingsFileText(s), 'application/json');
}

/**
 * Open a settings file (text). JSON syntax errors are listed with line and column; valid JSON goes
 * to the worker, whose validation (unknown fields, ranges, presets) decides; every problem is listed.
 */
export async function openSettingsFile(name: string, text: string): Promise<boolean> {
  const local = parseSettingsText(text, name);
  const syntax = local.errors.filter((e) => e.line !== undefined);
  if (syntax.length > 0) {
    set({ settingsErrors: syntax.map(problemText) });
    return false;
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return enqueue({ raw: body.trim() === '' ? {} : JSON.parse(body), file: name });
}

/** Clear the list of refused settings. */
export function dismissSettingsErrors(): void {
  set({ settingsErrors: [] });
}

/**
 * Switch preset and say which of the user's own thresholds it replaced (they are never dropped
 * silently): resolves to those thresholds (empty when none, or when the switch was refused).
 */
export async function switchPresetKeepingNote(presetId: string): Promise<{ replaced: CustomThreshold[]; dropped: CustomThreshold[] }> {
  // read the user's thresholds when the switch's turn comes: a threshold still queued counts
  let custom: CustomThreshold[] = [];
  const ok = await enqueue({
    raw: { preset: presetId },
    file: 'settings',
    start: () => {
      const before = get().settings;
      custom = before ? customThresholds(before) : [];
    },
  });
  const after = get().settings;
  if (!ok || !after || custom.length === 0) return { replaced: [], dropped: [] };
  return replacedThresholds(custom, after);
}

/** Put the user's thresholds back after a preset switch (the notice's undo). */
export function reapplyThresholds(thresholds: readonly CustomThreshold[]): Promise<boolean> {
  return changeSettings((s) => withThresholds(s, thresholds));
}
