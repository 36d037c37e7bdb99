/**
 * Residents by minutes band, covered residents, residents beyond twice the threshold and the
 * population-weighted median time of one category, per group of communities (districts) and for
 * all, urban and rural residents apart. Reads the access field (seconds per demand sample); thresholds
 * are the category's, inclusive (≤) as in coverage.
 */
import { KIND_RURAL, type PerKind } from '../model';

/** Upper edges of the minutes bands, inclusive: 0–5, 5–10, 10–15, 15–20, 20–30, > 30, then "no road". */
export const BAND_EDGES_MIN: readonly number[] = Object.freeze([5, 10, 15, 20, 30]);
/** Bands per kind: the five closed bands, "> 30 minutes", and "no road" (no facility reachable). */
export const BAND_COUNT = BAND_EDGES_MIN.length + 2;

/** Figures of one set of residents (persons; minutes). */
export interface ResidentStats {
  /** Residents (persons). */
  population: number;
  /** Residents within the threshold. */
  covered: number;
  /** Residents farther than twice the threshold, or with no facility in reach. */
  beyondTwice: number;
  /** Residents per band (see {@link BAND_EDGES_MIN}; last = no road), length {@link BAND_COUNT}. */
  bands: number[];
  /** Population-weighted median minutes: the least t with residents at ≤ t ≥ half; null when none live here or that t is unreachable. */
  medianMinutes: number | null;
}

/** {@link ResidentStats} of all residents of a group and of its urban and rural residents. */
export interface GroupStats {
  all: ResidentStats;
  urban: ResidentStats;
  rural: ResidentStats;
}

/** The band of a time in seconds (see {@link BAND_EDGES_MIN}; non-finite → the last, "no road"). */
export function bandOf(seconds: number): number {
  if (!Number.isFinite(seconds)) return BAND_COUNT - 1;
  for (let b = 0; b < BAND_EDGES_MIN.length; b++) if (seconds <= BAND_EDGES_MIN[b]! * 60) return b;
  return BAND_EDGES_MIN.length;
}

const emptyStats = (): ResidentStats => ({
  population: 0,
  covered: 0,
  beyondTwice: 0,
  bands: new Array<number>(BAND_COUNT).fill(0),
  medianMinutes: null,
});

/**
 * Statistics of one category per group and for everyone.
 *
 * @param seconds travel seconds per demand sample (the category's access field; non-finite = none in reach)
 * @param population residents per sample
 * @param kind community kind code per sample (KIND_URBAN / KIND_RURAL)
 * @param thresholdMinutes the category's threshold per kind, minutes
 * @param sampleGroup group index per sample (0..groupCount-1), or null for no groups
 * @param groupCount number of groups
 * @returns `groupCount + 1` entries: the groups, then everyone
 */
export function accessStats(
  seconds: Float32Array,
  population: Float64Array,
  kind: Uint8Array,
  thresholdMinutes: PerKind<number>,
  sampleGroup: Int32Array | null,
  groupCount: number,
): GroupStats[] {
  const n = seconds.length;
  if (population.length < n || kind.length < n || (sampleGroup && sampleGroup.length < n))
    throw new RangeError(`accessStats: ${n} times, ${population.length} populations, ${kind.length} kinds`);
  const G = sampleGroup ? groupCount : 0;
  const out: GroupStats[] = [];
  for (let g = 0; g <= G; g++) out.push({ all: emptyStats(), urban: emptyStats(), rural: emptyStats() });
  const limit = [thresholdMinutes.urban * 60, thresholdMinutes.rural * 60];
  const add = (st: ResidentStats, p: number, s: number, lim: number, band: number): void => {
    st.population += p;
    if (s <= lim) st.covered += p;
    if (!(s <= 2 * lim)) st.beyondTwice += p;
    st.bands[band]! += p;
  };
  for (let i = 0; i < n; i++) {
    const p = population[i]!;
    const s = seconds[i]!;
    const rural = kind[i] === KIND_RURAL;
    const lim = limit[rural ? 1 : 0]!;
    const band = bandOf(s);
    const targets = sampleGroup ? [out[sampleGroup[i]!]!, out[G]!] : [out[G]!];
    for (const t of targets) {
      add(t.all, p, s, lim, band);
      add(rural ? t.rural : t.urban, p, s, lim, band);
    }
  }
  // medians: one walk over the samples in time order (ties by index), every group and kind at once
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const sa = seconds[a]!;
    const sb = seconds[b]!;
    return sa < sb ? -1 : sa > sb ? 1 : a - b;
  });
  const cum = new Map<ResidentStats, number>();
  const step = (st: ResidentStats, p: number, s: number): void => {
    if (st.medianMinutes !== null || !(st.population > 0)) return;
    const c = (cum.get(st) ?? 0) + p;
    cum.set(st, c);
    if (c >= st.population / 2 && p > 0) {
      if (Number.isFinite(s)) st.medianMinutes = s / 60;
      else cum.set(st, -Infinity); // the middle resident has no facility in reach: no median
    }
  };
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const p = population[i]!;
    if (!(p > 0)) continue;
    const s = seconds[i]!;
    const rural = kind[i] === KIND_RURAL;
    const targets = sampleGroup ? [out[sampleGroup[i]!]!, out[G]!] : [out[G]!];
    for (const t of targets) {
      step(t.all, p, s);
      step(rural ? t.rural : t.urban, p, s);
    }
  }
  return out;
}
