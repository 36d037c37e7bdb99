import pointOnFeature from '@turf/point-on-feature';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Collected, KeptRelation } from './collect-osm';
import type { NodeStore } from './node-store';
import { inRing, joinRings, orient, ringAreaM2, type Ring } from './rings';

const round7 = (v: number): number => Math.round(v * 1e7) / 1e7;

/** Positions of node refs, or null when a node is missing from the file. */
export function positionsOf(refs: readonly number[], nodes: NodeStore): [number, number][] | null {
  const out: [number, number][] = [];
  for (const ref of refs) {
    const k = nodes.indexOf(ref);
    if (!nodes.has(k)) return null;
    out.push([round7(nodes.lon[k] as number), round7(nodes.lat[k] as number)]);
  }
  return out;
}

/** An area: its GeoJSON geometry, its rings (for point-in-polygon) and its area in m². */
export interface AreaShape {
  geometry: Polygon | MultiPolygon;
  rings: Ring[];
  areaM2: number;
}

/** A closed way as an area, or the reason it is not one. */
export function wayArea(refs: readonly number[], nodes: NodeStore): AreaShape | string {
  if (refs.length < 4 || refs[0] !== refs[refs.length - 1]) return 'the way is not closed';
  const ring = positionsOf(refs, nodes);
  if (!ring) return 'nodes missing from the file';
  const outer = orient(ring, true);
  return { geometry: { type: 'Polygon', coordinates: [outer] }, rings: [outer], areaM2: ringAreaM2(outer) };
}

/**
 * A multipolygon/boundary relation as an area: outer and inner member ways joined end to end into
 * rings, each inner ring put in the outer ring holding its first vertex. Returns the reason when no
 * outer ring closes (a broken relation) or members are missing from the file.
 */
export function relationArea(rel: KeptRelation, c: Collected): AreaShape | string {
  const lists = (ids: number[]): (readonly number[])[] | null => {
    const out: (readonly number[])[] = [];
    for (const id of ids) {
      const refs = c.memberWays.get(id);
      if (!refs) return null;
      out.push(refs);
    }
    return out;
  };
  const outerWays = lists(rel.outer);
  const innerWays = lists(rel.inner);
  if (!outerWays || !innerWays) return 'member ways missing from the file';
  const outer = joinRings(outerWays);
  const inner = joinRings(innerWays);
  if (outer.rings.length === 0) return `its ${rel.outer.length} outer member ways do not close into a ring`;
  const outerRings: Ring[] = [];
  for (const r of outer.rings) {
    const pos = positionsOf(r, c.nodes);
    if (!pos) return 'nodes missing from the file';
    outerRings.push(orient(pos, true));
  }
  const polygons: Ring[][] = outerRings.map((r) => [r]);
  for (const r of inner.rings) {
    const pos = positionsOf(r, c.nodes);
    if (!pos) return 'nodes missing from the file';
    const host = polygons.find((p) => inRing(pos[0]![0], pos[0]![1], p[0] as Ring));
    if (host) host.push(orient(pos, false));
  }
  let areaM2 = 0;
  for (const p of polygons) areaM2 += ringAreaM2(p[0] as Ring) - p.slice(1).reduce((s, h) => s + ringAreaM2(h), 0);
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] as Ring[] } : { type: 'MultiPolygon', coordinates: polygons };
  return { geometry, rings: polygons.flat(), areaM2 };
}

/** A point on the surface of an area (`@turf/point-on-feature`), rounded to 1e-7 degrees. */
export function pointOnArea(geometry: Polygon | MultiPolygon): [number, number] {
  const p = pointOnFeature({ type: 'Feature', properties: {}, geometry }).geometry as Point;
  return [round7(p.coordinates[0] as number), round7(p.coordinates[1] as number)];
}
