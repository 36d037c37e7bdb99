/**
 * Checks of community polygons that are well-formed GeoJSON but not valid simple features: a ring
 * that crosses itself (a bow-tie), a polygon with no area, a hole outside its outer ring. Each is
 * reported as a reason the reader turns into a warning naming the file and the feature, with what
 * was done about it (the samples are laid by the even–odd rule, see engine/coverage/demand-samples):
 *
 * - self-crossing ring: kept as drawn; the even–odd rule counts both lobes of a bow-tie as inside;
 * - no area (under 1 m²): kept; its whole population sits at one point on it;
 * - hole outside its outer ring: the hole is dropped (even–odd would count it as inhabited area);
 *   a hole crossing its outer ring is kept and named.
 *
 * Work is bounded: self-crossing is searched by a sweep over segments sorted by x, stopping at the
 * first crossing or after {@link MAX_SEGMENT_TESTS} segment pairs per ring.
 */
import type { CommunityGeometry } from '../engine/model';

type Ring = [number, number][];

/** Segment pairs looked at per ring before the self-crossing search gives up (stays silent). */
const MAX_SEGMENT_TESTS = 2_000_000;

/** Square metres per square degree at the equator (for the "no area" test). */
const M2_PER_DEG2 = 111_320 * 111_320;

/** What {@link checkCommunityPolygon} found, and the geometry to use (holes outside dropped). */
export interface PolygonCheck {
  geometry: CommunityGeometry;
  /** One reason per problem, already saying what was done. */
  reasons: string[];
}

/**
 * Check a community geometry (rings closed, ≥ 4 positions each, as readCommunities makes them).
 *
 * @param geometry the community's geometry (not modified)
 * @returns the geometry to keep (a new object when a hole was dropped) and the reasons to warn about
 */
export function checkCommunityPolygon(geometry: CommunityGeometry): PolygonCheck {
  if (geometry.type === 'Point') return { geometry, reasons: [] };
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const reasons: string[] = [];
  let changed = false;
  let areaTotal = 0;
  const kept = polys.map((rings, p) => {
    const where = geometry.type === 'MultiPolygon' ? `part ${p} ` : '';
    const shell = rings[0] as Ring;
    rings.forEach((ring, r) => {
      const x = selfCrossing(ring as Ring);
      if (x)
        reasons.push(
          `${where}${r === 0 ? 'outer ring' : `hole ${r}`} crosses itself near ${fmt(x)} (a bow-tie); kept as drawn: both lobes count as inside`,
        );
      // a bow-tie's lobes cancel in the shoelace sum: it is not "without area"
      if (r === 0) areaTotal += x ? Infinity : Math.abs(ringArea(shell));
    });
    const out: Ring[] = [shell];
    for (let r = 1; r < rings.length; r++) {
      const hole = rings[r] as Ring;
      const side = holeSide(hole, shell);
      if (side === 'outside') {
        reasons.push(`${where}hole ${r} lies outside the outer ring; the hole was dropped`);
        changed = true;
        continue;
      }
      if (side === 'crossing') reasons.push(`${where}hole ${r} crosses the outer ring; kept as drawn`);
      out.push(hole);
    }
    return out;
  });
  const lat = polys[0]?.[0]?.[0]?.[1] ?? 0;
  if (areaTotal * M2_PER_DEG2 * Math.cos((lat * Math.PI) / 180) < 1) {
    reasons.push('the polygon has no area (under 1 m²); kept: its whole population is placed at one point on it');
  }
  if (!changed) return { geometry, reasons };
  return {
    geometry:
      geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: kept[0] as Ring[] } : { type: 'MultiPolygon', coordinates: kept },
    reasons,
  };
}

const fmt = (p: [number, number]): string => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;

/** Signed shoelace area in square degrees. */
function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as [number, number];
    const b = ring[i] as [number, number];
    s += (a[0] - b[0]) * (a[1] + b[1]);
  }
  return s / 2;
}

/** -1 outside, 0 on the boundary, 1 inside (even–odd). */
function pointInRing(x: number, y: number, ring: Ring): -1 | 0 | 1 {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const cross = (xj - xi) * (y - yi) - (x - xi) * (yj - yi);
    if (cross === 0 && Math.min(xi, xj) <= x && x <= Math.max(xi, xj) && Math.min(yi, yj) <= y && y <= Math.max(yi, yj)) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Where a hole lies against its shell, judged on up to 64 of its vertices. */
function holeSide(hole: Ring, shell: Ring): 'inside' | 'outside' | 'crossing' {
  const step = Math.max(1, Math.floor((hole.length - 1) / 64));
  let inside = 0;
  let outside = 0;
  for (let i = 0; i < hole.length - 1; i += step) {
    const [x, y] = hole[i] as [number, number];
    const s = pointInRing(x, y, shell);
    if (s === 1) inside++;
    else if (s === -1) outside++;
  }
  if (outside === 0) return 'inside';
  return inside === 0 ? 'outside' : 'crossing';
}

/** Orientation of c against the line a→b: >0 left, <0 right, 0 collinear. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Where segments i and j of the ring properly cross (not at a shared end), or null. */
function crossing(ring: Ring, i: number, j: number): [number, number] | null {
  const a = ring[i] as [number, number];
  const b = ring[i + 1] as [number, number];
  const c = ring[j] as [number, number];
  const d = ring[j + 1] as [number, number];
  const o1 = orient(a[0], a[1], b[0], b[1], c[0], c[1]);
  const o2 = orient(a[0], a[1], b[0], b[1], d[0], d[1]);
  if (!((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0))) return null;
  const o3 = orient(c[0], c[1], d[0], d[1], a[0], a[1]);
  const o4 = orient(c[0], c[1], d[0], d[1], b[0], b[1]);
  if (!((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return null;
  const t = o3 / (o3 - o4);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

/**
 * The first point where two non-adjacent segments of a closed ring properly cross, or null.
 * Segments sorted by their smaller x are swept left to right, each tested against the open ones.
 */
function selfCrossing(ring: Ring): [number, number] | null {
  const n = ring.length - 1; // segments i: ring[i] → ring[i+1]
  if (n < 4) return null;
  if (n <= 48) {
    // small rings (most communities): every pair, no allocation
    for (let i = 0; i < n; i++)
      for (let j = i + 2; j < n; j++) {
        if (i === 0 && j === n - 1) continue;
        const x = crossing(ring, i, j);
        if (x) return x;
      }
    return null;
  }
  const minX = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i] as [number, number];
    const b = ring[i + 1] as [number, number];
    minX[i] = Math.min(a[0], b[0]);
    order[i] = i;
  }
  order.sort((i, j) => (minX[i] as number) - (minX[j] as number));
  let active: number[] = [];
  let tests = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const x0 = minX[i] as number;
    if ((tests += active.length) > MAX_SEGMENT_TESTS) return null;
    active = active.filter((j) => Math.max((ring[j] as number[])[0] as number, (ring[j + 1] as number[])[0] as number) >= x0);
    for (const j of active) {
      if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue; // neighbours share a vertex
      const x = crossing(ring, i, j);
      if (x) return x;
    }
    active.push(i);
  }
  return null;
}
