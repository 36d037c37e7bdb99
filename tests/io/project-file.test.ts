import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { parseProject, PROJECT_FORMAT_VERSION, serializeProject, type Project } from '../../src/io/project-file';
import { createSession } from '../../src/worker/session';
import { writeShapefile } from './helpers/shapefile-writer';
import { zipStore } from './helpers/zip-store';

const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');
const enc = (t: string) => new TextEncoder().encode(t);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Freeze a project deeply, except the bytes (a non-empty typed array cannot be frozen). */
function freeze<T>(o: T): T {
  if (o && typeof o === 'object' && !ArrayBuffer.isView(o) && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) freeze(v);
  }
  return o;
}

function shapefileZip(): Uint8Array {
  const shp = writeShapefile({
    kind: 'point',
    shapes: [
      [121.55, 29.87],
      [121.551, 29.871],
    ],
    fields: [
      { name: 'id', type: 'C', length: 8 },
      { name: 'category', type: 'C', length: 12 },
    ],
    records: [
      ['S1', 'clinic'],
      ['S2', 'sports'],
    ],
    encode: (t) => iconv.encode(t, 'gbk'),
    languageDriver: 0x4d,
  });
  return zipStore([
    { name: 'fac.shp', data: shp.shp },
    { name: 'fac.shx', data: shp.shx },
    { name: 'fac.dbf', data: shp.dbf },
  ]);
}

function sampleProject(): Project {
  return freeze({
    files: [
      {
        layer: 'facilities',
        name: '设施.zip',
        format: 'shapefile',
        options: { crs: 'GCJ02', categoryField: 'category' },
        bytes: shapefileZip(),
      },
      {
        layer: 'communities',
        name: '社区.csv',
        format: 'csv',
        options: { lonField: '经度', latField: '纬度', kindField: '类型', populationField: '人口' },
        bytes: new Uint8Array(iconv.encode('编号,名称,类型,人口,经度,纬度\r\nC1,东门社区,城市,1200,121.55,29.87\r\n', 'gbk')),
      }, // GBK: not UTF-8 → base64
      {
        layer: 'roads',
        name: 'roads.geojson',
        format: 'geojson',
        options: {},
        bytes: enc('\uFEFF{"type":"FeatureCollection","features":[]}\n'),
      },
    ],
    settings: {
      walkSpeedKmh: { urban: 4.5, rural: 4 },
      preset: 'ningbo',
      categories: [{ id: 'clinic', thresholdMinutes: { urban: 10, rural: 15 } }],
    },
    proposals: [
      {
        name: '5 家诊所 (greedy)',
        sites: [{ lon: 121.55, lat: 29.87, rank: 1, category: 'clinic', gain_population: 1234.5, covered_ids: ['C1', 'C2'] }],
      },
      { name: 'empty', sites: [] },
    ],
    view: { zoom: 13.5, center: [121.55, 29.87], panels: { right: true, left: false }, layers: ['gaps', 'sites'] },
  } as Project);
}

describe('project files: serialize → parse → serialize is byte-identical', () => {
  it('keeps every file byte for byte (text, GBK CSV, BOM, zip), the settings, proposals and view', () => {
    const project = sampleProject();
    const text = serializeProject(project);
    const res = parseProject(text, 'p.lifecircle.json');
    expect(res.errors).toEqual([]);
    expect(res.warnings).toEqual([]);
    const back = res.value!;
    back.files.forEach((f, i) => {
      const orig = project.files[i]!;
      expect([f.layer, f.name, f.format, f.options]).toEqual([orig.layer, orig.name, orig.format, orig.options]);
      expect(sha(f.bytes)).toBe(sha(orig.bytes));
      expect(f.bytes).toEqual(orig.bytes);
    });
    expect(back.settings).toEqual(project.settings);
    expect(back.proposals).toEqual(project.proposals);
    expect(back.view).toEqual(project.view);
    expect(serializeProject(back)).toBe(text);
    // how each file is stored: UTF-8 text as text (BOM kept), GBK and zip as base64, each with its SHA-256
    const doc = JSON.parse(text);
    expect(doc.files.map((f: Record<string, unknown>) => ('text' in f ? 'text' : 'base64'))).toEqual(['base64', 'base64', 'text']);
    expect(doc.files[2].text.charCodeAt(0)).toBe(0xfeff);
    expect(doc.files.map((f: { sha256: string }) => f.sha256)).toEqual(project.files.map((f) => sha(f.bytes)));
    expect(doc.version).toBe(PROJECT_FORMAT_VERSION);
  });

  it('does not depend on the key order the app used (canonical), and is stable over seeded random projects', () => {
    const rand = mulberry32(77);
    const value = (depth: number): unknown => {
      const r = rand();
      if (depth > 3 || r < 0.35)
        return [Math.round(rand() * 1e6) / 100, `文字 "${Math.floor(rand() * 100)}"\n`, null, false, -3][Math.floor(rand() * 5)];
      if (r < 0.6) return Array.from({ length: Math.floor(rand() * 5) }, () => value(depth + 1));
      const keys = Array.from({ length: Math.floor(rand() * 6) }, () => `k${Math.floor(rand() * 1000)}`);
      return Object.fromEntries(keys.map((k) => [k, value(depth + 1)]));
    };
    for (let i = 0; i < 50; i++) {
      const bytes = Uint8Array.from({ length: Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256));
      const view = value(0);
      const project: Project = {
        files: [{ layer: 'roads', name: `r${i}.geojson`, format: 'geojson', options: {}, bytes }],
        settings: null,
        proposals: [],
        view: { v: view },
      };
      const text = serializeProject(freeze(project));
      const reversed = { ...project, view: Object.fromEntries(Object.entries({ v: view, z: 1 }).reverse()) };
      const res = parseProject(text, 'x');
      expect(res.errors).toEqual([]);
      expect(res.value!.files[0]!.bytes).toEqual(bytes);
      expect(serializeProject(res.value!)).toBe(text);
      expect(serializeProject({ ...reversed, view: { z: 1, v: view } })).toBe(serializeProject(reversed));
    }
  });

  it('opens into the worker session: the layers load and the report names the same SHA-256', async () => {
    const files = ['facilities', 'communities', 'roads'].map((layer) => ({
      layer,
      name: `${layer}.geojson`,
      format: 'geojson',
      options: {},
      bytes: new Uint8Array(readFileSync(join(GRID, `${layer}.geojson`))),
    }));
    const text = serializeProject({
      files,
      settings: JSON.parse(readFileSync(join(GRID, 'settings.json'), 'utf8')),
      proposals: [],
      view: {},
    } as Project);
    const project = parseProject(text, 'grid.lifecircle.json').value!;
    const session = createSession();
    expect(session.setSettings(project.settings).ok).toBe(true);
    for (const f of project.files) expect((await session.loadLayer(f.layer, f.name, f.bytes, f.options)).ok).toBe(true);
    const provenance = JSON.parse(session.reportFiles({ generatedAt: '2025-01-01T00:00:00Z' })['summary.json']).provenance;
    expect(provenance.inputs.map((i: { sha256: string }) => i.sha256)).toEqual(
      JSON.parse(text).files.map((f: { sha256: string }) => f.sha256),
    );
    expect(provenance.thresholds_min.clinic).toEqual({ urban: 5, rural: 5 });
  });
});

describe('project files: errors name the path', () => {
  const good = () => JSON.parse(serializeProject(sampleProject()));
  const errorsOf = (doc: unknown) => {
    const res = parseProject(typeof doc === 'string' ? doc : JSON.stringify(doc), 'p.lifecircle.json');
    if (res.errors.length > 0) expect(res.value).toBeNull();
    return res.errors.map((e) => e.reason);
  };

  it('invalid JSON: line and column', () => {
    const res = parseProject('{\n  "format": "lifecircle-project",\n  "version": 1,,\n}', 'p.lifecircle.json');
    expect(res.value).toBeNull();
    expect(res.errors[0]).toMatchObject({ file: 'p.lifecircle.json', line: 3 });
  });

  it('not a project file; a newer format version', () => {
    expect(errorsOf({ type: 'FeatureCollection', features: [] })[0]).toMatch(/not a Lifecircle project file/);
    const newer = { ...good(), version: PROJECT_FORMAT_VERSION + 1, app_version: '9.0.0', futureField: 1 };
    const reasons = errorsOf(newer);
    expect(reasons).toHaveLength(1); // the version, not a list of fields this version does not know
    expect(reasons[0]).toMatch(/^version: .*format version 2 by a newer Lifecircle \(9\.0\.0\).*update Lifecircle/);
    expect(errorsOf({ ...good(), version: 0 })[0]).toMatch(/^version: /);
  });

  it('unknown and invalid fields, with their path', () => {
    const doc = good();
    doc.extra = true;
    doc.files[1].options.crsx = 'GCJ02';
    doc.files[0].options.crs = 'EPSG:999999';
    doc.files[2].layer = 'facilities';
    doc.files[1].base64 = 'not base64!';
    doc.proposals[0].sites[0].lat = 123;
    doc.proposals[0].sites[0].covered_ids = 'C1';
    doc.settings.categories[0].thresholdMinutes.urban = -1;
    doc.view = [];
    const reasons = errorsOf(doc);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^extra: unknown field/),
        expect.stringMatching(/^files\[1\]\.options\.crsx: unknown field/),
        expect.stringMatching(/^files\[0\]\.options\.crs: .*EPSG:999999/),
        expect.stringMatching(/^files\[2\]\.layer: a second "facilities" file/),
        expect.stringMatching(/^files\[1\]\.base64: is not valid base64/),
        expect.stringMatching(/^proposals\[0\]\.sites\[0\]\.lat: 123 is not a latitude/),
        expect.stringMatching(/^proposals\[0\]\.sites\[0\]\.covered_ids: /),
        expect.stringMatching(/^settings\.categories\[0\]\.thresholdMinutes\.urban: /),
        expect.stringMatching(/^view: /),
      ]),
    );
    expect(reasons).toHaveLength(9);
  });

  it('a file with both or neither content member is an error; an edited content is a warning naming the file', () => {
    const doc = good();
    doc.files[2].base64 = 'AAAA';
    expect(errorsOf(doc)).toEqual([expect.stringMatching(/^files\[2\]: needs exactly one of "text" and "base64"/)]);
    const edited = good();
    edited.files[2].text = '{"type":"FeatureCollection","features":[]}';
    const res = parseProject(JSON.stringify(edited), 'p');
    expect(res.errors).toEqual([]);
    expect(res.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/^files\[2\]: the content of "roads\.geojson" differs/)]);
  });

  it('serializeProject throws on a value JSON cannot hold (a programmer error)', () => {
    expect(() => serializeProject({ ...sampleProject(), view: { zoom: NaN } })).toThrow(/view\.zoom is NaN/);
  });
});
