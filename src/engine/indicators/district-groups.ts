/**
 * Communities grouped by their district (区县 / 街道 / 乡镇): one group per distinct district name
 * (code-point order, so the same on every machine), then the communities without one, the
 * "unassigned" group, when there are any.
 */
import { bboxOfPositions, type BBox } from '../geo/bbox';
import type { Community, CommunityGeometry } from '../model';

/** The districts of a dataset. */
export interface DistrictGroups {
  /** District names in group order; null for the "unassigned" group (always last when present). */
  names: (string | null)[];
  /** Group index of each community. */
  communityGroup: Int32Array;
  /** Bounding box `[west, south, east, north]` (degrees) of each group's communities. */
  bboxes: (BBox | null)[];
  /** Communities per group. */
  counts: number[];
}

/** Every position of a geometry's outer rings (a point: itself). */
function outerPositions(g: CommunityGeometry): (readonly number[])[] {
  if (g.type === 'Point') return [g.coordinates];
  if (g.type === 'Polygon') return g.coordinates[0] ?? [];
  return g.coordinates.flatMap((p) => p[0] ?? []);
}

/**
 * Group communities by `district`; empty or missing → the "unassigned" group (name null).
 * @param communities the dataset's communities (not changed)
 */
export function districtGroups(communities: readonly Pick<Community, 'district' | 'geometry'>[]): DistrictGroups {
  const distinct = new Set<string>();
  let unassigned = false;
  for (const c of communities) {
    if (c.district !== undefined && c.district !== '') distinct.add(c.district);
    else unassigned = true;
  }
  const names: (string | null)[] = [...distinct].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (unassigned) names.push(null);
  const index = new Map<string | null, number>(names.map((n, i) => [n, i]));
  const communityGroup = new Int32Array(communities.length);
  const bboxes: (BBox | null)[] = names.map(() => null);
  const counts = names.map(() => 0);
  communities.forEach((c, i) => {
    const g = index.get(c.district !== undefined && c.district !== '' ? c.district : null)!;
    communityGroup[i] = g;
    counts[g]!++;
    bboxes[g] = bboxOfPositions(outerPositions(c.geometry), bboxes[g] ?? null);
  });
  return { names, communityGroup, bboxes, counts };
}
