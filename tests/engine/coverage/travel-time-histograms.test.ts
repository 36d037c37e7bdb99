/**
 * Residents by travel time: each sample's residents land in the bin of its time (2-minute bins to
 * 60 min, then "over 60", then "unreachable"), urban and rural apart, every resident exactly once.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HISTOGRAM_BIN_MINUTES, HISTOGRAM_BINS, travelTimeHistograms } from '../../../src/engine/coverage/travel-time-histograms';
import { KIND_RURAL, KIND_URBAN, type AccessField, type DemandSamples } from '../../../src/engine/model';

function samples(population: number[], kind: number[]): DemandSamples {
  const n = population.length;
  return {
    count: n,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    population: Float64Array.from(population),
    kind: Uint8Array.from(kind),
    community: new Uint32Array(n),
    communityStart: Uint32Array.of(0, n),
  };
}
const field = (seconds: number[]): AccessField => ({
  category: 'clinic',
  seconds: Float32Array.from(seconds),
  facility: new Int32Array(seconds.length),
});

describe('travelTimeHistograms', () => {
  it('puts residents in the bin of their time, over-60 and unreachable last, urban and rural apart', () => {
    expect(HISTOGRAM_BINS).toBe(60 / HISTOGRAM_BIN_MINUTES + 2);
    const s = samples([10, 20, 30, 40, 50], [KIND_URBAN, KIND_RURAL, KIND_URBAN, KIND_URBAN, KIND_RURAL]);
    // 0 s, 2 min 30 s, exactly 4 min, 75 min, unreachable
    const [[urban, rural]] = travelTimeHistograms(s, [field([0, 150, 240, 4500, Infinity])]) as [[Float64Array, Float64Array]];
    expect(urban[0]).toBe(10);
    expect(rural[1]).toBe(20);
    expect(urban[2]).toBe(30);
    expect(urban[HISTOGRAM_BINS - 2]).toBe(40);
    expect(rural[HISTOGRAM_BINS - 1]).toBe(50);
    expect(urban.reduce((a, b) => a + b, 0) + rural.reduce((a, b) => a + b, 0)).toBe(150);
  });

  it('counts every resident once per category and leaves its inputs unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            p: fc.integer({ min: 0, max: 1000 }),
            rural: fc.boolean(),
            t: fc.oneof(fc.double({ min: 0, max: 10_000, noNaN: true }), fc.constant(Infinity)),
          }),
          { maxLength: 60 },
        ),
        (rows) => {
          const s = samples(
            rows.map((r) => r.p),
            rows.map((r) => (r.rural ? KIND_RURAL : KIND_URBAN)),
          );
          const f = field(rows.map((r) => r.t));
          const before = Array.from(f.seconds);
          const h = travelTimeHistograms(s, [f, f]);
          expect(h).toHaveLength(2);
          const total = rows.reduce((a, r) => a + r.p, 0);
          const rural = rows.reduce((a, r) => a + (r.rural ? r.p : 0), 0);
          for (const [u, r] of h as [Float64Array, Float64Array][]) {
            expect(u.reduce((a, b) => a + b, 0) + r.reduce((a, b) => a + b, 0)).toBe(total);
            expect(r.reduce((a, b) => a + b, 0)).toBe(rural);
          }
          expect(Array.from(f.seconds)).toEqual(before);
        },
      ),
    );
  });
});
