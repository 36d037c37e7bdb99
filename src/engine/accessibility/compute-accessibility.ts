import { KIND_RURAL, type AccessField, type CategoryDef, type Dataset, type DemandSamples, type Problem, type Settings } from '../model';
import type { TravelModel } from '../travel/travel-model';
import { categoryFacilities, computeCatchments, createPairStore } from './catchments';
import { communityAccess } from './community-access';
import { facilitySupply } from './supply';
import { twoStepFca } from './two-step-fca';
import { DEFAULT_ACCESS_WEIGHTS, weightFunction } from './weights';

/** Capacity-aware accessibility of one category. Values are supply per resident (× 1,000 = places per 1,000 residents). */
export interface CategoryAccessibility {
  category: string;
  /** 2SFCA per community (W = 1); NaN = no facility in reach. */
  sfca2: Float64Array;
  /** E2SFCA per community (the category's `accessWeights`, default the E2SFCA steps); NaN = none in reach. */
  sfcaE2: Float64Array;
  /** 2SFCA per demand sample; NaN = none in reach. */
  sample2: Float64Array;
  /** E2SFCA per demand sample; NaN = none in reach. */
  sampleE2: Float64Array;
  /** Residents of the demand (the category's population) in all samples. */
  population: number;
  /** Residents with at least one facility of the category in reach. */
  populationInReach: number;
  /** Resident-weighted mean of the samples' 2SFCA over the residents in reach (NaN when none). */
  meanSfca2: number;
  /** The same for E2SFCA. */
  meanSfcaE2: number;
  /** Σ S_j over the category's facilities (usable capacities). */
  supply: number;
  /** Number of facilities of the category. */
  facilities: number;
  /** Dataset indices of the facilities that supply nothing (capacity missing, zero, negative or not a number). */
  withoutCapacity: number[];
}

/** Capacity-aware accessibility of every category, in the order of `settings.categories`. */
export interface Accessibility {
  categories: CategoryAccessibility[];
  /** One warning per category with facilities that supply nothing. */
  warnings: Problem[];
}

/** Options of {@link computeAccessibility}. */
export interface AccessibilityOptions {
  /**
   * Demand per category (same order as `settings.categories`): residents per sample of an age group
   * (e.g. children 0–3 for childcare); a missing or null entry uses `samples.population`.
   */
  population?: readonly (Float64Array | null | undefined)[];
  /**
   * The analysis' access fields (`Analysis.fields`, same order as `settings.categories`): whether a
   * sample has any facility of a category in reach is read from them. Default: asked of `travel`
   * (one pass over the samples per category on the cached search).
   */
  fields?: readonly AccessField[];
}

/** The weight functions `[urban, rural]` of a category. */
function weightsOf(category: CategoryDef): [ReturnType<typeof weightFunction>, ReturnType<typeof weightFunction>] {
  const w = category.accessWeights ?? DEFAULT_ACCESS_WEIGHTS;
  return [weightFunction(w, category.thresholdMinutes.urban * 60), weightFunction(w, category.thresholdMinutes.rural * 60)];
}

const LISTED_IDS = 20;

/**
 * 2SFCA and E2SFCA (PySAL `access` definitions, see `twoStepFca`) per category, per demand sample
 * and per community, on the analysis' travel model. Demand points are the demand samples (each with
 * its share of its community's residents); supply is the facilities' `capacity`; the catchment is the
 * category's threshold of the sample's kind, inclusive.
 *
 * @param travel the analysis' travel model (`Analysis.travel`)
 * @param dataset facilities (category, capacity, position)
 * @param samples the analysis' demand samples
 * @param settings categories (thresholds, `accessWeights`), speeds, detour, maxSnapMeters
 * @param options demand per category
 */
export function computeAccessibility(
  travel: TravelModel,
  dataset: Pick<Dataset, 'facilities'>,
  samples: DemandSamples,
  settings: Settings,
  options: AccessibilityOptions = {},
): Accessibility {
  const warnings: Problem[] = [];
  const points = { lon: samples.lon, lat: samples.lat, kind: samples.kind };
  // the pairs of one category are read before the next category's overwrite them
  const store = createPairStore();
  const categories = settings.categories.map((cat, k): CategoryAccessibility => {
    const population = options.population?.[k] ?? samples.population;
    if (population.length !== samples.count)
      throw new RangeError(`computeAccessibility: population of "${cat.id}" has ${population.length} values for ${samples.count} samples`);
    const all = categoryFacilities(dataset, cat);
    const { supply: allSupply, withoutCapacity } = facilitySupply(dataset.facilities, all);
    if (withoutCapacity.length > 0) {
      const ids = withoutCapacity.slice(0, LISTED_IDS).map((j) => dataset.facilities[j]!.id);
      const more = withoutCapacity.length > LISTED_IDS ? ` and ${withoutCapacity.length - LISTED_IDS} more` : '';
      warnings.push({
        file: 'facilities',
        index: -1,
        reason: `${withoutCapacity.length} of ${all.length} facilities of category "${cat.id}" have no usable capacity (missing, zero, negative or not a number): ${ids.join(', ')}${more}. They count for coverage but supply nothing to places per 1,000 residents`,
      });
    }
    // A facility that supplies nothing adds nothing to either stage (R_j = 0, so W·R_j = 0): only the
    // facilities with a capacity are searched (in the same order, so every sum adds the same terms).
    // It still puts residents "in reach" (value 0, not NaN): that is the coverage test on the
    // category's access field, the nearest facility being within the threshold.
    const supplied = all.filter((_, f) => allSupply[f]! > 0);
    const supply = allSupply.filter((v) => v > 0);
    const catchments = computeCatchments(travel, dataset, samples, cat, settings, supplied, store);
    const { sfca2: two, sfcaE2: e2 } = twoStepFca(catchments, samples.count, population, samples.kind, supply, weightsOf(cat));
    if (supplied.length < all.length) {
      const seconds = (
        options.fields?.[k] ??
        travel.accessField(
          cat.id,
          Uint32Array.from(all).sort((a, b) => a - b),
          points,
        )
      ).seconds;
      const limitUrban = cat.thresholdMinutes.urban * 60;
      const limitRural = cat.thresholdMinutes.rural * 60;
      for (let i = 0; i < samples.count; i++) {
        if (two.access[i] === two.access[i]) continue; // a supplied facility is in reach
        if (seconds[i]! <= (samples.kind[i] === KIND_RURAL ? limitRural : limitUrban)) two.access[i] = e2.access[i] = 0;
      }
    }
    let total = 0;
    let inReach = 0;
    let sum2 = 0;
    let sumE2 = 0;
    for (let i = 0; i < samples.count; i++) {
      const p = population[i]!;
      total += p;
      const a = two.access[i]!;
      if (a === a && p > 0) {
        inReach += p;
        sum2 += p * a;
        sumE2 += p * e2.access[i]!;
      }
    }
    return {
      category: cat.id,
      sfca2: communityAccess(samples, two.access, population),
      sfcaE2: communityAccess(samples, e2.access, population),
      sample2: two.access,
      sampleE2: e2.access,
      population: total,
      populationInReach: inReach,
      meanSfca2: inReach > 0 ? sum2 / inReach : NaN,
      meanSfcaE2: inReach > 0 ? sumE2 / inReach : NaN,
      supply: supply.reduce((s, v) => s + v, 0),
      facilities: all.length,
      withoutCapacity,
    };
  });
  return { categories, warnings };
}
