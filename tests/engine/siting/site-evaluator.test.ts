import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTravelModel } from '../../../src/engine/analyze';
import { buildDemandSamples } from '../../../src/engine/coverage/demand-samples';
import { type CategoryDef, type Community, type Facility, KIND_RURAL, type Settings } from '../../../src/engine/model';
import { buildRoadGraph } from '../../../src/engine/network/graph-builder';
import { getPreset } from '../../../src/engine/presets';
import { deepFreeze } from '../../helpers/fixtures';
import { mulberry32 } from '../../../src/engine/prng';
import { createSitingContext } from '../../../src/engine/siting/siting-context';
import { createNetworkModel } from '../../../src/engine/travel/network';
import { loadDataset } from '../../../src/io/load-dataset';
import { randomRoads } from '../network/random-network';

const CATEGORY: CategoryDef = deepFreeze({ id: 'clinic', label: { zh: '', en: '' }, thresholdMinutes: { urban: 5, rural: 8 } });
const SETTINGS: Settings = deepFreeze({
  preset: 'test',
  categories: [CATEGORY],
  walkSpeedKmh: { urban: 5, rural: 4.5 },
  detourFactor: 1.3,
  sampleSpacingMeters: 60,
  maxSnapMeters: 300,
  model: 'network',
});
const fac = (i: number, lon: number, lat: number): Facility => ({
  index: i,
  id: `F${i}`,
  name: `F${i}`,
  category: 'clinic',
  capacity: null,
  lon,
  lat,
});

/** Oracle: covered residents per community from a whole new analysis with the sites as facilities. */
function fullCoverage(
  graph: ReturnType<typeof buildRoadGraph>,
  facilities: Facility[],
  samples: ReturnType<typeof buildDemandSamples>,
): Float64Array {
  const model = createNetworkModel(graph, facilities, SETTINGS);
  const field = model.accessField(
    'clinic',
    Uint32Array.from(facilities, (f) => f.index),
    samples,
  );
  // residents of samples within the threshold of their kind, summed per community in sample order
  const covered = new Float64Array(samples.communityStart.length - 1);
  for (let i = 0; i < samples.count; i++) {
    const limitMinutes = samples.kind[i] === KIND_RURAL ? CATEGORY.thresholdMinutes.rural : CATEGORY.thresholdMinutes.urban;
    if (field.seconds[i]! <= limitMinutes * 60) covered[samples.community[i]!]! += samples.population[i]!;
  }
  return covered;
}

describe('what-if evaluation of new sites', () => {
  it('equals a full re-analysis with the sites added, after every add, move and remove', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const rand = mulberry32(seed * 101);
      const at = (): [number, number] => [121.5 + rand() * 0.02, 29.85 + rand() * 0.02];
      const communities: Community[] = deepFreeze(
        Array.from({ length: 8 }, (_, i) => {
          const [x, y] = at();
          const d = 0.002 + rand() * 0.003;
          return {
            index: i,
            id: `C${i}`,
            name: `C${i}`,
            kind: rand() < 0.5 ? 'urban' : 'rural',
            population: 100 + Math.floor(rand() * 900),
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
      const samples = buildDemandSamples(communities, SETTINGS.sampleSpacingMeters);
      const graph = buildRoadGraph(randomRoads(seed, 40, 25));
      const existing = [fac(0, ...at())];
      const travel = createNetworkModel(graph, existing, SETTINGS);
      const field = travel.accessField('clinic', Uint32Array.of(0), samples);
      const evaluator = createSitingContext(travel, samples, field, CATEGORY, SETTINGS).evaluator();
      const sites: [number, number][] = [at(), at(), at()];
      const check = (got: Float64Array) => {
        const want = fullCoverage(graph, [...existing, ...sites.map((s, i) => fac(i + 1, s[0], s[1]))], samples);
        for (let c = 0; c < communities.length; c++) expect(got[c]!).toBeCloseTo(want[c]!, 6);
      };
      check(
        evaluator.evaluateSites(
          sites.map((s) => s[0]),
          sites.map((s) => s[1]),
        ).coveredPopulation,
      );
      for (let step = 0; step < 6; step++) {
        const i = Math.floor(rand() * sites.length);
        sites[i] = at();
        check(evaluator.moveSite(i, sites[i]![0], sites[i]![1]).coveredPopulation);
      }
      sites.push(at());
      check(evaluator.addSite(sites[3]![0], sites[3]![1]).coveredPopulation);
      sites.splice(1, 1);
      check(evaluator.removeSite(1).coveredPopulation);
      expect(evaluator.siteCount).toBe(3);
      expect(() => evaluator.moveSite(3, 121.5, 29.85)).toThrow(/site index 3/);
    }
  });

  it('moves sites on the built-in sample incrementally to the state of a fresh evaluation (speed: npm run bench:siting)', () => {
    const dir = path.resolve(__dirname, '../../../data/sample');
    const settings = getPreset('ningbo')!.settings;
    const read = (f: string) => ({ text: readFileSync(path.join(dir, f), 'utf8'), file: f });
    const { dataset } = loadDataset(
      { facilities: read('facilities.geojson'), communities: read('communities.geojson'), roads: read('roads.geojson') },
      settings,
    );
    expect(dataset.communities).toHaveLength(1346);
    const samples = buildDemandSamples(dataset.communities, settings.sampleSpacingMeters);
    const travel = createTravelModel(dataset, settings, []);
    const category = settings.categories.find((c) => c.id === 'clinic')!;
    const field = travel.accessField(
      'clinic',
      Uint32Array.from(
        dataset.facilities.filter((f) => f.category === 'clinic'),
        (f) => f.index,
      ),
      samples,
    );
    const evaluator = createSitingContext(travel, samples, field, category, settings).evaluator();
    const rand = mulberry32(7);
    // sites where people live (beside an uncovered or covered sample), so every search does real work
    const at = (): [number, number] => {
      const i = Math.floor(rand() * samples.count);
      return [samples.lon[i]! + (rand() - 0.5) * 0.002, samples.lat[i]! + (rand() - 0.5) * 0.002];
    };
    const sites = Array.from({ length: 10 }, at);
    const first = evaluator.evaluateSites(
      sites.map((s) => s[0]),
      sites.map((s) => s[1]),
    );
    expect(first.coveredPopulation).toHaveLength(1346);
    expect(first.addedPopulation).toBeGreaterThan(0);
    let last = first;
    for (let step = 0; step < 25; step++) {
      const i = step % sites.length;
      sites[i] = at();
      last = evaluator.moveSite(i, sites[i]![0], sites[i]![1]);
    }
    // the incremental state equals evaluating the final sites from scratch
    const fresh = evaluator.evaluateSites(
      sites.map((s) => s[0]),
      sites.map((s) => s[1]),
    );
    for (let c = 0; c < 1346; c++) expect(last.coveredPopulation[c]!).toBeCloseTo(fresh.coveredPopulation[c]!, 6);
    const population = dataset.communities.reduce((a, c) => a + c.population, 0);
    expect(fresh.totalShare).toBeCloseTo(fresh.coveredPopulation.reduce((a, b) => a + b, 0) / population, 9);
  });
});
