/**
 * Broken input, kind by kind, through the readers the CLI and the browser worker share
 * (readLayerFile → loadDataset; parseSettingsText): every file gets an answer naming it, the input
 * bytes stay as they were, nothing throws.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/engine/model';
import { checkDbfHeader, readZippedShapefile } from '../../src/io/shapefile';
import { MAX_CSV_CELLS } from '../../src/io/csv-read';
import { loadDataset } from '../../src/io/load-dataset';
import { readLayerFile } from '../../src/io/read-layer-file';
import { parseSettingsText, resolveSettings, SETTINGS_LIMITS } from '../../src/io/settings';
import { decodeText } from '../../src/io/text-decode';
import { BROKEN_KINDS, brokenFile, type BrokenFile, type BrokenKind } from './helpers/broken-corpus';
import { writeShapefile } from './helpers/shapefile-writer';
import { zipStore } from './helpers/zip-store';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

const GRID = resolve(__dirname, '../fixtures/grid-3x3/in');
const SETTINGS = resolveSettings(undefined, 'settings').value!;
const gridLayer = async (layer: string) => {
  const name = `${layer}.geojson`;
  return (await readLayerFile(name, new Uint8Array(readFileSync(resolve(GRID, name))))).features!;
};

interface Outcome {
  unusable: boolean;
  problems: Problem[];
  warnings: Problem[];
  errors: Problem[];
}

/** Reads a broken file as the CLI would, with the grid fixture's other layers. */
async function readBroken(f: BrokenFile): Promise<Outcome> {
  if (f.layer === 'settings') {
    const r = parseSettingsText(decodeText(f.bytes).text, f.name);
    return { unusable: r.value === null, problems: [...r.errors, ...r.warnings], warnings: r.warnings, errors: r.errors };
  }
  const read = await readLayerFile(f.name, f.bytes);
  if (!read.features) return { unusable: true, problems: [...read.errors, ...read.warnings], warnings: read.warnings, errors: read.errors };
  const layers = {
    facilities: await gridLayer('facilities'),
    communities: await gridLayer('communities'),
    roads: await gridLayer('roads'),
  };
  const input = (l: 'facilities' | 'communities' | 'roads') => ({
    features: l === f.layer ? read.features! : layers[l],
    file: l === f.layer ? f.name : `${l}.geojson`,
  });
  const res = loadDataset({ facilities: input('facilities'), communities: input('communities'), roads: input('roads') }, SETTINGS);
  const counts = res.counts[f.layer];
  const warnings = [...read.warnings, ...res.warnings];
  const errors = [...read.errors, ...res.errors];
  return { unusable: counts !== null && counts.kept === 0, problems: [...errors, ...warnings], warnings, errors };
}

const text = (p: Problem): string => `${p.file} #${p.index} (${p.id ?? ''}): ${p.reason}`;

/** The checks every broken file must pass, whatever its kind. */
async function expectAnswered(f: BrokenFile): Promise<void> {
  const before = f.bytes.slice();
  const out = await readBroken(f);
  expect(f.bytes, 'the input bytes are not changed').toEqual(before);
  const mine = (ps: Problem[]) => ps.filter((p) => p.file === f.name && f.mentions.every((m) => text(p).includes(m)));
  const context = `${f.kind} ${f.name}: ${f.note}\n${out.problems.map(text).join('\n')}`;
  if (f.expect === 'error') {
    expect(out.unusable, context).toBe(true);
    expect(mine(out.errors), context).not.toEqual([]);
  } else if (f.expect === 'warning') {
    expect(out.unusable, context).toBe(false);
    expect(mine(out.warnings), context).not.toEqual([]);
  } else {
    expect(mine(out.problems), context).not.toEqual([]);
  }
  for (const p of out.problems) expect(p.reason, context).not.toMatch(/but-unzip~|undefined|\[object/);
}

const seeds = (kind: BrokenKind, runs: number) =>
  it(`${kind}: every seeded file is answered, naming the file (${runs} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 1_000_000 }), (seed) => expectAnswered(brokenFile(kind, seed))),
      { numRuns: runs, seed: 12, endOnFailure: true },
    );
  });

describe('broken input, kind by kind (seeded corpus)', () => {
  for (const kind of BROKEN_KINDS) seeds(kind, kind === 'csv-sparse' || kind === 'settings-categories' ? 6 : 25);
});

describe('zips', () => {
  const valid = () => {
    const ring: [number, number][] = [
      [121.55, 29.87],
      [121.551, 29.87],
      [121.551, 29.871],
      [121.55, 29.871],
      [121.55, 29.87],
    ];
    const l = writeShapefile({
      kind: 'polygon',
      shapes: [[ring]],
      fields: [
        { name: 'pop', type: 'N', length: 6 },
        { name: 'kind', type: 'C', length: 6 },
      ],
      records: [[100, 'urban']],
      encode: (s) => new TextEncoder().encode(s),
    });
    return zipStore([
      { name: 'c.shp', data: l.shp },
      { name: 'c.shx', data: l.shx },
      { name: 'c.dbf', data: l.dbf },
    ]);
  };

  it('names an unsupported compression method and the entry instead of crashing', async () => {
    const f = brokenFile('zip-method', 3);
    const r = await readLayerFile(f.name, f.bytes);
    const all = [...r.errors, ...r.warnings].map(text).join('\n');
    expect(all).toMatch(/cannot be unzipped: it uses a compression method other than "stored" or "deflate"/);
  });

  it('never throws on any byte edit or truncation of a valid zipped Shapefile, and names the file', async () => {
    const zip = valid();
    const edit = fc.record({
      cut: fc.nat({ max: zip.length }),
      changes: fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ cut, changes }) => {
        const bytes = zip.slice(0, zip.length - cut);
        for (const [i, b] of changes) if (i < bytes.length) bytes[i] = b;
        const copy = bytes.slice();
        const r = await readLayerFile('edited.zip', bytes);
        expect(bytes).toEqual(copy);
        for (const p of [...r.errors, ...r.warnings]) expect(p.file).toBe('edited.zip');
        if (!r.features) expect(r.errors.some((e) => e.index === -1)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('.dbf header checks', () => {
  it('reads a record count the bytes can hold, and refuses headers that cannot be right', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 300 }),
        (claimed, held, recLen) => {
          const headerLen = 65;
          const dbf = new Uint8Array(headerLen + held * recLen + 1);
          const v = new DataView(dbf.buffer);
          v.setUint32(4, claimed, true);
          v.setUint16(8, headerLen, true);
          v.setUint16(10, recLen, true);
          const copy = dbf.slice();
          const c = checkDbfHeader(dbf);
          expect(dbf).toEqual(copy);
          if ('error' in c) throw new Error(c.error);
          const fit = Math.floor((held * recLen + 1) / recLen);
          expect(c.records).toBe(Math.min(claimed, fit));
          expect(new DataView(c.dbf.buffer, c.dbf.byteOffset).getUint32(4, true)).toBe(c.records);
          expect(c.note !== null).toBe(claimed > fit);
        },
      ),
    );
    expect(checkDbfHeader(new Uint8Array(10))).toHaveProperty('error');
    const zeroLen = new Uint8Array(100);
    new DataView(zeroLen.buffer).setUint16(8, 65, true);
    expect(checkDbfHeader(zeroLen)).toEqual({ error: 'the header gives a record length of 0' });
  });
});

describe('sparse and oversized text files', () => {
  it('refuses a CSV with more cells than the limit before parsing it', async () => {
    const bytes = new Uint8Array(MAX_CSV_CELLS + 100).fill(0x2c);
    bytes.set(new TextEncoder().encode('lon,lat\n1,2\n'));
    const r = await readLayerFile('commas.csv', bytes);
    expect(r.features).toBeNull();
    expect(r.errors.map(text).join('\n')).toMatch(/^commas\.csv .*more than 20,000,000 cells/);
  });

  it('refuses a file over the size limit, naming it and the limit', async () => {
    const r = await readLayerFile('big.geojson', new TextEncoder().encode('{"type":"FeatureCollection","features":[]}     '), {
      maxBytes: 40,
    });
    expect(r.features).toBeNull();
    expect(r.errors).toEqual([
      { file: 'big.geojson', index: -1, reason: expect.stringMatching(/more than the 0\.000 MiB a layer may have/) },
    ]);
  });
});

describe('settings', () => {
  it('null, [] and too many categories are errors naming the settings file', () => {
    expect(parseSettingsText('null', 's.json').errors).toEqual([
      { file: 's.json', index: -1, reason: expect.stringContaining('holds null') },
    ]);
    expect(parseSettingsText('{"categories": []}', 's.json').errors).toEqual([
      { file: 's.json', index: -1, reason: expect.stringMatching(/^categories: is empty/) },
    ]);
    const many = (n: number) =>
      JSON.stringify({ categories: Array.from({ length: n }, (_, i) => ({ id: `c${i}`, thresholdMinutes: { urban: 15, rural: 15 } })) });
    expect(parseSettingsText(many(SETTINGS_LIMITS.maxCategories + 1), 's.json').value).toBeNull();
    const preset = SETTINGS.categories.length;
    expect(parseSettingsText(many(SETTINGS_LIMITS.maxCategories - preset), 's.json').value?.categories).toHaveLength(
      SETTINGS_LIMITS.maxCategories,
    );
    expect(parseSettingsText(many(SETTINGS_LIMITS.maxCategories - preset + 1), 's.json').errors[0]?.reason).toMatch(
      /more than the 64 allowed/,
    );
  });
});

describe('valid real data stays quiet', () => {
  it('north Bayreuth gives no polygon, encoding or walkability warning', async () => {
    const warnings: Problem[] = [];
    for (const name of ['communities.geojson', 'roads.geojson', 'facilities.geojson']) {
      const r = await readLayerFile(name, new Uint8Array(readFileSync(resolve(NORTH_BAYREUTH, name))));
      warnings.push(...r.warnings);
      const res = loadDataset(
        {
          facilities: { features: [], file: 'f' },
          communities: name === 'communities.geojson' ? { features: r.features!, file: name } : { features: [], file: 'c' },
          ...(name === 'roads.geojson' ? { roads: { features: r.features!, file: name } } : {}),
        },
        SETTINGS,
      );
      warnings.push(...res.warnings);
    }
    expect(warnings.map(text).filter((t) => /crosses|no area|outside the outer|neither UTF-8|no walkable|may be walked/.test(t))).toEqual(
      [],
    );
  });
});

describe('zip bombs', () => {
  it('stops unzipping an entry past the size limit and names it', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const big = new Uint8Array(5_000_000);
    const zip = zipStore([{ name: 'bomb.shp', data: big, method: 8, stored: new Uint8Array(deflateRawSync(big)) }]);
    const r = await readZippedShapefile(zip, 'bomb.zip', { maxEntryBytes: 1_000_000 });
    expect(r.errors).toEqual([
      { file: 'bomb.zip', index: -1, reason: 'bomb: layer skipped: entry "bomb.shp" cannot be unzipped: it unzips to more than 1 MiB' },
    ]);
    expect(r.value).toEqual([]);
  });
});

describe('any bytes under any name', () => {
  it('readLayerFile answers every byte string as .csv, .zip or .geojson without throwing, naming the file', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.string({ maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
      fc
        .array(fc.constantFrom('lon', 'lat', ',', '\n', '\r', '"', '0', '1.5', '\u0000', '\u00ff', '经度', ';', '\t', 'PK\u0005\u0006'), {
          maxLength: 80,
        })
        .map((xs) => new TextEncoder().encode(xs.join(''))),
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('x.csv', 'x.zip', 'x.geojson', 'x'), async (b, name) => {
        const copy = b.slice();
        const r = await readLayerFile(name, b);
        expect(b).toEqual(copy);
        for (const p of [...r.errors, ...r.warnings]) expect(p.file).toBe(name);
        if (!r.features) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
