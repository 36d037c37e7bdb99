/**
 * A seeded street grid written straight to OSM PBF (pbf + fflate, no osmium): `side × side` nodes
 * 0.0005° apart, rows and columns cut into ways of 20 segments, each with a `highway` value drawn
 * from a walkable-heavy list. Same shape as the bench's synthetic grid (scripts/bench-osm.ts).
 */
import { PbfWriter } from 'pbf';
import { osmHeaderBlock, pbfFile, zlibBlob } from '../helpers/osm-pbf';
import { mulberry32 } from '../../src/engine/prng';

const HIGHWAYS = ['residential', 'footway', 'service', 'tertiary', 'track', 'motorway', 'path'];
const PER_BLOCK = 8000;

function primitiveBlock(strings: string[], group: (p: PbfWriter) => void): Uint8Array {
  const p = new PbfWriter();
  p.writeMessage(1, (s: string[], w) => s.forEach((t) => w.writeStringField(1, t)), strings);
  p.writeMessage(2, (_: null, w) => group(w), null);
  return p.finish();
}

/** The PBF bytes of a grid of `side × side` nodes and its row and column ways. */
export function syntheticGridPbf(side: number, seed = 42): { bytes: Uint8Array; elements: number } {
  const rand = mulberry32(seed);
  const blobs: [string, Uint8Array][] = [['OSMHeader', zlibBlob(osmHeaderBlock())]];
  let elements = 0;
  const n = side * side;
  for (let first = 0; first < n; first += PER_BLOCK) {
    const ids: number[] = [];
    const lats: number[] = [];
    const lons: number[] = [];
    let prev = [0, 0, 0];
    for (let i = first; i < Math.min(n, first + PER_BLOCK); i++) {
      const r = Math.floor(i / side);
      const c = i % side;
      const v = [i + 1, Math.round((39 + r * 0.0005 + rand() * 1e-5) * 1e7), Math.round((116 + c * 0.0005 + rand() * 1e-5) * 1e7)];
      ids.push(v[0]! - prev[0]!);
      lats.push(v[1]! - prev[1]!);
      lons.push(v[2]! - prev[2]!);
      prev = v;
      elements++;
    }
    const block = primitiveBlock([''], (g) =>
      g.writeMessage(
        2,
        (_: null, d) => {
          d.writePackedSVarint(1, ids);
          d.writePackedSVarint(8, lats);
          d.writePackedSVarint(9, lons);
        },
        null,
      ),
    );
    blobs.push(['OSMData', zlibBlob(block)]);
  }
  const ways: { id: number; refs: number[]; hw: number }[] = [];
  let wayId = 1;
  for (let r = 0; r < side; r++) {
    for (let c0 = 0; c0 + 1 < side; c0 += 20) {
      const hw = Math.floor(rand() * HIGHWAYS.length);
      const row: number[] = [];
      const col: number[] = [];
      for (let c = c0; c <= Math.min(side - 1, c0 + 20); c++) {
        row.push(r * side + c + 1);
        col.push(c * side + r + 1);
      }
      ways.push({ id: wayId++, refs: row, hw }, { id: wayId++, refs: col, hw });
    }
  }
  const strings = ['', 'highway', ...HIGHWAYS];
  for (let first = 0; first < ways.length; first += PER_BLOCK) {
    const block = primitiveBlock(strings, (g) => {
      for (const w of ways.slice(first, first + PER_BLOCK)) {
        g.writeMessage(
          3,
          (_: null, p) => {
            p.writeVarintField(1, w.id);
            p.writePackedVarint(2, [1]);
            p.writePackedVarint(3, [2 + w.hw]);
            p.writePackedSVarint(
              8,
              w.refs.map((ref, i) => ref - (i > 0 ? w.refs[i - 1]! : 0)),
            );
          },
          null,
        );
        elements++;
      }
    });
    blobs.push(['OSMData', zlibBlob(block)]);
  }
  return { bytes: pbfFile(blobs), elements };
}
