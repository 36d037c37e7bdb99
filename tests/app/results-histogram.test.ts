/**
 * The travel-time histogram's geometry: bars proportional to residents, stacked urban under rural,
 * side by side in bin order, thresholds drawn inside the bin that holds them; and on the built-in
 * sample the bars add up to every resident (urban and rural apart).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/engine/prng';
import { histogramLayout, TIMED_BINS } from '../../src/app/results/histogram-bars';
import { HISTOGRAM_BIN_MINUTES, HISTOGRAM_BINS } from '../../src/engine/coverage/travel-time-histograms';
import { createSession } from '../../src/worker/session';

describe('histogram layout', () => {
  it('scales stacked bars to the box, in bin order without overlap', () => {
    const r = mulberry32(21);
    for (let t = 0; t < 50; t++) {
      // typed arrays cannot be frozen: the test checks below that they are unchanged
      const urban = Float64Array.from({ length: HISTOGRAM_BINS }, () => (r() < 0.3 ? 0 : r() * 1000));
      const rural = Float64Array.from({ length: HISTOGRAM_BINS }, () => (r() < 0.5 ? 0 : r() * 500));
      const before = [Array.from(urban), Array.from(rural)];
      const W = 100 + r() * 300,
        H = 50 + r() * 100;
      const L = histogramLayout(urban, rural, W, H);
      expect([Array.from(urban), Array.from(rural)]).toEqual(before);
      let max = 0,
        total = 0;
      for (let b = 0; b < HISTOGRAM_BINS; b++) {
        max = Math.max(max, urban[b]! + rural[b]!);
        total += urban[b]! + rural[b]!;
      }
      expect(L.max).toBe(max);
      expect(L.total).toBeCloseTo(total, 6);
      expect(L.bars.length).toBe(HISTOGRAM_BINS);
      L.bars.forEach((b, i) => {
        expect(b.bin).toBe(i);
        expect(b.urbanHeight).toBeCloseTo((urban[i]! / max) * H, 9);
        expect(b.ruralHeight).toBeCloseTo((rural[i]! / max) * H, 9);
        expect(b.urbanY + b.urbanHeight).toBeCloseTo(H, 9);
        expect(b.ruralY + b.ruralHeight).toBeCloseTo(b.urbanY, 9);
        expect(b.ruralY).toBeGreaterThanOrEqual(-1e-9);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width).toBeLessThanOrEqual(W + 1e-9);
        if (i > 0) expect(b.x).toBeGreaterThanOrEqual(L.bars[i - 1]!.x + L.bars[i - 1]!.width - 1e-9);
      });
      const tallest = L.bars.reduce((a, b) => Math.max(a, b.urbanHeight + b.ruralHeight), 0);
      expect(tallest).toBeCloseTo(H, 9);
    }
  });

  it('labels the bins 0–2, 2–4 … 58–60, > 60, unreachable and draws a threshold inside its bin', () => {
    const zeros = new Float64Array(HISTOGRAM_BINS);
    const L = histogramLayout(zeros, zeros, 330, 100);
    expect(L.max).toBe(0);
    expect(L.bars.every((b) => b.urbanHeight === 0 && b.ruralHeight === 0)).toBe(true);
    expect(L.bars[0]).toMatchObject({ fromMinutes: 0, toMinutes: HISTOGRAM_BIN_MINUTES });
    expect(L.bars[TIMED_BINS - 1]).toMatchObject({ fromMinutes: 58, toMinutes: 60 });
    expect(L.bars[TIMED_BINS]).toMatchObject({ fromMinutes: 60, toMinutes: Infinity });
    expect(Number.isNaN(L.bars[TIMED_BINS + 1]!.fromMinutes)).toBe(true);
    for (let m = 0.5; m < 60; m += 0.75) {
      const bar = L.bars.find((b) => m >= b.fromMinutes && m < b.toMinutes)!;
      const x = L.xOfMinutes(m);
      expect(x).toBeGreaterThanOrEqual(bar.x);
      expect(x).toBeLessThan(bar.x + bar.width);
    }
    const over = L.bars[TIMED_BINS]!;
    expect(L.xOfMinutes(90)).toBeCloseTo(over.x + over.width / 2, 9);
  });

  it('refuses a histogram of the wrong length or an empty box', () => {
    expect(() => histogramLayout(new Float64Array(3), new Float64Array(HISTOGRAM_BINS), 10, 10)).toThrow(/3 urban/);
    expect(() => histogramLayout(new Float64Array(HISTOGRAM_BINS), new Float64Array(HISTOGRAM_BINS), 0, 10)).toThrow(/empty box/);
  });

  it('counts every resident of the built-in sample once per category, urban and rural apart', async () => {
    const SAMPLE = resolve(__dirname, '../../data/sample');
    const s = createSession();
    for (const l of ['facilities', 'communities', 'roads'] as const) {
      await s.loadLayer(l, `${l}.geojson`, new Uint8Array(readFileSync(resolve(SAMPLE, `${l}.geojson`))));
    }
    const cov = s.coverage();
    const communities = JSON.parse(readFileSync(resolve(SAMPLE, 'communities.geojson'), 'utf8')) as {
      features: { properties: { kind: string; population: number } }[];
    };
    const pop = (kind: string) =>
      communities.features.filter((f) => f.properties.kind === kind).reduce((a, f) => a + f.properties.population, 0);
    cov.histograms.forEach((h, k) => {
      const L = histogramLayout(h[0]!, h[1]!, 300, 100);
      expect(L.total, cov.categoryIds[k]).toBeCloseTo(pop('urban') + pop('rural'), 3);
      expect(L.bars.reduce((a, b) => a + b.urban, 0)).toBeCloseTo(pop('urban'), 3);
      expect(L.bars.reduce((a, b) => a + b.rural, 0)).toBeCloseTo(pop('rural'), 3);
    });
  }, 60_000);
});
