/**
 * The built-in sample city: a SYNTHETIC piece of Ningbo laid around the real centres of its
 * districts, generated deterministically from a seed. Writes data/sample/{roads,communities,
 * facilities}.geojson and README.md. Run `npm run sample` (or `tsx scripts/make-sample.ts [seed]`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../src/engine/prng';
import { buildArterials } from './sample/arterials';
import { makeCommunities } from './sample/communities';
import { makeDistrictShapes } from './sample/district-shape';
import { CATEGORIES, placeFacilities, type SampleCategory } from './sample/facilities';
import { featureCollectionText, type FeatureCollection, type LineString, type Point, type Polygon } from './sample/geojson-text';
import { toLonLat } from './sample/local-frame';
import { buildMotorways } from './sample/motorways';
import { communityStems, streetNames, villageStems } from './sample/names';
import { NodeIndex } from './sample/node-index';
import { planarize } from './sample/planarize';
import { sampleReadme } from './sample/readme';
import { buildRiverBridges } from './sample/river-bridges';
import { RoadNet } from './sample/road-net';
import { buildRuralRoads } from './sample/rural-roads';
import { stitchGrids } from './sample/stitch-grids';
import { buildDistrictGrid, type Block, type DistrictGrid } from './sample/urban-grid';
import { placeVillages } from './sample/villages';
import { DISTRICTS } from './sample/geography';

/** The seed of the committed sample. */
export const SAMPLE_SEED = 2021;

export interface RoadProps {
  highway: string;
  name: string | null;
  bridge?: 'yes';
}
export interface CommunityProps {
  id: string;
  name: string;
  kind: 'urban' | 'rural';
  population: number;
  district: string;
}
export interface FacilityProps {
  id: string;
  name: string;
  category: SampleCategory;
  capacity: number;
}

/** Figures about one generated sample (also printed into its README). */
export interface SampleStats {
  seed: number;
  roadWays: number;
  /** Pairs of consecutive vertices over all road ways. */
  segments: number;
  walkableSegments: number;
  motorwayWays: number;
  bridges: number;
  /** Vertices inserted into ways where streets crossed (planarization). */
  junctionsFromCrossings: number;
  /** Share of walkable vertices in the largest connected part of the walking network. */
  largestComponentShare: number;
  urbanCommunities: number;
  ruralCommunities: number;
  population: number;
  facilities: Record<SampleCategory, { urban: number; rural: number }>;
}

/** Everything {@link makeSample} returns: the three collections, their file texts and figures. */
export interface Sample {
  roads: FeatureCollection<LineString, RoadProps>;
  communities: FeatureCollection<Polygon, CommunityProps>;
  facilities: FeatureCollection<Point, FacilityProps>;
  /** File name in data/sample/ → exact text to write. */
  files: Record<'roads.geojson' | 'communities.geojson' | 'facilities.geojson' | 'README.md', string>;
  stats: SampleStats;
}

/**
 * Generate the sample city from `seed` (default {@link SAMPLE_SEED}). Pure and deterministic:
 * the same seed gives byte-identical files on every machine.
 */
export function makeSample(seed: number = SAMPLE_SEED): Sample {
  if (!Number.isInteger(seed)) throw new Error(`makeSample: seed must be an integer, got ${seed}`);
  const stream = (k: number): (() => number) => mulberry32((seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0);
  const net = new RoadNet();
  const shapes = makeDistrictShapes(stream(0));
  const streets = streetNames(stream(1));

  const grids: DistrictGrid[] = [];
  const blocks: Block[] = [];
  const gridRand = stream(2);
  for (let k = 0; k < DISTRICTS.length; k++) {
    const built = buildDistrictGrid(net, k, shapes, gridRand, streets);
    grids.push(built.grid);
    blocks.push(...built.blocks);
  }
  stitchGrids(net, grids);
  buildArterials(net, grids, stream(3));
  const villages = placeVillages(shapes, stream(4));
  buildRuralRoads(net, villages, grids, stream(5), streets);
  let junctionsFromCrossings = 0;
  for (let pass = 0, made = 1; made > 0; pass++) {
    if (pass === 4) throw new Error('makeSample: the street network does not settle into a planar graph');
    made = planarize(net);
    junctionsFromCrossings += made;
  }
  buildRiverBridges(net, stream(6));
  buildMotorways(net, stream(7));

  const communities = makeCommunities(blocks, villages, stream(8), communityStems(stream(9)), villageStems(stream(10)));
  const walkableNodes = new Set<number>();
  for (const w of net.ways) if (RoadNet.isPlanar(w)) for (const id of w.nodes) walkableNodes.add(id);
  const roadIndex = new NodeIndex(
    net,
    [...walkableNodes].sort((a, b) => a - b),
  );
  const facilities = placeFacilities(communities, shapes, roadIndex, (id) => [net.xs[id]!, net.ys[id]!], stream(11));

  const roads = roadCollection(net);
  const communityFc: FeatureCollection<Polygon, CommunityProps> = {
    type: 'FeatureCollection',
    features: communities.map((c) => ({
      type: 'Feature',
      properties: { id: c.id, name: c.name, kind: c.kind, population: c.population, district: c.district },
      geometry: { type: 'Polygon', coordinates: [c.ring.map(([x, y]) => toLonLat(x, y))] },
    })),
  };
  const facilityFc: FeatureCollection<Point, FacilityProps> = {
    type: 'FeatureCollection',
    features: facilities.map((f) => ({
      type: 'Feature',
      properties: { id: f.id, name: f.name, category: f.category, capacity: f.capacity },
      geometry: { type: 'Point', coordinates: toLonLat(f.x, f.y) },
    })),
  };

  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { urban: 0, rural: 0 }])) as SampleStats['facilities'];
  for (const f of facilities) byCategory[f.category][f.kind]++;
  let segments = 0;
  let walkableSegments = 0;
  for (const f of roads.features) {
    segments += f.geometry.coordinates.length - 1;
    if (f.properties.highway !== 'motorway') walkableSegments += f.geometry.coordinates.length - 1;
  }
  const stats: SampleStats = {
    seed,
    roadWays: roads.features.length,
    segments,
    walkableSegments,
    motorwayWays: roads.features.filter((f) => f.properties.highway === 'motorway').length,
    bridges: roads.features.filter((f) => f.properties.bridge === 'yes').length,
    junctionsFromCrossings,
    largestComponentShare: largestComponentShare(roads),
    urbanCommunities: communities.filter((c) => c.kind === 'urban').length,
    ruralCommunities: communities.filter((c) => c.kind === 'rural').length,
    population: communities.reduce((s, c) => s + c.population, 0),
    facilities: byCategory,
  };
  return {
    roads,
    communities: communityFc,
    facilities: facilityFc,
    files: {
      'roads.geojson': featureCollectionText(roads),
      'communities.geojson': featureCollectionText(communityFc),
      'facilities.geojson': featureCollectionText(facilityFc),
      'README.md': sampleReadme(stats),
    },
    stats,
  };
}

function roadCollection(net: RoadNet): FeatureCollection<LineString, RoadProps> {
  const lonLat = new Map<number, [number, number]>();
  const at = (id: number): [number, number] => {
    let p = lonLat.get(id);
    if (!p) {
      p = toLonLat(net.xs[id]!, net.ys[id]!);
      lonLat.set(id, p);
    }
    return p;
  };
  const walkable = new Set<string>();
  for (const w of net.ways) if (w.highway !== 'motorway') for (const id of w.nodes) walkable.add(at(id).join(','));
  const features: FeatureCollection<LineString, RoadProps>['features'] = [];
  for (const w of net.ways) {
    const coords: [number, number][] = [];
    for (const id of w.nodes) {
      const p = at(id);
      const last = coords[coords.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) coords.push(p);
    }
    if (coords.length < 2) continue;
    if (w.highway === 'motorway') {
      for (const p of coords) if (walkable.has(p.join(','))) throw new Error(`makeSample: motorway vertex ${p} meets a street`);
    }
    const properties: RoadProps = { highway: w.highway, name: w.name };
    if (w.bridge) properties.bridge = 'yes';
    features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: coords } });
  }
  return { type: 'FeatureCollection', features };
}

/** Share of walkable vertices (by exact coordinates) in the largest connected part. */
function largestComponentShare(roads: FeatureCollection<LineString, RoadProps>): number {
  const id = new Map<string, number>();
  const parent: number[] = [];
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  for (const f of roads.features) {
    if (f.properties.highway === 'motorway') continue;
    let prev = -1;
    for (const p of f.geometry.coordinates) {
      const key = `${p[0]},${p[1]}`;
      let v = id.get(key);
      if (v === undefined) {
        v = parent.length;
        parent.push(v);
        id.set(key, v);
      }
      if (prev >= 0) parent[find(prev)] = find(v);
      prev = v;
    }
  }
  const size = new Map<number, number>();
  for (let v = 0; v < parent.length; v++) size.set(find(v), (size.get(find(v)) ?? 0) + 1);
  return parent.length === 0 ? 0 : Math.max(...size.values()) / parent.length;
}

/** Write the sample's files into `dir` (default data/sample beside this script). */
export function writeSample(sample: Sample, dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/sample')): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(sample.files)) writeFileSync(path.join(dir, name), text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t0 = performance.now();
  const seed = process.argv[2] === undefined ? SAMPLE_SEED : Number(process.argv[2]);
  const sample = makeSample(seed);
  writeSample(sample);
  const sizes = Object.entries(sample.files).map(([n, t]) => `${n} ${(Buffer.byteLength(t) / 1e6).toFixed(2)} MB`);
  console.log(JSON.stringify(sample.stats));
  console.log(`${sizes.join(', ')}; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
