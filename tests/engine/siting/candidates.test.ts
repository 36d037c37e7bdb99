import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { buildDemandSamples } from '../../../src/engine/coverage/demand-samples';
import { findGapZones } from '../../../src/engine/coverage/gap-zones';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import type { Community } from '../../../src/engine/model';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { deepFreeze } from '../../helpers/fixtures';
import { mulberry32 } from '../../../src/engine/prng';
import {
  type Candidates,
  excludeCandidates,
  generateCandidates,
  SOURCE_COMMUNITY,
  SOURCE_ROAD_NODE,
  thinCandidates,
} from '../../../src/engine/siting/candidates';
import { randomRoads } from '../network/random-network';

function randomCandidates(seed: number, n: number): Candidates {
  const rand = mulberry32(seed);
  return Object.freeze({
    count: n,
    lon: Float64Array.from({ length: n }, () => 121.5 + rand() * 0.02),
    lat: Float64Array.from({ length: n }, () => 29.85 + rand() * 0.02),
    source: new Uint8Array(n).fill(SOURCE_ROAD_NODE),
    origin: Uint32Array.from({ length: n }, (_, i) => i),
  });
}

describe('candidate thinning and exclusion', () => {
  it('keeps candidates at least the spacing apart, and every dropped one near a kept one', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const all = randomCandidates(seed, 400);
      const lonBefore = all.lon.slice();
      const kept = thinCandidates(all, 150);
      expect(all.lon).toEqual(lonBefore);
      for (let a = 0; a < kept.count; a++)
        for (let b = a + 1; b < kept.count; b++) {
          expect(haversineMeters(kept.lon[a]!, kept.lat[a]!, kept.lon[b]!, kept.lat[b]!)).toBeGreaterThanOrEqual(150);
        }
      const keptSet = new Set(kept.origin);
      for (let i = 0; i < all.count; i++) {
        if (keptSet.has(i)) continue;
        let near = false;
        for (let b = 0; b < kept.count && !near; b++)
          if (haversineMeters(all.lon[i]!, all.lat[i]!, kept.lon[b]!, kept.lat[b]!) < 150) near = true;
        expect(near).toBe(true);
      }
    }
  });

  it('drops exactly the candidates inside excluded polygons (checked with turf)', () => {
    const all = randomCandidates(9, 500);
    const hole: [number, number][] = [
      [121.505, 29.855],
      [121.51, 29.855],
      [121.51, 29.86],
      [121.505, 29.86],
      [121.505, 29.855],
    ];
    const poly = deepFreeze([
      [
        [121.502, 29.852],
        [121.515, 29.852],
        [121.515, 29.865],
        [121.502, 29.865],
        [121.502, 29.852],
      ],
      hole,
    ] as [number, number][][]);
    const kept = excludeCandidates(all, [poly]);
    const inside = (i: number) => booleanPointInPolygon([all.lon[i]!, all.lat[i]!], { type: 'Polygon', coordinates: poly });
    const want = Array.from({ length: all.count }, (_, i) => i).filter((i) => !inside(i));
    expect(Array.from(kept.origin)).toEqual(want);
    expect(want.length).toBeLessThan(all.count);
  });
});

describe('generated candidates', () => {
  it('are community points and road nodes inside gap zones, spaced', () => {
    const rand = mulberry32(3);
    const communities: Community[] = deepFreeze(
      Array.from({ length: 12 }, (_, i) => {
        const x = 121.5 + rand() * 0.018,
          y = 29.85 + rand() * 0.018,
          d = 0.002;
        return {
          index: i,
          id: `C${i}`,
          name: `C${i}`,
          kind: 'urban',
          population: 500,
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [x, y],
                [x + d, y],
                [x + d, y + d],
                [x, y + d],
                [x, y],
              ],
            ],
          },
        } as Community;
      }),
    );
    const samples = buildDemandSamples(communities, 80);
    const seconds = new Float32Array(samples.count).map((_, i) => (samples.community[i]! % 2 === 0 ? Infinity : 0)); // even communities uncovered
    const category = { id: 'clinic', label: { zh: '', en: '' }, thresholdMinutes: { urban: 15, rural: 20 } };
    const settings = {
      preset: 't',
      categories: [category],
      walkSpeedKmh: { urban: 5, rural: 5 },
      detourFactor: 1.3,
      sampleSpacingMeters: 80,
      maxSnapMeters: 300,
      model: 'network' as const,
    };
    const zones = findGapZones(samples, [{ category: 'clinic', seconds, facility: new Int32Array(samples.count).fill(-1) }], settings);
    const graph = buildRoadGraph(randomRoads(3, 200, 120));
    const cands = generateCandidates({ samples, gapZones: zones.map((z) => z.polygon), graph, spacingMeters: 100 });
    expect(cands.count).toBeGreaterThan(0);
    let communityPoints = 0;
    for (let i = 0; i < cands.count; i++) {
      const p: [number, number] = [cands.lon[i]!, cands.lat[i]!];
      expect(
        zones.some((z) => booleanPointInPolygon(p, { type: 'Polygon', coordinates: z.polygon })),
        `candidate ${i}`,
      ).toBe(true);
      if (cands.source[i] === SOURCE_COMMUNITY) {
        communityPoints++;
        expect(cands.origin[i]! % 2).toBe(0); // only uncovered communities
      }
      for (let j = i + 1; j < cands.count; j++)
        expect(haversineMeters(p[0], p[1], cands.lon[j]!, cands.lat[j]!)).toBeGreaterThanOrEqual(100);
    }
    expect(communityPoints).toBeGreaterThan(0);
  });
});
