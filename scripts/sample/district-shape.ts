/**
 * Which district owns a point: each district is a wobbly disc (radius modulated by two seeded
 * harmonics of the bearing); where discs overlap, the point belongs to the district it is
 * relatively deepest in, so neighbouring grids meet along a seam instead of overlapping.
 */
import { DISTRICTS, districtCenter } from './geography';

/** Seeded harmonics of one district's outline. */
export interface DistrictShape {
  cx: number;
  cy: number;
  radiusMeters: number;
  phase3: number;
  phase5: number;
  amp3: number;
  amp5: number;
}

/** One shape per entry of {@link DISTRICTS}, drawn from `rand`. */
export function makeDistrictShapes(rand: () => number): DistrictShape[] {
  return DISTRICTS.map((d) => {
    const [cx, cy] = districtCenter(d);
    return {
      cx,
      cy,
      radiusMeters: d.radiusMeters,
      phase3: rand() * Math.PI * 2,
      phase5: rand() * Math.PI * 2,
      amp3: 0.08 + rand() * 0.1,
      amp5: 0.04 + rand() * 0.06,
    };
  });
}

/** The district's outline radius in metres along the bearing from its centre to (x, y). */
function outlineRadiusMeters(s: DistrictShape, x: number, y: number): number {
  const a = Math.atan2(y - s.cy, x - s.cx);
  return s.radiusMeters * (1 + s.amp3 * Math.sin(3 * a + s.phase3) + s.amp5 * Math.sin(5 * a + s.phase5));
}

/** Relative depth: < 1 inside the outline, 0 at the centre. */
function districtScore(s: DistrictShape, x: number, y: number): number {
  return Math.hypot(x - s.cx, y - s.cy) / outlineRadiusMeters(s, x, y);
}

/** Index of the district owning (x, y), or -1 when the point is outside every outline. */
export function owningDistrict(shapes: readonly DistrictShape[], x: number, y: number): number {
  let best = -1;
  let bestScore = 1;
  for (let k = 0; k < shapes.length; k++) {
    const score = districtScore(shapes[k]!, x, y);
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

/** Metres from (x, y) to the nearest district outline (negative inside a district). */
export function districtClearanceMeters(shapes: readonly DistrictShape[], x: number, y: number): number {
  let best = Infinity;
  for (const s of shapes) best = Math.min(best, Math.hypot(x - s.cx, y - s.cy) - outlineRadiusMeters(s, x, y));
  return best;
}
