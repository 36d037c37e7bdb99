// Test helpers: seeded random road networks and the real north-Bayreuth roads.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Road } from '../../../src/engine/model';
import { mulberry32 } from '../../../src/engine/prng';
import { deepFreeze } from '../../helpers/fixtures';

import { NORTH_BAYREUTH } from '../../helpers/fixtures';

export { NORTH_BAYREUTH };

/**
 * A random walkable network in a ~2 km box near Ningbo: a pool of vertices, roads are random walks
 * over the pool (so they share vertices), a few are motorways, a few have a speed override.
 */
export function randomRoads(seed: number, vertexCount = 40, roadCount = 25): Road[] {
  const rand = mulberry32(seed);
  const pool: [number, number][] = [];
  for (let i = 0; i < vertexCount; i++) pool.push([121.5 + rand() * 0.02, 29.85 + rand() * 0.02]);
  const roads: Road[] = [];
  for (let r = 0; r < roadCount; r++) {
    const n = 2 + Math.floor(rand() * 4);
    const coordinates: [number, number][] = [];
    for (let k = 0; k < n; k++) {
      const v = pool[Math.floor(rand() * vertexCount)] as [number, number];
      coordinates.push([v[0], v[1]]);
    }
    const u = rand();
    roads.push({
      coordinates,
      highway: u < 0.1 ? 'motorway' : u < 0.2 ? null : 'residential',
      speedKmh: rand() < 0.2 ? 2 + rand() * 8 : null,
    });
  }
  return deepFreeze(roads);
}

/** Roads of the real data set, parsed directly (no io/ dependency). */
export function readRealRoads(): Road[] {
  const fc = JSON.parse(readFileSync(path.join(NORTH_BAYREUTH, 'roads.geojson'), 'utf8')) as {
    features: { properties: { highway?: string | null }; geometry: { type: string; coordinates: [number, number][] } }[];
  };
  return deepFreeze(
    fc.features
      .filter((f) => f.geometry.type === 'LineString')
      .map((f) => ({ coordinates: f.geometry.coordinates, highway: f.properties.highway ?? null, speedKmh: null })),
  );
}
