/**
 * The plan indicator dashboard: each quantified target of the preset (`Preset.targets`) that the
 * data can compute, as value, target and met / not met, for everyone and per district.
 */
import { categoryTotalsAt } from '../coverage/category-totals';
import type { AccessField, DemandSamples, Facility, PlanTarget, Settings } from '../model';

/** One district's value of a target. */
export interface DashboardCell {
  value: number | null;
  /** null: not computable, or a city-wide count (no target per district). */
  met: boolean | null;
}

/** One target on the dashboard. */
export interface DashboardRow extends DashboardCell {
  target: PlanTarget;
  /** Facilities of the category, and how many of them have no usable capacity (ratio measures). */
  facilities: number;
  missingCapacity: number;
  /** Why there is no value: the category is not analysed, or no facility has a capacity; null when there is one. */
  missing: 'category' | 'capacity' | 'population' | null;
  /** Per district, in group order. */
  districts: DashboardCell[];
}

/** A capacity that supplies: finite and ≥ 0 (missing, negative or not a number supplies nothing). */
const usableCapacity = (c: number | null): c is number => c !== null && Number.isFinite(c) && c >= 0;

/**
 * @param targets the preset's targets
 * @param facilities the dataset's facilities (category, capacity)
 * @param facilityGroup district group of each facility (-1: none)
 * @param samples demand samples (population, kind)
 * @param fields access fields in the order of `settings.categories`
 * @param sampleGroup district group of each sample
 * @param groupCount number of districts
 */
export function planDashboard(
  targets: readonly PlanTarget[],
  facilities: readonly Pick<Facility, 'category' | 'capacity'>[],
  facilityGroup: Int32Array,
  samples: DemandSamples,
  fields: readonly AccessField[],
  settings: Pick<Settings, 'categories'>,
  sampleGroup: Int32Array,
  groupCount: number,
): DashboardRow[] {
  const n = samples.count;
  const pop = samples.population.subarray(0, n);
  const kind = samples.kind.subarray(0, n);
  const groupPop = new Float64Array(groupCount);
  let total = 0;
  for (let i = 0; i < n; i++) {
    groupPop[sampleGroup[i]!]! += pop[i]!;
    total += pop[i]!;
  }
  // facility indices per category, listed once for all the targets of a category (no pair per facility and target)
  const byCategory = new Map<string, number[]>();
  for (const t of targets) byCategory.set(t.category, []);
  for (let i = 0; i < facilities.length; i++) byCategory.get(facilities[i]!.category)?.push(i);
  return targets.map((target) => {
    const k = settings.categories.findIndex((c) => c.id === target.category);
    const mine = byCategory.get(target.category)!;
    const base = { target, facilities: mine.length, missingCapacity: 0 };
    const none = (missing: DashboardRow['missing']): DashboardRow => ({
      ...base,
      value: null,
      met: null,
      missing,
      districts: Array.from({ length: groupCount }, () => ({ value: null, met: null })),
    });
    if (k < 0) return none('category');
    const meets = (v: number | null): boolean | null => (v === null ? null : v >= target.target - 1e-12);
    switch (target.measure) {
      case 'count': {
        const byGroup = new Array<number>(groupCount).fill(0);
        for (const i of mine) if (facilityGroup[i]! >= 0) byGroup[facilityGroup[i]!]!++;
        return {
          ...base,
          value: mine.length,
          met: meets(mine.length),
          missing: null,
          districts: byGroup.map((v) => ({ value: v, met: null })),
        };
      }
      case 'capacityPerThousand':
      case 'capacityPerPerson': {
        const scale = target.measure === 'capacityPerThousand' ? 1000 : 1;
        const supply = new Float64Array(groupCount);
        let all = 0;
        let missingCapacity = 0;
        for (const i of mine) {
          const f = facilities[i]!;
          if (!usableCapacity(f.capacity)) {
            missingCapacity++;
            continue;
          }
          all += f.capacity;
          if (facilityGroup[i]! >= 0) supply[facilityGroup[i]!]! += f.capacity;
        }
        if (mine.length === missingCapacity) return { ...none('capacity'), missingCapacity };
        if (!(total > 0)) return { ...none('population'), missingCapacity };
        const ratio = (s: number, p: number): number | null => (p > 0 ? (s / p) * scale : null);
        const value = ratio(all, total);
        return {
          ...base,
          missingCapacity,
          value,
          met: meets(value),
          missing: null,
          districts: Array.from(groupPop, (p, g) => {
            const v = ratio(supply[g]!, p);
            return { value: v, met: meets(v) };
          }),
        };
      }
      case 'coveredShare': {
        const minutes = target.minutes ?? settings.categories[k]!.thresholdMinutes;
        const seconds = fields[k]!.seconds;
        const limit = [minutes.urban * 60, minutes.rural * 60];
        const covered = new Float64Array(groupCount);
        for (let i = 0; i < n; i++) if (seconds[i]! <= limit[kind[i]!]!) covered[sampleGroup[i]!]! += pop[i]!;
        const t = categoryTotalsAt(target.category, { population: pop, kind, seconds: seconds.subarray(0, n) }, minutes);
        const value = Number.isFinite(t.share) ? t.share : null;
        if (value === null) return none('population');
        return {
          ...base,
          value,
          met: meets(value),
          missing: null,
          districts: Array.from(groupPop, (p, g) => {
            const v = p > 0 ? covered[g]! / p : null;
            return { value: v, met: meets(v) };
          }),
        };
      }
    }
  });
}
