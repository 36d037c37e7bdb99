/**
 * The GCJ-02 display shift over Ningbo: the shift is the real 300–700 m offset (not the identity),
 * and forward then inverse (a drawn overlay, then a click on it) returns to the same place within
 * 0.5 m, on a seeded random sample and a regular grid; gcoord's own inverse is measured for comparison.
 */
import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { GCJ02_DISPLAY, fromDisplay, toDisplay } from '../../../src/app/basemap/display-shift';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { mulberry32 } from '../../../src/engine/prng';

/** Ningbo's municipal area, `[west, south, east, north]` degrees. */
const NINGBO = [120.9, 28.85, 122.3, 30.4] as const;

function points(n: number): [number, number][] {
  const rnd = mulberry32(15);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) out.push([NINGBO[0] + rnd() * (NINGBO[2] - NINGBO[0]), NINGBO[1] + rnd() * (NINGBO[3] - NINGBO[1])]);
  for (let i = 0; i <= 10; i++)
    for (let j = 0; j <= 10; j++)
      out.push([NINGBO[0] + (i / 10) * (NINGBO[2] - NINGBO[0]), NINGBO[1] + (j / 10) * (NINGBO[3] - NINGBO[1])]);
  return out;
}

describe('GCJ-02 display shift', () => {
  const pts = points(2000);

  it('shifts Ningbo by the GCJ-02 offset (300–700 m), like gcoord', () => {
    for (const [lon, lat] of pts) {
      const [x, y] = GCJ02_DISPLAY.toDisplay(lon, lat);
      const m = haversineMeters(lon, lat, x, y);
      expect(m).toBeGreaterThan(300);
      expect(m).toBeLessThan(700);
      const g = gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
      expect(x).toBe(g[0]);
      expect(y).toBe(g[1]);
    }
  });

  it('forward then inverse, and inverse then forward, return within 0.5 m', () => {
    let worst = 0;
    let worstGcoord = 0;
    for (const [lon, lat] of pts) {
      const [x, y] = GCJ02_DISPLAY.toDisplay(lon, lat);
      const [bx, by] = GCJ02_DISPLAY.fromDisplay(x, y);
      worst = Math.max(worst, haversineMeters(lon, lat, bx, by));
      // a click at a displayed point (GCJ-02) goes to the WGS84 point drawn there
      const [cx, cy] = GCJ02_DISPLAY.toDisplay(...GCJ02_DISPLAY.fromDisplay(lon, lat));
      worst = Math.max(worst, haversineMeters(lon, lat, cx, cy));
      const g = gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84) as [number, number];
      worstGcoord = Math.max(worstGcoord, haversineMeters(lon, lat, g[0], g[1]));
    }
    console.log(
      `GCJ-02 round trip over Ningbo (${pts.length} points): ours max ${worst.toExponential(2)} m, gcoord's inverse max ${worstGcoord.toFixed(3)} m`,
    );
    expect(worst).toBeLessThan(0.5);
    expect(worst).toBeLessThan(1e-3);
  });

  it('is the identity without a shift, and passes non-finite input through', () => {
    expect(toDisplay(null, 121.5, 29.8)).toEqual([121.5, 29.8]);
    expect(fromDisplay(null, 121.5, 29.8)).toEqual([121.5, 29.8]);
    expect(GCJ02_DISPLAY.toDisplay(NaN, 29.8)).toEqual([NaN, 29.8]);
  });
});
