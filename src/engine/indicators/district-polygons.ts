/**
 * District polygons: the community polygons of each district dissolved into one (Multi)Polygon
 * (exact boolean union by polyclip-ts, the clipper Turf's `union` uses). Point communities have no
 * area and add nothing: a district of points only has no polygon. Only polygons whose bounding boxes
 * touch are clipped together (connected groups found with a Flatbush index); a polygon that touches
 * no other is kept as it is, so scattered communities cost nothing.
 */
import Flatbush from 'flatbush';
import { union, type Geom } from 'polyclip-ts';
import { bboxOfPositions, type BBox } from '../geo/bbox';
import type { Community, Problem } from '../model';
import { districtGroups, type DistrictGroups } from './district-groups';

/** The dissolved outline of one district (or of the "unassigned" group). */
export interface DistrictPolygon {
  /** District name; null for the communities without one ("unassigned"). */
  name: string | null;
  /** The union of its polygon communities, `[lon, lat]` degrees; null when it has only point communities. */
  geometry: { type: 'Polygon'; coordinates: [number, number][][] } | { type: 'MultiPolygon'; coordinates: [number, number][][][] } | null;
  /** `[west, south, east, north]` of the dissolved outline, degrees; null without a polygon. */
  bbox: BBox | null;
  /** Polygon communities dissolved into it. */
  polygons: number;
  /** Point communities of the district (no area: not in the outline). */
  points: number;
}

/** District outlines in the order of {@link districtGroups}, and a warning per district whose union failed. */
export interface DistrictPolygons {
  districts: DistrictPolygon[];
  warnings: Problem[];
}

/**
 * Dissolve the polygon communities of each district (`community.district`; empty or missing: the
 * "unassigned" group) into one Polygon, or a MultiPolygon when its parts do not touch. Shared
 * edges disappear, holes between parts stay. Should the clipper fail on a district (degenerate
 * rings it cannot order), that district keeps its communities' polygons as the parts of a
 * MultiPolygon, not dissolved, with a warning naming it.
 *
 * @param communities the dataset's communities (not changed)
 * @param groups their `districtGroups` (computed when not given)
 */
export function districtPolygons(
  communities: readonly Pick<Community, 'district' | 'geometry'>[],
  groups: DistrictGroups = districtGroups(communities),
): DistrictPolygons {
  const parts: Geom[][] = groups.names.map(() => []);
  const points = groups.names.map(() => 0);
  communities.forEach((c, i) => {
    const g = groups.communityGroup[i]!;
    if (c.geometry.type === 'Point') points[g]!++;
    else parts[g]!.push(c.geometry.coordinates as Geom);
  });
  const warnings: Problem[] = [];
  const districts = groups.names.map((name, g): DistrictPolygon => {
    const mine = parts[g]!;
    if (mine.length === 0) return { name, geometry: null, bbox: null, polygons: 0, points: points[g]! };
    let polys: [number, number][][][];
    try {
      polys = touchingGroups(mine).flatMap((grp) =>
        grp.length === 1
          ? asPolygons(mine[grp[0]!]!)
          : (union(mine[grp[0]!]!, ...grp.slice(1).map((i) => mine[i]!)) as [number, number][][][]),
      );
    } catch (e) {
      warnings.push({
        file: 'communities',
        index: -1,
        reason: `the polygons of district "${name ?? 'unassigned'}" could not be dissolved (${e instanceof Error ? e.message : String(e)}): its outline is the communities' polygons as they are`,
      });
      polys = mine.flatMap(asPolygons);
    }
    let bbox: BBox | null = null;
    for (const p of polys) bbox = bboxOfPositions(p[0] ?? [], bbox);
    const geometry =
      polys.length === 1 ? { type: 'Polygon' as const, coordinates: polys[0]! } : { type: 'MultiPolygon' as const, coordinates: polys };
    return { name, geometry: polys.length === 0 ? null : geometry, bbox, polygons: mine.length, points: points[g]! };
  });
  return { districts, warnings };
}

/** A Polygon's rings or a MultiPolygon's polygons, as a list of polygons. */
function asPolygons(g: Geom): [number, number][][][] {
  return typeof g[0]![0]![0] === 'number' ? [g as [number, number][][]] : (g as [number, number][][][]);
}

/** Groups (indices into `geoms`) whose outer-ring bounding boxes touch, directly or through others; each group in index order. */
function touchingGroups(geoms: readonly Geom[]): number[][] {
  const n = geoms.length;
  const boxes = geoms.map((g) => asPolygons(g).reduce<BBox | null>((b, p) => bboxOfPositions(p[0] ?? [], b), null)!);
  const index = new Flatbush(n);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  boxes.forEach((b, i) => {
    for (const j of index.search(b[0], b[1], b[2], b[3])) {
      const a = find(i);
      const c = find(j);
      if (a !== c) parent[Math.max(a, c)] = Math.min(a, c);
    }
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}
