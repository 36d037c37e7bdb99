/**
 * Residents by travel time: per category, how many people live at each travel time (2-minute bins
 * up to 60 min, then "over 60", then "unreachable"), urban and rural apart. What the results panel
 * draws as a stacked histogram.
 */
import type { AccessField, DemandSamples } from '../model';
import { KIND_RURAL } from '../model';

/** Width of a travel-time histogram bin, minutes; bins cover 0–60 min, then one bin "over 60", then "unreachable". */
export const HISTOGRAM_BIN_MINUTES = 2;
/** Number of bins: 30 timed bins of HISTOGRAM_BIN_MINUTES, one "over 60 min", one "unreachable". */
export const HISTOGRAM_BINS = 60 / HISTOGRAM_BIN_MINUTES + 2;

/**
 * Residents (sample population, persons) by travel time for every access field.
 * @param samples demand samples (their population and urban/rural kind)
 * @param fields access fields, one per category (seconds per sample; non-finite = unreachable)
 * @returns per field `[urban, rural]`, each a Float64Array of HISTOGRAM_BINS sums of persons
 */
export function travelTimeHistograms(samples: DemandSamples, fields: readonly AccessField[]): Float64Array[][] {
  return fields.map((field) => {
    const h = [new Float64Array(HISTOGRAM_BINS), new Float64Array(HISTOGRAM_BINS)];
    for (let i = 0; i < samples.count; i++) {
      const t = field.seconds[i]! / 60;
      const bin = !Number.isFinite(t) ? HISTOGRAM_BINS - 1 : t >= 60 ? HISTOGRAM_BINS - 2 : Math.floor(t / HISTOGRAM_BIN_MINUTES);
      h[samples.kind[i] === KIND_RURAL ? 1 : 0]![bin]! += samples.population[i]!;
    }
    return h;
  });
}
