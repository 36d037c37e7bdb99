/**
 * Terrain bench (part of `npm run bench`): on the seeded synthetic cities, (1) elevation sampling
 * and directed costs of every segment (`directedSegmentCosts`: ≤ 30 m steps, bilinear, Tobler both
 * ways) against the naive baseline that reads every sample point without the per-node cache;
 * (2) the whole network pipeline flat vs with a DEM (the terrain stage included), alternating,
 * medians and their ratio. Goals (issue 17): sampling 1 M segments < 3 s; directed analysis on
 * the L city ≤ 1.3 × the flat one.
 *
 *   node --max-old-space-size=8192 --import tsx scripts/bench-terrain.ts [--sizes S,M,L] [--repeat N]
 */
import { getPreset } from '../src/engine/presets';
import { buildRoadGraph } from '../src/engine/network/graph-builder';
import type { Settings } from '../src/engine/model';
import { elevationAt, type ElevationGrid } from '../src/engine/terrain/elevation-grid';
import { directedSegmentCosts } from '../src/engine/terrain/segment-slopes';
import { walkingTimeFactor } from '../src/engine/terrain/slope-speed';
import { runNetworkPipeline } from './bench/pipelines';
import { CITY_SIZES } from './bench/synthetic-city';
import { generateSyntheticCity } from './bench/synthetic-city';

const args = process.argv.slice(2);
const arg = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? 'S,M,L').split(',').map((n) => CITY_SIZES.find((s) => s.name === n.trim().toUpperCase())!);
const repeat = Number(arg('--repeat') ?? 3);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

/** Hills over the city's bounds: ±40 m waves a few hundred metres long, 1″-like spacing (≈ 30 m). */
function hillsOver(lon: Float64Array, lat: Float64Array): ElevationGrid {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (let i = 0; i < lon.length; i++) {
    w = Math.min(w, lon[i]!);
    e = Math.max(e, lon[i]!);
    s = Math.min(s, lat[i]!);
    n = Math.max(n, lat[i]!);
  }
  const step = 1 / 3600;
  const width = Math.ceil((e - w) / step) + 3;
  const height = Math.ceil((n - s) / step) + 3;
  const z = new Float32Array(width * height);
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) z[r * width + c] = 100 + 40 * Math.sin(c / 17) * Math.cos(r / 23) + 15 * Math.sin((c + r) / 7);
  return { name: 'hills', width, height, lon0: w - step, lat0: n + step, dLon: step, dLat: step, z };
}

/** Naive baseline: every sample point (ends included) read from the grid, no node cache, slope factor per sub-segment. */
function naiveSampling(g: ReturnType<typeof buildRoadGraph>, grids: ElevationGrid[]): number {
  let sum = 0;
  for (let s = 0; s < g.segmentCount; s++) {
    const a = g.segA[s]!;
    const b = g.segB[s]!;
    const n = Math.max(1, Math.ceil(g.segLengthMeters[s]! / 30));
    let z0 = elevationAt(grids, g.nodeLon[a]!, g.nodeLat[a]!);
    for (let i = 1; i <= n; i++) {
      const z1 = elevationAt(
        grids,
        g.nodeLon[a]! + ((g.nodeLon[b]! - g.nodeLon[a]!) * i) / n,
        g.nodeLat[a]! + ((g.nodeLat[b]! - g.nodeLat[a]!) * i) / n,
      );
      const slope = (z1 - z0) / (g.segLengthMeters[s]! / n);
      sum += walkingTimeFactor(slope) + walkingTimeFactor(-slope);
      z0 = z1;
    }
  }
  return sum;
}

const preset = getPreset('ningbo')!;
const settings: Settings = { ...preset.settings, model: 'network' };
console.log(`terrain bench: repeat ${repeat}, medians in ms`);
console.log('size  segments  sub-segs  sampling  naive  ratio  | flat analysis  terrain analysis  ratio');
for (const size of sizes) {
  const { dataset, figures } = generateSyntheticCity(size, { seed: 1, categories: settings.categories.map((c) => c.id) });
  const graph = buildRoadGraph(dataset.roads!);
  const dem = hillsOver(graph.nodeLon, graph.nodeLat);
  const sampling: number[] = [];
  const naive: number[] = [];
  let subSegments = 0;
  // one untimed warm-up of each (the first call of either pays the JIT), then alternate which goes first
  directedSegmentCosts(graph, [dem], walkingTimeFactor);
  naiveSampling(graph, [dem]);
  for (let k = 0; k < repeat; k++) {
    const runOurs = () => {
      const [costs, ms] = time(() => directedSegmentCosts(graph, [dem], walkingTimeFactor));
      subSegments = costs.subSegments;
      sampling.push(ms);
    };
    const runNaive = () => naive.push(time(() => naiveSampling(graph, [dem]))[1]);
    if (k % 2 === 0) {
      runOurs();
      runNaive();
    } else {
      runNaive();
      runOurs();
    }
  }
  const flat: number[] = [];
  const directed: number[] = [];
  // one untimed warm-up of each, then alternate which goes first
  runNetworkPipeline(dataset, settings);
  runNetworkPipeline(dataset, settings, [dem]);
  for (let k = 0; k < repeat; k++) {
    const runFlat = () => flat.push(time(() => runNetworkPipeline(dataset, settings))[1]);
    const runDirected = () => directed.push(time(() => runNetworkPipeline(dataset, settings, [dem]))[1]);
    if (k % 2 === 0) {
      runFlat();
      runDirected();
    } else {
      runDirected();
      runFlat();
    }
  }
  const [ms, mn, mf, md] = [median(sampling), median(naive), median(flat), median(directed)];
  console.log(
    `${size.name.padEnd(4)} ${String(figures.segments).padStart(9)} ${String(subSegments).padStart(9)} ${ms.toFixed(0).padStart(9)} ${mn.toFixed(0).padStart(6)} ${(mn / ms).toFixed(2).padStart(6)}  | ${mf.toFixed(0).padStart(13)} ${md.toFixed(0).padStart(17)} ${(md / mf).toFixed(2).padStart(6)}`,
  );
  if (size.name === 'L') {
    console.log(`goal: sampling ${figures.segments} segments < 3000 ms: ${ms < 3000 ? 'PASS' : 'FAIL'} (${ms.toFixed(0)} ms)`);
    console.log(`goal: directed analysis ≤ 1.3 × flat on L: ${md / mf <= 1.3 ? 'PASS' : 'FAIL'} (${(md / mf).toFixed(2)})`);
  }
}
