import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'fflate';
import type { Feature, LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { NINGBO } from '../../../src/engine/presets';
import { mergeFootProfile } from '../../../src/engine/presets/foot-profile';
import { importOsm } from '../../../src/io/osm/import-osm';
import { readRoads } from '../../../src/io/read-roads';
import { northBayreuth } from '../../helpers/fixtures';

// Real extracts © OpenStreetMap contributors, ODbL (tests/fixtures/real/README.md).
const OSM = resolve(__dirname, '../../fixtures/real/osm');
const bytesOf = (name: string): Uint8Array => new Uint8Array(readFileSync(resolve(OSM, name)));
const categories = NINGBO.settings.categories;

/** Kilometres of line per `highway` value. */
function kmByHighway(features: readonly Feature[]): Record<string, number> {
  const km: Record<string, number> = {};
  for (const f of features) {
    const c = (f.geometry as LineString).coordinates;
    let m = 0;
    for (let i = 1; i < c.length; i++) m += haversineMeters(c[i - 1]![0]!, c[i - 1]![1]!, c[i]![0]!, c[i]![1]!);
    const h = String(f.properties?.highway);
    km[h] = (km[h] ?? 0) + m / 1000;
  }
  return km;
}

describe('north Bayreuth', () => {
  const fromPbf = importOsm(bytesOf('north-bayreuth.osm.pbf'), { file: 'nb', categories });
  const fromGz = importOsm(bytesOf('north-bayreuth.osm.gz'), { file: 'nb', categories });

  it('imported from .osm.pbf and from .osm.gz gives identical layers and counts', () => {
    expect(fromGz.roads.features()).toEqual(fromPbf.roads.features());
    expect(fromGz.facilities).toEqual(fromPbf.facilities);
    expect(fromGz.communities).toEqual(fromPbf.communities);
    expect({ ...fromGz.report, format: '' }).toEqual({ ...fromPbf.report, format: '' });
    expect(fromPbf.roads.features().length).toBeGreaterThan(1500);
    expect(fromPbf.facilities.features.length).toBeGreaterThan(10);
    expect(fromPbf.communities.features.length).toBeGreaterThan(50);
  });

  it('walkable km per highway value against the hand-made roads.geojson', () => {
    const hand = kmByHighway(JSON.parse(readFileSync(northBayreuth('roads.geojson'), 'utf8')).features);
    const ours = kmByHighway(fromPbf.roads.features());
    // The hand-made layer left out ways with access or foot = no/private and cut nothing at nodes:
    // with that profile every highway value it has must match to the metre, except motorway, which
    // it kept (tagged) on purpose and the foot profile refuses without foot access.
    const likeHand = kmByHighway(
      importOsm(bytesOf('north-bayreuth.osm.pbf'), {
        file: 'nb',
        categories: [],
        footProfile: mergeFootProfile({ forbidValues: ['no', 'private'], obeyBarriers: false }),
      }).roads.features(),
    );
    const rows = [...new Set([...Object.keys(hand), ...Object.keys(ours)])].sort();
    console.log(
      [
        'highway           hand-made  imported  like-hand',
        ...rows.map(
          (h) =>
            `${h.padEnd(16)} ${(hand[h] ?? 0).toFixed(3).padStart(9)} ${(ours[h] ?? 0).toFixed(3).padStart(9)} ${(likeHand[h] ?? 0).toFixed(3).padStart(9)}`,
        ),
      ].join('\n'),
    );
    for (const h of Object.keys(hand)) {
      if (h === 'motorway') continue;
      expect(likeHand[h], h).toBeCloseTo(hand[h]!, 3);
      // the default profile also refuses agricultural/forestry/delivery ways and cuts at foot=no nodes: never more
      expect(ours[h]!, h).toBeLessThanOrEqual(hand[h]! + 1e-9);
    }
    expect(hand.motorway).toBeGreaterThan(20);
    expect(ours.motorway).toBeUndefined();
    // values the hand-made layer did not take at all
    expect(ours.cycleway).toBeGreaterThan(10);
    expect(fromPbf.report.roads.skippedByReason['access=private']).toBeGreaterThan(0);
    expect(fromPbf.report.roads.barriers['foot=no']).toBeGreaterThan(0);
  });

  it('facilities and communities carry osm ids, categories, kinds and population sources', () => {
    for (const f of fromPbf.facilities.features) {
      expect(f.properties?.osm_id).toMatch(/^[nwr]\d+$/);
      expect(categories.map((c) => c.id)).toContain(f.properties?.category);
    }
    const sources = new Set(fromPbf.communities.features.map((f) => f.properties?.population_source));
    expect(sources).toEqual(new Set(['estimated', 'osm']));
    expect(fromPbf.report.communities.estimated).toBe(
      fromPbf.communities.features.filter((f) => f.properties?.population_source === 'estimated').length,
    );
    for (const f of fromPbf.communities.features) {
      expect(['urban', 'rural']).toContain(f.properties?.kind);
      expect(f.properties?.population).toBeGreaterThanOrEqual(0);
    }
  });

  it('--bbox keeps only what lies in the box', () => {
    const box: [number, number, number, number] = [11.45, 49.95, 11.55, 50.05];
    const r = importOsm(bytesOf('north-bayreuth.osm.pbf'), { file: 'nb', categories, bbox: box });
    expect(r.roads.features().length).toBeLessThan(fromPbf.roads.features().length);
    for (const f of r.roads.features()) {
      expect(f.geometry.coordinates.some(([x, y]) => x! >= box[0] && x! <= box[2] && y! >= box[1] && y! <= box[3])).toBe(true);
    }
    for (const f of r.facilities.features) {
      const [x, y] = f.geometry.coordinates as [number, number];
      expect(x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]).toBe(true);
    }
  });
});

describe('sidewalk rules on map-sidewalk-no', () => {
  const text = new TextDecoder().decode(gunzipSync(bytesOf('map-sidewalk-no.osm.gz')));

  it('sidewalk=no leaves an ordinary road walkable; the separately mapped footways are kept', () => {
    const r = importOsm(bytesOf('map-sidewalk-no.osm.gz'), { file: 's', categories: [] });
    const kept = r.report.roads.keptByReason;
    expect(kept['highway=primary']).toBe(40); // 15 sidewalk=left + 5 sidewalk=no + 20 untagged
    expect(kept['highway=tertiary']).toBe(25);
    expect(kept['highway=footway']).toBe(25);
    expect(kept['foot=yes']).toBeGreaterThanOrEqual(6);
  });

  it('the same roads as trunks: walkable only with a sidewalk', () => {
    const asTrunk = new TextEncoder().encode(text.replaceAll('v="primary"', 'v="trunk"'));
    const r = importOsm(asTrunk, { file: 's', categories: [] });
    expect(r.report.roads.keptByReason['highway=trunk with sidewalk=left']).toBe(15);
    expect(r.report.roads.skippedByReason['highway=trunk without foot access']).toBe(25); // 5 sidewalk=no + 20 untagged
    const trunks = r.roads.features().filter((f) => f.properties?.highway === 'trunk');
    expect(trunks.length).toBeGreaterThan(0);
    // the network builder takes them (explicit foot access), not only the importer
    const graph = buildRoadGraph(readRoads(trunks, 's').value);
    expect(graph.segmentCount).toBeGreaterThan(0);
  });
});

describe('Berlin Siegessäule', () => {
  const CENTRE: [number, number] = [13.3501, 52.5145]; // the column, on the island inside the roundabout

  /** How far (metres from the column) one can walk from the road node nearest the column. */
  function reachFromColumn(features: Feature[]): number {
    const g = buildRoadGraph(readRoads(features, 'b').value);
    let start = 0;
    let best = Infinity;
    for (let n = 0; n < g.nodeCount; n++) {
      const d = haversineMeters(CENTRE[0], CENTRE[1], g.nodeLon[n]!, g.nodeLat[n]!);
      if (d < best) [best, start] = [d, n];
    }
    expect(best).toBeLessThan(50);
    const seen = new Uint8Array(g.nodeCount);
    const stack = [start];
    seen[start] = 1;
    let far = 0;
    while (stack.length > 0) {
      const n = stack.pop()!;
      far = Math.max(far, haversineMeters(CENTRE[0], CENTRE[1], g.nodeLon[n]!, g.nodeLat[n]!));
      for (let e = g.offsets[n]!; e < g.offsets[n + 1]!; e++) {
        const t = g.targets[e]!;
        if (!seen[t]) {
          seen[t] = 1;
          stack.push(t);
        }
      }
    }
    return far;
  }

  it('the pedestrian tunnels connect the roundabout inside to outside (the roundabout itself is foot=no)', () => {
    const r = importOsm(bytesOf('berlin-siegessaeule.osm.pbf'), { file: 'b', categories: [] });
    expect(r.report.roads.skippedByReason['foot=no']).toBeGreaterThan(0);
    expect(reachFromColumn(r.roads.features())).toBeGreaterThan(1000);
    // without the four tunnel footways the island is cut off: the tunnels are what connect it
    const tunnels = new Set(['w186885712', 'w186885713', 'w186885714', 'w186885715']);
    const without = r.roads.features().filter((f) => !tunnels.has(String(f.properties?.osm_id)));
    expect(without.length).toBeLessThan(r.roads.features().length);
    expect(reachFromColumn(without)).toBeLessThan(100);
  });
});
