/**
 * Communities: urban residential blocks (xx社区) chosen from the district grids' blocks — more
 * of them and denser towards each centre — and every village (xx村).
 */
import { gaussian } from '../../src/engine/prng';
import { DISTRICTS, districtCenter } from './geography';
import type { Block } from './urban-grid';
import type { Village } from './villages';
import type { NamePool } from './names';

/** A generated community, still in local metres. */
export interface GenCommunity {
  id: string;
  name: string;
  /** Name without the 社区/村 suffix, reused for facility names. */
  stem: string;
  kind: 'urban' | 'rural';
  population: number;
  /** District (区) it reports under: its grid's district, or for a village the district with the nearest centre. */
  district: string;
  /** Counter-clockwise closed ring, local metres. */
  ring: [number, number][];
  cx: number;
  cy: number;
}

function ringArea(ring: [number, number][]): number {
  let a2 = 0;
  for (let i = 1; i < ring.length; i++) a2 += ring[i - 1]![0] * ring[i]![1] - ring[i]![0] * ring[i - 1]![1];
  return a2 / 2;
}

/** Pick urban blocks and add the villages; ids are `C0001` … in output order. */
export function makeCommunities(
  blocks: readonly Block[],
  villages: readonly Village[],
  rand: () => number,
  communityStems: NamePool,
  villageStems: NamePool,
): GenCommunity[] {
  const out: GenCommunity[] = [];
  const id = (): string => `C${String(out.length + 1).padStart(4, '0')}`;
  for (const b of blocks) {
    if (b.relativeRadius > 1.2 || rand() >= 0.8 - 0.28 * Math.min(1, b.relativeRadius)) continue;
    const d = DISTRICTS[b.district]!;
    const density = d.peakDensityPerKm2 * (1 - 0.55 * Math.min(1, b.relativeRadius)) * Math.exp(0.3 * gaussian(rand));
    const population = Math.round(Math.min(12000, Math.max(1500, (ringArea(b.ring) / 1e6) * density)) / 10) * 10;
    const stem = communityStems.take();
    out.push({ id: id(), name: `${stem}社区`, stem, kind: 'urban', population, district: `${d.zh}区`, ring: b.ring, cx: b.cx, cy: b.cy });
  }
  for (const v of villages) {
    const stem = villageStems.take();
    const district = `${nearestDistrict(v.x, v.y).zh}区`;
    out.push({ id: id(), name: `${stem}村`, stem, kind: 'rural', population: v.population, district, ring: v.ring, cx: v.x, cy: v.y });
  }
  return out;
}

/** The district whose centre is nearest to a local-metre point (ties: the earlier district). */
function nearestDistrict(x: number, y: number): (typeof DISTRICTS)[number] {
  let best = DISTRICTS[0]!;
  let bestD = Infinity;
  for (const d of DISTRICTS) {
    const [cx, cy] = districtCenter(d);
    const dist = Math.hypot(x - cx, y - cy);
    if (dist < bestD) {
      bestD = dist;
      best = d;
    }
  }
  return best;
}
