import Flatbush from 'flatbush';
import { bboxOfPositions } from '../geo/bbox';

/** Polygon rings `[lon, lat]`: exterior first, then holes. */
export type PolygonRings = readonly (readonly (readonly [number, number] | readonly number[])[])[];

/** Point-in-polygons tests over many polygons (Flatbush on their bounding boxes). */
export interface PolygonIndex {
  /** Whether `[lon, lat]` lies inside any polygon (even–odd rule over its rings; boundary counts as either). */
  contains(lon: number, lat: number): boolean;
}

/**
 * Index polygons for point-in-polygon queries (exclusion areas, gap zones).
 *
 * @param polygons polygons as rings of `[lon, lat]` degrees; not mutated
 */
export function createPolygonIndex(polygons: readonly PolygonRings[]): PolygonIndex {
  const kept = polygons.filter((p) => p.length > 0 && (p[0]?.length ?? 0) >= 3);
  if (kept.length === 0) return { contains: () => false };
  const index = new Flatbush(kept.length);
  for (const poly of kept) {
    const [minX, minY, maxX, maxY] = bboxOfPositions(poly[0]!)!;
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();
  return {
    contains(lon, lat) {
      for (const k of index.search(lon, lat, lon, lat)) if (insideRings(kept[k]!, lon, lat)) return true;
      return false;
    },
  };
}

function insideRings(rings: PolygonRings, x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i]!,
        b = ring[j]!;
      const ay = a[1]!,
        by = b[1]!;
      if (ay > y !== by > y && x < a[0]! + ((y - ay) / (by - ay)) * (b[0]! - a[0]!)) inside = !inside;
    }
  }
  return inside;
}
