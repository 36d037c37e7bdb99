/**
 * Villages of the countryside: Poisson-disc centres (Bridson) on land away from the towns and
 * rivers, thinned in the hills (Siming foothills in the south-west, Taibai and the Dongqian lake
 * hills in the south-east), each with a star-shaped outline sized by its population.
 */
import { gaussian } from '../../src/engine/prng';
import { isLand, riverClearanceMeters } from './geography';
import { districtClearanceMeters, type DistrictShape } from './district-shape';
import { SAMPLE_BBOX, toXY } from './local-frame';

/** A generated village. */
export interface Village {
  x: number;
  y: number;
  radiusMeters: number;
  population: number;
  /** Counter-clockwise closed ring in local metres. */
  ring: [number, number][];
}

const HILLS: { lon: number; lat: number; radiusMeters: number; keep: number }[] = [
  { lon: 121.36, lat: 29.8, radiusMeters: 14000, keep: 0.35 },
  { lon: 121.76, lat: 29.79, radiusMeters: 7000, keep: 0.3 },
  { lon: 121.66, lat: 29.72, radiusMeters: 8000, keep: 0.5 },
];

function keepProbability(x: number, y: number): number {
  let p = 1;
  for (const h of HILLS) {
    const [hx, hy] = toXY(h.lon, h.lat);
    if (Math.hypot(x - hx, y - hy) < h.radiusMeters) p = Math.min(p, h.keep);
  }
  return p;
}

/**
 * Village centres and outlines.
 * @param minSpacingMeters Poisson-disc radius (default 1,500 m)
 */
export function placeVillages(shapes: readonly DistrictShape[], rand: () => number, minSpacingMeters = 1500): Village[] {
  const [x0, y0] = toXY(SAMPLE_BBOX[0], SAMPLE_BBOX[1]);
  const [x1, y1] = toXY(SAMPLE_BBOX[2], SAMPLE_BBOX[3]);
  const margin = 700;
  const ok = (x: number, y: number): boolean =>
    x > x0 + margin &&
    x < x1 - margin &&
    y > y0 + margin &&
    y < y1 - margin &&
    isLand(x, y, 700) &&
    riverClearanceMeters(x, y) > 650 &&
    districtClearanceMeters(shapes, x, y) > 1300;

  const r = minSpacingMeters;
  const cell = r / Math.SQRT2;
  const cols = Math.ceil((x1 - x0) / cell);
  const rows = Math.ceil((y1 - y0) / cell);
  const grid = new Int32Array(cols * rows).fill(-1);
  const px: number[] = [];
  const py: number[] = [];
  const active: number[] = [];
  const cellOf = (x: number, y: number): number => Math.floor((y - y0) / cell) * cols + Math.floor((x - x0) / cell);
  const add = (x: number, y: number): void => {
    px.push(x);
    py.push(y);
    grid[cellOf(x, y)] = px.length - 1;
    active.push(px.length - 1);
  };
  const farEnough = (x: number, y: number): boolean => {
    const cx = Math.floor((x - x0) / cell);
    const cy = Math.floor((y - y0) / cell);
    for (let j = Math.max(0, cy - 2); j <= Math.min(rows - 1, cy + 2); j++) {
      for (let i = Math.max(0, cx - 2); i <= Math.min(cols - 1, cx + 2); i++) {
        const q = grid[j * cols + i]!;
        if (q >= 0 && Math.hypot(px[q]! - x, py[q]! - y) < r) return false;
      }
    }
    return true;
  };
  for (let seeds = 0, tries = 0; seeds < 12 && tries < 10000; tries++) {
    const x = x0 + rand() * (x1 - x0);
    const y = y0 + rand() * (y1 - y0);
    if (ok(x, y) && farEnough(x, y)) {
      add(x, y);
      seeds++;
    }
  }
  while (active.length > 0) {
    const slot = Math.floor(rand() * active.length);
    const p = active[slot]!;
    let found = false;
    for (let k = 0; k < 24; k++) {
      const ang = rand() * Math.PI * 2;
      const dist = r * (1 + rand());
      const x = px[p]! + dist * Math.cos(ang);
      const y = py[p]! + dist * Math.sin(ang);
      if (x <= x0 || x >= x1 || y <= y0 || y >= y1 || !farEnough(x, y)) continue;
      if (!ok(x, y)) continue;
      add(x, y);
      found = true;
      break;
    }
    if (!found) {
      active[slot] = active[active.length - 1]!;
      active.pop();
    }
  }

  const villages: Village[] = [];
  for (let i = 0; i < px.length; i++) {
    const x = px[i]!,
      y = py[i]!;
    if (rand() >= keepProbability(x, y)) continue;
    const population = Math.round(Math.min(3000, Math.max(200, Math.exp(Math.log(850) + 0.6 * gaussian(rand)))) / 10) * 10;
    const radiusMeters = 110 + 5 * Math.sqrt(population);
    villages.push({ x, y, radiusMeters, population, ring: starRing(x, y, radiusMeters, rand) });
  }
  return villages;
}

/** A star-shaped ring around (x, y): angles strictly increasing, so simple and counter-clockwise. */
function starRing(x: number, y: number, radius: number, rand: () => number): [number, number][] {
  const m = 9 + Math.floor(rand() * 5);
  const a0 = rand() * Math.PI * 2;
  const ring: [number, number][] = [];
  for (let i = 0; i < m; i++) {
    const a = a0 + ((i + 0.6 * (rand() - 0.5)) * 2 * Math.PI) / m;
    const rr = radius * (0.75 + 0.4 * rand());
    ring.push([x + rr * Math.cos(a), y + rr * Math.sin(a)]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}
