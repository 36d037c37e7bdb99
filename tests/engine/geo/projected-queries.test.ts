import { describe, expect, it } from 'vitest';
import { createLocalProjection, projectX, projectY } from '../../../src/engine/geo/local-projection';
import { answerSlots, projectQueries } from '../../../src/engine/geo/projected-queries';
import { mulberry32 } from '../../../src/engine/prng';

describe('projectQueries', () => {
  it('puts every usable point inside the extent in exactly one cell whose box holds it, the rest in outside', () => {
    const rand = mulberry32(41);
    const projection = createLocalProjection(121.5, 29.8);
    const n = 5000;
    // ±0.02° ≈ ±2 km around the centre; some non-finite and |lat| > 90
    const lon = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : 121.5 + (rand() - 0.5) * 0.04));
    const lat = Float64Array.from({ length: n }, (_, i) => (i % 89 === 0 ? Infinity : i % 83 === 0 ? 95 : 29.8 + (rand() - 0.5) * 0.03));
    const before = [lon.slice(), lat.slice()];
    const extent = [-1000, -800, 1200, 900] as const;
    const cells = projectQueries(projection, lon, lat, extent);
    expect([lon, lat]).toEqual(before);
    const seen = new Uint8Array(n);
    for (let c = 0; c < cells.cols * cells.rows; c++) {
      const col = c % cells.cols;
      const row = Math.floor(c / cells.cols);
      for (let k = cells.cellStart[c] as number; k < (cells.cellStart[c + 1] as number); k++) {
        const q = cells.order[k] as number;
        seen[q] = (seen[q] as number) + 1;
        expect(cells.lon[k]).toBe(lon[q]);
        expect(cells.lat[k]).toBe(lat[q]);
        expect(cells.cosLat[k]).toBe(Math.cos((lat[q] as number) * (Math.PI / 180)));
        const px = projectX(projection, lon[q] as number);
        const py = projectY(projection, lat[q] as number);
        expect(px).toBeGreaterThanOrEqual(extent[0]);
        expect(py).toBeLessThanOrEqual(extent[3]);
        expect(px).toBeGreaterThanOrEqual(cells.minX + col * cells.cellSizeMeters - 1e-9);
        expect(px).toBeLessThanOrEqual(cells.minX + (col + 1) * cells.cellSizeMeters + 1e-9);
        expect(py).toBeGreaterThanOrEqual(cells.minY + row * cells.cellSizeMeters - 1e-9);
        expect(py).toBeLessThanOrEqual(cells.minY + (row + 1) * cells.cellSizeMeters + 1e-9);
      }
      // within a cell, points keep their input order
      for (let k = (cells.cellStart[c] as number) + 1; k < (cells.cellStart[c + 1] as number); k++) {
        expect(cells.order[k]).toBeGreaterThan(cells.order[k - 1] as number);
      }
    }
    for (const q of cells.outside) seen[q] = (seen[q] as number) + 1;
    let insideCount = 0;
    for (let q = 0; q < n; q++) {
      const usable = Number.isFinite(lon[q]) && Number.isFinite(lat[q]) && Math.abs(lat[q] as number) <= 90;
      expect(seen[q], `point ${q}`).toBe(usable ? 1 : 0);
      const px = projectX(projection, lon[q] as number);
      const py = projectY(projection, lat[q] as number);
      const inside = usable && px >= extent[0] && px <= extent[2] && py >= extent[1] && py <= extent[3];
      if (inside) insideCount++;
      expect(cells.outside.includes(q)).toBe(usable && !inside);
    }
    expect(cells.outside.length).toBeGreaterThan(100);
    // about four points per cell over the points' box
    expect(insideCount / (cells.cols * cells.rows)).toBeGreaterThan(2);
    expect(insideCount / (cells.cols * cells.rows)).toBeLessThan(8);
  });

  it('keeps the grid small for two far-apart points, and handles no points', () => {
    const projection = createLocalProjection(0, 0);
    const cells = projectQueries(projection, Float64Array.of(0, 10), Float64Array.of(0, 10), [-Infinity, -Infinity, Infinity, Infinity]);
    expect(cells.cols * cells.rows).toBeLessThanOrEqual(4 * 2 + 64);
    expect(Array.from(cells.order).sort()).toEqual([0, 1]);
    const empty = projectQueries(projection, new Float64Array(0), new Float64Array(0), [0, 0, 1, 1]);
    expect(empty.order.length).toBe(0);
    expect(empty.cols * empty.rows).toBe(0);
  });

  it('rejects mismatched arrays with the lengths in the message', () => {
    expect(() => projectQueries(createLocalProjection(0, 0), Float64Array.of(1), new Float64Array(0), [0, 0, 1, 1])).toThrow(
      /1 values, lat 0/,
    );
  });
});

describe('answerSlots', () => {
  it('gives every answered point (bucketed or outside) one slot, grouped by blocks of input positions', () => {
    const rand = mulberry32(7);
    const projection = createLocalProjection(121.5, 29.8);
    // more points than the smallest block (4,096), so there are several blocks; some outside, some not usable
    const n = 20_000;
    const lon = Float64Array.from({ length: n }, (_, i) => (i % 101 === 0 ? NaN : 121.5 + (rand() - 0.5) * 0.04));
    const lat = Float64Array.from({ length: n }, () => 29.8 + (rand() - 0.5) * 0.03);
    const cells = projectQueries(projection, lon, lat, [-1500, -1500, 1500, 1500]);
    expect(cells.outside.length).toBeGreaterThan(0);
    const { slotOf, input } = answerSlots(cells);
    expect(answerSlots(cells)).toBe(cells.slots);
    const answered = cells.order.length + cells.outside.length;
    expect(slotOf.length).toBe(answered);
    expect(input.length).toBe(answered);
    const used = new Uint8Array(answered);
    for (let k = 0; k < answered; k++) {
      const q = k < cells.order.length ? cells.order[k] : cells.outside[k - cells.order.length];
      const s = slotOf[k] as number;
      expect(used[s]).toBe(0);
      used[s] = 1;
      expect(input[s]).toBe(q);
    }
    // every input point with finite coordinates is answered exactly once; the NaN ones never
    expect(Array.from(input).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i).filter((i) => i % 101 !== 0));
    // slots run through the input in blocks: the input position's block never decreases, so
    // copying answers to input order writes one block at a time
    const blockOf = (q: number): number => q >>> 12;
    for (let s = 1; s < answered; s++) expect(blockOf(input[s] as number)).toBeGreaterThanOrEqual(blockOf(input[s - 1] as number));
    expect(new Set(Array.from(input, blockOf)).size).toBe(Math.ceil(n / 4096));
  });
});
