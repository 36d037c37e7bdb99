import type { AccessField, DemandSamples, Settings } from '../model';
import { KIND_RURAL } from '../model';

/**
 * Coverage of every community and category, thresholded from access fields already computed.
 * Re-running it for new thresholds is cheap (one pass over the samples per category): this is what a
 * threshold slider calls.
 *
 * Layout: arrays indexed `community * categoryCount + category`, categories in the order of
 * `settings.categories`.
 */
export interface Coverage {
  categoryIds: string[];
  communityCount: number;
  /** Covered population share of each community and category, 0–1 (NaN for a community without residents and samples). */
  share: Float64Array;
  /** Seconds from the community's representative sample to the nearest facility (Infinity when none is reachable). */
  repSeconds: Float32Array;
  /** Covered residents of each community and category. */
  coveredPopulation: Float64Array;
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
 * Threshold access fields into coverage.
 *
 * @param samples demand samples (see buildDemandSamples)
 * @param fields one access field per category of `settings.categories`, in the same order
 * @param settings thresholds in minutes per category and community kind
 * @returns coverage per community and category, and totals
 */
export function computeCoverage(samples: DemandSamples, fields: AccessField[], settings: Settings): Coverage {
  const K = settings.categories.length;
  if (fields.length !== K) throw new Error(`computeCoverage: ${fields.length} access fields for ${K} categories`);
  const C = samples.communityStart.length - 1;
  const n = samples.count;
  const share = new Float64Array(C * K);
  const repSeconds = new Float32Array(C * K);
  const coveredPopulation = new Float64Array(C * K);
  const completePopulation = new Float64Array(C);
  const allCovered = new Uint8Array(n).fill(1);
  const totals: CategoryTotals[] = [];

  const communityPop = new Float64Array(C);
  let popUrban = 0;
  let popRural = 0;
  for (let i = 0; i < n; i++) {
    const p = samples.population[i]!;
    communityPop[samples.community[i]!]! += p;
    if (samples.kind[i] === KIND_RURAL) popRural += p;
    else popUrban += p;
  }

  for (let k = 0; k < K; k++) {
    const cat = settings.categories[k]!;
    const field = fields[k]!;
    if (field.category !== cat.id) throw new Error(`computeCoverage: field ${k} is "${field.category}", expected "${cat.id}"`);
    if (field.seconds.length !== n) throw new Error(`computeCoverage: field "${cat.id}" has ${field.seconds.length} values for ${n} samples`);
    const limitUrban = cat.thresholdMinutes.urban * 60;
    const limitRural = cat.thresholdMinutes.rural * 60;
    let covUrban = 0;
    let covRural = 0;
    for (let i = 0; i < n; i++) {
      const rural = samples.kind[i] === KIND_RURAL;
      const ok = field.seconds[i]! <= (rural ? limitRural : limitUrban);
      if (!ok) {
        allCovered[i] = 0;
        continue;
      }
      const p = samples.population[i]!;
      coveredPopulation[samples.community[i]! * K + k]! += p;
      if (rural) covRural += p;
      else covUrban += p;
    }
    for (let c = 0; c < C; c++) {
      const start = samples.communityStart[c]!;
      const end = samples.communityStart[c + 1]!;
      repSeconds[c * K + k] = end > start ? field.seconds[start]! : Infinity;
      const pop = communityPop[c]!;
      if (pop > 0) share[c * K + k] = coveredPopulation[c * K + k]! / pop;
      else share[c * K + k] = end > start ? (field.seconds[start]! <= (samples.kind[start] === KIND_RURAL ? limitRural : limitUrban) ? 1 : 0) : NaN;
    }
    const covered = covUrban + covRural;
    const popTotal = popUrban + popRural;
    totals.push({
      id: cat.id,
      covered,
      coveredUrban: covUrban,
      coveredRural: covRural,
      share: popTotal > 0 ? covered / popTotal : NaN,
      urbanShare: popUrban > 0 ? covUrban / popUrban : NaN,
      ruralShare: popRural > 0 ? covRural / popRural : NaN,
    });
  }

  let completeCovered = 0;
  for (let i = 0; i < n; i++) {
    if (allCovered[i] === 1 && K > 0) {
      const p = samples.population[i]!;
      completePopulation[samples.community[i]!]! += p;
      completeCovered += p;
    }
  }
  return {
    categoryIds: settings.categories.map((c) => c.id),
    communityCount: C,
    share,
    repSeconds,
    coveredPopulation,
    completePopulation,
    totals,
    population: { total: popUrban + popRural, urban: popUrban, rural: popRural },
    completeCovered,
  };
}
