import { describe, expect, it } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import turfArea from '@turf/area';
import { isochrones } from '../../../src/engine/coverage/isochrones';
import { travelTimeSurface } from '../../../src/engine/coverage/travel-time-surface';
import { createStraightLineModel } from '../../../src/engine/travel/straight-line';
import { getPreset } from '../../../src/engine/presets';
import type { Dataset, Settings } from '../../../src/engine/model';

const settings: Settings = Object.freeze({
  ...structuredClone(getPreset('ningbo')!.settings),
  model: 'straight',
  detourFactor: 1,
  walkSpeedKmh: { urban: 5, rural: 4 },
});
const dataset: Dataset = Object.freeze({
  facilities: [{ index: 0, id: 'c', name: 'clinic', category: 'clinic', capacity: null, lon: 121.55, lat: 29.87 }],
  communities: [],
  roads: null,
});

describe('travel-time surface and isochrones (straight line, one clinic)', () => {
  const travel = createStraightLineModel(dataset.facilities, settings);
  const bbox = [121.52, 29.845, 121.58, 29.895] as const;
  const surface = travelTimeSurface(travel, dataset, settings, 'clinic', bbox, 50);
  const r = 1250; // 15 min at 5 km/h
  const [iso] = isochrones(surface, [900]);

  it('is a circle of radius speed × time: area within 2 % of π r²', () => {
    expect(iso!.multiPolygon).toHaveLength(1);
    const area = turfArea({ type: 'MultiPolygon', coordinates: iso!.multiPolygon });
    expect(Math.abs(area / (Math.PI * r * r) - 1)).toBeLessThan(0.02);
  });

  it('holds points at 0.95 r and excludes points at 1.05 r, in every direction', () => {
    const poly = { type: 'MultiPolygon' as const, coordinates: iso!.multiPolygon };
    for (let a = 0; a < 360; a += 15) {
      const at = (d: number): [number, number] => [
        121.55 + (d * Math.cos((a * Math.PI) / 180)) / (111195 * Math.cos((29.87 * Math.PI) / 180)),
        29.87 + (d * Math.sin((a * Math.PI) / 180)) / 111195,
      ];
      expect(booleanPointInPolygon(at(0.95 * r), poly)).toBe(true);
      expect(booleanPointInPolygon(at(1.05 * r), poly)).toBe(false);
    }
  });

  it('grows with the threshold and walks slower for rural residents', () => {
    const [a, b] = isochrones(surface, [600, 1200]);
    const area = (m: [number, number][][][]) => turfArea({ type: 'MultiPolygon', coordinates: m });
    expect(area(b!.multiPolygon)).toBeGreaterThan(area(a!.multiPolygon));
    const rural = travelTimeSurface(travel, dataset, settings, 'clinic', bbox, 50, 'rural');
    const [ri] = isochrones(rural, [900]);
    expect(area(ri!.multiPolygon) / area(iso!.multiPolygon)).toBeCloseTo((4 / 5) ** 2, 1);
  });

  it('rejects an unknown category', () => {
    expect(() => travelTimeSurface(travel, dataset, settings, 'nope', bbox)).toThrow(/nope/);
  });
});
