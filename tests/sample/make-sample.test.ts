import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Flatbush from 'flatbush';
import KDBush from 'kdbush';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { getIssues } from '@placemarkio/check-geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSample, SAMPLE_SEED, type Sample } from '../../scripts/make-sample';
import { RIVERS } from '../../scripts/sample/geography';
import { toLonLat } from '../../scripts/sample/local-frame';
import { deepFreeze } from '../helpers/fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_DIR = path.resolve(here, '../../data/sample');
const FILES = ['roads.geojson', 'communities.geojson', 'facilities.geojson', 'README.md'] as const;
const BOX = { west: 121.3, south: 29.6, east: 121.95, north: 30.02 };
const CATEGORIES = ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience'];
const HAN = /^[\u4e00-\u9fff]/;

type Pos = [number, number];

const key = (p: Pos): string => `${p[0]},${p[1]}`;
const orient = (a: Pos, b: Pos, c: Pos): number => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
/** Proper crossing: the segments cross at a point interior to both. */
const properCross = (a: Pos, b: Pos, c: Pos, d: Pos): boolean =>
  orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
const signedArea = (ring: Pos[]): number => {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  return s / 2;
};
const metersBetween = (a: Pos, b: Pos): number =>
  Math.hypot((a[0] - b[0]) * 111320 * Math.cos((29.8 * Math.PI) / 180), (a[1] - b[1]) * 110574);
const inBox = (p: Pos): boolean => p[0] >= BOX.west && p[0] <= BOX.east && p[1] >= BOX.south && p[1] <= BOX.north;
const isRounded6 = (v: number): boolean => Number.isFinite(v) && Math.round(v * 1e6) / 1e6 === v;
const ringCentroid = (ring: Pos[]): Pos => {
  const n = ring.length - 1;
  let x = 0,
    y = 0;
  for (let i = 0; i < n; i++) {
    x += ring[i]![0];
    y += ring[i]![1];
  }
  return [x / n, y / n];
};

interface Seg {
  a: Pos;
  b: Pos;
  feature: number;
}

/** All segments of the given road features, indexed by bounding box. */
function segmentIndex(
  sample: Sample,
  keep: (props: Sample['roads']['features'][number]['properties']) => boolean,
): { segs: Seg[]; index: Flatbush } {
  const segs: Seg[] = [];
  sample.roads.features.forEach((f, i) => {
    if (!keep(f.properties)) return;
    const c = f.geometry.coordinates;
    for (let k = 1; k < c.length; k++) segs.push({ a: c[k - 1]!, b: c[k]!, feature: i });
  });
  const index = new Flatbush(segs.length);
  for (const s of segs) index.add(Math.min(s.a[0], s.b[0]), Math.min(s.a[1], s.b[1]), Math.max(s.a[0], s.b[0]), Math.max(s.a[1], s.b[1]));
  index.finish();
  return { segs, index };
}

describe('built-in sample city (synthetic Ningbo)', () => {
  let sample: Sample;
  beforeAll(() => {
    sample = deepFreeze(makeSample(SAMPLE_SEED));
  });

  it('is deterministic and matches the committed files byte for byte', () => {
    const again = makeSample(SAMPLE_SEED);
    for (const name of FILES) {
      expect(again.files[name] === sample.files[name], `${name} differs between two runs`).toBe(true);
      const committed = readFileSync(path.join(SAMPLE_DIR, name), 'utf8');
      expect(committed === sample.files[name], `${name} on disk is stale: run npm run sample`).toBe(true);
    }
  });

  it('writes the returned collections as the file texts: stable order, 6 decimals, newline at end', () => {
    // Same content: the text is the collection's JSON with a newline after each feature.
    expect(sample.files['roads.geojson'].replace(/\n/g, '') === JSON.stringify(sample.roads)).toBe(true);
    expect(sample.files['communities.geojson'].replace(/\n/g, '') === JSON.stringify(sample.communities)).toBe(true);
    expect(sample.files['facilities.geojson'].replace(/\n/g, '') === JSON.stringify(sample.facilities)).toBe(true);
    expect(sample.files['roads.geojson'].split('\n').length).toBe(sample.roads.features.length + 3);
    for (const name of FILES) expect(sample.files[name].endsWith('\n')).toBe(true);
    for (const name of FILES.slice(0, 3)) {
      expect(getIssues(sample.files[name]), `${name} is not valid GeoJSON`).toEqual([]);
      expect(sample.files[name]).not.toMatch(/\d\.\d{7,}/);
    }
  });

  it('keeps the committed files small', () => {
    let total = 0;
    for (const name of FILES) total += statSync(path.join(SAMPLE_DIR, name)).size;
    expect(total).toBeLessThan(15e6);
    expect(total).toBeGreaterThan(1e6);
  });

  it('has valid road LineStrings with the walkable classes, names and a segment count in range', () => {
    const classes = new Set<string>();
    const bad: string[] = [];
    let segments = 0;
    sample.roads.features.forEach((f, i) => {
      const keys = Object.keys(f.properties).join();
      if (keys !== (f.properties.bridge === undefined ? 'highway,name' : 'highway,name,bridge')) bad.push(`road ${i}: properties ${keys}`);
      if (f.properties.bridge !== undefined && f.properties.bridge !== 'yes') bad.push(`road ${i}: bridge ${f.properties.bridge}`);
      if (f.geometry.type !== 'LineString' || f.geometry.coordinates.length < 2) bad.push(`road ${i}: not a LineString`);
      const c = f.geometry.coordinates;
      for (let k = 0; k < c.length; k++) {
        if (!isRounded6(c[k]![0]) || !isRounded6(c[k]![1]) || !inBox(c[k]!)) bad.push(`road ${i}: vertex ${c[k]}`);
        if (k > 0 && key(c[k]!) === key(c[k - 1]!)) bad.push(`road ${i}: zero-length segment at ${c[k]}`);
      }
      if (f.properties.name !== null && !/^[\u4e00-\u9fffA-Z0-9]+$/.test(f.properties.name))
        bad.push(`road ${i}: name ${f.properties.name}`);
      classes.add(f.properties.highway);
      segments += c.length - 1;
    });
    expect(bad.slice(0, 10)).toEqual([]);
    for (const h of ['motorway', 'primary', 'secondary', 'tertiary', 'residential', 'unclassified', 'track', 'footway', 'path']) {
      expect(classes.has(h), `no highway=${h}`).toBe(true);
    }
    expect(segments).toBeGreaterThanOrEqual(30000);
    expect(segments).toBeLessThanOrEqual(80000);
    expect(segments).toBe(sample.stats.segments);
    expect(sample.roads.features.some((f) => f.properties.name !== null && HAN.test(f.properties.name))).toBe(true);
  });

  it('joins crossing streets at shared vertices; only motorways and bridges cross without meeting', () => {
    const planar = segmentIndex(sample, (p) => p.highway !== 'motorway' && p.bridge !== 'yes');
    let crossings = 0;
    planar.segs.forEach((s, i) => {
      for (const j of planar.index.search(
        Math.min(s.a[0], s.b[0]),
        Math.min(s.a[1], s.b[1]),
        Math.max(s.a[0], s.b[0]),
        Math.max(s.a[1], s.b[1]),
      )) {
        if (j <= i) continue;
        const t = planar.segs[j]!;
        if (properCross(s.a, s.b, t.a, t.b)) crossings++;
      }
    });
    expect(crossings, 'street segments crossing without a shared vertex').toBe(0);

    // Motorways: no vertex shared with any walkable road, yet they do pass over streets.
    const walkableVertices = new Set<string>();
    for (const f of sample.roads.features)
      if (f.properties.highway !== 'motorway') for (const p of f.geometry.coordinates) walkableVertices.add(key(p));
    const motorways = sample.roads.features.filter((f) => f.properties.highway === 'motorway');
    expect(motorways.length).toBeGreaterThan(0);
    let overpasses = 0;
    const shared: string[] = [];
    for (const f of motorways) {
      const c = f.geometry.coordinates;
      for (let k = 0; k < c.length; k++) {
        if (walkableVertices.has(key(c[k]!))) shared.push(key(c[k]!));
        if (k === 0) continue;
        for (const j of planar.index.search(
          Math.min(c[k - 1]![0], c[k]![0]),
          Math.min(c[k - 1]![1], c[k]![1]),
          Math.max(c[k - 1]![0], c[k]![0]),
          Math.max(c[k - 1]![1], c[k]![1]),
        )) {
          if (properCross(c[k - 1]!, c[k]!, planar.segs[j]!.a, planar.segs[j]!.b)) overpasses++;
        }
      }
    }
    expect(shared, 'motorway vertices shared with streets').toEqual([]);
    expect(overpasses).toBeGreaterThan(10);

    // Bridges: both ends on the street network, interior vertices their own; some pass over streets.
    const bridges = sample.roads.features.filter((f) => f.properties.bridge === 'yes');
    expect(bridges.length).toBeGreaterThanOrEqual(10);
    const planarVertices = new Set<string>();
    for (const s of planar.segs) {
      planarVertices.add(key(s.a));
      planarVertices.add(key(s.b));
    }
    let bridgeOverStreet = 0;
    for (const f of bridges) {
      const c = f.geometry.coordinates;
      expect(
        planarVertices.has(key(c[0]!)) && planarVertices.has(key(c[c.length - 1]!)),
        `bridge ${f.properties.name} not joined at its ends`,
      ).toBe(true);
      for (let k = 1; k < c.length - 1; k++) expect(planarVertices.has(key(c[k]!))).toBe(false);
      for (let k = 1; k < c.length; k++) {
        for (const j of planar.index.search(
          Math.min(c[k - 1]![0], c[k]![0]),
          Math.min(c[k - 1]![1], c[k]![1]),
          Math.max(c[k - 1]![0], c[k]![0]),
          Math.max(c[k - 1]![1], c[k]![1]),
        )) {
          if (properCross(c[k - 1]!, c[k]!, planar.segs[j]!.a, planar.segs[j]!.b)) bridgeOverStreet++;
        }
      }
    }
    expect(bridgeOverStreet).toBeGreaterThan(0);
  });

  it('leaves a river gap that only bridges (and motorways) cross', () => {
    const rivers = RIVERS.map((r) => r.xs.map((x, i) => toLonLat(x, r.ys[i]!)));
    let bridgeCrossings = 0;
    const wet: string[] = [];
    for (const f of sample.roads.features) {
      const c = f.geometry.coordinates;
      for (let k = 1; k < c.length; k++) {
        for (const river of rivers) {
          for (let m = 1; m < river.length; m++) {
            if (!properCross(c[k - 1]!, c[k]!, river[m - 1]!, river[m]!)) continue;
            if (f.properties.bridge === 'yes') bridgeCrossings++;
            else if (f.properties.highway !== 'motorway') wet.push(`${f.properties.highway} ${f.properties.name} at ${c[k]}`);
          }
        }
      }
    }
    expect(wet, 'roads crossing a river without a bridge').toEqual([]);
    expect(bridgeCrossings).toBeGreaterThanOrEqual(10);
  });

  it('forms one walking network (bridges included) with dead ends in town', () => {
    const id = new Map<string, number>();
    const parent: number[] = [];
    const degree: number[] = [];
    const find = (a: number): number => {
      while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
      return a;
    };
    const vertex = (p: Pos): number => {
      let v = id.get(key(p));
      if (v === undefined) {
        v = parent.length;
        parent.push(v);
        degree.push(0);
        id.set(key(p), v);
      }
      return v;
    };
    for (const f of sample.roads.features) {
      if (f.properties.highway === 'motorway') continue;
      const c = f.geometry.coordinates;
      for (let k = 1; k < c.length; k++) {
        const a = vertex(c[k - 1]!),
          b = vertex(c[k]!);
        degree[a]!++;
        degree[b]!++;
        parent[find(a)] = find(b);
      }
    }
    const size = new Map<number, number>();
    for (let v = 0; v < parent.length; v++) size.set(find(v), (size.get(find(v)) ?? 0) + 1);
    expect(Math.max(...size.values()) / parent.length).toBeGreaterThan(0.95);
    expect(degree.filter((d) => d === 1).length).toBeGreaterThan(200);
  });

  it('has valid, counter-clockwise, non-overlapping community polygons with plausible populations', () => {
    const feats = sample.communities.features;
    expect(feats.length).toBeGreaterThanOrEqual(500);
    expect(feats.length).toBeLessThanOrEqual(1500);
    const ids = new Set<string>();
    const bad: string[] = [];
    for (const f of feats) {
      const { id, name, kind, population } = f.properties;
      if (Object.keys(f.properties).join() !== 'id,name,kind,population,district')
        bad.push(`${id}: properties ${Object.keys(f.properties)}`);
      if (typeof id !== 'string' || ids.has(id)) bad.push(`${id}: missing or repeated id`);
      ids.add(id);
      const [lo, hi, suffix] = kind === 'urban' ? [1500, 12000, /^[\u4e00-\u9fff]+社区$/] : [200, 3000, /^[\u4e00-\u9fff]+村$/];
      if (kind !== 'urban' && kind !== 'rural') bad.push(`${id}: kind ${kind}`);
      if (!suffix.test(name)) bad.push(`${id}: name ${name}`);
      if (!Number.isInteger(population) || population < lo || population > hi) bad.push(`${id}: population ${population}`);
      if (f.geometry.type !== 'Polygon' || f.geometry.coordinates.length !== 1) bad.push(`${id}: not a one-ring Polygon`);
      const ring = f.geometry.coordinates[0]!;
      if (ring.length < 4 || key(ring[0]!) !== key(ring[ring.length - 1]!)) bad.push(`${id}: ring not closed`);
      if (ring.some((p) => !isRounded6(p[0]) || !isRounded6(p[1]) || !inBox(p))) bad.push(`${id}: bad vertex`);
      if (!(signedArea(ring) > 0)) bad.push(`${id}: not counter-clockwise`);
      for (let i = 1; i < ring.length; i++) {
        for (let j = i + 2; j < ring.length; j++) {
          if (i === 1 && j === ring.length - 1) continue;
          if (properCross(ring[i - 1]!, ring[i]!, ring[j - 1]!, ring[j]!)) bad.push(`${id}: self-intersects`);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(feats.some((f) => f.properties.kind === 'urban') && feats.some((f) => f.properties.kind === 'rural')).toBe(true);

    // No two communities overlap: no vertex inside another, no crossing edges (bbox candidates).
    const boxes = feats.map((f) => {
      const r = f.geometry.coordinates[0]!;
      return [
        Math.min(...r.map((p) => p[0])),
        Math.min(...r.map((p) => p[1])),
        Math.max(...r.map((p) => p[0])),
        Math.max(...r.map((p) => p[1])),
      ] as const;
    });
    const index = new Flatbush(feats.length);
    for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
    index.finish();
    let pairs = 0;
    const overlaps: string[] = [];
    feats.forEach((f, i) => {
      const r = f.geometry.coordinates[0]!;
      for (const j of index.search(...boxes[i]!)) {
        if (j <= i) continue;
        pairs++;
        const g = feats[j]!;
        const s = g.geometry.coordinates[0]!;
        let overlap = r.some((p) => booleanPointInPolygon(p, g.geometry)) || s.some((p) => booleanPointInPolygon(p, f.geometry));
        for (let a = 1; a < r.length && !overlap; a++)
          for (let b = 1; b < s.length; b++) if (properCross(r[a - 1]!, r[a]!, s[b - 1]!, s[b]!)) overlap = true;
        if (overlap) overlaps.push(`${f.properties.id} × ${g.properties.id}`);
      }
    });
    expect(overlaps).toEqual([]);
    expect(pairs).toBeGreaterThan(100); // neighbouring blocks were really compared
  });

  it('places facilities of every category near roads, in both urban and rural areas, sparser in villages', () => {
    const feats = sample.facilities.features;
    expect(feats.length).toBeGreaterThanOrEqual(1000);
    expect(feats.length).toBeLessThanOrEqual(3000);
    const suffix: Record<string, RegExp> = {
      clinic: /^[\u4e00-\u9fff]+(卫生服务站|卫生室)$/,
      canteen: /^[\u4e00-\u9fff]+老年食堂$/,
      childcare: /^[\u4e00-\u9fff]+(托育园|托育点)$/,
      sports: /^[\u4e00-\u9fff]+(健身中心|健身广场)$/,
      culture: /^[\u4e00-\u9fff]+(文化家园|文化礼堂)$/,
      convenience: /^[\u4e00-\u9fff]+便民服务中心$/,
    };
    const capacity: Record<string, [number, number]> = {
      clinic: [10, 200],
      canteen: [20, 200],
      childcare: [20, 150],
      sports: [30, 500],
      culture: [30, 400],
      convenience: [20, 300],
    };
    // Oracle for "urban": the kind of the community whose centroid is nearest (brute force).
    const centroids = sample.communities.features.map((c) => ringCentroid(c.geometry.coordinates[0]!));
    const kinds = sample.communities.features.map((c) => c.properties.kind);
    const seen = new Set<string>();
    const perKind = { urban: 0, rural: 0 };
    // Vertices of walkable roads, to measure how far each facility stands from a road.
    const vertices: Pos[] = [];
    for (const f of sample.roads.features) if (f.properties.highway !== 'motorway') vertices.push(...f.geometry.coordinates);
    const kd = new KDBush(vertices.length);
    for (const p of vertices) kd.add(p[0], p[1]);
    kd.finish();
    const ids = new Set<string>();
    const bad: string[] = [];
    for (const f of feats) {
      const { id, name, category, capacity: cap } = f.properties;
      if (Object.keys(f.properties).join() !== 'id,name,category,capacity') bad.push(`${id}: properties`);
      if (ids.has(id)) bad.push(`${id}: repeated id`);
      ids.add(id);
      if (!CATEGORIES.includes(category)) bad.push(`${id}: category ${category}`);
      if (!suffix[category]?.test(name)) bad.push(`${id}: name ${name} for ${category}`);
      const range = capacity[category] ?? [0, 0];
      if (!Number.isInteger(cap) || cap < range[0] || cap > range[1]) bad.push(`${id}: capacity ${cap}`);
      const p = f.geometry.coordinates;
      if (f.geometry.type !== 'Point' || !isRounded6(p[0]) || !isRounded6(p[1]) || !inBox(p)) bad.push(`${id}: bad point ${p}`);
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < centroids.length; c++) {
        const d = metersBetween(p, centroids[c]!);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (bestD > 1000) bad.push(`${id}: ${bestD.toFixed(0)} m from any community`);
      seen.add(`${category}/${kinds[best]}`);
      perKind[kinds[best]!]++;
      const road = Math.min(Infinity, ...kd.within(p[0], p[1], 0.003).map((k) => metersBetween(p, vertices[k]!)));
      if (!(road < 200)) bad.push(`${id}: ${road} m from the nearest road vertex`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    for (const c of CATEGORIES) for (const k of ['urban', 'rural']) expect(seen.has(`${c}/${k}`), `no ${c} in ${k} areas`).toBe(true);
    const communities = (k: string): number => kinds.filter((x) => x === k).length;
    expect(perKind.rural / communities('rural')).toBeLessThan(perKind.urban / communities('urban'));
  });

  it('says in its README that the data is synthetic, with the seed, the centres and the counts', () => {
    const readme = sample.files['README.md'];
    expect(readme).toContain('SYNTHETIC');
    expect(readme).toContain(`seed **${SAMPLE_SEED}**`);
    for (const centre of ['121.55, 29.86', '121.56, 29.89', '121.56, 29.82', '121.71, 29.95', '121.84, 29.90', '121.41, 29.66'])
      expect(readme).toContain(centre);
    expect(readme).toContain(`${sample.communities.features.length} Polygons`);
    expect(readme).toContain(`${sample.facilities.features.length} Points`);
    expect(readme).toContain(`${sample.roads.features.length} LineStrings`);
  });

  it('stays in range for another seed too', () => {
    const other = makeSample(7);
    expect(other.files['roads.geojson']).not.toBe(sample.files['roads.geojson']);
    expect(other.stats.segments).toBeGreaterThanOrEqual(30000);
    expect(other.stats.segments).toBeLessThanOrEqual(80000);
    const n = other.communities.features.length;
    expect(n).toBeGreaterThanOrEqual(500);
    expect(n).toBeLessThanOrEqual(1500);
    expect(other.facilities.features.length).toBeGreaterThanOrEqual(1000);
    expect(other.facilities.features.length).toBeLessThanOrEqual(3000);
    for (const c of CATEGORIES) expect(other.stats.facilities[c as keyof typeof other.stats.facilities].rural).toBeGreaterThan(0);
  });
});
