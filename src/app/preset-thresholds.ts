/**
 * A preset switch must not drop the user's own thresholds silently. Before switching, the thresholds
 * that differ from the old preset's are collected; after it, the app tells the user which were
 * replaced and offers to put them back on the categories the new preset also has.
 */
import type { PerKind, Settings } from '../engine/model';
import { getPreset } from '../engine/presets';

/** One threshold the user set (differs from the preset the settings came from). */
export interface CustomThreshold {
  categoryId: string;
  kind: keyof PerKind<number>;
  minutes: number;
  /** The preset's value for it. */
  presetMinutes: number;
}

const KINDS: readonly (keyof PerKind<number>)[] = ['urban', 'rural'];

/**
 * Thresholds in `settings` that differ from their preset's (`settings.preset`); empty for an unknown
 * preset. A category the preset lacks counts all its thresholds as custom.
 */
export function customThresholds(settings: Settings): CustomThreshold[] {
  const preset = getPreset(settings.preset);
  if (!preset) return [];
  const out: CustomThreshold[] = [];
  for (const c of settings.categories) {
    const base = preset.settings.categories.find((p) => p.id === c.id);
    for (const kind of KINDS) {
      const presetMinutes = base ? base.thresholdMinutes[kind] : NaN;
      if (c.thresholdMinutes[kind] !== presetMinutes)
        out.push({ categoryId: c.id, kind, minutes: c.thresholdMinutes[kind], presetMinutes });
    }
  }
  return out;
}

/**
 * Custom thresholds that the new settings replaced: those whose category the new settings have with
 * a different value (a category the new preset lacks cannot be kept and is listed as dropped).
 */
export function replacedThresholds(
  custom: readonly CustomThreshold[],
  next: Settings,
): { replaced: CustomThreshold[]; dropped: CustomThreshold[] } {
  const replaced: CustomThreshold[] = [];
  const dropped: CustomThreshold[] = [];
  for (const t of custom) {
    const c = next.categories.find((x) => x.id === t.categoryId);
    if (!c) dropped.push(t);
    else if (c.thresholdMinutes[t.kind] !== t.minutes) replaced.push(t);
  }
  return { replaced, dropped };
}

/** `settings` with the given thresholds put back (categories it lacks are skipped). */
export function withThresholds(settings: Settings, thresholds: readonly CustomThreshold[]): Settings {
  return {
    ...settings,
    categories: settings.categories.map((c) => {
      const mine = thresholds.filter((t) => t.categoryId === c.id);
      if (mine.length === 0) return c;
      const thresholdMinutes = { ...c.thresholdMinutes };
      for (const t of mine) thresholdMinutes[t.kind] = t.minutes;
      return { ...c, thresholdMinutes };
    }),
  };
}
