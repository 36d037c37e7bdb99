import pointOnFeature from '@turf/point-on-feature';
import type { Community, CommunityGeometry, DemandSamples } from '../model';
import { KIND_RURAL, KIND_URBAN } from '../model';
import { METERS_PER_DEGREE } from './raster-grid';

/**
 * Demand samples of communities: where residents are counted.
 *
 * A point community is one sample. A polygon community gets a grid of samples `spacingMeters` apart
 * (cell centres of a grid aligned to multiples of the spacing, even–odd rule for holes and multipolygons)
 * plus, first, its representative sample: a point on its surface (the centroid when inside). The
 * population is shared equally among the grid samples; the representative sample carries the whole
 * population only when the grid has no sample inside (a polygon smaller than a cell), else none.
 *
 * Bounded: more than `maxSamples` in all (default {@link MAX_DEMAND_SAMPLES}) throws a RangeError naming
 * the community that crossed the limit, before the memory is taken (readers refuse such data first,
 * see io/load-dataset; this is the last guard).
 *
 * @param communities validated communities (WGS84)
 * @param spacingMeters grid spacing in metres (default 100)
 * @param maxSamples most samples allowed
 * @returns samples in community order; see DemandSamples
 */
export function buildDemandSamples(communities: readonly Community[], spacingMeters = 100, maxSamples = MAX_DEMAND_SAMPLES): DemandSamples {
  if (!(spacingMeters > 0)) throw new Error(`buildDemandSamples: spacingMeters must be > 0, got ${spacingMeters}`);
  const C = communities.length;
  // One slot per community: a point community's sample or a polygon's representative sample (with the
  // community's population). When no polygon has grid samples, the slots are the samples: no copy.
  const slots = allocSamples(C);
  const { lon, lat, population, community, kind } = slots;
  const start = new Uint32Array(C + 1);
  // grid samples of every polygon, in community order
  const grid: GridBuffer = { lon: new Float64Array(0), lat: new Float64Array(0), length: 0 };
  let n = 0;
  for (let ci = 0; ci < C; ci++) {
    const c = communities[ci]!;
    start[ci] = n;
    community[ci] = ci;
    kind[ci] = c.kind === 'rural' ? KIND_RURAL : KIND_URBAN;
    population[ci] = c.population;
    const g = c.geometry;
    if (g.type === 'Point') {
      lon[ci] = g.coordinates[0];
      lat[ci] = g.coordinates[1];
      n++;
      continue;
    }
    const rep = pointOnFeature({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates;
    lon[ci] = rep[0]!;
    lat[ci] = rep[1]!;
    const before = grid.length;
    const room = maxSamples - C - before; // every community keeps its one slot
    if (!fillGrid(g.type === 'Polygon' ? g.coordinates : g.coordinates.flat(), spacingMeters, grid, room)) {
      throw new RangeError(
        `demand samples: community "${c.id}" (#${ci}) needs more than the ${maxSamples.toLocaleString('en')} ` +
          `demand samples allowed in all at ${spacingMeters} m spacing: split or shrink it, or sample more coarsely`,
      );
    }
    n += 1 + grid.length - before;
  }
  start[C] = n;
  if (n === C) return { count: n, lon, lat, community, population, kind, communityStart: start };

  // polygons with grid samples: each slot, then its grid samples sharing the population equally
  const out = allocSamples(n);
  for (let ci = 0, g = 0; ci < C; ci++) {
    const s = start[ci]!;
    const m = start[ci + 1]! - s - 1;
    const pop = population[ci]!;
    out.lon[s] = lon[ci]!;
    out.lat[s] = lat[ci]!;
    out.community[s] = ci;
    out.kind[s] = kind[ci]!;
    out.population[s] = m === 0 ? pop : 0;
    if (m === 0) continue;
    out.lon.set(grid.lon.subarray(g, g + m), s + 1);
    out.lat.set(grid.lat.subarray(g, g + m), s + 1);
    out.population.fill(pop / m, s + 1, s + 1 + m);
    out.community.fill(ci, s + 1, s + 1 + m);
    out.kind.fill(kind[ci]!, s + 1, s + 1 + m);
    g += m;
  }
  return {
    count: n,
    lon: out.lon,
    lat: out.lat,
    community: out.community,
    population: out.population,
    kind: out.kind,
    communityStart: start,
  };
}

/** Most demand samples {@link buildDemandSamples} makes (5,000,000: several GB once travel times are computed). */
export const MAX_DEMAND_SAMPLES = 5_000_000;

/**
 * About how many demand samples a community gets at `spacingMeters`: 1 for a point; for a polygon,
 * 1 + the summed area of its rings (each counted positive, an upper estimate with holes) over the
 * spacing squared. O(vertices), no allocation; for refusing inputs before sampling them.
 */
export function estimateDemandSamples(geometry: CommunityGeometry, spacingMeters: number): number {
  if (geometry.type === 'Point') return 1;
  let m2 = 0;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const rings of polygons) for (const ring of rings) m2 += Math.abs(ringAreaM2(ring));
  return 1 + Math.floor(m2 / (spacingMeters * spacingMeters));
}

/** Signed area of a ring in m² (equirectangular at the ring's first latitude; fine at community size). */
function ringAreaM2(ring: readonly (readonly number[])[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const kx = METERS_PER_DEGREE * Math.cos((ring[0]![1]! * Math.PI) / 180);
  let twice = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) twice += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return (twice / 2) * kx * METERS_PER_DEGREE;
}

/** The per-sample arrays of DemandSamples. */
interface SampleArrays {
  lon: Float64Array;
  lat: Float64Array;
  population: Float64Array;
  community: Uint32Array;
  kind: Uint8Array;
}

function allocSamples(count: number): SampleArrays {
  return {
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    population: new Float64Array(count),
    community: new Uint32Array(count),
    kind: new Uint8Array(count),
  };
}

/** Grid sample coordinates, appended polygon after polygon (grows by doubling). */
interface GridBuffer {
  lon: Float64Array;
  lat: Float64Array;
  length: number;
}

/**
 * Append the centres of grid cells inside the rings (even–odd rule) by scanlines to `out`.
 * The grid is aligned to multiples of the spacing in degrees at the rings' mean latitude.
 *
 * @returns false (having stopped) when the rings would add more than `room` samples
 */
function fillGrid(rings: readonly (readonly (readonly number[])[])[], spacingMeters: number, out: GridBuffer, room: number): boolean {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const ring of rings)
    for (const p of ring) {
      const x = p[0]!,
        y = p[1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  if (!(maxX >= minX && maxY >= minY)) return true;
  const limit = out.length + Math.max(0, room);
  const dy = spacingMeters / METERS_PER_DEGREE;
  const dx = dy / Math.max(Math.cos((((minY + maxY) / 2) * Math.PI) / 180), 1e-6);
  const xs: number[] = [];
  for (let row = Math.floor(minY / dy); (row + 0.5) * dy <= maxY; row++) {
    const y = (row + 0.5) * dy;
    if (y < minY) continue;
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i]!,
          b = ring[j]!;
        const ay = a[1]!,
          by = b[1]!;
        if (ay > y !== by > y) xs.push(a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!));
      }
    }
    xs.sort((p, q) => p - q);
    for (let s = 0; s + 1 < xs.length; s += 2) {
      const x0 = xs[s]!,
        x1 = xs[s + 1]!;
      for (let col = Math.ceil(x0 / dx - 0.5); (col + 0.5) * dx < x1; col++) {
        if (out.length >= limit) return false;
        if (out.length === out.lon.length) growGrid(out);
        out.lon[out.length] = (col + 0.5) * dx;
        out.lat[out.length++] = y;
      }
    }
  }
  return true;
}

/** Double the room of a grid buffer (at least 256 samples), keeping its samples. */
function growGrid(out: GridBuffer): void {
  const lon = new Float64Array(Math.max(256, 2 * out.lon.length));
  const lat = new Float64Array(lon.length);
  lon.set(out.lon.subarray(0, out.length));
  lat.set(out.lat.subarray(0, out.length));
  out.lon = lon;
  out.lat = lat;
}
