/**
 * Facilities of the six categories, placed unevenly: per community a draw per category whose odds
 * fall from the district centre outwards and are lower in villages, each put beside the road node
 * nearest a spot in the community. Every category is guaranteed in both urban and rural areas.
 */
import { gaussian } from '../../src/engine/prng';
import { riverClearanceMeters } from './geography';
import { NodeIndex } from './node-index';
import type { GenCommunity } from './communities';
import type { DistrictShape } from './district-shape';

/** The categories of the sample, in output order. */
export const CATEGORIES = ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience'] as const;
export type SampleCategory = (typeof CATEGORIES)[number];

/** A generated facility, still in local metres. */
export interface GenFacility {
  id: string;
  name: string;
  category: SampleCategory;
  capacity: number;
  /** Kind of the community it was placed for. */
  kind: 'urban' | 'rural';
  x: number;
  y: number;
}

interface Spec {
  urbanOdds: number;
  ruralOdds: number;
  urbanSuffix: string;
  ruralSuffix: string;
  /** Capacity range [min, max] urban, rural; rounded to `step`. */
  urban: [number, number];
  rural: [number, number];
  step: number;
}

const SPECS: Record<SampleCategory, Spec> = {
  clinic: {
    urbanOdds: 0.3,
    ruralOdds: 0.3,
    urbanSuffix: '社区卫生服务站',
    ruralSuffix: '村卫生室',
    urban: [40, 200],
    rural: [10, 60],
    step: 5,
  },
  canteen: {
    urbanOdds: 0.42,
    ruralOdds: 0.25,
    urbanSuffix: '老年食堂',
    ruralSuffix: '村老年食堂',
    urban: [40, 200],
    rural: [20, 80],
    step: 5,
  },
  childcare: {
    urbanOdds: 0.32,
    ruralOdds: 0.08,
    urbanSuffix: '托育园',
    ruralSuffix: '村托育点',
    urban: [30, 150],
    rural: [20, 60],
    step: 1,
  },
  sports: {
    urbanOdds: 0.28,
    ruralOdds: 0.14,
    urbanSuffix: '健身中心',
    ruralSuffix: '村健身广场',
    urban: [60, 500],
    rural: [30, 150],
    step: 10,
  },
  culture: {
    urbanOdds: 0.32,
    ruralOdds: 0.38,
    urbanSuffix: '文化家园',
    ruralSuffix: '村文化礼堂',
    urban: [50, 400],
    rural: [40, 250],
    step: 10,
  },
  convenience: {
    urbanOdds: 0.45,
    ruralOdds: 0.28,
    urbanSuffix: '便民服务中心',
    ruralSuffix: '村便民服务中心',
    urban: [50, 300],
    rural: [20, 120],
    step: 10,
  },
};

/** Minimum facilities of every category in each of urban and rural areas. */
const MIN_PER_CATEGORY_AND_KIND = 5;

/**
 * Place the facilities.
 * @param roadNodes index over walkable street nodes (a facility stands 10–60 m from one, 20–150 m in villages)
 */
export function placeFacilities(
  communities: readonly GenCommunity[],
  shapes: readonly DistrictShape[],
  roadNodes: NodeIndex,
  nodeXY: (id: number) => [number, number],
  rand: () => number,
): GenFacility[] {
  const placed: { c: GenCommunity; cat: SampleCategory }[] = [];
  const count = { urban: new Map<SampleCategory, number>(), rural: new Map<SampleCategory, number>() };
  for (const c of communities) {
    let centrality = 0.55;
    if (c.kind === 'urban') {
      let rel = Infinity;
      for (const s of shapes) rel = Math.min(rel, Math.hypot(c.cx - s.cx, c.cy - s.cy) / s.radiusMeters);
      centrality = 1.35 - 0.75 * Math.min(1, rel);
    }
    for (const cat of CATEGORIES) {
      const odds = c.kind === 'urban' ? SPECS[cat].urbanOdds * centrality : SPECS[cat].ruralOdds;
      if (rand() < odds) placed.push({ c, cat });
    }
  }
  for (const c of communities) for (const cat of CATEGORIES) count[c.kind].set(cat, 0);
  for (const p of placed) count[p.c.kind].set(p.cat, (count[p.c.kind].get(p.cat) ?? 0) + 1);
  // Top up any category too thin in one kind of area, at communities that lack it.
  for (const kind of ['urban', 'rural'] as const) {
    const pool = communities.filter((c) => c.kind === kind);
    for (const cat of CATEGORIES) {
      let guard = 0;
      while ((count[kind].get(cat) ?? 0) < MIN_PER_CATEGORY_AND_KIND && pool.length > 0 && guard++ < 1000) {
        const c = pool[Math.floor(rand() * pool.length)]!;
        if (placed.some((p) => p.c === c && p.cat === cat)) continue;
        placed.push({ c, cat });
        count[kind].set(cat, (count[kind].get(cat) ?? 0) + 1);
      }
    }
  }

  const out: GenFacility[] = [];
  for (const { c, cat } of placed) {
    const spec = SPECS[cat];
    const urban = c.kind === 'urban';
    let x = 0,
      y = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const ax = c.cx + (urban ? 50 : 80) * gaussian(rand);
      const ay = c.cy + (urban ? 50 : 80) * gaussian(rand);
      const node = roadNodes.nearest(ax, ay, 400);
      const [nx, ny] = node >= 0 ? nodeXY(node) : [c.cx, c.cy];
      const off = urban ? 10 + 50 * rand() : 20 + 130 * rand();
      const ang = rand() * Math.PI * 2;
      x = nx + off * Math.cos(ang);
      y = ny + off * Math.sin(ang);
      if (riverClearanceMeters(x, y) > 5) break;
    }
    const [lo, hi] = urban ? spec.urban : spec.rural;
    const capacity = Math.max(lo, Math.round((lo + rand() * (hi - lo)) / spec.step) * spec.step);
    out.push({
      id: `F${String(out.length + 1).padStart(4, '0')}`,
      name: c.stem + (urban ? spec.urbanSuffix : spec.ruralSuffix),
      category: cat,
      capacity,
      kind: c.kind,
      x,
      y,
    });
  }
  return out;
}
