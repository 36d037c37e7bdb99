/**
 * Representative points of communities for "fly to": the area-weighted centroid of each geometry
 * (holes subtracted, parts of a MultiPolygon weighted by area), the point itself for a Point, the
 * vertex mean when a polygon has no area. Computed once per feature collection (memoised).
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

/** Centroids by community index: `lon[i]`, `lat[i]` in degrees (NaN when a feature has no geometry). */
export interface Centroids {
  lon: Float64Array;
  lat: Float64Array;
}

/** Signed area (shoelace, degrees², positive counter-clockwise) and first moments of one ring. */
function ringMoments(ring: readonly Position[]): { area: number; mx: number; my: number } {
  let a = 0;
  let mx = 0;
  let my = 0;
  const n = ring.length;
  if (n < 3) return { area: 0, mx: 0, my: 0 };
  // relative to the first vertex: keeps precision for small polygons far from (0, 0)
  const x0 = ring[0]![0]!;
  const y0 = ring[0]![1]!;
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    const q = ring[(i + 1) % n]!;
    const x1 = p[0]! - x0,
      y1 = p[1]! - y0,
      x2 = q[0]! - x0,
      y2 = q[1]! - y0;
    const cross = x1 * y2 - x2 * y1;
    a += cross;
    mx += (x1 + x2) * cross;
    my += (y1 + y2) * cross;
  }
  a /= 2;
  // moments about the origin shifted back: ∫x dA = mx/6 + x0·A
  return { area: a, mx: mx / 6 + x0 * a, my: my / 6 + y0 * a };
}

/**
 * Centroid `[lon, lat]` of a GeoJSON geometry, or null when it has no coordinates. Polygons: outer
 * rings add, holes subtract, whatever their winding. Lines and multipoints: the mean of their vertices.
 */
export function geometryCentroid(geometry: Geometry | null | undefined): [number, number] | null {
  if (!geometry) return null;
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates[0]!, geometry.coordinates[1]!];
    case 'Polygon':
    case 'MultiPolygon': {
      const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      let area = 0,
        mx = 0,
        my = 0;
      for (const rings of polygons) {
        rings.forEach((ring, r) => {
          const m = ringMoments(ring);
          const s = (r === 0 ? 1 : -1) * Math.sign(m.area); // outer adds, holes subtract
          area += s * m.area;
          mx += s * m.mx;
          my += s * m.my;
        });
      }
      if (Math.abs(area) > 1e-18) return [mx / area, my / area];
      return vertexMean(polygons.flatMap((rings) => rings[0] ?? []));
    }
    case 'LineString':
    case 'MultiPoint':
      return vertexMean(geometry.coordinates);
    case 'MultiLineString':
      return vertexMean(geometry.coordinates.flat());
    case 'GeometryCollection':
      return vertexMean(
        geometry.geometries.flatMap((g) => {
          const c = geometryCentroid(g);
          return c ? [c] : [];
        }),
      );
  }
}

function vertexMean(points: readonly Position[]): [number, number] | null {
  if (points.length === 0) return null;
  let x = 0,
    y = 0;
  for (const p of points) {
    x += p[0]!;
    y += p[1]!;
  }
  return [x / points.length, y / points.length];
}

const memo = new WeakMap<FeatureCollection, Centroids>();

/**
 * Centroids of every feature, by index; memoised on the collection object (the store replaces the
 * collection when data changes, so a new dataset gets new centroids).
 */
export function communityCentroids(communities: FeatureCollection): Centroids {
  let c = memo.get(communities);
  if (!c) {
    const n = communities.features.length;
    c = { lon: new Float64Array(n).fill(NaN), lat: new Float64Array(n).fill(NaN) };
    communities.features.forEach((f, i) => {
      const p = geometryCentroid(f.geometry);
      if (p) {
        c!.lon[i] = p[0];
        c!.lat[i] = p[1];
      }
    });
    memo.set(communities, c);
  }
  return c;
}
