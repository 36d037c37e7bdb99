import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectOsmFormat } from '../../../src/io/osm/detect-format';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { importOsm } from '../../../src/io/osm/import-osm';
import { readRoads } from '../../../src/io/read-roads';
import { scanOsm } from '../../../src/io/osm/scan-osm';
import { osmRefusal, pbfBomb } from '../../helpers/osm-pbf';

const OSM = resolve(__dirname, '../../fixtures/real/osm');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(OSM, name)));
const PBF = bytesOf('north-bayreuth.osm.pbf');
const GZ = bytesOf('north-bayreuth.osm.gz');

function counts(bytes: Uint8Array): { nodes: number; ways: number; relations: number; tagged: number; refs: number } {
  const c = { nodes: 0, ways: 0, relations: 0, tagged: 0, refs: 0 };
  scanOsm(bytes, {
    node: (_id, _lon, _lat, tags) => {
      c.nodes++;
      if (tags) c.tagged++;
    },
    way: (_id, refs) => {
      c.ways++;
      c.refs += refs.length;
    },
    relation: () => c.relations++,
  });
  return c;
}

describe('OSM readers', () => {
  it('PBF and gzipped XML of north Bayreuth hold the elements osmium counts (58,631 nodes, 7,801 ways, 179 relations)', () => {
    const a = counts(PBF);
    const b = counts(GZ);
    expect(a).toMatchObject({ nodes: 58631, ways: 7801, relations: 179 });
    expect(b).toEqual(a);
    expect(a.tagged).toBeGreaterThan(0);
  });

  it('detects the encoding by content, whatever the name', () => {
    expect(detectOsmFormat(PBF)).toBe('pbf');
    expect(detectOsmFormat(GZ)).toBe('xml-gz');
    expect(detectOsmFormat(gunzipSync(GZ))).toBe('xml');
  });

  it('refuses files that are not OSM, saying what they are', () => {
    const geojson = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    expect(osmRefusal(() => detectOsmFormat(geojson))).toMatch(/GeoJSON, not an OpenStreetMap extract/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(osmRefusal(() => detectOsmFormat(png))).toMatch(/a PNG image/);
    expect(osmRefusal(() => detectOsmFormat(new Uint8Array(0)))).toMatch(/empty/);
    expect(osmRefusal(() => importOsm(geojson, { file: 'roads.osm.pbf', categories: [] }))).toMatch(/^roads\.osm\.pbf: this is GeoJSON/);
  });

  it('refuses a truncated PBF and a wrong magic number', () => {
    expect(osmRefusal(() => scanOsm(PBF.subarray(0, Math.floor(PBF.length / 2)), {}))).toMatch(/truncated/);
    const bad = PBF.slice();
    bad[4 + 2] = 0x58; // "OSMHeader" → "XSMHeader"
    expect(osmRefusal(() => scanOsm(bad, {}, {}, 'pbf'))).toMatch(/not an OSM PBF file/);
    const gzCut = GZ.subarray(0, GZ.length - 5000);
    expect(osmRefusal(() => scanOsm(gzCut, { node: () => {} }))).toMatch(/truncated|corrupt|malformed/);
  });

  it('refuses a blob that claims, or inflates, past the size limit (a decompression bomb)', () => {
    expect(osmRefusal(() => scanOsm(PBF, {}, { maxBlobBytes: 1000 }))).toMatch(/past the limit of 1000/);
    // 64 MiB of zeros that claim to be 100 bytes: never more than the claim (+ 1 byte) held in memory
    const bomb = pbfBomb();
    expect(bomb.length).toBeLessThan(200_000);
    expect(osmRefusal(() => scanOsm(bomb, { node: () => {} }))).toMatch(/inflates past the limit of 100 bytes/);
  });

  it('stops when cancelled', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => scanOsm(PBF, { node: () => {} }, { signal: ac.signal })).toThrow(/abort/i);
    let calls = 0;
    scanOsm(PBF, {}, { onProgress: () => calls++ });
    expect(calls).toBeGreaterThan(1);
  });
});

const xml = (body: string): Uint8Array => new TextEncoder().encode(`<?xml version="1.0"?>\n<osm version="0.6">\n${body}\n</osm>`);
const node = (id: number, lon: number, lat: number, tags = ''): string => `<node id="${id}" lon="${lon}" lat="${lat}">${tags}</node>`;
const tag = (k: string, v: string): string => `<tag k="${k}" v="${v}"/>`;
const way = (id: number, refs: number[], tags: string): string =>
  `<way id="${id}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}${tags}</way>`;

describe('importOsm on small hand-made extracts', () => {
  const nodes = [node(1, 0, 0), node(2, 0.001, 0), node(3, 0.002, 0, tag('barrier', 'wall')), node(4, 0.003, 0), node(5, 0.004, 0)].join(
    '\n',
  );

  it('skips and counts a way whose nodes are missing, and names it', () => {
    const r = importOsm(xml(`${nodes}\n${way(10, [1, 2], tag('highway', 'footway'))}\n${way(11, [2, 99], tag('highway', 'footway'))}`), {
      file: 'x.osm',
      categories: [],
    });
    expect(r.roads.features()).toHaveLength(1);
    expect(r.report.roads.skippedByReason['nodes missing from the file']).toBe(1);
    expect(r.report.problems[0]).toMatch(/^way w11: 1 of its 2 nodes are missing/);
  });

  it('cuts a way at a wall node: nothing joins the two sides there', () => {
    const r = importOsm(xml(`${nodes}\n${way(10, [1, 2, 3, 4, 5], tag('highway', 'path'))}`), { file: 'x.osm', categories: [] });
    const lines = r.roads.features().map((f) => f.geometry.coordinates);
    expect(lines).toEqual([
      [
        [0, 0],
        [0.001, 0],
      ],
      [
        [0.003, 0],
        [0.004, 0],
      ],
    ]);
    expect(r.report.roads.barriers).toEqual({ 'barrier=wall': 1 });
  });

  it('ways meet at the nodes they share (identical vertices, joined by the network builder), not where they only cross', () => {
    const r = importOsm(
      xml(
        `${nodes}\n${node(6, 0.002, 0.001)}\n${node(7, 0.0025, 0.001)}\n${node(8, 0.0025, -0.001)}\n` +
          `${way(10, [1, 2, 4, 5], tag('highway', 'path'))}\n${way(11, [2, 6], tag('highway', 'footway'))}\n` +
          `${way(12, [7, 8], tag('highway', 'footway') + tag('bridge', 'yes'))}`,
      ),
      { file: 'x.osm', categories: [] },
    );
    expect(r.roads.features().map((f) => f.properties?.osm_id)).toEqual(['w10', 'w11', 'w12']);
    const g = buildRoadGraph(readRoads(r.roads.features(), 'x').value);
    // 1,2,4,5 + 6 + 7,8: node 2 shared, the bridge crosses w10 between 4 and 5 without a node
    expect(g.nodeCount).toBe(7);
    const degree = (lon: number, lat: number): number => {
      for (let n = 0; n < g.nodeCount; n++) if (g.nodeLon[n] === lon && g.nodeLat[n] === lat) return g.offsets[n + 1]! - g.offsets[n]!;
      return -1;
    };
    expect(degree(0.001, 0)).toBe(3);
    expect(degree(0.0025, 0.001)).toBe(1);
  });

  it('says so when the extract has no walkable way', () => {
    const msg = osmRefusal(() =>
      importOsm(xml(`${nodes}\n${way(10, [1, 2], tag('highway', 'motorway'))}`), { file: 'm.osm', categories: [] }),
    );
    expect(msg).toMatch(/^m\.osm: no walkable way in the extract \(1 ways read; left out: highway=motorway without foot access: 1\)/);
  });
});
