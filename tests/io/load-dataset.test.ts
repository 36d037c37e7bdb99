import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/engine/model';
import { mulberry32 } from '../../src/engine/prng';
import { NINGBO } from '../../src/engine/presets';
import { deepFreeze } from '../helpers/fixtures';
import { loadDataset } from '../../src/io/load-dataset';
import { parseSettingsText } from '../../src/io/settings';
import { NORTH_BAYREUTH } from '../helpers/fixtures';

const NB = NORTH_BAYREUTH;
const nb = (name: string) => ({ text: readFileSync(path.join(NB, name), 'utf8'), file: name });

describe('loadDataset on north-bayreuth (real OSM data)', () => {
  it('loads roads, facilities, communities and settings with zero errors and zero warnings', () => {
    const settings = parseSettingsText(nb('settings.json').text, 'settings.json');
    expect(settings.errors).toEqual([]);
    const input = { facilities: nb('facilities.geojson'), communities: nb('communities.geojson'), roads: nb('roads.geojson') };
    const r = loadDataset(input, settings.value!);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    // oracle: the raw files, read independently
    const raw = (name: string) =>
      JSON.parse(readFileSync(path.join(NB, name), 'utf8')).features as {
        properties: Record<string, unknown>;
        geometry: { coordinates: unknown[] };
      }[];
    const fac = raw('facilities.geojson');
    const com = raw('communities.geojson');
    const roads = raw('roads.geojson');
    expect(r.counts).toEqual({
      facilities: { read: fac.length, kept: fac.length, skipped: 0 },
      communities: { read: com.length, kept: com.length, skipped: 0 },
      roads: { read: roads.length, kept: roads.length, skipped: 0 },
    });
    expect(r.dataset.facilities.map((f) => [f.id, f.category, f.lon, f.lat])).toEqual(
      fac.map((f) => [f.properties.id, f.properties.category, ...f.geometry.coordinates]),
    );
    expect(r.dataset.communities.map((c) => [c.id, c.kind, c.population])).toEqual(
      com.map((c) => [c.properties.id, c.properties.kind, c.properties.population]),
    );
    expect(r.dataset.roads!.map((x) => x.highway)).toEqual(roads.map((x) => x.properties.highway));
    expect(r.dataset.roads!.reduce((s, x) => s + x.coordinates.length, 0)).toBe(
      roads.reduce((s, x) => s + x.geometry.coordinates.length, 0),
    );
  });
});

describe('loadDataset on broken data', () => {
  const goodFacility = (i: number) => ({
    type: 'Feature',
    properties: { id: `f${i}`, category: 'clinic' },
    geometry: { type: 'Point', coordinates: [121.5, 29.9] },
  });
  const goodCommunity = (i: number) => ({
    type: 'Feature',
    properties: { id: `c${i}`, kind: 'urban', population: 10 },
    geometry: { type: 'Point', coordinates: [121.5, 29.9] },
  });
  const goodRoad = (i: number) => ({
    type: 'Feature',
    properties: { id: `r${i}` },
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.5, 29.9],
        [121.51, 29.9],
      ],
    },
  });
  /** Ways to break a feature: each keeps the properties valid and breaks the feature's structure or geometry. */
  const breakers: ((f: Record<string, unknown>, rand: () => number) => unknown)[] = [
    () => null,
    () => 42,
    () => 'feature',
    () => [],
    (f) => ({ ...f, geometry: null }),
    (f) => {
      const { geometry: _g, ...rest } = f;
      return rest;
    },
    (f) => ({ ...f, geometry: { type: (f.geometry as { type: string }).type, coordinates: 'nope' } }),
    (f) => ({ ...f, geometry: { type: (f.geometry as { type: string }).type, coordinates: [] } }),
    (f) => ({ ...f, geometry: { type: (f.geometry as { type: string }).type, coordinates: [[[['x']]], { a: [] }] } }),
    (f) => ({ ...f, geometry: { type: (f.geometry as { type: string }).type } }),
    (f) => ({ ...f, geometry: { type: 'Banana', coordinates: [1, 2] } }),
    (f) => ({ ...f, geometry: { type: 'GeometryCollection', geometries: [] } }),
    (f) => ({ ...f, geometry: [121, 29] }),
    (f) => ({ ...f, type: 'Point' }),
    (f) => ({ ...f, properties: 'text' }),
    (f, rand) => {
      const g = f.geometry as { type: string; coordinates: unknown };
      const nan = JSON.parse(JSON.stringify(g.coordinates)) as unknown;
      const poison = [NaN, Infinity, '121', null, undefined, 1e7][Math.floor(rand() * 6)];
      const put = (c: unknown): unknown =>
        Array.isArray(c) && typeof c[0] === 'number' ? [poison, c[1]] : Array.isArray(c) ? [put(c[0]), ...c.slice(1)] : c;
      return { ...f, geometry: { type: g.type, coordinates: put(nan) } };
    },
  ];

  it('never throws; keeps exactly the intact features; every skipped one is one error naming file, index and reason (seeded fuzz)', () => {
    const rand = mulberry32(2024);
    for (let round = 0; round < 40; round++) {
      const make = (good: (i: number) => Record<string, unknown>) => {
        const n = 5 + Math.floor(rand() * 20);
        const broken = new Set<number>();
        const features = Array.from({ length: n }, (_, i) => {
          if (rand() < 0.4) {
            broken.add(i);
            return (breakers[Math.floor(rand() * breakers.length)] as (typeof breakers)[number])(good(i), rand);
          }
          return good(i);
        });
        return { features: deepFreeze(features), broken };
      };
      const fac = make(goodFacility);
      const com = make(goodCommunity);
      const rd = make(goodRoad);
      const text = rand() < 0.5;
      const layer = (l: { features: unknown[] }, file: string) =>
        text
          ? { text: JSON.stringify({ type: 'FeatureCollection', features: l.features }), file }
          : { features: l.features as never, file };
      const r = loadDataset(
        { facilities: layer(fac, 'fac.geojson'), communities: layer(com, 'com.geojson'), roads: layer(rd, 'roads.geojson') },
        NINGBO.settings,
      );
      const check = (l: { features: unknown[]; broken: Set<number> }, file: string, kept: number) => {
        // JSON.stringify turns NaN/Infinity into null and drops undefined: still broken, by construction
        const errs = r.errors.filter((e: Problem) => e.file === file);
        expect(errs.map((e) => e.index).sort((a, b) => a - b)).toEqual([...l.broken].sort((a, b) => a - b));
        for (const e of errs) expect(e.reason.length).toBeGreaterThan(5);
        expect(kept).toBe(l.features.length - l.broken.size);
      };
      check(fac, 'fac.geojson', r.dataset.facilities.length);
      check(com, 'com.geojson', r.dataset.communities.length);
      check(rd, 'roads.geojson', r.dataset.roads!.length);
      for (const [name, c] of Object.entries(r.counts)) {
        expect(c!.read, name).toBe(c!.kept + c!.skipped);
      }
      expect(r.counts.facilities).toEqual({
        read: fac.features.length,
        kept: fac.features.length - fac.broken.size,
        skipped: fac.broken.size,
      });
      for (const f of r.dataset.facilities) expect(Number.isFinite(f.lon) && Number.isFinite(f.lat)).toBe(true);
      expect(r.dataset.facilities.map((f) => f.index)).toEqual(r.dataset.facilities.map((_, i) => i));
    }
  });

  it('turns an unusable file into one whole-file error and an empty layer', () => {
    const r = loadDataset(
      {
        facilities: { text: '{"type": "FeatureCollection", "features": [', file: 'fac.geojson' },
        communities: { text: '', file: 'com.geojson' },
      },
      NINGBO.settings,
    );
    expect(r.dataset).toEqual({ facilities: [], communities: [], roads: null });
    expect(r.errors.map((e) => [e.file, e.index])).toEqual([
      ['fac.geojson', -1],
      ['com.geojson', -1],
    ]);
    expect(r.errors[0]).toMatchObject({ line: 1, column: 44 });
    expect(r.counts.roads).toBeNull();
    expect(r.counts.facilities).toEqual({ read: 0, kept: 0, skipped: 0 });
  });

  it('warns when the layers do not overlap, and when one layer is [lat, lon] inside China', () => {
    const pt = (lon: number, lat: number, props: Record<string, unknown>) => ({
      type: 'Feature',
      properties: props,
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });
    const facilities = { features: deepFreeze([pt(121.5, 29.9, { category: 'clinic' })]), file: 'f' };
    const far = loadDataset(
      { facilities, communities: { features: deepFreeze([pt(11.5, 50, { population: 1, kind: 'urban' })]), file: 'c' } },
      NINGBO.settings,
    );
    expect(far.errors).toEqual([]);
    expect(far.warnings.map((w) => w.reason).join()).toContain('do not overlap');
    // Xinjiang (lon 87.6, lat 43.8) written [lat, lon] is a valid position in Kazakhstan's latitude band
    const swapped = loadDataset(
      {
        facilities: { features: deepFreeze([pt(43.8, 87.6, { category: 'clinic' })]), file: 'f' },
        communities: { features: deepFreeze([pt(87.6, 43.8, { population: 1, kind: 'urban' })]), file: 'c' },
      },
      NINGBO.settings,
    );
    const w = swapped.warnings.map((x) => `${x.file}: ${x.reason}`).join('\n');
    expect(w).toContain('f: most facilities fall outside China');
    expect(w).toContain('swapped');
  });
});
