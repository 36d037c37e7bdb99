import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { parseGeoJsonText } from '../../src/io/geojson-parse';
import { lineColumn, locateJsonError, scanJson } from '../../src/io/json-error-location';

const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const pt = { type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [121.5, 29.9] } };

/** A random JSON value of nested objects/arrays/strings/numbers/literals; strings avoid quotes and backslashes. */
function randomJson(rand: () => number, depth = 0): unknown {
  const r = rand();
  if (depth < 4 && r < 0.25) return Array.from({ length: Math.floor(rand() * 4) }, () => randomJson(rand, depth + 1));
  if (depth < 4 && r < 0.5) {
    return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, (_, i) => [`k${i}名`, randomJson(rand, depth + 1)]));
  }
  if (r < 0.65) return `s${Math.floor(rand() * 1000)} 宁波`;
  if (r < 0.8) return Math.round((rand() - 0.5) * 1e6) / 100;
  return [true, false, null][Math.floor(rand() * 3)];
}

describe('parseGeoJsonText', () => {
  it('reads a FeatureCollection, a single Feature and a bare geometry', () => {
    expect(parseGeoJsonText(fc([pt, pt]), 'a.geojson').value).toHaveLength(2);
    expect(parseGeoJsonText(JSON.stringify(pt), 'a.geojson').value).toEqual([pt]);
    const g = parseGeoJsonText(JSON.stringify(pt.geometry), 'a.geojson');
    expect(g.value).toEqual([{ type: 'Feature', geometry: pt.geometry, properties: {} }]);
    expect(g.errors).toEqual([]);
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = parseGeoJsonText(`\uFEFF${fc([pt])}`, 'bom.geojson');
    expect(r.errors).toEqual([]);
    expect(r.value).toHaveLength(1);
  });

  it('rejects an empty file, non-GeoJSON JSON and TopoJSON with a whole-file error', () => {
    for (const [text, words] of [
      ['', 'empty'],
      ['  \n\t ', 'empty'],
      ['[1,2]', 'array'],
      ['42', 'not GeoJSON'],
      ['{"type":"Foo"}', '"Foo"'],
      ['{"type":"FeatureCollection"}', 'features'],
      ['{"type":"FeatureCollection","features":{}}', 'features'],
      ['{"type":"Topology","objects":{}}', 'TopoJSON'],
    ] as const) {
      const r = parseGeoJsonText(text, 'x.json');
      expect(r.value, text).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]?.file).toBe('x.json');
      expect(r.errors[0]?.index).toBe(-1);
      expect(r.errors[0]?.reason).toContain(words);
    }
  });

  it('warns about a legacy crs that is not WGS84, accepts CRS84', () => {
    const crs = (name: string) => JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [] });
    expect(parseGeoJsonText(crs('urn:ogc:def:crs:OGC:1.3:CRS84'), 'a').warnings).toEqual([]);
    const w = parseGeoJsonText(crs('urn:ogc:def:crs:EPSG::4547'), 'a').warnings;
    expect(w).toHaveLength(1);
    expect(w[0]?.reason).toContain('EPSG::4547');
  });

  it('gives line and column of a JSON syntax error', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature", }\n  ]\n}';
    const r = parseGeoJsonText(text, 'broken.geojson');
    expect(r.value).toBeNull();
    // the "}" after the trailing comma: line 4, column 26
    expect(r.errors[0]).toMatchObject({ file: 'broken.geojson', index: -1, line: 4, column: 26 });
    expect(r.errors[0]?.reason).toContain('line 4, column 26');
  });

  it('counts the column after a BOM from the first real character, and lines across \\r\\n', () => {
    const r = parseGeoJsonText('\uFEFF{\r\n"type": x}', 'crlf.geojson');
    expect(r.errors[0]).toMatchObject({ line: 2, column: 9 });
  });

  it('locates a stray character inserted between tokens of random JSON exactly (seeded oracle)', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 300; trial++) {
      const text = JSON.stringify(randomJson(rand), null, 2);
      const lines = text.split('\n');
      const lineIndex = Math.floor(rand() * lines.length);
      const line = lines[lineIndex] as string;
      const indent = line.length - line.trimStart().length;
      const col = Math.floor(rand() * (indent + 1)); // inside the indentation: between tokens
      const bad = [...lines.slice(0, lineIndex), `${line.slice(0, col)}#${line.slice(col)}`, ...lines.slice(lineIndex + 1)].join('\n');
      expect(() => JSON.parse(bad)).toThrow();
      const loc = locateJsonError(bad);
      expect({ line: loc.line, column: loc.column }, bad).toEqual({ line: lineIndex + 1, column: col + 1 });
    }
  });

  it('agrees with V8 wherever V8 reports a position, and accepts exactly what JSON.parse accepts', () => {
    const rand = mulberry32(11);
    const mutations = ['', ',', '}', ']', '"', ':', 'x', '0', '-', '.', 'e', '\\', ' ', '\u0001', '[', '{'];
    let compared = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const text = JSON.stringify(randomJson(rand));
      const at = Math.floor(rand() * (text.length + 1));
      const m = mutations[Math.floor(rand() * mutations.length)] as string;
      const del = rand() < 0.5 ? 1 : 0;
      const bad = text.slice(0, at) + m + text.slice(at + del);
      let message: string | null = null;
      try {
        JSON.parse(bad);
      } catch (e) {
        message = (e as Error).message;
      }
      const scanned = scanJson(bad);
      expect(scanned === null, bad).toBe(message === null);
      const pos = message ? /at position (\d+)/.exec(message) : null;
      if (pos && scanned) {
        expect(scanned.offset, `${bad} — ${message}`).toBe(Number(pos[1]));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('falls back on the engine message when the scan finds nothing', () => {
    expect(locateJsonError('{}', 'Unexpected token at line 3 column 4')).toMatchObject({ line: 3, column: 4 });
    expect(locateJsonError('[1,\n22]', 'bad thing at position 5')).toMatchObject({ offset: 5, line: 2, column: 2 });
    expect(lineColumn('a\r\nb\rc', 6)).toEqual({ offset: 6, line: 3, column: 2 });
  });
});
