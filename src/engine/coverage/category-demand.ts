/**
 * Demand by age group per demand sample: a category whose communities carry their own demand
 * (`Community.demand`, e.g. children aged 0–3 for childcare) spreads it over each community's
 * samples exactly as `buildDemandSamples` spreads the population.
 */
import type { Community, DemandSamples } from '../model';

/**
 * Residents per sample of each category's demand, for `computeAccessibility`'s `population` option.
 *
 * A community's demand D is shared like its population: in proportion to the samples' residents
 * when it has residents; with none, like `buildDemandSamples` would share them (the representative
 * sample alone when the community has no grid sample, else the grid samples equally).
 *
 * @param communities the analysed communities (`demand` per category id; missing: all residents)
 * @param samples their demand samples
 * @param categoryIds category ids in settings order
 * @returns per category a Float64Array of residents (persons) per sample, or null when no community
 *   gives that category a demand (then all residents count)
 */
export function categoryDemand(
  communities: readonly Pick<Community, 'population' | 'demand'>[],
  samples: Pick<DemandSamples, 'count' | 'population' | 'communityStart'>,
  categoryIds: readonly string[],
): (Float64Array | null)[] {
  return categoryIds.map((id) => {
    if (!communities.some((c) => c.demand?.[id] !== undefined)) return null;
    const out = new Float64Array(samples.count);
    communities.forEach((c, ci) => {
      const start = samples.communityStart[ci]!;
      const end = samples.communityStart[ci + 1]!;
      const d = c.demand?.[id] ?? c.population;
      if (c.population > 0) {
        for (let i = start; i < end; i++) out[i] = (samples.population[i]! / c.population) * d;
      } else if (end - start === 1) out[start] = d;
      else out.fill(d / (end - start - 1), start + 1, end);
    });
    return out;
  });
}
