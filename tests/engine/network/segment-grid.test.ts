import { describe, expect, it } from 'vitest';
import type { Road } from '../../../src/engine/model';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { getSegmentGrid } from '../../../src/engine/network/segment-grid';
import { mulberry32 } from '../../../src/engine/prng';

/** Whether the segment (ax, ay)–(bx, by) meets the closed rectangle, by clipping (Liang–Barsky). */
function meetsRect(ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  for (const [p, q] of [
    [-dx, ax - x0],
    [dx, x1 - ax],
    [-dy, ay - y0],
    [dy, y1 - ay],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

describe('getSegmentGrid', () => {
  it('lists every segment in every cell it meets, and in few others', () => {
    const rand = mulberry32(77);
    // short streets, long diagonal roads, horizontal and vertical lines, and a tiny segment
    const roads: Road[] = [];
    for (let i = 0; i < 300; i++) {
      const x = 121.5 + rand() * 0.1;
      const y = 29.8 + rand() * 0.1;
      const long = i % 10 === 0;
      const ex = x + (rand() - 0.5) * (long ? 0.08 : 0.004);
      const ey = i % 7 === 0 ? y : y + (rand() - 0.5) * (long ? 0.08 : 0.004);
      roads.push({
        coordinates: [
          [x, y],
          [i % 11 === 0 ? x : ex, ey],
        ],
        highway: 'residential',
        speedKmh: null,
      });
    }
    roads.push({
      coordinates: [
        [121.55, 29.85],
        [121.55 + 1e-9, 29.85],
      ],
      highway: 'residential',
      speedKmh: null,
    });
    const graph = buildRoadGraph(Object.freeze(roads));
    const grid = getSegmentGrid(graph);
    expect(getSegmentGrid(graph)).toBe(grid);
    const { cols, rows, cellSizeMeters: size, nodeX, nodeY } = grid;
    expect(cols * rows).toBeLessThanOrEqual(4 * graph.segmentCount + 64);
    let extra = 0;
    let listed = 0;
    for (let c = 0; c < cols * rows; c++) {
      const x0 = grid.minX + (c % cols) * size;
      const y0 = grid.minY + Math.floor(c / cols) * size;
      const inCell = new Set(Array.from(grid.cellSegments.subarray(grid.cellStart[c], grid.cellStart[c + 1])));
      listed += inCell.size;
      for (let s = 0; s < graph.segmentCount; s++) {
        const a = graph.segA[s] as number;
        const b = graph.segB[s] as number;
        const meets = meetsRect(
          nodeX[a] as number,
          nodeY[a] as number,
          nodeX[b] as number,
          nodeY[b] as number,
          x0,
          y0,
          x0 + size,
          y0 + size,
        );
        if (meets) expect(inCell.has(s), `segment ${s} in cell ${c}`).toBe(true);
        else if (inCell.has(s)) {
          extra++;
          // an extra cell still meets the segment's box
          const ax = nodeX[a] as number,
            ay = nodeY[a] as number,
            bx = nodeX[b] as number,
            by = nodeY[b] as number;
          const tol = 1e-6 * size;
          expect(
            Math.min(ax, bx) <= x0 + size + tol &&
              Math.max(ax, bx) >= x0 - tol &&
              Math.min(ay, by) <= y0 + size + tol &&
              Math.max(ay, by) >= y0 - tol,
            `segment ${s} listed in cell ${c} off its box`,
          ).toBe(true);
        }
      }
    }
    // short segments take their whole box (at most one cell more than they pass through)
    expect(extra).toBeLessThan(0.25 * listed);
  });

  it('is empty for a graph without segments', () => {
    const grid = getSegmentGrid(buildRoadGraph([]));
    expect(grid.cols * grid.rows).toBe(0);
    expect(grid.cellSegments.length).toBe(0);
  });
});
