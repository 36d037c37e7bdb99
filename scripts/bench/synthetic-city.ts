/**
 * Seeded synthetic cities for `npm run bench`: a jittered street grid (some edges removed, some
 * diagonals, a few motorway rows that walking may not use), facilities of every category in uneven
 * shares, and point communities (one demand sample each). Built directly as engine objects
 * (`Road[]`, `Facility[]`, `Community[]`), never as GeoJSON text, so a 1,000,000-segment city fits
 * in a few hundred MB. Same seed and size → the same city on every machine (mulberry32).
 */
import type { Community, Dataset, Facility, Road } from '../../src/engine/model';
import { gaussian, mulberry32 } from '../../src/engine/prng';
import { EARTH_RADIUS_METERS } from '../../src/engine/geo/haversine';

/** Target counts of one benchmark size (the generated city is close, see {@link CityFigures}). */
export interface CitySize {
  name: string;
  /** Road segments (pairs of consecutive vertices) to aim for. */
  segments: number;
  facilities: number;
  /** Point communities = demand samples. */
  samples: number;
}

/** The three benchmark sizes of the issue: S, M and L (1,000,000 / 100,000 / 1,000,000). */
export const CITY_SIZES: readonly CitySize[] = Object.freeze([
  { name: 'S', segments: 10_000, facilities: 1_000, samples: 10_000 },
  { name: 'M', segments: 100_000, facilities: 10_000, samples: 100_000 },
  { name: 'L', segments: 1_000_000, facilities: 100_000, samples: 1_000_000 },
]);

/** Share of facilities per category position (uneven on purpose: convenience stores abound, canteens are rare). */
const CATEGORY_WEIGHTS: readonly number[] = [0.2, 0.08, 0.12, 0.16, 0.14, 0.3];

/** What was generated. */
export interface CityFigures {
  /** Nodes per side of the square grid. */
  gridSide: number;
  roads: number;
  /** Segments over all roads, walkable or not. */
  segments: number;
  /** Segments of walkable roads (what `buildRoadGraph` keeps). */
  walkableSegments: number;
  /** Communities placed more than 500 m outside the grid (off-network on purpose). */
  offNetworkCommunities: number;
}

/** Options of {@link generateSyntheticCity}. */
export interface SyntheticCityOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Category ids, one per weight of {@link CATEGORY_WEIGHTS} (cycled when there are more). */
  categories: readonly string[];
  /** Block length of the grid in metres (default 100). */
  blockMeters?: number;
}

const LON0 = 121.55;
const LAT0 = 29.87;
const REMOVED_EDGE_SHARE = 0.05;
const DIAGONAL_SHARE = 0.06;
const MAX_WAY_VERTICES = 33;
const OFF_NETWORK_SHARE = 0.002;

/**
 * Generates a synthetic city of about `size.segments` road segments, exactly `size.facilities`
 * facilities and `size.samples` point communities, centred on Ningbo.
 *
 * @param size target counts
 * @param options seed, category ids, block length
 * @returns the dataset and figures about it
 */
export function generateSyntheticCity(size: CitySize, options: SyntheticCityOptions): { dataset: Dataset; figures: CityFigures } {
  const { categories } = options;
  if (categories.length === 0) throw new RangeError('generateSyntheticCity: no categories');
  if (!(size.segments >= 4)) throw new RangeError(`generateSyntheticCity: bad segment count ${size.segments}`);
  const rand = mulberry32(options.seed ?? 1);
  const block = options.blockMeters ?? 100;
  // segments ≈ 2 n² (1 − removed) + diagonals · n²
  const n = Math.max(2, Math.round(Math.sqrt(size.segments / (2 * (1 - REMOVED_EDGE_SHARE) + DIAGONAL_SHARE))));
  const half = ((n - 1) * block) / 2;
  const mPerDegLat = (EARTH_RADIUS_METERS * Math.PI) / 180;
  const mPerDegLon = mPerDegLat * Math.cos((LAT0 * Math.PI) / 180);
  const toLon = (x: number): number => LON0 + x / mPerDegLon;
  const toLat = (y: number): number => LAT0 + y / mPerDegLat;

  const nodeLon = new Float64Array(n * n);
  const nodeLat = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      nodeLon[j * n + i] = toLon(i * block - half + (rand() - 0.5) * 0.5 * block);
      nodeLat[j * n + i] = toLat(j * block - half + (rand() - 0.5) * 0.5 * block);
    }
  }
  const vertex = (node: number): [number, number] => [nodeLon[node] as number, nodeLat[node] as number];

  const roads: Road[] = [];
  let segments = 0;
  let walkableSegments = 0;
  const flush = (way: [number, number][], highway: string): void => {
    if (way.length < 2) return;
    roads.push({ coordinates: way, highway, speedKmh: null });
    segments += way.length - 1;
    if (highway !== 'motorway') walkableSegments += way.length - 1;
  };
  const line = (nodeAt: (k: number) => number, lineNo: number): void => {
    const highway = lineNo % 97 === 48 ? 'motorway' : lineNo % 10 === 5 ? 'primary' : 'residential';
    let way: [number, number][] = [vertex(nodeAt(0))];
    for (let k = 1; k < n; k++) {
      if (rand() < REMOVED_EDGE_SHARE) {
        flush(way, highway);
        way = [vertex(nodeAt(k))];
        continue;
      }
      way.push(vertex(nodeAt(k)));
      if (way.length === MAX_WAY_VERTICES) {
        flush(way, highway);
        way = [vertex(nodeAt(k))];
      }
    }
    flush(way, highway);
  };
  for (let j = 0; j < n; j++) line((i) => j * n + i, j);
  for (let i = 0; i < n; i++) line((j) => j * n + i, i);
  for (let j = 0; j + 1 < n; j++) {
    for (let i = 0; i + 1 < n; i++) {
      if (rand() >= DIAGONAL_SHARE) continue;
      const way = rand() < 0.5 ? [vertex(j * n + i), vertex((j + 1) * n + i + 1)] : [vertex(j * n + i + 1), vertex((j + 1) * n + i)];
      flush(way, 'footway');
    }
  }

  // population and facility centres shared by both, so demand and supply cluster together
  const centreCount = Math.max(3, Math.round(n / 25));
  const centres = Array.from({ length: centreCount }, () => ({
    x: (rand() - 0.5) * 1.6 * half,
    y: (rand() - 0.5) * 1.6 * half,
    sigma: (0.05 + 0.1 * rand()) * half,
  }));
  const clamp = (v: number): number => Math.max(-half, Math.min(half, v));
  const place = (clusteredShare: number): [number, number] => {
    if (rand() < clusteredShare) {
      const c = centres[Math.floor(rand() * centreCount)]!;
      return [clamp(c.x + gaussian(rand) * c.sigma), clamp(c.y + gaussian(rand) * c.sigma)];
    }
    return [(rand() - 0.5) * 2 * half, (rand() - 0.5) * 2 * half];
  };

  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < categories.length; k++) cumulative.push((sum += CATEGORY_WEIGHTS[k % CATEGORY_WEIGHTS.length]!));
  const facilities: Facility[] = new Array(size.facilities);
  for (let f = 0; f < size.facilities; f++) {
    const u = rand() * sum;
    let k = 0;
    while (k + 1 < categories.length && u >= cumulative[k]!) k++;
    const [x, y] = place(0.55);
    const id = `f${f}`;
    facilities[f] = { index: f, id, name: id, category: categories[k]!, capacity: null, lon: toLon(x), lat: toLat(y) };
  }

  const communities: Community[] = new Array(size.samples);
  let offNetworkCommunities = 0;
  for (let c = 0; c < size.samples; c++) {
    const p = place(0.7);
    let x = p[0];
    const y = p[1];
    if (rand() < OFF_NETWORK_SHARE) {
      // beyond the east edge by 1–3 km: farther than maxSnapMeters (500) from every road
      x = half + 1000 + 2000 * rand();
      offNetworkCommunities++;
    }
    const rural = Math.max(Math.abs(x), Math.abs(y)) > 0.75 * half;
    const id = `c${c}`;
    communities[c] = {
      index: c,
      id,
      name: id,
      kind: rural ? 'rural' : 'urban',
      population: 20 + Math.floor(rand() * 1500),
      geometry: { type: 'Point', coordinates: [toLon(x), toLat(y)] },
    };
  }

  return {
    dataset: { facilities, communities, roads },
    figures: { gridSide: n, roads: roads.length, segments, walkableSegments, offNetworkCommunities },
  };
}
