import pointOnFeature from '@turf/point-on-feature';
import type { Community, DemandSamples } from '../model';
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
 * @param communities validated communities (WGS84)
 * @param spacingMeters grid spacing in metres (default 100)
 * @returns samples in community order; see DemandSamples
 */
export function buildDemandSamples(communities: readonly Community[], spacingMeters = 100): DemandSamples {
  if (!(spacingMeters > 0)) throw new Error(`buildDemandSamples: spacingMeters must be > 0, got ${spacingMeters}`);
  const lon: number[] = [];
  const lat: number[] = [];
  const pop: number[] = [];
  const owner: number[] = [];
  const kind: number[] = [];
  const start = new Uint32Array(communities.length + 1);
  const gridLon: number[] = [];
  const gridLat: number[] = [];

  communities.forEach((c, ci) => {
    start[ci] = lon.length;
    const k = c.kind === 'rural' ? KIND_RURAL : KIND_URBAN;
    const g = c.geometry;
    if (g.type === 'Point') {
      lon.push(g.coordinates[0]);
      lat.push(g.coordinates[1]);
      pop.push(c.population);
      owner.push(ci);
      kind.push(k);
      return;
    }
    const rep = pointOnFeature({ type: 'Feature', properties: {}, geometry: g }).geometry.coordinates;
    gridLon.length = 0;
    gridLat.length = 0;
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    fillGrid(rings, spacingMeters, gridLon, gridLat);
    const m = gridLon.length;
    lon.push(rep[0]!);
    lat.push(rep[1]!);
    pop.push(m === 0 ? c.population : 0);
    owner.push(ci);
    kind.push(k);
    const each = m > 0 ? c.population / m : 0;
    for (let i = 0; i < m; i++) {
      lon.push(gridLon[i]!);
      lat.push(gridLat[i]!);
      pop.push(each);
      owner.push(ci);
      kind.push(k);
    }
  });
  start[communities.length] = lon.length;
  return {
    count: lon.length,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    community: Uint32Array.from(owner),
    population: Float64Array.from(pop),
    kind: Uint8Array.from(kind),
    communityStart: start,
  };
}

/**
 * Append the centres of grid cells inside the rings (even–odd rule) by scanlines.
 * The grid is aligned to multiples of the spacing in degrees at the rings' mean latitude.
 */
function fillGrid(rings: readonly (readonly (readonly number[])[])[], spacingMeters: number, outLon: number[], outLat: number[]): void {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const ring of rings) for (const p of ring) {
    const x = p[0]!, y = p[1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!(maxX >= minX && maxY >= minY)) return;
  const dy = spacingMeters / METERS_PER_DEGREE;
  const dx = dy / Math.max(Math.cos((((minY + maxY) / 2) * Math.PI) / 180), 1e-6);
  const xs: number[] = [];
  for (let row = Math.floor(minY / dy); (row + 0.5) * dy <= maxY; row++) {
    const y = (row + 0.5) * dy;
    if (y < minY) continue;
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i]!, b = ring[j]!;
        const ay = a[1]!, by = b[1]!;
        if ((ay > y) !== (by > y)) xs.push(a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!));
      }
    }
    xs.sort((p, q) => p - q);
    for (let s = 0; s + 1 < xs.length; s += 2) {
      const x0 = xs[s]!, x1 = xs[s + 1]!;
      for (let col = Math.ceil(x0 / dx - 0.5); (col + 0.5) * dx < x1; col++) {
        outLon.push((col + 0.5) * dx);
        outLat.push(y);
      }
    }
  }
}
