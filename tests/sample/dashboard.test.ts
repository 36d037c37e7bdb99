/**
 * The plan dashboard of the built-in sample, recomputed by hand from the files: sums of capacity
 * over residents, counts of facilities, covered residents at the plan's minutes; per district with
 * each facility given to the district of its nearest demand sample by brute force.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../src/engine/analyze';
import { haversineMeters } from '../../src/engine/geo/haversine';
import { computeIndicators, type Indicators } from '../../src/engine/indicators/indicators';
import { KIND_RURAL, type Dataset } from '../../src/engine/model';
import { NINGBO } from '../../src/engine/presets';
import { loadDataset } from '../../src/io/load-dataset';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/sample');
const text = (f: string) => readFileSync(path.join(SAMPLE, f), 'utf8');
interface Props {
  category?: string;
  capacity?: number;
  population?: number;
  district?: string;
}
const features = (f: string) =>
  (JSON.parse(text(f)) as { features: { properties: Props; geometry: { coordinates: number[] } }[] }).features;

let dataset: Dataset;
let analysis: Analysis;
let ind: Indicators;
const settings = NINGBO.settings;

beforeAll(() => {
  const loaded = loadDataset(
    {
      facilities: { text: text('facilities.geojson'), file: 'facilities.geojson' },
      communities: { text: text('communities.geojson'), file: 'communities.geojson' },
      roads: { text: text('roads.geojson'), file: 'roads.geojson' },
    },
    settings,
  );
  dataset = loaded.dataset;
  analysis = analyze(dataset, settings);
  ind = computeIndicators(dataset, analysis, settings, NINGBO.targets!);
}, 120_000);

describe('the sample dashboard, by hand', () => {
  const row = (id: string) => ind.dashboard.find((r) => r.target.id === id)!;

  it('childcare places per 1,000, sports m² per person, canteens and culture points equal sums over the files', () => {
    const fac = features('facilities.geojson').map((f) => f.properties);
    const residents = features('communities.geojson').reduce((s, f) => s + f.properties.population!, 0);
    const capacity = (cat: string) => fac.filter((p) => p.category === cat).reduce((s, p) => s + p.capacity!, 0);
    expect(row('childcarePlaces').value).toBeCloseTo((capacity('childcare') / residents) * 1000, 10);
    expect(row('childcarePlaces').met).toBe((capacity('childcare') / residents) * 1000 >= 4.55);
    expect(row('sportsArea').value).toBeCloseTo(capacity('sports') / residents, 12);
    expect(row('sportsArea').met).toBe(false);
    expect(row('canteens').value).toBe(fac.filter((p) => p.category === 'canteen').length);
    expect(row('canteens').met).toBe(fac.filter((p) => p.category === 'canteen').length >= 200);
    expect(row('culturePoints').value).toBe(fac.filter((p) => p.category === 'culture').length);
    expect(row('culturePoints').met).toBe(false); // 442 of 2,000
  });

  it('the 15-minute medical circle and the 15/20-minute life circle: residents at ≤ the plan minutes over all residents', () => {
    const s = analysis.samples;
    const share = (cat: string, urban: number, rural: number) => {
      const k = settings.categories.findIndex((c) => c.id === cat);
      let cov = 0;
      let all = 0;
      for (let i = 0; i < s.count; i++) {
        all += s.population[i]!;
        if (analysis.fields[k]!.seconds[i]! <= (s.kind[i] === KIND_RURAL ? rural : urban) * 60) cov += s.population[i]!;
      }
      return cov / all;
    };
    expect(row('medicalCircle').value).toBeCloseTo(share('clinic', 15, 15), 12);
    expect(row('lifeCircle').value).toBeCloseTo(share('convenience', 15, 20), 12);
    expect(row('medicalCircle').met).toBe(false);
  });

  it("per district: the sample's six districts, residents and facility counts by the nearest demand sample", () => {
    const coms = features('communities.geojson');
    const names = [...new Set(coms.map((c) => c.properties.district!))].sort();
    expect(ind.districts.map((d) => d.name)).toEqual(names);
    expect(names).toHaveLength(6);
    for (const d of ind.districts) {
      expect(d.population).toBeCloseTo(
        coms.filter((c) => c.properties.district === d.name).reduce((s, c) => s + c.properties.population!, 0),
        6,
      );
    }
    // brute force: each canteen to the community of its nearest demand sample
    const s = analysis.samples;
    const counts = new Map<string, number>();
    let places = 0;
    const childcare = new Map<string, number>();
    for (const f of dataset.facilities) {
      if (f.category !== 'canteen' && f.category !== 'childcare') continue;
      let best = -1;
      let bestM = Infinity;
      for (let i = 0; i < s.count; i++) {
        const m = haversineMeters(f.lon, f.lat, s.lon[i]!, s.lat[i]!);
        if (m < bestM) {
          bestM = m;
          best = i;
        }
      }
      const name = dataset.communities[s.community[best]!]!.district!;
      if (f.category === 'canteen') counts.set(name, (counts.get(name) ?? 0) + 1);
      else {
        childcare.set(name, (childcare.get(name) ?? 0) + f.capacity!);
        places += f.capacity!;
      }
    }
    const g = (name: string) => ind.districts.findIndex((d) => d.name === name);
    for (const name of names) {
      expect(row('canteens').districts[g(name)]!.value).toBe(counts.get(name) ?? 0);
      const want = ((childcare.get(name) ?? 0) / ind.districts[g(name)]!.population) * 1000;
      expect(row('childcarePlaces').districts[g(name)]!.value).toBeCloseTo(want, 10);
      expect(row('childcarePlaces').districts[g(name)]!.met).toBe(want >= 4.55);
    }
    expect(places).toBe(
      features('facilities.geojson')
        .filter((f) => f.properties.category === 'childcare')
        .reduce((a, f) => a + f.properties.capacity!, 0),
    );
  }, 60_000);
});
