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
  // one group holds every sample: its sums are everyone's (the same samples in the same order), so
  // they are summed once and reported twice
  const single = sampleGroup !== null && groupCount === 1;
  const G = sampleGroup && !single ? groupCount : 0;
  const groups = G > 0 ? sampleGroup : null;
  // sums per slot in typed arrays (no object touched per sample): slot 3g + 0, 1, 2 = all, urban and
  // rural residents of group g (g = G: everyone); every sum is added to in sample order
  const slots = 3 * (G + 1);
  const pop = new Float64Array(slots);
  const covered = new Float64Array(slots);
  const beyond = new Float64Array(slots);
  const bands = new Float64Array(slots * BAND_COUNT);
  const edges = Float64Array.from(BAND_EDGES_MIN, (m) => m * 60);
  const E = edges.length;
  const limUrban = thresholdMinutes.urban * 60;
  const limRural = thresholdMinutes.rural * 60;
  const everyone = 3 * G;
  for (let i = 0; i < n; i++) {
    const p = population[i]!;
    const s = seconds[i]!;
    const kindSlot = kind[i] === KIND_RURAL ? 2 : 1;
    const lim = kindSlot === 2 ? limRural : limUrban;
    // bandOf, inline: not finite → "no road"; else the first edge at or above it, or "> last edge"
    let band = BAND_COUNT - 1;
    if (s - s === 0) {
      band = E;
      for (let b = 0; b < E; b++)
        if (s <= edges[b]!) {
          band = b;
          break;
        }
    }
    const isCovered = s <= lim;
    const isBeyond = !(s <= 2 * lim);
    // the slots of this sample: its group's all and kind, everyone's all and kind
    for (let r = groups ? 0 : 2; r < 4; r++) {
      const slot = r === 0 ? 3 * groups![i]! : r === 1 ? 3 * groups![i]! + kindSlot : r === 2 ? everyone : everyone + kindSlot;
      pop[slot]! += p;
      if (isCovered) covered[slot]! += p;
      if (isBeyond) beyond[slot]! += p;
      bands[slot * BAND_COUNT + band]! += p;
    }
  }
  // medians: one walk over the samples in time order (ties by index), every slot at once, stopped
  // when every slot with residents has its median or is known to have none
  const median = new Float64Array(slots).fill(NaN);
  const settled = new Uint8Array(slots);
  const cum = new Float64Array(slots);
  let open = 0;
  for (let slot = 0; slot < slots; slot++) if (pop[slot]! > 0) open++;
  const order = open > 0 ? timeOrder(seconds) : new Uint32Array(0);
  for (let j = 0; j < order.length && open > 0; j++) {
    const i = order[j]!;
    const p = population[i]!;
    if (!(p > 0)) continue;
    const s = seconds[i]!;
    const kindSlot = kind[i] === KIND_RURAL ? 2 : 1;
    for (let r = groups ? 0 : 2; r < 4; r++) {
      const slot = r === 0 ? 3 * groups![i]! : r === 1 ? 3 * groups![i]! + kindSlot : r === 2 ? everyone : everyone + kindSlot;
      if (settled[slot]) continue;
      const c = cum[slot]! + p;
      cum[slot] = c;
      // half of the slot's residents walked: this time is the median, or none when it is unreachable
      if (c >= pop[slot]! / 2) {
        settled[slot] = 1;
        open--;
        if (Number.isFinite(s)) median[slot] = s / 60;
      }
    }
  }
  const stats = (slot: number): ResidentStats => ({
    population: pop[slot]!,
    covered: covered[slot]!,
    beyondTwice: beyond[slot]!,
    bands: Array.from(bands.subarray(slot * BAND_COUNT, (slot + 1) * BAND_COUNT)),
    medianMinutes: Number.isNaN(median[slot]!) ? null : median[slot]!,
  });
  const out: GroupStats[] = [];
  for (let g = 0; g <= G; g++) out.push({ all: stats(3 * g), urban: stats(3 * g + 1), rural: stats(3 * g + 2) });
  if (single) out.push({ all: stats(everyone), urban: stats(everyone + 1), rural: stats(everyone + 2) });
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
