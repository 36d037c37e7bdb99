import { describe, expect, it } from 'vitest';
import { bucketQueryCells } from '../../../src/engine/geo/query-cells';
import { mulberry32 } from '../../../src/engine/prng';

describe('bucketQueryCells', () => {
  it('puts every finite point inside the extent in exactly one cell whose box holds it, the rest in outside', () => {
    const rand = mulberry32(41);
    const n = 5000;
    const x = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? NaN : (rand() - 0.5) * 3000));
    const y = Float64Array.from({ length: n }, (_, i) => (i % 89 === 0 ? Infinity : (rand() - 0.5) * 2000));
    const lon = Float64Array.from({ length: n }, (_, i) => 121 + i * 1e-6);
    const lat = Float64Array.from({ length: n }, (_, i) => 29 + i * 1e-6);
    const before = [x.slice(), y.slice(), lon.slice(), lat.slice()];
    const extent = [-1000, -800, 1200, 900] as const;
    const cells = bucketQueryCells(x, y, extent, 137, [lon, lat]);
    expect([x, y, lon, lat]).toEqual(before);
    const seen = new Uint8Array(n);
    for (let c = 0; c < cells.cols * cells.rows; c++) {
      const col = c % cells.cols;
      const row = Math.floor(c / cells.cols);
      for (let k = cells.cellStart[c] as number; k < (cells.cellStart[c + 1] as number); k++) {
        const q = cells.order[k] as number;
        seen[q] = (seen[q] as number) + 1;
        expect(cells.x[k]).toBe(x[q]);
        expect(cells.y[k]).toBe(y[q]);
        expect(cells.carried[0]?.[k]).toBe(lon[q]);
        expect(cells.carried[1]?.[k]).toBe(lat[q]);
        const px = x[q] as number;
        const py = y[q] as number;
        expect(px).toBeGreaterThanOrEqual(extent[0]);
        expect(py).toBeLessThanOrEqual(extent[3]);
        expect(px).toBeGreaterThanOrEqual(cells.minX + col * cells.cellSizeMeters - 1e-9);
        expect(px).toBeLessThanOrEqual(cells.minX + (col + 1) * cells.cellSizeMeters + 1e-9);
        expect(py).toBeGreaterThanOrEqual(cells.minY + row * cells.cellSizeMeters - 1e-9);
        expect(py).toBeLessThanOrEqual(cells.minY + (row + 1) * cells.cellSizeMeters + 1e-9);
      }
    }
    for (const q of cells.outside) seen[q] = (seen[q] as number) + 1;
    for (let q = 0; q < n; q++) {
      const finite = Number.isFinite(x[q]) && Number.isFinite(y[q]);
      expect(seen[q], `point ${q}`).toBe(finite ? 1 : 0);
      const inside = finite && (x[q] as number) >= extent[0] && (x[q] as number) <= extent[2] && (y[q] as number) >= extent[1] && (y[q] as number) <= extent[3];
      expect(cells.outside.includes(q)).toBe(finite && !inside);
    }
    expect(cells.outside.length).toBeGreaterThan(100);
  });

  it('enlarges cells rather than making more than 4 per point + 64, and handles no points', () => {
    const cells = bucketQueryCells(Float64Array.of(0, 1e6), Float64Array.of(0, 1e6), [-Infinity, -Infinity, Infinity, Infinity], 1);
    expect(cells.cols * cells.rows).toBeLessThanOrEqual(4 * 2 + 64);
    expect(Array.from(cells.order).sort()).toEqual([0, 1]);
    const empty = bucketQueryCells(new Float64Array(0), new Float64Array(0), [0, 0, 1, 1], 10);
    expect(empty.order.length).toBe(0);
    expect(empty.cols * empty.rows).toBe(0);
  });

  it('rejects bad arguments with the value in the message', () => {
    expect(() => bucketQueryCells(Float64Array.of(1), new Float64Array(0), [0, 0, 1, 1], 1)).toThrow(/1 values, y 0/);
    expect(() => bucketQueryCells(Float64Array.of(1), Float64Array.of(1), [0, 0, 1, 1], 0)).toThrow(/bad cell size 0/);
    const a = Float64Array.of(1);
    expect(() => bucketQueryCells(a, a, [0, 0, 1, 1], 1, [a, a, a])).toThrow(/up to 2/);
  });
});
