import { describe, expect, it } from 'vitest';
import { createLocalProjection, projectX, projectY } from '../../../src/engine/geo/local-projection';
import { projectQueries } from '../../../src/engine/geo/projected-queries';
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
    expect(() => projectQueries(createLocalProjection(0, 0), Float64Array.of(1), new Float64Array(0), [0, 0, 1, 1])).toThrow(/1 values, lat 0/);
  });
});
