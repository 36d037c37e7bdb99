import type { AccessField, DemandSamples, Settings } from '../model';
import { KIND_RURAL } from '../model';

/**
 * Coverage of every community and category, thresholded from access fields already computed.
 * Re-running it for new thresholds is cheap (one pass over the samples per category): this is what a
 * threshold slider calls.
 *
 * Layout: arrays indexed `community * categoryCount + category`, categories in the order of
 * `settings.categories`. The time from each community's representative sample does not depend on
 * thresholds, so it is not here: see `representativeSeconds`.
 */
export interface Coverage {
  categoryIds: string[];
  communityCount: number;
  /** Covered population share of each community and category, 0–1 (NaN for a community without residents and samples). */
  share: Float64Array;
  /** Residents of each community whose every category is within its threshold. */
  completePopulation: Float64Array;
  /** Totals per category: covered residents overall, urban, rural; and residents urban/rural. */
  totals: CategoryTotals[];
  population: { total: number; urban: number; rural: number };
  /** Residents with every category within its threshold. */
  completeCovered: number;
}

/** Totals of one category. */
export interface CategoryTotals {
  id: string;
  covered: number;
  coveredUrban: number;
  coveredRural: number;
  /** Covered share of all residents, urban residents, rural residents (0–1; NaN when there are none). */
  share: number;
  urbanShare: number;
  ruralShare: number;
}

/**
 * One category's totals from its covered residents and all residents (persons) by community kind;
 * a share is NaN where no one lives.
 */
export function categoryTotalsOf(id: string, covUrban: number, covRural: number, popUrban: number, popRural: number): CategoryTotals {
  const cov = covUrban + covRural;
  const popTotal = popUrban + popRural;
  return {
    id,
    covered: cov,
    coveredUrban: covUrban,
    coveredRural: covRural,
    share: popTotal > 0 ? cov / popTotal : NaN,
    urbanShare: popUrban > 0 ? covUrban / popUrban : NaN,
    ruralShare: popRural > 0 ? covRural / popRural : NaN,
  };
}

/**
 * Threshold access fields into coverage.
 *
 * One pass over the samples, community by community (the samples of a community are contiguous, see
 * `DemandSamples.communityStart`), every category at once; sums are taken in sample order.
 *
 * @param samples demand samples (see buildDemandSamples)
 * @param fields one access field per category of `settings.categories`, in the same order
 * @param settings thresholds in minutes per category and community kind
 * @returns coverage per community and category, and totals
 */
export function computeCoverage(samples: DemandSamples, fields: AccessField[], settings: Settings): Coverage {
  const K = settings.categories.length;
  if (fields.length !== K) throw new Error(`computeCoverage: ${fields.length} access fields for ${K} categories`);
  const { community, population, kind, communityStart } = samples;
  const C = communityStart.length - 1;
  const n = samples.count;
  if (communityStart[0] !== 0 || communityStart[C] !== n) {
    throw new Error(`computeCoverage: communityStart runs from ${communityStart[0]} to ${communityStart[C]}, expected 0 to ${n} samples`);
  }
  const seconds: Float32Array[] = [];
  const limitUrban = new Float64Array(K);
  const limitRural = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const cat = settings.categories[k]!;
    const field = fields[k]!;
    if (field.category !== cat.id) throw new Error(`computeCoverage: field ${k} is "${field.category}", expected "${cat.id}"`);
    if (field.seconds.length !== n)
      throw new Error(`computeCoverage: field "${cat.id}" has ${field.seconds.length} values for ${n} samples`);
    seconds.push(field.seconds);
    limitUrban[k] = cat.thresholdMinutes.urban * 60;
    limitRural[k] = cat.thresholdMinutes.rural * 60;
  }
  const share = new Float64Array(C * K);
  const completePopulation = new Float64Array(C);
  const coveredUrban = new Float64Array(K);
  const coveredRural = new Float64Array(K);
  // covered residents of the current community per category (summed in a small hot array, zeroed after use)
  const covered = new Float64Array(K);
  let popUrban = 0;
  let popRural = 0;
  let completeCovered = 0;

  for (let c = 0, end = 0; c < C; c++) {
    const start = end;
    end = communityStart[c + 1]!;
    if (end < start) throw new Error(`computeCoverage: communityStart[${c + 1}] = ${end} is below communityStart[${c}] = ${start}`);
    const base = c * K;
    if (end === start) {
      share.fill(NaN, base, base + K);
      continue;
    }
    if (end === start + 1) {
      // one sample (a point community): its sums are its population (0 + p, as the sums below start at +0)
      if (community[start] !== c)
        throw new Error(`computeCoverage: sample ${start} belongs to community ${community[start]}, not ${c} whose range holds it`);
      const p = population[start]!;
      const pop = 0 + p;
      const rural = kind[start] === KIND_RURAL;
      const limit = rural ? limitRural : limitUrban;
      const byKind = rural ? coveredRural : coveredUrban;
      if (rural) popRural += p;
      else popUrban += p;
      let all = K > 0;
      for (let k = 0; k < K; k++) {
        const rep = seconds[k]![start]!;
        if (rep <= limit[k]!) {
          byKind[k]! += p;
          share[base + k] = pop > 0 ? pop / pop : 1;
        } else {
          all = false;
          share[base + k] = pop > 0 ? 0 / pop : 0;
        }
      }
      if (all) {
        completePopulation[c] = pop;
        completeCovered += p;
      }
      continue;
    }
    let pop = 0;
    let complete = 0;
    for (let i = start; i < end; i++) {
      if (community[i] !== c)
        throw new Error(`computeCoverage: sample ${i} belongs to community ${community[i]}, not ${c} whose range holds it`);
      const p = population[i]!;
      const rural = kind[i] === KIND_RURAL;
      const limit = rural ? limitRural : limitUrban;
      const byKind = rural ? coveredRural : coveredUrban;
      pop += p;
      if (rural) popRural += p;
      else popUrban += p;
      let all = K > 0;
      for (let k = 0; k < K; k++) {
        if (seconds[k]![i]! <= limit[k]!) {
          covered[k]! += p;
          byKind[k]! += p;
        } else all = false;
      }
      if (all) {
        complete += p;
        completeCovered += p;
      }
    }
    completePopulation[c] = complete;
    // the representative sample; a community without residents is covered when it is
    const repRural = kind[start] === KIND_RURAL;
    for (let k = 0; k < K; k++) {
      const rep = seconds[k]![start]!;
      const cov = covered[k]!;
      covered[k] = 0;
      share[base + k] = pop > 0 ? cov / pop : rep <= (repRural ? limitRural[k]! : limitUrban[k]!) ? 1 : 0;
    }
  }

  const totals: CategoryTotals[] = [];
  const popTotal = popUrban + popRural;
  for (let k = 0; k < K; k++) {
    totals.push(categoryTotalsOf(settings.categories[k]!.id, coveredUrban[k]!, coveredRural[k]!, popUrban, popRural));
  }
  return {
    categoryIds: settings.categories.map((c) => c.id),
    communityCount: C,
    share,
    completePopulation,
    totals,
    population: { total: popTotal, urban: popUrban, rural: popRural },
    completeCovered,
  };
}
