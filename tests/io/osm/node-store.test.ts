import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/engine/prng';
import { NodeStore } from '../../../src/io/osm/node-store';
import { scanOsm } from '../../../src/io/osm/scan-osm';

const PBF = new Uint8Array(readFileSync(resolve(__dirname, '../../fixtures/real/osm/north-bayreuth.osm.pbf')));

describe('NodeStore (id → index table of the needed nodes)', () => {
  it('gives the same indices as a Map (oracle) for runs of consecutive ids, grid strides, ids past 2^32 and negative ids', () => {
    const rand = mulberry32(7);
    const store = new NodeStore();
    const oracle = new Map<number, number>();
    const add = (id: number): void => {
      if (!oracle.has(id)) oracle.set(id, oracle.size);
      expect(store.add(id)).toBe(oracle.get(id));
    };
    // runs of consecutive ids with gaps, as in an extract
    let id = 1;
    for (let run = 0; run < 2000; run++) {
      const len = 1 + Math.floor(rand() * 40);
      for (let k = 0; k < len; k++) add(id++);
      id += Math.floor(rand() * 5000);
    }
    // a grid's columns (stride 1024) revisit ids already added
    for (let c = 0; c < 50; c++) for (let r = 0; r < 60; r++) add(1 + c + r * 1024);
    // ids of today's OSM (past 2^32) and of unsaved editor data (negative)
    for (let k = 0; k < 3000; k++) add(12_000_000_000 + Math.floor(rand() * 1e6));
    for (let k = 1; k <= 500; k++) add(-k);
    expect(store.size).toBe(oracle.size);
    store.seal();
    for (const [k, v] of oracle) expect(store.indexOf(k)).toBe(v);
    // ids never added, near and far from the added ones
    for (const k of [0, id + 1, 2 ** 32, 2 ** 32 + 1, 12_000_000_000 - 1, -501, 2 ** 52]) {
      if (!oracle.has(k)) expect(store.indexOf(k)).toBe(-1);
    }
    expect(store.lon.length).toBe(oracle.size);
    expect(store.has(0)).toBe(false); // no coordinates until the node is seen
    store.lon[0] = 11.5;
    expect(store.has(0)).toBe(true);
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
