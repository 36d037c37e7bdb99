import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/engine/prng';
import { NodeStore } from '../../../src/io/osm/node-store';
import { sortIds } from '../../../src/io/osm/radix-sort';
import { scanOsm } from '../../../src/io/osm/scan-osm';

const PBF = new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/real/osm/north-bayreuth.osm.pbf')));

describe('NodeStore (the needed node ids, sorted; index = rank)', () => {
  it('gives the same indices as a sorted list of the distinct ids (oracle) for runs of consecutive ids, grid strides, ids past 2^32 and negative ids', () => {
    const rand = mulberry32(7);
    const refs: number[] = [];
    // runs of consecutive ids with gaps, as in an extract
    let id = 1;
    for (let run = 0; run < 2000; run++) {
      const len = 1 + Math.floor(rand() * 40);
      for (let k = 0; k < len; k++) refs.push(id++);
      id += Math.floor(rand() * 5000);
    }
    // a grid's columns (stride 1024) revisit ids already listed
    for (let c = 0; c < 50; c++) for (let r = 0; r < 60; r++) refs.push(1 + c + r * 1024);
    // ids of today's OSM (past 2^32) and of unsaved editor data (negative)
    for (let k = 0; k < 3000; k++) refs.push(12_000_000_000 + Math.floor(rand() * 1e6));
    for (let k = 1; k <= 500; k++) refs.push(-k);
    const distinct = [...new Set(refs)].sort((a, b) => a - b);
    const rank = new Map(distinct.map((v, i) => [v, i]));
    const out = new Int32Array(refs.length - 700);
    const store = NodeStore.of(Float64Array.from(refs), refs.length, out);
    expect(store.size).toBe(distinct.length);
    expect(Array.from(out)).toEqual(refs.slice(0, out.length).map((v) => rank.get(v)));
    for (const [k, v] of rank) expect(store.indexOf(k)).toBe(v);
    // the node pass: ascending ids, most not needed, then a few out of order
    const asked = [...new Set([...distinct, ...Array.from({ length: 20000 }, () => Math.floor(rand() * (id + 2000)) - 1000)])].sort(
      (a, b) => a - b,
    );
    for (const k of [...asked, 5, -3, 12_000_000_000, 7, 2 ** 52]) expect(store.indexOfAscending(k)).toBe(rank.get(k) ?? -1);
    // ids never listed, near and far from the listed ones
    for (const k of [0, id + 1, 2 ** 32, 2 ** 32 + 1, 12_000_000_000 - 1, -501, 2 ** 52]) {
      if (!rank.has(k)) expect(store.indexOf(k)).toBe(-1);
    }
    expect(store.lon.length).toBe(distinct.length);
    expect(store.has(0)).toBe(false); // no coordinates until the node is seen
    store.lon[0] = 11.5;
    expect(store.has(0)).toBe(true);
  });

  it('sorts ids like a comparison sort (oracle), stably, over ranges up to 2^53', () => {
    const rand = mulberry32(11);
    for (const span of [0, 1, 2000, 2 ** 31, 2 ** 33 + 7, 2 ** 52]) {
      const ids = Array.from({ length: 5000 }, () => Math.floor(rand() * (span + 1)) - Math.floor(span / 2));
      const { sorted, order } = sortIds(Float64Array.from(ids), ids.length);
      const oracle = ids.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(Array.from(sorted)).toEqual(oracle.map((x) => x[0]));
      expect(Array.from(order)).toEqual(oracle.map((x) => x[1]));
    }
  });
});

describe('passes sharing what they learn about the PBF blobs', () => {
  it('read the same elements as independent passes, and record the kinds of every data blob', () => {
    const kinds: number[] = [];
    const seen = (opts: { blobKinds?: number[] }) => {
      const out = { nodes: [] as number[], ways: [] as number[], relations: [] as number[] };
      scanOsm(PBF, { relation: (id) => void out.relations.push(id) }, opts);
      scanOsm(PBF, { way: (id, refs) => void out.ways.push(id, refs.length) }, opts);
      scanOsm(PBF, { node: (id, lon, lat) => void out.nodes.push(id, lon, lat) }, opts);
      return out;
    };
    const shared = seen({ blobKinds: kinds });
    const alone = seen({});
    expect(shared).toEqual(alone);
    expect(alone.relations.length).toBe(179);
    expect(alone.ways.length / 2).toBe(7801);
    expect(alone.nodes.length / 3).toBe(58631);
    // every data blob (index 0 is the header) holds some kind, and all three kinds occur
    const data = kinds.slice(1);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((k) => k > 0 && k < 8)).toBe(true);
    expect(data.reduce((a, k) => a | k, 0)).toBe(7);
  });
});
