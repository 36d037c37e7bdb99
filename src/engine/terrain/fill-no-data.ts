import type { ElevationGrid } from './elevation-grid';

/** What {@link fillNoData} did. */
export interface NoDataFill {
  /** The grid with filled cells (the input itself when it had no gaps). */
  grid: ElevationGrid;
  /** No-data samples given the mean of their valid 8-neighbours. */
  filled: number;
  /** No-data samples with no valid neighbour, left without data (roads over them keep flat costs). */
  leftFlat: number;
}

/**
 * Fills single no-data samples (SRTM voids, −32768) from their neighbours: each no-data sample
 * with at least one valid sample among its 8 neighbours gets their mean, in one pass over the
 * original values (so a fill never feeds another). Larger voids keep their inner samples without
 * data: sub-segments touching them are costed flat.
 *
 * @param grid a grid with `NaN` for no data; not mutated
 */
export function fillNoData(grid: ElevationGrid): NoDataFill {
  const { width: w, height: h, z } = grid;
  let missing = 0;
  for (let i = 0; i < z.length; i++) if (Number.isNaN(z[i])) missing++;
  if (missing === 0) return { grid, filled: 0, leftFlat: 0 };
  const out = z.slice();
  let filled = 0;
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const i = r * w + c;
      if (!Number.isNaN(z[i])) continue;
      let sum = 0;
      let n = 0;
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= h) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= w) continue;
          const v = z[rr * w + cc] as number;
          if (!Number.isNaN(v)) {
            sum += v;
            n++;
          }
        }
      }
      if (n > 0) {
        out[i] = sum / n;
        filled++;
      }
    }
  }
  return { grid: { ...grid, z: out }, filled, leftFlat: missing - filled };
}
