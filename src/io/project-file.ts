/**
 * Project files (`*.lifecircle.json`): a whole workspace in one JSON file that can be mailed and
 * opened anywhere: the input files themselves (text files as text, anything else — zipped
 * Shapefiles, GBK CSV — as base64) with how they were read (CRS, field mapping), the settings,
 * the proposed sites per scenario and the UI's view state. Serialisation is canonical (fixed key
 * order for known records, sorted keys inside free-form objects, 2-space indentation), so opening
 * and saving again gives the same bytes. Schema: docs/report-schema.md, "Project files".
 */
import type { CommunityKind, Problem, ReadResult } from '../engine/model';
import { assertCrs, type CrsId } from './crs';
import { describe, isObject } from './feature-helpers';
import { locateJsonError } from './json-error-location';
import type { LayerFormat } from './read-layer-file';
import { APP_VERSION } from './report-metadata';
import type { ProposedSite } from './report-geojson';
import { resolveSettings } from './settings';
import { sha256Hex } from './sha256';

/** The `format` member of every project file. */
const PROJECT_FORMAT = 'lifecircle-project';
/** The format version this code writes and the newest it reads. */
export const PROJECT_FORMAT_VERSION = 1;

/** How a layer file is read (the mapping step's choices; see worker/session.ts LayerOptions). */
export interface ProjectFileOptions {
  crs?: CrsId;
  lonField?: string;
  latField?: string;
  categoryField?: string;
  populationField?: string;
  kindField?: string;
  defaultKind?: CommunityKind;
  capacityField?: string;
  districtField?: string;
  /** A layer of a whole OpenStreetMap extract (the file is the extract): the language of its names. */
  osmLang?: 'zh' | 'en';
  /** Demand by age group: category id → communities column. */
  demandFields?: Record<string, string>;
}

/** One input file of a project, with its bytes. */
export interface ProjectInputFile {
  layer: 'facilities' | 'communities' | 'roads';
  name: string;
  format: LayerFormat;
  options: ProjectFileOptions;
  bytes: Uint8Array;
}

/** A named set of proposed sites (e.g. "5 clinics, greedy"). */
export interface ProjectScenario {
  name: string;
  sites: ProposedSite[];
}

/** A workspace. */
export interface Project {
  /** Version of the app that saved it (default: this one). */
  appVersion?: string;
  files: ProjectInputFile[];
  /** Settings as the app passes them to the session (a settings-file object), or null for the default preset. */
  settings: unknown;
  proposals: ProjectScenario[];
  /** UI view state: any JSON object, opaque here. */
  view: Record<string, unknown>;
}

const LAYERS = ['facilities', 'communities', 'roads'] as const;
const FORMATS: readonly LayerFormat[] = ['geojson', 'csv', 'shapefile', 'osm'];
const TOP = ['format', 'version', 'app_version', 'files', 'settings', 'proposals', 'view'];
const FILE = ['layer', 'name', 'format', 'options', 'sha256', 'bytes', 'text', 'base64'];
const TEXT_OPTIONS = [
  'crs',
  'lonField',
  'latField',
  'categoryField',
  'populationField',
  'kindField',
  'defaultKind',
  'capacityField',
  'districtField',
  'osmLang',
] as const;
/** Every key of {@link ProjectFileOptions}, in file order: what a project keeps of a layer's read options. */
export const PROJECT_OPTION_KEYS = [...TEXT_OPTIONS, 'demandFields'] as const;
const SITE = ['lon', 'lat', 'rank', 'category', 'gain_population', 'covered_ids'];

/** A JSON value with object keys sorted (code-unit order). @throws on values JSON cannot hold exactly */
function canonical(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`serializeProject: ${path} is ${value}, not a JSON number`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => canonical(v, `${path}[${i}]`));
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) if (value[k] !== undefined) out[k] = canonical(value[k], `${path}.${k}`);
    return out;
  }
  throw new Error(`serializeProject: ${path} is ${describe(value)}, not JSON`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function asText(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The text of a project file: canonical JSON, 2-space indentation, ending with a newline.
 * Files are stored as text when they are valid UTF-8 (and not a Shapefile zip), else as base64,
 * each with its SHA-256 and size.
 * @throws on values JSON cannot hold exactly (NaN, functions …): a programmer error
 */
export function serializeProject(project: Project): string {
  const files = project.files.map((f, i) => {
    const text = f.format === 'shapefile' || f.format === 'osm' ? null : asText(f.bytes);
    return {
      layer: f.layer,
      name: f.name,
      format: f.format,
      options: canonical(f.options, `files[${i}].options`),
      sha256: sha256Hex(f.bytes),
      bytes: f.bytes.length,
      ...(text !== null ? { text } : { base64: toBase64(f.bytes) }),
    };
  });
  const proposals = project.proposals.map((s, i) => ({
    name: s.name,
    sites: s.sites.map((p, j) => canonicalSite(p, `proposals[${i}].sites[${j}]`)),
  }));
  const doc = {
    format: PROJECT_FORMAT,
    version: PROJECT_FORMAT_VERSION,
    app_version: project.appVersion ?? APP_VERSION,
    files,
    settings: canonical(project.settings ?? null, 'settings'),
    proposals,
    view: canonical(project.view, 'view'),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function canonicalSite(p: ProposedSite, path: string): Record<string, unknown> {
  return canonical(
    { lon: p.lon, lat: p.lat, rank: p.rank, category: p.category, gain_population: p.gain_population, covered_ids: [...p.covered_ids] },
    path,
  ) as Record<string, unknown>;
}

/**
 * Read a project file. Invalid JSON gives line and column; unknown fields, wrong types, invalid
 * settings, undecodable contents and a second file for one layer are errors naming the path
 * (`files[1].options.crs: …`), and then the value is null; a content whose SHA-256 differs from the
 * recorded one (edited by hand) is a warning. A file saved by a newer format version is an error
 * that says so. Never throws.
 *
 * @param text the file's text
 * @param file its name, for problems
 */
export function parseProject(text: string, file: string): ReadResult<Project | null> {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (path: string, reason: string) => errors.push({ file, index: -1, reason: path ? `${path}: ${reason}` : reason });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const loc = locateJsonError(body, e instanceof Error ? e.message : String(e));
    return {
      value: null,
      warnings,
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
  if (!isObject(doc) || doc.format !== PROJECT_FORMAT) {
    return {
      value: null,
      warnings,
      errors: [
        {
          file,
          index: -1,
          reason: `not a Lifecircle project file (expected "format": "${PROJECT_FORMAT}", got ${describe(isObject(doc) ? doc.format : doc)})`,
        },
      ],
    };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    err('version', `${describe(version)} is not a format version (a whole number ≥ 1)`);
  else if (version > PROJECT_FORMAT_VERSION) {
    err(
      'version',
      `the project was saved in format version ${version} by a newer Lifecircle${isText(doc.app_version) ? ` (${doc.app_version})` : ''}; this one (${APP_VERSION}) reads versions up to ${PROJECT_FORMAT_VERSION}: update Lifecircle to open it`,
    );
    return { value: null, warnings, errors };
  }
  unknown(doc, TOP, '', err);
  if (doc.app_version !== undefined && typeof doc.app_version !== 'string') err('app_version', `${describe(doc.app_version)} is not text`);
  const rawFiles = list(doc.files, 'files', err);
  const files = rawFiles.map((f, i) => readFile(f, `files[${i}]`, err, (reason) => warnings.push({ file, index: -1, reason })));
  const layerOf = (f: unknown) => (isObject(f) ? f.layer : undefined);
  rawFiles.forEach((f, i) => {
    const layer = layerOf(f);
    if (isText(layer) && rawFiles.findIndex((g) => layerOf(g) === layer) < i)
      err(`files[${i}].layer`, `a second "${layer}" file (one file per layer)`);
  });
  const settings = doc.settings ?? null;
  // resolveSettings names the path inside the settings (`categories[2].thresholdMinutes.urban: …`)
  if (settings !== null)
    for (const e of resolveSettings(settings, file).errors)
      errors.push({ file, index: -1, reason: /^[\w[\].]+: /.test(e.reason) ? `settings.${e.reason}` : `settings: ${e.reason}` });
  const proposals = list(doc.proposals, 'proposals', err).map((s, i) => readScenario(s, `proposals[${i}]`, err));
  if (doc.view !== undefined && !isObject(doc.view)) err('view', `${describe(doc.view)} is not an object`);
  if (errors.length > 0) return { value: null, warnings, errors };
  return {
    value: {
      ...(typeof doc.app_version === 'string' ? { appVersion: doc.app_version } : {}),
      files: files as ProjectInputFile[],
      settings,
      proposals: proposals as ProjectScenario[],
      view: (doc.view ?? {}) as Record<string, unknown>,
    },
    warnings,
    errors,
  };
}

type Err = (path: string, reason: string) => void;

function unknown(o: Record<string, unknown>, known: readonly string[], path: string, err: Err): void {
  for (const k of Object.keys(o)) if (!known.includes(k)) err(path ? `${path}.${k}` : k, `unknown field (known: ${known.join(', ')})`);
}

function list(v: unknown, path: string, err: Err): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    err(path, `${describe(v)} is not an array`);
    return [];
  }
  return v;
}

const isText = (v: unknown): v is string => typeof v === 'string';

function readFile(f: unknown, path: string, err: Err, warn: (reason: string) => void): ProjectInputFile | null {
  if (!isObject(f)) {
    err(path, `${describe(f)} is not an object`);
    return null;
  }
  let bad = false;
  const fail: Err = (p, r) => {
    bad = true;
    err(p, r);
  };
  unknown(f, FILE, path, fail);
  if (!LAYERS.includes(f.layer as never)) fail(`${path}.layer`, `${describe(f.layer)} must be one of ${LAYERS.join(', ')}`);
  if (!isText(f.name) || f.name === '') fail(`${path}.name`, `${describe(f.name)} is not a file name`);
  if (!FORMATS.includes(f.format as LayerFormat)) fail(`${path}.format`, `${describe(f.format)} must be one of ${FORMATS.join(', ')}`);
  const options = f.options ?? {};
  if (!isObject(options)) fail(`${path}.options`, `${describe(options)} is not an object`);
  else {
    unknown(options, PROJECT_OPTION_KEYS, `${path}.options`, fail);
    for (const k of TEXT_OPTIONS)
      if (options[k] !== undefined && !isText(options[k])) fail(`${path}.options.${k}`, `${describe(options[k])} is not text`);
    const demand = options.demandFields;
    if (demand !== undefined) {
      if (!isObject(demand)) fail(`${path}.options.demandFields`, `${describe(demand)} is not an object {category id: column}`);
      else
        for (const [id, col] of Object.entries(demand))
          if (!isText(col)) fail(`${path}.options.demandFields.${id}`, `${describe(col)} is not text`);
    }
    if (isText(options.crs)) {
      try {
        assertCrs(options.crs as CrsId);
      } catch (e) {
        fail(`${path}.options.crs`, (e as Error).message);
      }
    }
    if (options.defaultKind !== undefined && options.defaultKind !== 'urban' && options.defaultKind !== 'rural')
      fail(`${path}.options.defaultKind`, `${describe(options.defaultKind)} must be "urban" or "rural"`);
  }
  let bytes: Uint8Array | null = null;
  if (isText(f.text) === isText(f.base64)) fail(path, 'needs exactly one of "text" and "base64" (the file content)');
  else if (isText(f.text)) bytes = new TextEncoder().encode(f.text);
  else if ((bytes = fromBase64(f.base64 as string)) === null) fail(`${path}.base64`, 'is not valid base64');
  if (f.sha256 !== undefined && !(isText(f.sha256) && /^[0-9a-f]{64}$/.test(f.sha256)))
    fail(`${path}.sha256`, `${describe(f.sha256)} is not a SHA-256 (64 lower-case hex digits)`);
  if (bad || !bytes) return null;
  if (isText(f.sha256) && f.sha256 !== sha256Hex(bytes))
    warn(`${path}: the content of "${String(f.name)}" differs from the one saved (SHA-256 ${f.sha256}): edited after saving?`);
  return {
    layer: f.layer as ProjectInputFile['layer'],
    name: f.name as string,
    format: f.format as LayerFormat,
    options: options as ProjectFileOptions,
    bytes,
  };
}

function readScenario(s: unknown, path: string, err: Err): ProjectScenario | null {
  if (!isObject(s)) {
    err(path, `${describe(s)} is not an object`);
    return null;
  }
  unknown(s, ['name', 'sites'], path, err);
  if (!isText(s.name)) err(`${path}.name`, `${describe(s.name)} is not text`);
  const sites = list(s.sites, `${path}.sites`, err).map((p, j) => {
    const at = `${path}.sites[${j}]`;
    if (!isObject(p)) {
      err(at, `${describe(p)} is not an object`);
      return null;
    }
    unknown(p, SITE, at, err);
    const num = (k: string, ok: (v: number) => boolean, what: string) => {
      if (typeof p[k] !== 'number' || !ok(p[k])) err(`${at}.${k}`, `${describe(p[k])} ${what}`);
    };
    num('lon', (v) => v >= -180 && v <= 180, 'is not a longitude (−180…180)');
    num('lat', (v) => v >= -90 && v <= 90, 'is not a latitude (−90…90)');
    num('rank', (v) => Number.isInteger(v) && v >= 1, 'is not a rank (a whole number ≥ 1)');
    num('gain_population', (v) => v >= 0, 'is not a number of residents ≥ 0');
    if (!isText(p.category)) err(`${at}.category`, `${describe(p.category)} is not a category id`);
    if (!Array.isArray(p.covered_ids) || !p.covered_ids.every(isText))
      err(`${at}.covered_ids`, `${describe(p.covered_ids)} is not a list of community ids`);
    return p as unknown as ProposedSite;
  });
  return { name: s.name as string, sites: sites as ProposedSite[] };
}
