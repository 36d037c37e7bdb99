/**
 * Geometry of the travel-time histogram (CoverageView.histograms): residents by 2-minute bin to 60
 * minutes, then "> 60", then "unreachable"; urban and rural stacked. Pure: the chart component only
 * draws the rectangles and lines computed here, in SVG user units.
 */
import { HISTOGRAM_BIN_MINUTES, HISTOGRAM_BINS } from '../../engine/coverage/travel-time-histograms';

/** One stacked bar: urban at the bottom, rural on top. */
export interface HistogramBar {
  bin: number;
  x: number;
  width: number;
  urban: number;
  rural: number;
  /** Top edge and height of the urban part and of the rural part (y grows downwards). */
  urbanY: number;
  urbanHeight: number;
  ruralY: number;
  ruralHeight: number;
  /** Range in minutes `[from, to)`; `to` is Infinity for "> 60" and NaN for "unreachable". */
  fromMinutes: number;
  toMinutes: number;
}

/** The chart's layout: the bars, the largest stacked total and where each minute falls on x. */
export interface HistogramLayout {
  bars: HistogramBar[];
  /** Largest stacked bar (residents), 0 when there is nobody. */
  max: number;
  /** Residents in all bins (urban + rural). */
  total: number;
  /** Width of one timed bin; the "> 60" and "unreachable" bars are three bins wide, after a gap of one bin. */
  binWidth: number;
  /** x of a time in minutes on the 0–60 axis; times over 60 map to the middle of the "> 60" bar. */
  xOfMinutes(minutes: number): number;
}

/** Number of bins on the 0–60-minute axis. */
export const TIMED_BINS = HISTOGRAM_BINS - 2;

/** Width of the "> 60" and "unreachable" bars, in timed bins. */
const SPECIAL_SLOTS = 3;

/**
 * Lay out the bars in a `width` × `height` box (bars fill the height at the largest total).
 *
 * @param urban residents per bin of urban communities (length HISTOGRAM_BINS)
 * @param rural the same for rural communities
 * @throws when an array has the wrong length or the box is empty
 */
export function histogramLayout(urban: ArrayLike<number>, rural: ArrayLike<number>, width: number, height: number): HistogramLayout {
  if (urban.length !== HISTOGRAM_BINS || rural.length !== HISTOGRAM_BINS) {
    throw new Error(`histogramLayout: expected ${HISTOGRAM_BINS} bins, got ${urban.length} urban and ${rural.length} rural`);
  }
  if (!(width > 0) || !(height > 0)) throw new Error(`histogramLayout: empty box ${width} × ${height}`);
  // one empty slot after the timed bins, then "> 60" and "unreachable" two slots each (room for labels)
  const slots = TIMED_BINS + 1 + 2 * SPECIAL_SLOTS;
  const binWidth = width / slots;
  let max = 0;
  let total = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const t = (urban[b] ?? 0) + (rural[b] ?? 0);
    max = Math.max(max, t);
    total += t;
  }
  const scale = max > 0 ? height / max : 0;
  const bars: HistogramBar[] = [];
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const u = urban[b] ?? 0;
    const r = rural[b] ?? 0;
    const slot = b < TIMED_BINS ? b : TIMED_BINS + 1 + (b - TIMED_BINS) * SPECIAL_SLOTS;
    const uh = u * scale;
    const rh = r * scale;
    bars.push({
      bin: b,
      x: slot * binWidth,
      width: b < TIMED_BINS ? binWidth : SPECIAL_SLOTS * binWidth,
      urban: u,
      rural: r,
      urbanY: height - uh,
      urbanHeight: uh,
      ruralY: height - uh - rh,
      ruralHeight: rh,
      fromMinutes: b < TIMED_BINS ? b * HISTOGRAM_BIN_MINUTES : b === TIMED_BINS ? TIMED_BINS * HISTOGRAM_BIN_MINUTES : NaN,
      toMinutes: b < TIMED_BINS ? (b + 1) * HISTOGRAM_BIN_MINUTES : b === TIMED_BINS ? Infinity : NaN,
    });
  }
  const axisMinutes = TIMED_BINS * HISTOGRAM_BIN_MINUTES;
  return {
    bars,
    max,
    total,
    binWidth,
    xOfMinutes: (m) =>
      m > axisMinutes ? (TIMED_BINS + 1 + SPECIAL_SLOTS / 2) * binWidth : (Math.max(0, m) / HISTOGRAM_BIN_MINUTES) * binWidth,
  };
}
