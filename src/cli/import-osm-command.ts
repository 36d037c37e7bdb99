import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Settings } from '../engine/model';
import { readOsmImportSettings } from '../io/osm/osm-import-settings';
import { importOsm } from '../io/osm/import-osm';
import { OsmFormatError } from '../io/osm/osm-elements';
import type { OsmImportReport } from '../io/osm/osm-import-types';
import { roadsReportLines } from '../io/osm/read-osm-roads';
import { roadLinesGeoJson } from '../io/osm/road-lines';
import { nodeInflateZlib } from './node-inflate';
import { parseSettingsText, resolveSettings } from '../io/settings';
import { decodeText } from '../io/text-decode';
import type { CliStreams } from './analyze-command';
import { formatProblem, readInputFile } from './load-inputs';
import type { Progress } from './progress';

/** Options of `import-osm`. */
export interface ImportOsmOptions {
  out: string;
  /** `W,S,E,N` in degrees. */
  bbox?: string;
  /** GeoJSON file with the polygon(s) to keep. */
  boundary?: string;
  preset?: string;
  settings?: string;
  /** Language of names: zh (default) or en. */
  lang?: string;
  json?: boolean;
  quiet?: boolean;
}

/** `W,S,E,N` → numbers, or the reason it is not a bbox. */
function parseBBox(text: string): [number, number, number, number] | string {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 4 || parts.some((v) => !Number.isFinite(v))) return `"${text}" is not four numbers W,S,E,N`;
  const [w, s, e, n] = parts as [number, number, number, number];
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return `"${text}" is not a box in degrees with W < E and S < N`;
  return [w, s, e, n];
}

/** Polygon rings from a boundary GeoJSON (FeatureCollection, Feature or geometry), or the reason. */
function boundaryRings(text: string): [number, number][][] | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return `not JSON (${(e as Error).message})`;
  }
  const rings: [number, number][][] = [];
  const visit = (g: unknown): void => {
    const o = g as { type?: string; features?: unknown[]; geometry?: unknown; coordinates?: unknown };
    if (!o || typeof o !== 'object') return;
    if (o.type === 'FeatureCollection') (o.features ?? []).forEach(visit);
    else if (o.type === 'Feature') visit(o.geometry);
    else if (o.type === 'Polygon') rings.push(...(o.coordinates as [number, number][][]));
    else if (o.type === 'MultiPolygon') for (const p of o.coordinates as [number, number][][][]) rings.push(...p);
  };
  visit(doc);
  return rings.length > 0 ? rings : 'holds no Polygon or MultiPolygon';
}

const fc = (v: unknown): string => {
  const c = v as { features: unknown[] };
  return `{"type":"FeatureCollection","features":[\n${c.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
};

/** Write text handed out in pieces to a file, piece by piece (no one string of the whole file). */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const c of chunks) writeSync(fd, c);
  } finally {
    closeSync(fd);
  }
}

/** Human lines of the import report. */
function importReportLines(r: OsmImportReport): string[] {
  const cat = Object.entries(r.facilities.byCategory).map(([k, v]) => `${k} ${v}`);
  return [
    ...roadsReportLines(r),
    `facilities: ${r.facilities.kept}${cat.length > 0 ? ` (${cat.join(', ')})` : ''}`,
    `communities: ${r.communities.kept} (${r.communities.urban} urban, ${r.communities.rural} rural; ` +
      `${r.communities.fromResidential} residential areas, ${r.communities.fromPlaces} places; ` +
      `${r.communities.estimated} with an estimated population; ${r.communities.withDistrict} with a district)`,
  ];
}

/**
 * `import-osm FILE`: an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) → roads.geojson,
 * facilities.geojson, communities.geojson (the input shape) and import-report.json in `--out`.
 *
 * @returns exit code: 0 done, 1 bad option, 2 unusable input
 */
export async function runImportOsm(path: string, opts: ImportOsmOptions, io: CliStreams, progress: Progress): Promise<number> {
  const file = basename(path);
  const fail = (reason: string): number => {
    io.err(`lifecircle: cannot import: ${reason}\n`);
    return 2;
  };
  let bbox: [number, number, number, number] | undefined;
  if (opts.bbox !== undefined) {
    const b = parseBBox(opts.bbox);
    if (typeof b === 'string') {
      io.err(`lifecircle: --bbox: ${b}\n`);
      return 1;
    }
    bbox = b;
  }
  if (opts.lang !== undefined && opts.lang !== 'zh' && opts.lang !== 'en') {
    io.err(`lifecircle: --lang: "${opts.lang}" is not zh or en\n`);
    return 1;
  }
  let boundary: [number, number][][] | undefined;
  if (opts.boundary !== undefined) {
    let rings: [number, number][][] | string;
    try {
      rings = boundaryRings(decodeText(readInputFile(opts.boundary)).text);
    } catch (e) {
      return fail(`${basename(opts.boundary)}: ${(e as Error).message}`);
    }
    if (typeof rings === 'string') return fail(`${basename(opts.boundary)}: ${rings}`);
    boundary = rings;
  }
  let settings: Settings | null;
  let raw: unknown = undefined;
  {
    const sfile = opts.settings ? basename(opts.settings) : '(command line)';
    let text = '';
    try {
      if (opts.settings) text = decodeText(readInputFile(opts.settings)).text;
    } catch (e) {
      return fail(`${sfile}: ${(e as Error).message}`);
    }
    let res = parseSettingsText(text, sfile);
    if (res.value) raw = text.trim() === '' ? {} : JSON.parse(text.replace(/^\uFEFF/, ''));
    if (res.value && opts.preset) res = resolveSettings({ ...(raw as object), preset: opts.preset }, sfile);
    for (const e of res.errors) io.err(`error: ${formatProblem(e)}\n`);
    settings = res.value;
    if (!settings) return fail('the settings are not usable');
  }
  const extra = readOsmImportSettings(raw, opts.settings ? basename(opts.settings) : '(command line)');
  if (extra.errors.length > 0) {
    for (const e of extra.errors) io.err(`error: ${formatProblem(e)}\n`);
    return fail('the settings are not usable');
  }
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(path);
  } catch (e) {
    return fail(`${file}: ${(e as Error).message}`);
  }
  progress.step('reading OpenStreetMap', 0);
  let res;
  try {
    res = importOsm(bytes, {
      file,
      categories: settings.categories,
      lang: opts.lang === 'en' ? 'en' : 'zh',
      inflate: nodeInflateZlib,
      ...extra.value,
      ...(bbox ? { bbox } : {}),
      ...(boundary ? { boundary } : {}),
      onProgress: (done, total) => progress.step('reading OpenStreetMap', done / total),
    });
  } catch (e) {
    if (e instanceof OsmFormatError) return fail(e.message);
    throw e;
  }
  progress.step('writing', 1);
  mkdirSync(opts.out, { recursive: true });
  writeChunks(join(opts.out, 'roads.geojson'), roadLinesGeoJson(res.roads));
  writeFileSync(join(opts.out, 'facilities.geojson'), fc(res.facilities));
  writeFileSync(join(opts.out, 'communities.geojson'), fc(res.communities));
  writeFileSync(join(opts.out, 'import-report.json'), `${JSON.stringify(res.report, null, 2)}\n`);
  progress.stop();
  if (opts.json) io.out(`${JSON.stringify(res.report)}\n`);
  else {
    io.out(`${importReportLines(res.report).join('\n')}\n`);
    io.out(`wrote roads.geojson, facilities.geojson, communities.geojson, import-report.json to ${opts.out}\n`);
  }
  if (!opts.quiet) for (const p of res.report.problems) io.err(`warning: ${file}: ${p}\n`);
  return 0;
}
