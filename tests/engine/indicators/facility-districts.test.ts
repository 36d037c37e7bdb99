import { describe, expect, it } from 'vitest';
import { buildDemandSamples } from '../../../src/engine/coverage/demand-samples';
import { facilityGroups } from '../../../src/engine/indicators/facility-districts';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import type { Community } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';

/** Point communities near Ningbo, `districts` names cycled over them ('' = none). */
function communities(n: number, districts: string[], seed: number): Community[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    id: `c${i}`,
    name: `c${i}`,
    kind: 'urban',
    population: 10,
    geometry: { type: 'Point', coordinates: [121.5 + rand() * 0.05, 29.8 + rand() * 0.05] },
    ...(districts[i % districts.length] ? { district: districts[i % districts.length]! } : {}),
  }));
}

describe('facilityGroups: the district of the nearest demand sample', () => {
  const rand = mulberry32(7);
  const facilities = Array.from({ length: 30 }, () => ({ lon: 121.5 + rand() * 0.05, lat: 29.8 + rand() * 0.05 }));
  facilities.push({ lon: NaN, lat: 29.8 });

  it('several districts: the group of the community whose sample is nearest (brute force)', () => {
    const cs = communities(40, ['A', 'B', 'C'], 3);
    const samples = buildDemandSamples(cs);
    const communityGroup = Int32Array.from(cs, (_, i) => i % 3);
    const got = facilityGroups(facilities, samples, communityGroup);
    facilities.forEach((f, j) => {
      if (!Number.isFinite(f.lon)) return expect(got[j]).toBe(-1);
      let best = -1;
      let bestM = Infinity;
      for (let i = 0; i < samples.count; i++) {
        const m = haversineMeters(f.lon, f.lat, samples.lon[i]!, samples.lat[i]!);
        if (m < bestM) [best, bestM] = [i, m];
      }
      expect(got[j]).toBe(communityGroup[samples.community[best]!]!);
    });
  });

  it('one group (no districts): every facility with a position is in it, none without', () => {
    const cs = communities(25, [''], 5);
    const got = facilityGroups(facilities, buildDemandSamples(cs), new Int32Array(cs.length));
    expect(Array.from(got)).toEqual([...Array<number>(30).fill(0), -1]);
  });
});
