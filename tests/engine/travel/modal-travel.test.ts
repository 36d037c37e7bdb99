import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/engine/geo/haversine';
import { type CategoryDef, KIND_RURAL, KIND_URBAN, type Road, type Settings } from '../../../src/engine/model';
import { BICYCLE_PROFILE, type ModeId, modeRoadDecision } from '../../../src/engine/presets/mode-profiles';
import { mulberry32 } from '../../../src/engine/prng';
import { createModalTravelModel } from '../../../src/engine/travel/modal-travel';
import { deepFreeze } from '../../helpers/fixtures';
import { makeFacilities, SETTINGS } from './fixtures';

const LON0 = 121.55;
const LAT0 = 29.87;
const M_LAT = 1 / 111_195;
const M_LON = M_LAT / Math.cos((LAT0 * Math.PI) / 180);
/** `[lon, lat]` of a point x metres east, y metres north of the origin. */
const at = (x: number, y: number): [number, number] => [LON0 + x * M_LON, LAT0 + y * M_LAT];
const len = (a: [number, number], b: [number, number]) => haversineMeters(a[0], a[1], b[0], b[1]);
const road = (coordinates: [number, number][], highway: string | null, extra: Partial<Road> = {}): Road => ({
  coordinates,
  highway,
  speedKmh: null,
  ...extra,
});

const category = (id: string, mode?: ModeId | { urban: ModeId; rural: ModeId }): CategoryDef => ({
  id,
  label: { zh: id, en: id },
  thresholdMinutes: { urban: 15, rural: 15 },
  ...(mode === undefined ? {} : { mode: typeof mode === 'string' ? { urban: mode, rural: mode } : mode }),
});

/** Seconds from a facility at `from` to a point at `to` for each category, urban residents (and rural for the last). */
function seconds(roads: Road[], from: [number, number], to: [number, number], categories: CategoryDef[], kind = KIND_URBAN): number[] {
  const settings: Settings = { ...SETTINGS, walkSpeedKmh: { urban: 5, rural: 5 }, maxSnapMeters: 50, categories };
  const facilities = makeFacilities([from[0]], [from[1]], () => 'x');
  const travel = createModalTravelModel(deepFreeze({ facilities, communities: [], roads }), settings);
  const points = { lon: Float64Array.of(to[0]), lat: Float64Array.of(to[1]), kind: Uint8Array.of(kind) };
  return categories.map((c) => travel.accessField(c.id, Uint32Array.of(0), points).seconds[0]!);
}

const close = (actual: number, expected: number) => expect(actual).toBeCloseTo(expected, 1);

describe('modes on the road network', () => {
  // facility A, resident B 500 m east; a footway straight across, a residential loop of 1100 m around
  const A = at(0, 0);
  const B = at(500, 0);
  const loop = [A, at(0, 300), at(500, 300), B];
  const loopMeters = len(loop[0]!, loop[1]!) + len(loop[1]!, loop[2]!) + len(loop[2]!, loop[3]!);

  it('a footway-only shortcut is used by walkers and not by cyclists, who ride around', () => {
    const roads = [road([A, B], 'footway'), road(loop, 'residential')];
    const [walk, bike, ebike] = seconds(roads, A, B, [category('w'), category('b', 'bicycle'), category('e', 'ebike')]);
    close(walk!, len(A, B) / (5 / 3.6)); // 360 s across
    close(bike!, loopMeters / (16 / 3.6)); // 247.5 s around, not 450 s pushing across
    close(ebike!, loopMeters / (20 / 3.6));
    expect(bike!).toBeLessThan(len(A, B) / (4 / 3.6));
  });

  it('a cyclist rides the footway when it is tagged bicycle=yes (12 km/h), and pushes on it when it is the only way (4 km/h)', () => {
    const tagged = seconds([road([A, B], 'footway', { bicycle: 'yes' }), road(loop, 'residential')], A, B, [category('b', 'bicycle')]);
    close(tagged[0]!, len(A, B) / (12 / 3.6));
    const only = seconds([road([A, B], 'footway')], A, B, [category('b', 'bicycle')]);
    close(only[0]!, len(A, B) / (4 / 3.6));
  });

  it('steps push a cyclist to walking pace (4 km/h), even with bicycle=yes', () => {
    const C = at(0, 100);
    const [walk, bike] = seconds([road([A, C], 'steps')], A, C, [category('w'), category('b', 'bicycle')]);
    close(walk!, len(A, C) / (5 / 3.6));
    close(bike!, len(A, C) / (4 / 3.6));
    const [tagged] = seconds([road([A, C], 'steps', { bicycle: 'yes' })], A, C, [category('b', 'ebike')]);
    close(tagged!, len(A, C) / (4 / 3.6));
  });

  it('a motorway is never used by bicycle, even one walkers may use (foot=yes)', () => {
    const D = at(1000, 0);
    const detour = [A, at(0, 1000), at(1000, 1000), D];
    const motorway = road([A, D], 'motorway', { footAccess: true, bicycle: 'yes' });
    const withDetour = seconds([motorway, road(detour, 'tertiary')], A, D, [category('w'), category('b', 'bicycle')]);
    close(withDetour[0]!, len(A, D) / (5 / 3.6));
    close(withDetour[1]!, (len(detour[0]!, detour[1]!) + len(detour[1]!, detour[2]!) + len(detour[2]!, detour[3]!)) / (16 / 3.6));
    const only = seconds([motorway], A, D, [category('w'), category('b', 'bicycle')]);
    expect(only[0]!).toBeLessThan(Infinity);
    expect(only[1]).toBe(Infinity);
  });

  it('a category measures urban and rural residents by their own modes; a pace replaces the kind speed for walkers only', () => {
    const roads = [road([A, B], 'footway'), road(loop, 'residential')];
    const mixed = category('m', { urban: 'walk', rural: 'ebike' });
    const paced: CategoryDef = { ...category('p'), walkSpeedKmh: 3.6 };
    close(seconds(roads, A, B, [mixed], KIND_URBAN)[0]!, len(A, B) / (5 / 3.6));
    close(seconds(roads, A, B, [mixed], KIND_RURAL)[0]!, loopMeters / (20 / 3.6));
    close(seconds(roads, A, B, [paced])[0]!, len(A, B) / (3.6 / 3.6));
    const pacedBike: CategoryDef = { ...category('q', 'bicycle'), walkSpeedKmh: 3.6 };
    close(seconds(roads, A, B, [pacedBike])[0]!, loopMeters / (16 / 3.6));
  });

  it('builds only the graphs of modes a category uses, and warns once about roads without a highway tag', () => {
    const settings: Settings = { ...SETTINGS, categories: [category('b', 'bicycle'), category('c', 'bicycle')] };
    const facilities = makeFacilities([A[0]], [A[1]], () => 'b');
    const travel = createModalTravelModel(
      deepFreeze({ facilities, communities: [], roads: [road(loop, null), road([A, B], null)] }),
      settings,
    );
    expect(travel.builtModes).toEqual([]);
    const points = { lon: Float64Array.of(B[0]), lat: Float64Array.of(B[1]), kind: Uint8Array.of(KIND_URBAN) };
    for (const id of ['b', 'c']) close(travel.accessField(id, Uint32Array.of(0), points).seconds[0]!, len(A, B) / (16 / 3.6));
    expect(travel.builtModes).toEqual(['bicycle']);
    expect(travel.warnings.map((w) => w.reason)).toEqual([
      '2 road line(s) have no highway tag: by bicycle they are ridden at the default 16 km/h',
    ]);
  });

  it('agrees with a plain Dijkstra over per-road bicycle speeds on random tagged grids (oracle)', () => {
    const HIGHWAYS = ['residential', 'primary', 'track', 'footway', 'path', 'steps', 'motorway', 'cycleway', 'service', null];
    const BIKE = [null, null, null, 'yes', 'no', 'designated'];
    for (let seed = 1; seed <= 8; seed++) {
      const rand = mulberry32(seed);
      const n = 6;
      const nodes: [number, number][] = [];
      for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) nodes.push(at(x * 200 + (rand() - 0.5) * 60, y * 200 + (rand() - 0.5) * 60));
      const roads: Road[] = [];
      const edges: [number, number, number][] = []; // a, b, seconds (Infinity: not for bicycles)
      const add = (a: number, b: number) => {
        if (rand() < 0.15) return;
        const highway = HIGHWAYS[Math.floor(rand() * HIGHWAYS.length)]!;
        const bicycle = BIKE[Math.floor(rand() * BIKE.length)]!;
        roads.push(road([nodes[a]!, nodes[b]!], highway, bicycle ? { bicycle } : {}));
        const kmh = modeRoadDecision(BICYCLE_PROFILE, highway, bicycle).speedKmh;
        edges.push([a, b, kmh === null ? Infinity : len(nodes[a]!, nodes[b]!) / (kmh / 3.6)]);
      };
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++) {
          if (x + 1 < n) add(y * n + x, y * n + x + 1);
          if (y + 1 < n) add(y * n + x, (y + 1) * n + x);
        }
      const facilityNodes = [Math.floor(rand() * n * n), Math.floor(rand() * n * n)];
      const settings: Settings = { ...SETTINGS, maxSnapMeters: 1, categories: [category('b', 'bicycle')] };
      const facilities = makeFacilities(
        facilityNodes.map((i) => nodes[i]![0]),
        facilityNodes.map((i) => nodes[i]![1]),
        () => 'b',
      );
      const travel = createModalTravelModel(deepFreeze({ facilities, communities: [], roads }), settings);
      const points = {
        lon: Float64Array.from(nodes, (p) => p[0]),
        lat: Float64Array.from(nodes, (p) => p[1]),
        kind: new Uint8Array(nodes.length),
      };
      const got = travel.accessField('b', Uint32Array.of(0, 1), points).seconds;
      // oracle: O(V²) Dijkstra from the facilities' nodes over the usable edges; a node with no usable edge is off-network
      const usable = new Uint8Array(nodes.length);
      for (const [a, b, s] of edges) if (s < Infinity) usable[a] = usable[b] = 1;
      const dist = new Float64Array(nodes.length).fill(Infinity);
      for (const f of facilityNodes) if (usable[f]) dist[f] = 0;
      const done = new Uint8Array(nodes.length);
      for (;;) {
        let u = -1;
        for (let i = 0; i < nodes.length; i++) if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
        if (u < 0) break;
        done[u] = 1;
        for (const [a, b, s] of edges) {
          if (a === u && dist[u]! + s < dist[b]!) dist[b] = dist[u]! + s;
          if (b === u && dist[u]! + s < dist[a]!) dist[a] = dist[u]! + s;
        }
      }
      for (let i = 0; i < nodes.length; i++) {
        const want = usable[i] ? dist[i]! : Infinity;
        if (want === Infinity) expect(got[i], `seed ${seed} node ${i}`).toBe(Infinity);
        else expect(Math.abs(got[i]! - want), `seed ${seed} node ${i}`).toBeLessThan(1e-4 * want + 1e-3);
      }
    }
  });
});
