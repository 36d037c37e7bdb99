/**
 * A seeded generator of broken input files, one kind at a time, as a careless or hostile user would
 * give them: zips with odd compression, corrupt or cut short; .dbf headers that lie; sparse CSVs;
 * settings that are null, empty or huge; names in no known encoding; invalid polygons; roads no one
 * may walk. Every file is near the grid-3x3 fixture (Ningbo) so it can stand in for one layer of it.
 */
import { deflateRawSync } from 'node:zlib';
import { mulberry32 } from '../../../src/engine/prng';
import { writeShapefile, type DbfField } from './shapefile-writer';
import { zipStore } from './zip-store';

/** The kinds of broken input. */
export const BROKEN_KINDS = [
  'zip-method',
  'zip-deflate',
  'zip-truncated',
  'dbf-count',
  'csv-sparse',
  'settings-categories',
  'names-undecodable',
  'polygon-invalid',
  'roads-motorway',
] as const;
export type BrokenKind = (typeof BROKEN_KINDS)[number];

/** One broken file and what a user must be told about it. */
export interface BrokenFile {
  kind: BrokenKind;
  /** The layer (or the settings) it stands in for. */
  layer: 'facilities' | 'communities' | 'roads' | 'settings';
  name: string;
  bytes: Uint8Array;
  /** `error`: unusable, a whole-file error; `warning`: read, with a warning; `either`: one of the two. */
  expect: 'error' | 'warning' | 'either';
  /** Text the problem must contain besides the file name (e.g. the zip entry, the feature index). */
  mentions: string[];
  /** What was broken, for failure messages. */
  note: string;
}

type XY = [number, number];
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const CENTRE: XY = [121.552, 29.872];
const FIELDS: DbfField[] = [
  { name: 'id', type: 'C', length: 12 },
  { name: 'pop', type: 'N', length: 10, decimals: 0 },
  { name: 'kind', type: 'C', length: 8 },
];

/** Seeded square communities (about 150 m) around the fixture's centre. */
function squares(rand: () => number, n: number): { id: string; pop: number; kind: string; ring: XY[] }[] {
  return Array.from({ length: n }, (_, i) => {
    const x = CENTRE[0] + (rand() - 0.5) * 0.01;
    const y = CENTRE[1] + (rand() - 0.5) * 0.01;
    const d = 0.0008 + rand() * 0.0008;
    return {
      id: `K${i}`,
      pop: 100 + Math.floor(rand() * 3000),
      kind: rand() < 0.7 ? 'urban' : 'rural',
      ring: [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
        [x, y],
      ],
    };
  });
}

function communityShapefile(rand: () => number, n: number): { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array } {
  const cs = squares(rand, n);
  return writeShapefile({
    kind: 'polygon',
    shapes: cs.map((c) => [c.ring]),
    fields: FIELDS,
    records: cs.map((c) => [c.id, c.pop, c.kind]),
    encode: utf8,
  });
}

const PRJ_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

function layerEntries(
  layer: { shp: Uint8Array; shx: Uint8Array; dbf: Uint8Array },
  base = 'communities',
): { name: string; data: Uint8Array }[] {
  return [
    { name: `${base}.shp`, data: layer.shp },
    { name: `${base}.shx`, data: layer.shx },
    { name: `${base}.dbf`, data: layer.dbf },
    { name: `${base}.prj`, data: utf8(PRJ_WGS84) },
    { name: `${base}.cpg`, data: utf8('UTF-8') },
  ];
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

function featureCollection(features: unknown[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Replace the ASCII marker in `text` with raw bytes (so they can be anything, not only UTF-8). */
function spliceBytes(text: string, marker: string, raw: Uint8Array): Uint8Array {
  const parts = text.split(marker).map(utf8);
  const size = parts.reduce((s, p) => s + p.length, 0) + raw.length * (parts.length - 1);
  const out = new Uint8Array(size);
  let o = 0;
  parts.forEach((p, i) => {
    if (i > 0) {
      out.set(raw, o);
      o += raw.length;
    }
    out.set(p, o);
    o += p.length;
  });
  return out;
}

/**
 * One broken file of a kind; the same kind and seed always give the same bytes.
 * @param kind what is broken
 * @param seed any integer
 */
export function brokenFile(kind: BrokenKind, seed: number): BrokenFile {
  const rand = mulberry32(seed * 7919 + BROKEN_KINDS.indexOf(kind));
  const n = 3 + Math.floor(rand() * 20);
  switch (kind) {
    case 'zip-method': {
      const entries = layerEntries(communityShapefile(rand, n));
      const which = pick(rand, ['shp', 'dbf', 'prj', 'cpg']);
      const method = pick(rand, [1, 6, 9, 12, 14, 19, 95, 98, 99]);
      const zip = zipStore(entries.map((e) => (e.name.endsWith(`.${which}`) ? { ...e, method } : e)));
      return {
        kind,
        layer: 'communities',
        name: `method-${method}-${seed}.zip`,
        bytes: zip,
        expect: which === 'shp' ? 'error' : 'either',
        mentions: [`communities.${which}`],
        note: `.${which} entry with compression method ${method}`,
      };
    }
    case 'zip-deflate': {
      const entries = layerEntries(communityShapefile(rand, n));
      const which = pick(rand, ['shp', 'dbf']);
      const how = pick(rand, ['bad block type', 'cut short']);
      const zip = zipStore(
        entries.map((e) => {
          let stored: Uint8Array = new Uint8Array(deflateRawSync(e.data));
          if (e.name.endsWith(`.${which}`)) {
            stored = stored.slice();
            if (how === 'bad block type') stored[0] = (stored[0] as number) | 0x06;
            else stored = stored.subarray(0, Math.floor(stored.length * rand() * 0.9));
          }
          return { ...e, method: 8, stored };
        }),
      );
      return {
        kind,
        layer: 'communities',
        name: `deflate-${seed}.zip`,
        bytes: zip,
        expect: which === 'shp' ? 'error' : 'either',
        mentions: [`communities.${which}`],
        note: `.${which} deflate stream: ${how}`,
      };
    }
    case 'zip-truncated': {
      const deflate = rand() < 0.5;
      const entries = layerEntries(communityShapefile(rand, n)).map((e) =>
        deflate ? { ...e, method: 8, stored: new Uint8Array(deflateRawSync(e.data)) } : e,
      );
      const zip = zipStore(entries);
      const cut = 1 + Math.floor(rand() * (zip.length - 1));
      return {
        kind,
        layer: 'communities',
        name: `truncated-${seed}.zip`,
        bytes: zip.slice(0, zip.length - cut),
        expect: 'error',
        mentions: ['truncated'],
        note: `${deflate ? 'deflated' : 'stored'} zip without its last ${cut} bytes`,
      };
    }
    case 'dbf-count': {
      const layer = communityShapefile(rand, n);
      const claimed = pick(rand, [1e9, 2 ** 32 - 1, n + 1 + Math.floor(rand() * 1e6)]);
      const dbf = layer.dbf.slice();
      new DataView(dbf.buffer).setUint32(4, claimed, true);
      return {
        kind,
        layer: 'communities',
        name: `dbf-count-${seed}.zip`,
        bytes: zipStore(layerEntries({ ...layer, dbf })),
        expect: 'warning',
        mentions: [String(claimed), String(n)],
        note: `.dbf header claims ${claimed} records, holds ${n}`,
      };
    }
    case 'csv-sparse': {
      const how = pick(rand, ['nul', 'newlines', 'nul-tail']);
      const head = utf8('id,name,category,lon,lat\nF1,诊所,clinic,121.55,29.87\n');
      const size = how === 'newlines' ? 2_100_000 + Math.floor(rand() * 400_000) : 1000 + Math.floor(rand() * 100_000);
      const bytes = new Uint8Array(head.length + size).fill(how === 'newlines' ? 0x0a : 0);
      if (how === 'nul')
        bytes.set(head, size); // NULs first, then the table
      else bytes.set(head, 0);
      return {
        kind,
        layer: 'facilities',
        name: `sparse-${seed}.csv`,
        bytes,
        expect: 'error',
        mentions: [how === 'newlines' ? 'lines' : 'NUL'],
        note: `${size} ${how === 'newlines' ? 'newlines' : 'NUL bytes'} (${how})`,
      };
    }
    case 'settings-categories': {
      const how = pick(rand, ['null', 'empty', 'many']);
      const count = 65 + Math.floor(rand() * 100_000);
      const text =
        how === 'null'
          ? 'null'
          : how === 'empty'
            ? '{"categories": []}'
            : JSON.stringify({
                categories: Array.from({ length: count }, (_, i) => ({ id: `c${i}`, thresholdMinutes: { urban: 15, rural: 20 } })),
              });
      return {
        kind,
        layer: 'settings',
        name: `settings-${seed}.json`,
        bytes: utf8(text),
        expect: 'error',
        mentions: [how === 'null' ? 'null' : 'categories'],
        note: how === 'many' ? `${count} categories` : text,
      };
    }
    case 'names-undecodable': {
      const cs = squares(rand, n);
      const bad = Math.floor(rand() * n);
      const raw = pick(rand, [[0xff], [0xff, 0xff], [0x81, 0x7f, 0xff], [0xfe, 0xff, 0x41]]);
      const format = rand();
      if (format < 0.25) {
        const layer = writeShapefile({
          kind: 'polygon',
          shapes: cs.map((c) => [c.ring]),
          fields: [...FIELDS, { name: 'name', type: 'C', length: 20 }],
          records: cs.map((c, i) => [c.id, c.pop, c.kind, i === bad ? 'MARK' : `Community ${i}`]),
          encode: (t) => (t === 'MARK' ? new Uint8Array(raw) : utf8(t)),
        });
        const entries = layerEntries(layer).map((e) => (e.name.endsWith('.cpg') ? { ...e, data: utf8('GBK') } : e));
        return {
          kind,
          layer: 'communities',
          name: `names-${seed}.zip`,
          bytes: zipStore(entries),
          expect: 'warning',
          mentions: [`K${bad}`],
          note: `.dbf (GBK) record ${bad}'s name holds bytes ${raw.map((b) => b.toString(16)).join(' ')}`,
        };
      }
      if (format < 0.6) {
        const rows = cs.map((c, i) => `F${i},${i === bad ? 'MARK\\u0001' : `Clinic ${i}`},clinic,${c.ring[0]![0]},${c.ring[0]![1]}`);
        const csv = spliceBytes(`id,name,category,lon,lat\n${rows.join('\n')}\n`, 'MARK\\u0001', new Uint8Array(raw));
        return {
          kind,
          layer: 'facilities',
          name: `names-${seed}.csv`,
          bytes: csv,
          expect: 'warning',
          mentions: [`F${bad}`],
          note: `row ${bad}'s name holds bytes ${raw.map((b) => b.toString(16)).join(' ')}`,
        };
      }
      const text = featureCollection(
        cs.map((c, i) => ({
          type: 'Feature',
          properties: { id: c.id, name: i === bad ? 'MARK\u0001' : `Community ${i}`, population: c.pop, kind: c.kind },
          geometry: { type: 'Polygon', coordinates: [c.ring] },
        })),
      );
      return {
        kind,
        layer: 'communities',
        name: `names-${seed}.geojson`,
        bytes: spliceBytes(text, 'MARK\\u0001', new Uint8Array(raw)),
        expect: 'warning',
        mentions: [`K${bad}`],
        note: `feature ${bad}'s name holds bytes ${raw.map((b) => b.toString(16)).join(' ')}`,
      };
    }
    case 'polygon-invalid': {
      const cs = squares(rand, n);
      const bad = Math.floor(rand() * n);
      const how = pick(rand, ['bow-tie', 'zero-area', 'hole-outside']);
      const c = cs[bad]!;
      const [[x, y], [x1], , [, y1]] = c.ring as [XY, XY, XY, XY, XY];
      const d = x1 - x;
      const rings: XY[][] =
        how === 'bow-tie'
          ? [
              [
                [x, y],
                [x1, y1],
                [x1, y],
                [x, y1],
                [x, y],
              ],
            ]
          : how === 'zero-area'
            ? [
                [
                  [x, y],
                  [x + d / 2, y + d / 2],
                  [x1, y1],
                  [x, y],
                ],
              ]
            : [
                c.ring,
                [
                  [x1 + d, y],
                  [x1 + d, y1],
                  [x1 + 2 * d, y1],
                  [x1 + 2 * d, y],
                  [x1 + d, y],
                ],
              ];
      const text = featureCollection(
        cs.map((cc, i) => ({
          type: 'Feature',
          properties: { id: cc.id, name: `社区${i}`, population: cc.pop, kind: cc.kind },
          geometry: { type: 'Polygon', coordinates: i === bad ? rings : [cc.ring] },
        })),
      );
      return {
        kind,
        layer: 'communities',
        name: `polygons-${seed}.geojson`,
        bytes: utf8(text),
        expect: 'warning',
        mentions: [`K${bad}`, how === 'bow-tie' ? 'crosses itself' : how === 'zero-area' ? 'no area' : 'outside'],
        note: `feature ${bad} ${how}`,
      };
    }
    case 'roads-motorway': {
      const tags = ['motorway', 'motorway_link', 'trunk', 'trunk_link'];
      const lines = Array.from({ length: n }, () => {
        const x = CENTRE[0] + (rand() - 0.5) * 0.01;
        const y = CENTRE[1] + (rand() - 0.5) * 0.01;
        return {
          type: 'Feature',
          properties: { highway: pick(rand, tags) },
          geometry: {
            type: 'LineString',
            coordinates: [
              [x, y],
              [x + 0.002, y + (rand() - 0.5) * 0.002],
            ],
          },
        };
      });
      return {
        kind,
        layer: 'roads',
        name: `motorways-${seed}.geojson`,
        bytes: utf8(featureCollection(lines)),
        expect: 'warning',
        mentions: ['may be walked'],
        note: `${n} motor roads`,
      };
    }
  }
}

/** `perKind` broken files of every kind, seeds `seed`, `seed + 1`, …. */
export function brokenCorpus(seed: number, perKind: number): BrokenFile[] {
  return BROKEN_KINDS.flatMap((kind) => Array.from({ length: perKind }, (_, i) => brokenFile(kind, seed + i)));
}
