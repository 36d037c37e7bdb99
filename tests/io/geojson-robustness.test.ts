import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemandSamples } from '../../src/engine/coverage/demand-samples';
import type { Community, Problem } from '../../src/engine/model';
import { NINGBO } from '../../src/engine/presets';
import { loadDataset, type LoadedDataset } from '../../src/io/load-dataset';
import { readCommunities } from '../../src/io/read-communities';
import { readLayerFile } from '../../src/io/read-layer-file';
import { readRoads } from '../../src/io/read-roads';

// Broken GeoJSON as a careless or hostile user would hand it over, read the way the CLI and the
// browser read it: bytes → readLayerFile → loadDataset. Every answer must come without an exception
// and name the file (and the feature, when one feature is at fault).

const settings = NINGBO.settings;
const enc = (s: string) => new TextEncoder().encode(s);
const fc0 = (features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
const feature = (geometry: string, properties: object) =>
  `{"type":"Feature","properties":${JSON.stringify(properties)},"geometry":${geometry}}`;
const point = (lon: number, lat: number) => `{"type":"Point","coordinates":[${lon},${lat}]}`;
const line = (pts: [number, number][]) => `{"type":"LineString","coordinates":${JSON.stringify(pts)}}`;
/** `[[[…[121.5,29.8]…]]]` nested `depth` levels: built as text, JSON.stringify itself would overflow. */
const nested = (depth: number) => `${'['.repeat(depth)}121.5,29.8${']'.repeat(depth)}`;

const GOOD_FACILITIES = fc0([feature(point(121.55, 29.87), { id: 'f1', category: 'clinic' })]);
const GOOD_COMMUNITIES = fc0([feature(point(121.56, 29.88), { id: 'c1', population: 100, kind: 'urban' })]);
const GOOD_ROAD = feature(
  line([
    [121.55, 29.87],
    [121.56, 29.88],
  ]),
  { highway: 'residential' },
);
const GOOD_ROADS = fc0([GOOD_ROAD]);

interface Files {
  facilities?: string;
  communities?: string;
  roads?: string;
}

/** Read three layers from text as the CLI does (the good sample for a layer not given). */
async function readAll(files: Files): Promise<LoadedDataset & { fileProblems: Problem[] }> {
  const layers = {
    facilities: { name: 'facilities.geojson', text: files.facilities ?? GOOD_FACILITIES },
    communities: { name: 'communities.geojson', text: files.communities ?? GOOD_COMMUNITIES },
    roads: { name: 'roads.geojson', text: files.roads ?? GOOD_ROADS },
  };
  const fileProblems: Problem[] = [];
  const read: Record<string, { features: NonNullable<Awaited<ReturnType<typeof readLayerFile>>['features']>; file: string }> = {};
  for (const [layer, f] of Object.entries(layers)) {
    const r = await readLayerFile(f.name, enc(f.text));
    for (const p of [...r.warnings, ...r.errors]) fileProblems.push(p);
    read[layer] = { features: r.features ?? [], file: r.file };
  }
  const loaded = loadDataset({ facilities: read.facilities!, communities: read.communities!, roads: read.roads! }, settings);
  return { ...loaded, fileProblems };
}

function expectNamed(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(['facilities.geojson', 'communities.geojson', 'roads.geojson']).toContain(p.file);
    expect(p.reason.length).toBeGreaterThan(0);
  }
}

describe('reading GeoJSON: nesting, sizes and degenerate data', () => {
  it('coordinates nested thousands of levels deep: an error naming file, feature and reason, no stack overflow', async () => {
    for (const depth of [3, 5_000, 50_000]) {
      const r = await readAll({
        roads: fc0([feature(`{"type":"LineString","coordinates":${nested(depth)}}`, { id: 'deep-road' }), GOOD_ROAD]),
        facilities: fc0([
          feature(point(121.55, 29.87), { id: 'f0', category: 'clinic' }),
          feature(`{"type":"Point","coordinates":${nested(depth)}}`, { id: 'deep-f', category: 'clinic' }),
        ]),
        communities: fc0([
          feature(`{"type":"Polygon","coordinates":${nested(depth)}}`, { id: 'deep-c', population: 5, kind: 'urban' }),
          feature(point(121.56, 29.88), { id: 'c1', population: 1, kind: 'urban' }),
        ]),
      });
      expectNamed([...r.errors, ...r.warnings]);
      const road = r.errors.find((e) => e.file === 'roads.geojson' && e.index === 0);
      expect(road?.reason).toMatch(/^LineString vertex 0: position \[.* has 1 value\(s\), needs \[lon, lat\]$/);
      expect(r.errors.find((e) => e.file === 'facilities.geojson' && e.index === 1 && e.id === 'deep-f')?.reason).toMatch(
        /^position \[.* has 1 value\(s\)/,
      );
      expect(r.errors.find((e) => e.file === 'communities.geojson' && e.index === 0 && e.id === 'deep-c')).toBeDefined();
      expect(r.dataset.roads).toHaveLength(1);
      expect(r.dataset.facilities.map((f) => f.id)).toEqual(['f0']);
      expect(r.dataset.communities.map((c) => c.id)).toEqual(['c1']);
    }
  });

  it('200,000 one-point lines: one error each naming the file, counted as skipped, no stack overflow', async () => {
    const n = 200_000;
    const text = `{"type":"FeatureCollection","features":[${Array.from({ length: n }, (_, i) => `{"type":"Feature","properties":{"id":"r${i}"},"geometry":{"type":"LineString","coordinates":[[121.5,29.8]]}}`).join(',')}]}`;
    const r = await readAll({ roads: text });
    const roadErrors = r.errors.filter((e) => e.file === 'roads.geojson');
    expect(roadErrors).toHaveLength(n);
    expect(roadErrors[n - 1]).toMatchObject({ index: n - 1, id: `r${n - 1}` });
    expect(roadErrors[0]!.reason).toContain('has 1 position(s), needs at least 2');
    expect(r.counts.roads).toEqual({ read: n, kept: 0, skipped: n });
    expect(r.warnings.some((w) => w.file === 'roads.geojson' && w.index === -1 && /none of the 200000 features/.test(w.reason))).toBe(true);
  });

  it('a line whose points are all identical is skipped naming the file; a MultiLineString loses only that part', () => {
    const same: [number, number][] = [
      [121.5, 29.8],
      [121.5, 29.8],
      [121.5, 29.8],
    ];
    const r = readRoads(
      [
        { type: 'Feature', properties: { id: 'zero' }, geometry: { type: 'LineString', coordinates: same } },
        {
          type: 'Feature',
          properties: { id: 'multi' },
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              same,
              [
                [121.5, 29.8],
                [121.6, 29.9],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'LineString',
            coordinates: [
              [121.5, 29.8],
              [121.5, 29.8],
              [121.6, 29.8],
            ],
          },
        },
      ],
      'roads.geojson',
    );
    expect(r.errors).toEqual([
      { file: 'roads.geojson', index: 0, id: 'zero', reason: expect.stringContaining('all the same point [121.5, 29.8]') },
    ]);
    expect(r.warnings).toEqual([
      {
        file: 'roads.geojson',
        index: 1,
        id: 'multi',
        reason: expect.stringMatching(/1 part\(s\) dropped \(part 0 has 3 positions, all the same point/),
      },
    ]);
    expect(r.value.map((x) => x.coordinates.length)).toEqual([2, 3]); // a repeated vertex inside a real line is kept
  });

  it('a roads file with zero features, or only motorways, is named in a warning', async () => {
    const empty = await readAll({ roads: fc0([]) });
    expect(empty.warnings).toContainEqual({
      file: 'roads.geojson',
      index: -1,
      reason: expect.stringContaining('the roads file has no features'),
    });
    const motorways = await readAll({
      roads: fc0([
        feature(
          line([
            [121.55, 29.87],
            [121.56, 29.88],
          ]),
          { highway: 'motorway' },
        ),
      ]),
    });
    expect(motorways.warnings).toContainEqual({
      file: 'roads.geojson',
      index: -1,
      reason: expect.stringMatching(/none of the 1 roads may be walked \(highway motorway\)/),
    });
    const fine = await readAll({});
    expect(fine.warnings.filter((w) => w.file === 'roads.geojson')).toEqual([]);
  });

  it('a population of 10^12 is refused as implausible, naming the feature', () => {
    const r = readCommunities(
      [
        {
          type: 'Feature',
          properties: { id: 'big', population: 1e12, kind: 'urban' },
          geometry: { type: 'Point', coordinates: [121.5, 29.8] },
        },
        {
          type: 'Feature',
          properties: { id: 'city', population: '2,000,000', kind: 'urban' },
          geometry: { type: 'Point', coordinates: [121.5, 29.8] },
        },
      ],
      'communities.geojson',
    );
    expect(r.errors).toEqual([
      { file: 'communities.geojson', index: 0, id: 'big', reason: expect.stringContaining('population 1000000000000 is implausible') },
    ]);
    expect(r.value.map((c) => [c.id, c.population])).toEqual([['city', 2e6]]);
  });

  it('a polygon covering the whole world is refused naming file and feature, before any sampling', async () => {
    const world = `{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}`;
    const r = await readAll({
      communities: fc0([
        feature(world, { id: 'earth', population: 8e9 / 100, kind: 'urban' }),
        feature(point(121.56, 29.88), { id: 'c1', population: 1, kind: 'urban' }),
      ]),
    });
    expect(r.errors).toContainEqual({
      file: 'communities.geojson',
      index: 0,
      id: 'earth',
      reason: expect.stringMatching(/spans about [\d,]+ km².*far larger than a community/),
    });
    expect(r.dataset.communities.map((c) => c.id)).toEqual(['c1']);
  });

  it('communities that together need more demand samples than allowed: a whole-file error naming the file and the largest', () => {
    // 400 squares of ~9,900 km² each: each acceptable alone, together ~400 million samples at 100 m
    const features = Array.from({ length: 400 }, (_, i) => {
      const x = 70 + (i % 20) * 1.2;
      const y = 20 + Math.floor(i / 20) * 1.0;
      return {
        type: 'Feature',
        properties: { id: `sq${i}`, population: 10, kind: 'rural' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x, y],
              [x + 1, y],
              [x + 1, y + 0.85],
              [x, y + 0.85],
              [x, y],
            ],
          ],
        },
      };
    });
    const r = loadDataset(
      { facilities: { text: GOOD_FACILITIES, file: 'facilities.geojson' }, communities: { features, file: 'communities.geojson' } },
      settings,
    );
    expect(r.errors.filter((e) => e.index >= 0)).toEqual([]);
    expect(r.errors).toContainEqual({
      file: 'communities.geojson',
      index: -1,
      reason: expect.stringMatching(
        /too much ground to sample every 100 m: about [\d,]+ demand samples, more than the 5,000,000 allowed \(the largest, "sq\d+"/,
      ),
    });
  });

  it('the demand sampler itself stops at its limit and names the community, whatever it is given', () => {
    const square = (id: string, d: number): Community => ({
      index: 0,
      id,
      name: '',
      kind: 'urban',
      population: 1,
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121, 29],
            [121 + d, 29],
            [121 + d, 29 + d],
            [121, 29 + d],
            [121, 29],
          ],
        ],
      },
    });
    expect(() => buildDemandSamples([square('a', 0.01), square('b', 1)], 100, 10_000)).toThrow(
      /community "b" \(#1\) needs more than the 10,000 demand samples/,
    );
    expect(buildDemandSamples([square('a', 0.01)], 100, 10_000).count).toBeGreaterThan(50);
  });
});

describe('reading GeoJSON: seeded corpus of broken inputs', () => {
  const junkGeometry = fc.oneof(
    fc.constant('null'),
    fc.integer({ min: 1, max: 20_000 }).map((d) => `{"type":"Point","coordinates":${nested(d)}}`),
    fc.integer({ min: 1, max: 20_000 }).map((d) => `{"type":"LineString","coordinates":${nested(d)}}`),
    fc.integer({ min: 1, max: 20_000 }).map((d) => `{"type":"MultiPolygon","coordinates":${nested(d)}}`),
    fc.jsonValue({ maxDepth: 6 }).map((v) => `{"type":"LineString","coordinates":${JSON.stringify(v)}}`),
    fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.double(), fc.double(), fc.integer({ min: 1, max: 40 }))
      .map(([x, y, n]) => line(Array.from({ length: n }, () => [x, y] as [number, number]))),
    fc
      .tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
      .map(([x, y]) => `{"type":"Polygon","coordinates":[[[${x},${y}],[${-x},${y}],[${-x},${-y}],[${x},${-y}],[${x},${y}]]]}`),
  );
  const junkProps = fc.oneof(
    fc.record({
      id: fc.oneof(fc.string(), fc.integer()),
      population: fc.oneof(fc.double(), fc.constant(1e12), fc.string()),
      kind: fc.constantFrom('urban', 'rural', '村', 'x'),
      category: fc.constantFrom('clinic', 'nothing'),
      highway: fc.constantFrom('motorway', 'residential', ''),
    }),
    fc
      .integer({ min: 1, max: 3000 })
      .map((d) => ({ name: JSON.parse(nested(d)) as unknown, population: 1, kind: 'urban', category: 'clinic' })),
  );
  const junkFeature = fc.tuple(junkGeometry, junkProps).map(([g, p]) => `{"type":"Feature","properties":${safeJson(p)},"geometry":${g}}`);

  it('never throws; every problem names its file; a broken feature is named by index', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(junkFeature, { maxLength: 6 }),
        fc.constantFrom('facilities', 'communities', 'roads'),
        async (features, layer) => {
          const r = await readAll({ [layer]: fc0(features) });
          expectNamed([...r.errors, ...r.warnings, ...r.fileProblems]);
          const c = r.counts[layer as 'roads']!;
          expect(c.read).toBe(features.length);
          expect(c.kept + c.skipped).toBe(c.read);
          for (const e of r.errors) if (e.index >= 0) expect(e.index).toBeLessThan(features.length);
        },
      ),
      { seed: 12, numRuns: 150 },
    );
  });
});

/** JSON text of a value that may be nested too deep for JSON.stringify (the deep name above). */
function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    const { name: _deep, ...rest } = v as Record<string, unknown>;
    return `${JSON.stringify(rest).slice(0, -1)},"name":${nested(3000)}}`;
  }
}
