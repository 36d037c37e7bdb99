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
  const everyone = out[G]!;
  for (let i = 0; i < n; i++) {
    const p = population[i]!;
    const s = seconds[i]!;
    const rural = kind[i] === KIND_RURAL;
    const lim = limit[rural ? 1 : 0]!;
    const band = bandOf(s);
    if (sampleGroup) {
      const t = out[sampleGroup[i]!]!;
      add(t.all, p, s, lim, band);
      add(rural ? t.rural : t.urban, p, s, lim, band);
    }
    add(everyone.all, p, s, lim, band);
    add(rural ? everyone.rural : everyone.urban, p, s, lim, band);
  }
  // medians: one walk over the samples in time order (ties by index), every group and kind at once;
  // cum[3g], cum[3g + 1], cum[3g + 2]: residents walked so far of group g (G: everyone), all, urban, rural
  const order = timeOrder(seconds);
  const cum = new Float64Array(3 * (G + 1));
  const step = (st: ResidentStats, slot: number, p: number, s: number): void => {
    if (st.medianMinutes !== null || !(st.population > 0)) return;
    const c = cum[slot]! + p;
    cum[slot] = c;
    if (c >= st.population / 2 && p > 0) {
      if (Number.isFinite(s)) st.medianMinutes = s / 60;
      else cum[slot] = -Infinity; // the middle resident has no facility in reach: no median
    }
  };
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const p = population[i]!;
    if (!(p > 0)) continue;
    const s = seconds[i]!;
    const rural = kind[i] === KIND_RURAL;
    if (sampleGroup) {
      const g = sampleGroup[i]!;
      const t = out[g]!;
      step(t.all, 3 * g, p, s);
      if (rural) step(t.rural, 3 * g + 2, p, s);
      else step(t.urban, 3 * g + 1, p, s);
    }
    step(everyone.all, 3 * G, p, s);
    if (rural) step(everyone.rural, 3 * G + 2, p, s);
    else step(everyone.urban, 3 * G + 1, p, s);
  }
  return out;
}

/**
 * Sample indices ordered by time, ties by index. Times ≥ 0 (and +Infinity) order as their float32
 * bit patterns do, so a stable radix sort of those bits (three passes of 11 bits, least significant
 * first, indices carried along) does it in linear time; otherwise (a negative or NaN time) a
 * comparison sort.
 */
function timeOrder(seconds: Float32Array): Uint32Array {
  const n = seconds.length;
  const bits = new Uint32Array(seconds.buffer, seconds.byteOffset, n);
  let sortable = true;
  for (let i = 0; i < n && sortable; i++) sortable = bits[i]! < 0x80000000 && !(bits[i]! > 0x7f800000);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (!sortable) {
    return order.sort((a, b) => {
      const sa = seconds[a]!;
      const sb = seconds[b]!;
      return sa < sb ? -1 : sa > sb ? 1 : a - b;
    });
  }
  let keys = Uint32Array.from(bits);
  let nextOrder = new Uint32Array(n);
  let nextKeys = new Uint32Array(n);
  const count = new Uint32Array(RADIX);
  for (let shift = 0; shift < 32; shift += RADIX_BITS) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i]! >>> shift) & RADIX_MASK]!++;
    // a pass where every key has the same digit changes nothing
    if (count[(keys[0]! >>> shift) & RADIX_MASK] === n) continue;
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      const at = count[(k >>> shift) & RADIX_MASK]!++;
      nextKeys[at] = k;
      nextOrder[at] = order[i]!;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [order, nextOrder] = [nextOrder, order];
  }
  return order;
}

/** Bits per pass of {@link timeOrder}'s radix sort, and the buckets of a pass. */
const RADIX_BITS = 11;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;
