import type { CategoryDef, PerKind, Problem, ReadResult, Settings } from '../engine/model';
import { DEFAULT_PRESET_ID, getPreset, PRESETS } from '../engine/presets';
import { isModeId, MODE_IDS, type ModeId } from '../engine/presets/mode-profiles';
import { type AccessWeights, weightProblems } from '../engine/accessibility/weights';
import { describe, isObject } from './feature-helpers';
import { locateJsonError } from './json-error-location';

/** Limits a settings file must respect (inclusive unless said otherwise). */
export const SETTINGS_LIMITS = {
  /** Threshold minutes: > 0 and ≤ 240. */
  maxThresholdMinutes: 240,
  /** Walking speed km/h: > 0 and ≤ 50. */
  maxSpeedKmh: 50,
  /** Detour factor: 1 … 5. */
  minDetourFactor: 1,
  maxDetourFactor: 5,
  /** Sample spacing m: 5 … 10,000. */
  minSampleSpacingMeters: 5,
  maxSampleSpacingMeters: 10_000,
  /** Snap distance m: > 0 and ≤ 100,000. */
  maxSnapMeters: 100_000,
  /** Categories in a settings file: at most 64 (the presets have 6–8; every one costs a pass over all samples). */
  maxCategories: 64,
} as const;

const TOP_FIELDS = [
  'preset',
  'categories',
  'walkSpeedKmh',
  'detourFactor',
  'sampleSpacingMeters',
  'maxSnapMeters',
  'model',
  // read by the OpenStreetMap import (io/osm/osm-import-settings.ts)
  'osmImport',
];
const CATEGORY_FIELDS = [
  'id',
  'label',
  'thresholdMinutes',
  'keywords',
  'osmTags',
  'capacityPerThousand',
  'capacityUnit',
  'accessWeights',
  'color',
  'mode',
  'walkSpeedKmh',
  'populationField',
];

/**
 * Settings from a settings file (already JSON-parsed), merged over its preset.
 *
 * Shape (every field optional): `{ preset, categories: [{ id, label: {zh, en}, thresholdMinutes:
 * {urban, rural}, keywords, osmTags, capacityPerThousand, capacityUnit: {zh, en}, accessWeights, color, mode, walkSpeedKmh,
 * populationField }], walkSpeedKmh: {urban, rural},
 * detourFactor, sampleSpacingMeters, maxSnapMeters, model: "network" | "straight" }`.
 * A category whose id is in the preset overrides the fields it gives; a new id adds a category
 * (thresholds for both kinds required; a missing label falls back to the id, with a warning).
 * Unknown fields anywhere, wrong types and out-of-range values (see {@link SETTINGS_LIMITS}) are
 * errors naming the field path, e.g. `categories[2].thresholdMinutes.urban`. A category's `mode` is
 * one mode name for both kinds or `{urban, rural}` (`walk`, `bicycle`, `ebike`; see
 * `presets/mode-profiles.ts`); its `walkSpeedKmh` (a number > 0, or null: none, dropping a
 * preset's) is the walking pace of its residents, replacing the kind's.
 * `accessWeights` is an
 * E2SFCA weight table (`AccessWeights`: step, gaussian or gravity); one that is not decreasing is
 * refused with its path, e.g. `categories[0].accessWeights.steps.10`. `populationField` names the
 * communities' column of the residents the category serves (demand by age group, e.g. `"age_0_3"`).
 *
 * @param raw parsed JSON; `undefined` or `null` means no file: the default preset
 * @param file file name for problems
 * @returns the settings (a fresh copy, safe to change), or null when there is any error
 */
export function resolveSettings(raw: unknown, file: string): ReadResult<Settings | null> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (path: string, reason: string) => errors.push({ file, index: -1, reason: `${path}: ${reason}` });
  const input = raw ?? {};
  if (!isObject(input)) {
    return { value: null, warnings, errors: [{ file, index: -1, reason: `settings must be a JSON object, got ${describe(input)}` }] };
  }
  unknownFields(input, TOP_FIELDS, '', err);

  let presetId = DEFAULT_PRESET_ID;
  if (input.preset !== undefined) {
    if (typeof input.preset === 'string' && getPreset(input.preset)) presetId = input.preset;
    else err('preset', `${describe(input.preset)} is not a preset; known: ${PRESETS.map((p) => p.id).join(', ')}`);
  }
  const base = getPreset(presetId);
  if (!base) throw new Error(`resolveSettings: default preset "${presetId}" is missing`);
  const s: Settings = structuredClone(base.settings) as Settings;

  if (input.walkSpeedKmh !== undefined) {
    s.walkSpeedKmh = perKind(input.walkSpeedKmh, 'walkSpeedKmh', s.walkSpeedKmh, 0, SETTINGS_LIMITS.maxSpeedKmh, err);
  }
  s.detourFactor = numberIn(
    input.detourFactor,
    'detourFactor',
    s.detourFactor,
    SETTINGS_LIMITS.minDetourFactor,
    SETTINGS_LIMITS.maxDetourFactor,
    err,
    true,
  );
  s.sampleSpacingMeters = numberIn(
    input.sampleSpacingMeters,
    'sampleSpacingMeters',
    s.sampleSpacingMeters,
    SETTINGS_LIMITS.minSampleSpacingMeters,
    SETTINGS_LIMITS.maxSampleSpacingMeters,
    err,
    true,
  );
  s.maxSnapMeters = numberIn(input.maxSnapMeters, 'maxSnapMeters', s.maxSnapMeters, 0, SETTINGS_LIMITS.maxSnapMeters, err, false);
  if (input.model !== undefined) {
    if (input.model === 'network' || input.model === 'straight') s.model = input.model;
    else err('model', `${describe(input.model)} must be "network" or "straight"`);
  }
  if (input.categories !== undefined) {
    if (!Array.isArray(input.categories)) err('categories', `${describe(input.categories)} is not an array`);
    else if (input.categories.length === 0)
      err('categories', `is empty: list the categories to add or change, or leave the field out to use preset ${presetId}'s`);
    else if (input.categories.length > SETTINGS_LIMITS.maxCategories)
      err('categories', `${input.categories.length} categories, more than the ${SETTINGS_LIMITS.maxCategories} allowed`);
    else mergeCategories(input.categories, s.categories, presetId, err, (reason) => warnings.push({ file, index: -1, reason }));
    if (s.categories.length > SETTINGS_LIMITS.maxCategories)
      err(
        'categories',
        `with preset ${presetId}'s there would be ${s.categories.length} categories, more than the ${SETTINGS_LIMITS.maxCategories} allowed`,
      );
  }
  return errors.length > 0 ? { value: null, warnings, errors } : { value: s, warnings, errors };
}

type Report = (path: string, reason: string) => void;

function mergeCategories(list: unknown[], categories: CategoryDef[], presetId: string, err: Report, warn: (r: string) => void): void {
  const ids = new Set<string>();
  list.forEach((raw, i) => {
    const path = `categories[${i}]`;
    if (!isObject(raw)) {
      err(path, `${describe(raw)} is not an object`);
      return;
    }
    unknownFields(raw, CATEGORY_FIELDS, `${path}.`, err);
    const id = raw.id;
    if (typeof id !== 'string' || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) {
      err(`${path}.id`, `${describe(id)} must be a name of letters, digits, "_" or "-" starting with a letter (e.g. "clinic")`);
      return;
    }
    if (ids.has(id)) {
      err(`${path}.id`, `"${id}" appears twice`);
      return;
    }
    ids.add(id);
    const existing = categories.find((c) => c.id === id);
    const c: CategoryDef = existing ?? { id, label: { zh: id, en: id }, thresholdMinutes: { urban: NaN, rural: NaN } };
    if (!existing) {
      const t = raw.thresholdMinutes;
      if (!isObject(t) || t.urban === undefined || t.rural === undefined) {
        err(`${path}.thresholdMinutes`, `category "${id}" is not in preset ${presetId}: give {"urban": …, "rural": …} minutes`);
      }
      if (raw.label === undefined) warn(`${path}: new category "${id}" has no label; its id is shown instead`);
    }
    if (raw.label !== undefined) {
      if (!isObject(raw.label)) err(`${path}.label`, `${describe(raw.label)} is not an object {"zh", "en"}`);
      else {
        unknownFields(raw.label, ['zh', 'en'], `${path}.label.`, err);
        for (const lang of ['zh', 'en'] as const) {
          const v = raw.label[lang];
          if (v === undefined) continue;
          if (typeof v === 'string' && v.trim() !== '') c.label[lang] = v;
          else err(`${path}.label.${lang}`, `${describe(v)} is not a non-empty string`);
        }
      }
    }
    if (raw.thresholdMinutes !== undefined) {
      c.thresholdMinutes = perKind(
        raw.thresholdMinutes,
        `${path}.thresholdMinutes`,
        c.thresholdMinutes,
        0,
        SETTINGS_LIMITS.maxThresholdMinutes,
        err,
      );
    }
    for (const key of ['keywords', 'osmTags'] as const) {
      const v = raw[key];
      if (v === undefined) continue;
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
        err(`${path}.${key}`, 'must be an array of non-empty strings');
      } else if (key === 'osmTags' && v.some((x) => !/^[^=\s]+=[^=\s]+$/.test(x as string))) {
        err(`${path}.osmTags`, 'each tag must be "key=value" (value "*" for any)');
      } else c[key] = key === 'keywords' ? v.map((x) => (x as string).trim().toLowerCase()) : [...(v as string[])];
    }
    if (raw.capacityPerThousand !== undefined) {
      const v = raw.capacityPerThousand;
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) c.capacityPerThousand = v;
      else err(`${path}.capacityPerThousand`, `${describe(v)} is not a number ≥ 0`);
    }
    if (raw.mode !== undefined) {
      const m = raw.mode;
      const bad = (p: string, v: unknown) => err(p, `${describe(v)} is not a mode; defined: ${MODE_IDS.join(', ')}`);
      if (typeof m === 'string') {
        if (isModeId(m)) c.mode = { urban: m, rural: m };
        else bad(`${path}.mode`, m);
      } else if (isObject(m)) {
        unknownFields(m, ['urban', 'rural'], `${path}.mode.`, err);
        const next: PerKind<ModeId> = { urban: c.mode?.urban ?? 'walk', rural: c.mode?.rural ?? 'walk' };
        for (const kind of ['urban', 'rural'] as const) {
          const v = m[kind];
          if (v === undefined) continue;
          if (isModeId(v)) next[kind] = v;
          else bad(`${path}.mode.${kind}`, v);
        }
        c.mode = next;
      } else bad(`${path}.mode`, m);
    }
    if (raw.walkSpeedKmh !== undefined) {
      // null is kept (not deleted), so a recorded settings file keeps the preset's pace removed
      if (raw.walkSpeedKmh === null) c.walkSpeedKmh = null;
      else {
        const v = numberIn(raw.walkSpeedKmh, `${path}.walkSpeedKmh`, NaN, 0, SETTINGS_LIMITS.maxSpeedKmh, err, false);
        if (Number.isFinite(v)) c.walkSpeedKmh = v;
      }
    }
    if (raw.populationField !== undefined) {
      const v = raw.populationField;
      if (typeof v === 'string' && v.trim() !== '') c.populationField = v.trim();
      else err(`${path}.populationField`, `${describe(v)} is not the name of a communities column (e.g. "age_0_3")`);
    }
    if (raw.capacityUnit !== undefined) {
      const u = raw.capacityUnit;
      if (isObject(u) && typeof u.zh === 'string' && typeof u.en === 'string' && u.zh.trim() !== '' && u.en.trim() !== '') {
        unknownFields(u, ['zh', 'en'], `${path}.capacityUnit.`, err);
        c.capacityUnit = { zh: u.zh, en: u.en };
      } else
        err(
          `${path}.capacityUnit`,
          `${describe(u)} is not an object {"zh", "en"} of non-empty strings, e.g. {"zh": "托位", "en": "places"}`,
        );
    }
    if (raw.accessWeights !== undefined) {
      const problems = weightProblems(raw.accessWeights);
      if (problems.length === 0) c.accessWeights = structuredClone(raw.accessWeights) as AccessWeights;
      for (const [p, reason] of problems) err(`${path}.accessWeights${p ? `.${p}` : ''}`, reason);
    }
    if (raw.color !== undefined) {
      if (typeof raw.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(raw.color)) c.color = raw.color.toLowerCase();
      else err(`${path}.color`, `${describe(raw.color)} is not a colour "#rrggbb"`);
    }
    if (!existing) categories.push(c);
  });
}

function unknownFields(obj: Record<string, unknown>, allowed: readonly string[], prefix: string, err: Report): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) err(`${prefix}${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function perKind(v: unknown, path: string, base: PerKind<number>, minExclusive: number, max: number, err: Report): PerKind<number> {
  if (!isObject(v)) {
    err(path, `${describe(v)} is not an object {"urban": …, "rural": …}`);
    return base;
  }
  unknownFields(v, ['urban', 'rural'], `${path}.`, err);
  return {
    urban: numberIn(v.urban, `${path}.urban`, base.urban, minExclusive, max, err, false),
    rural: numberIn(v.rural, `${path}.rural`, base.rural, minExclusive, max, err, false),
  };
}

/** `min` is inclusive when `minInclusive`, else exclusive; `max` is inclusive. Undefined → `base`. */
function numberIn(v: unknown, path: string, base: number, min: number, max: number, err: Report, minInclusive: boolean): number {
  if (v === undefined) return base;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    err(path, `${describe(v)} is not a number`);
    return base;
  }
  if (minInclusive ? v < min : v <= min) {
    err(path, `${v} must be ${minInclusive ? '≥' : '>'} ${min}`);
    return base;
  }
  if (v > max) {
    err(path, `${v} must be ≤ ${max}`);
    return base;
  }
  return v;
}

/**
 * Settings from the text of a settings file: JSON syntax errors give line and column (a UTF-8 BOM is
 * removed), then {@link resolveSettings}. An empty text means no file: the default preset; a file
 * holding `null` is an error.
 */
export function parseSettingsText(text: string, file: string): ReadResult<Settings | null> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return resolveSettings(undefined, file);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (e) {
    const loc = locateJsonError(body, e instanceof Error ? e.message : String(e));
    return {
      value: null,
      warnings: [],
      errors: [
        {
          file,
          index: -1,
          line: loc.line,
          column: loc.column,
          reason: `invalid JSON at line ${loc.line}, column ${loc.column}: ${loc.reason}`,
        },
      ],
    };
  }
  if (raw === null)
    return {
      value: null,
      warnings: [],
      errors: [{ file, index: -1, reason: 'the settings file holds null, not a JSON object of settings ({} for the defaults)' }],
    };
  return resolveSettings(raw, file);
}
