import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { type CategoryDef, type Facility, type Settings } from '../../../src/engine/model';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { mulberry32 } from '../../../src/engine/prng';
import { siteServiceArea } from '../../../src/engine/siting/site-service-area';
import { createNetworkModel } from '../../../src/engine/travel/network';
import { createStraightLineModel } from '../../../src/engine/travel/straight-line';
import { deepFreeze } from '../../helpers/fixtures';
import { randomRoads } from '../network/random-network';

const CATEGORY: CategoryDef = deepFreeze({ id: 'clinic', label: { zh: '', en: '' }, thresholdMinutes: { urban: 10, rural: 15 } });
const settings = (model: 'network' | 'straight'): Settings =>
  deepFreeze({
    preset: 'test',
    categories: [CATEGORY],
    walkSpeedKmh: { urban: 5, rural: 4.5 },
    detourFactor: 1.3,
    sampleSpacingMeters: 60,
    maxSnapMeters: 300,
    model,
  });

const inside = (mp: [number, number][][][], p: [number, number]) => booleanPointInPolygon(p, { type: 'MultiPolygon', coordinates: mp });

describe('siteServiceArea', () => {
  it('straight line: the circle of radius threshold × speed ÷ detour (inside within 0.95 R, outside beyond 1.05 R)', () => {
    const s = settings('straight');
    const site: [number, number] = [121.55, 29.87];
    const area = siteServiceArea(createStraightLineModel([], s), CATEGORY, s, site[0], site[1]);
    expect(area.seconds).toBe(600);
    const radius = (600 * 5) / 3.6 / 1.3; // ≈ 641 m
    const rand = mulberry32(7);
    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const p: [number, number] = [site[0] + (rand() - 0.5) * 0.03, site[1] + (rand() - 0.5) * 0.03];
      const d = haversineMeters(p[0], p[1], site[0], site[1]);
      if (d < 0.95 * radius) expect(inside(area.multiPolygon, p)).toBe(true);
      else if (d > 1.05 * radius) expect(inside(area.multiPolygon, p)).toBe(false);
      else continue;
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
    // rural residents walk slower but have longer: radius 15 min × 4.5 km/h ÷ 1.3 ≈ 865 m
    const rural = siteServiceArea(createStraightLineModel([], s), CATEGORY, s, site[0], site[1], { kind: 'rural' });
    expect(rural.seconds).toBe(900);
    const east = (m: number): [number, number] => [site[0] + m / (111195 * Math.cos((site[1] * Math.PI) / 180)), site[1]];
    expect(inside(rural.multiPolygon, east(820))).toBe(true);
    expect(inside(rural.multiPolygon, east(910))).toBe(false);
  });

  it('road network: agrees with a full analysis that has the site as its only facility (away from the edge)', () => {
    const s = settings('network');
    for (let seed = 1; seed <= 3; seed++) {
      const roads = randomRoads(seed, 40, 30);
      const graph = buildRoadGraph(roads);
      const rand = mulberry32(seed * 31);
      // 20 m off a road's first vertex
      const v = roads[0]!.coordinates[0]!;
      const site: [number, number] = [v[0] + 0.0002, v[1]];
      const facility: Facility = { index: 0, id: 'S', name: 'S', category: 'clinic', capacity: null, lon: site[0], lat: site[1] };
      const area = siteServiceArea(createNetworkModel(graph, [], s), CATEGORY, s, site[0], site[1], { cellMeters: 25 });
      const n = 600;
      const lon = new Float64Array(n);
      const lat = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        lon[i] = site[0] + (rand() - 0.5) * 0.02;
        lat[i] = site[1] + (rand() - 0.5) * 0.018;
      }
      const oracle = createNetworkModel(graph, [facility], s).accessField('clinic', Uint32Array.of(0), {
        lon,
        lat,
        kind: new Uint8Array(n),
      });
      let agree = 0;
      let checked = 0;
      let reached = 0;
      for (let i = 0; i < n; i++) {
        const t = oracle.seconds[i]!;
        // the contour interpolates between 25 m cells: skip points within ±10 % of the threshold
        if (Number.isFinite(t) && Math.abs(t - 600) < 60) continue;
        checked++;
        if (t <= 600) reached++;
        if (inside(area.multiPolygon, [lon[i]!, lat[i]!]) === t <= 600) agree++;
      }
      // points far from roads but within 300 m snap distance make the area ragged; all but a few agree
      expect(checked).toBeGreaterThan(400);
      expect(reached).toBeGreaterThan(15);
      expect(agree / checked).toBeGreaterThan(0.97);
    }
  });

  it('an off-network site serves no one: an empty area', () => {
    const s = settings('network');
    const graph = buildRoadGraph(randomRoads(1, 40, 30));
    const area = siteServiceArea(createNetworkModel(graph, [], s), CATEGORY, s, 121.7, 29.95);
    expect(area.multiPolygon).toEqual([]);
  });
});
