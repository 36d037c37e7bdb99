import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Dataset, Problem, Settings } from '../engine/model';
import { loadDataset } from '../io/load-dataset';
import { describeInputFile, type InputFileMeta } from '../io/report-metadata';
import { parseSettingsText, resolveSettings } from '../io/settings';
import { decodeText } from '../io/text-decode';

/** Paths and options the analysis commands share. */
export interface InputOptions {
  facilities: string;
  communities: string;
  roads?: string;
  preset?: string;
  settings?: string;
  model?: string;
}

/** What the commands work on, or the reasons they cannot. */
export interface LoadedInputs {
  dataset: Dataset | null;
  settings: Settings | null;
  warnings: Problem[];
  errors: Problem[];
  /** Reasons the input is unusable (exit code 2); empty when the analysis can run. */
  fatal: string[];
  /** The files read (name, size, SHA-256, feature counts) for the report's provenance. */
  inputs: InputFileMeta[];
}

function readText(path: string, errors: Problem[], bytesOut?: (bytes: Uint8Array) => void): string | null {
  try {
    const bytes = new Uint8Array(readFileSync(path));
    bytesOut?.(bytes);
    return decodeText(bytes).text;
  } catch (e) {
    errors.push({ file: basename(path), index: -1, reason: `cannot read ${path}: ${(e as Error).message}` });
    return null;
  }
}

/** Read the settings file (if any) with the preset and model options laid over it. */
function loadSettings(opts: InputOptions, errors: Problem[], warnings: Problem[], inputs: InputFileMeta[]): Settings | null {
  const file = opts.settings ? basename(opts.settings) : '(command line)';
  const text = opts.settings ? readText(opts.settings, errors, (b) => inputs.push(describeInputFile('settings', file, b, 'json'))) : '';
  if (text === null) return null;
  let res = parseSettingsText(text, file);
  if (res.value && (opts.preset || opts.model)) {
    // valid JSON object (or empty): lay the command-line options over it and resolve again
    const raw = text.trim() === '' ? {} : (JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>);
    res = resolveSettings({ ...raw, ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.model ? { model: opts.model } : {}) }, file);
  }
  warnings.push(...res.warnings);
  errors.push(...res.errors);
  return res.value;
}

/**
 * Read settings, facilities, communities and roads from files. Bad features are skipped and reported;
 * the input is unusable (fatal) only when the settings are invalid, a file cannot be read or parsed,
 * or no valid facility or community remains.
 */
export function loadInputs(opts: InputOptions): LoadedInputs {
  const warnings: Problem[] = [];
  const errors: Problem[] = [];
  const fatal: string[] = [];
  const inputs: InputFileMeta[] = [];
  const settings = loadSettings(opts, errors, warnings, inputs);
  if (!settings) return { dataset: null, settings: null, warnings, errors, fatal: ['the settings are not usable'], inputs };
  const raw = new Map<string, Uint8Array>();
  const file = (path: string | undefined) => {
    if (!path) return undefined;
    const text = readText(path, errors, (b) => raw.set(path, b));
    return text === null ? null : { text, file: basename(path) };
  };
  const fac = file(opts.facilities);
  const com = file(opts.communities);
  const roads = file(opts.roads);
  if (!fac || !com || roads === null) return { dataset: null, settings, warnings, errors, fatal: ['an input file cannot be read'], inputs };
  const res = loadDataset({ facilities: fac, communities: com, ...(roads ? { roads } : {}) }, settings);
  for (const layer of ['facilities', 'communities', 'roads'] as const) {
    const path = opts[layer];
    const bytes = path ? raw.get(path) : undefined;
    if (path && bytes) inputs.push(describeInputFile(layer, basename(path), bytes, 'geojson', 'WGS84', res.counts[layer]));
  }
  warnings.push(...res.warnings);
  errors.push(...res.errors);
  for (const e of res.errors) if (e.index === -1) fatal.push(`${e.file}: ${e.reason}`);
  if (res.dataset.communities.length === 0) fatal.push(`${com.file}: no valid community`);
  if (res.dataset.facilities.length === 0) fatal.push(`${fac.file}: no valid facility of the preset's categories`);
  return { dataset: res.dataset, settings, warnings, errors, fatal, inputs };
}

/** One line per problem: `file #index (id): reason`. */
export function formatProblem(p: Problem): string {
  const where = p.index >= 0 ? ` #${p.index}${p.id ? ` (${p.id})` : ''}` : '';
  const at = p.line ? ` line ${p.line}, column ${p.column ?? 0}` : '';
  return `${p.file}${where}${at}: ${p.reason}`;
}
