/**
 * Reading speed for `npm run bench`: the synthetic city (facilities, communities, roads) written as
 * GeoJSON text, then read and validated through the same io functions the CLI and the browser use
 * (`readLayerFile` for each file, then `loadDataset`), against `JSON.parse` of the same bytes (UTF-8
 * decoding included on both sides: both start from the bytes of the files).
 * Median of 5 each after one warm-up run, in CPU time of the process; the goal is a ratio ≤ 1.5×. Also checks that what was read is the city that
 * was written (same counts, same road vertices), so a fast reader cannot be a wrong one.
 *
 * Like with like: each side starts from a collected heap and ends with a full collection while its
 * results are still alive, inside its clock. Without that, garbage collection that `JSON.parse`
 * starts (concurrent marking of the parsed tree, on a helper thread) would run after the parse
 * clock stopped but during the read clock (whose own parse starts the same work, which then runs
 * while the features are validated). The cost of a full collection of the heap before the side ran
 * (measured just before it) is subtracted, so only the collection of what each side made counts. The written city is not kept alive while the clocks run (it
 * is made again for the check), so neither side's collection marks it. Both figures are printed:
 * the ratio with that collection counted and without it.
 *
 *   node --expose-gc --import tsx scripts/bench/read-ratio.ts [--sizes S,M] [--repeat N] [--seed N]
 *
 * Sizes above M are skipped (their text alone would be hundreds of MB). Prints a markdown table on
 * stdout; exit code 1 when what was read differs from what was written.
 */
import { getPreset } from '../../src/engine/presets';
import type { Dataset } from '../../src/engine/model';
import { loadDataset } from '../../src/io/load-dataset';
import { readLayerFile } from '../../src/io/read-layer-file';
import { markdownTable } from './report';
import { collectGarbage, median, peakRssMB } from './stats';
import { CITY_SIZES, generateSyntheticCity, type CitySize } from './synthetic-city';

/** The goal of issue 12: reading and validation within 1.5× of `JSON.parse` of the same bytes. */
export const READ_RATIO_GOAL = 1.5;
/** Sizes whose text is small enough to hold next to the parsed city. */
const MAX_SEGMENTS = 200_000;

/** The three layers of a dataset as GeoJSON FeatureCollection texts (the properties the readers look for). */
export function datasetToGeoJson(dataset: Dataset): { facilities: string; communities: string; roads: string } {
  const collection = (features: string[]): string => `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}`;
  const point = (lon: number, lat: number): string => `{"type":"Point","coordinates":[${lon},${lat}]}`;
  const facilities = dataset.facilities.map(
    (f) =>
      `{"type":"Feature","properties":${JSON.stringify({ id: f.id, name: f.name, category: f.category, ...(f.capacity === null ? {} : { capacity: f.capacity }) })},"geometry":${point(f.lon, f.lat)}}`,
  );
  const communities = dataset.communities.map((c) => {
    if (c.geometry.type !== 'Point') throw new Error('datasetToGeoJson: point communities only');
    const [lon, lat] = c.geometry.coordinates;
    return `{"type":"Feature","properties":${JSON.stringify({ id: c.id, name: c.name, population: c.population, kind: c.kind })},"geometry":${point(lon, lat)}}`;
  });
  const roads = (dataset.roads ?? []).map(
    (r) =>
      `{"type":"Feature","properties":${JSON.stringify({ highway: r.highway, ...(r.speedKmh === null ? {} : { speed: r.speedKmh }) })},` +
      `"geometry":{"type":"LineString","coordinates":[${r.coordinates.map((p) => `[${p[0]},${p[1]}]`).join(',')}]}}`,
  );
  return { facilities: collection(facilities), communities: collection(communities), roads: collection(roads) };
}

/**
 * CPU milliseconds this process has used (all its threads): unlike the wall clock, not inflated when
 * other processes share the cores, which is how this bench usually runs.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Collect the garbage, then time a second full collection of the heap as it is then: what a full
 * collection costs before a side has made anything (the modules, the texts). Subtracted from each
 * side's final collection, so that only the collection of what the side made is counted.
 */
function idleCollectionMs(): number {
  collectGarbage();
  const t = cpuMs();
  collectGarbage();
  return cpuMs() - t;
}

/** Figures of one size. */
export interface ReadRatioResult {
  size: string;
  megabytes: number;
  features: number;
  /** CPU ms, each side's final collection included (the goal is checked on these). */
  parseMs: number;
  readMs: number;
  ratio: number;
  /** CPU ms without the final collection (garbage collection left pending is not counted). */
  parseWorkMs: number;
  readWorkMs: number;
  /** Differences between the city written and the city read (empty when equal). */
  problems: string[];
}

/** Compare the dataset read with the one written; returns the differences found. */
function differences(written: Dataset, read: Dataset): string[] {
  const out: string[] = [];
  if (read.facilities.length !== written.facilities.length) out.push(`facilities ${read.facilities.length} ≠ ${written.facilities.length}`);
  if (read.communities.length !== written.communities.length)
    out.push(`communities ${read.communities.length} ≠ ${written.communities.length}`);
  const a = written.roads ?? [];
  const b = read.roads ?? [];
  if (a.length !== b.length) out.push(`roads ${b.length} ≠ ${a.length}`);
  for (let r = 0; r < Math.min(a.length, b.length) && out.length < 5; r++) {
    const x = a[r]!.coordinates;
    const y = b[r]!.coordinates;
    if (x.length !== y.length || x.some((p, i) => p[0] !== y[i]![0] || p[1] !== y[i]![1])) out.push(`road ${r}: vertices differ`);
  }
  for (let c = 0; c < Math.min(written.communities.length, read.communities.length) && out.length < 5; c++) {
    const x = written.communities[c]!;
    const y = read.communities[c]!;
    if (x.id !== y.id || x.population !== y.population || x.kind !== y.kind) out.push(`community ${c} differs`);
  }
  return out;
}

/** Time reading one city as GeoJSON text against JSON.parse of the same text. */
export async function measureReadRatio(size: CitySize, repeats: number, seed: number): Promise<ReadRatioResult> {
  const preset = getPreset('ningbo');
  if (!preset) throw new Error('preset ningbo is missing');
  const settings = preset.settings;
  const makeCity = (): Dataset => generateSyntheticCity(size, { seed, categories: settings.categories.map((c) => c.id) }).dataset;
  // the written city is dropped here: not alive while the clocks run
  const { texts, featureCount } = ((written: Dataset) => ({
    texts: datasetToGeoJson(written),
    featureCount: written.facilities.length + written.communities.length + (written.roads?.length ?? 0),
  }))(makeCity());
  const encoder = new TextEncoder();
  const files = (['facilities', 'communities', 'roads'] as const).map((layer) => ({
    layer,
    name: `${layer}.geojson`,
    bytes: encoder.encode(texts[layer]),
  }));
  const parseRuns: number[] = [];
  const readRuns: number[] = [];
  const parseWorkRuns: number[] = [];
  const readWorkRuns: number[] = [];
  let problems: string[] = [];
  // run -1 warms the JIT up (the readers are JavaScript, JSON.parse is not) and is not counted
  for (let r = -1; r < repeats; r++) {
    let base = idleCollectionMs();
    let t = cpuMs();
    // the parsed values stay alive until the clock stops, as they must for any reader of them
    const parsed: { features: unknown[] }[] = [];
    for (const f of files) parsed.push(JSON.parse(new TextDecoder().decode(f.bytes)) as { features: unknown[] });
    const parseWork = cpuMs() - t;
    collectGarbage(); // with the parsed values alive: the collection they made necessary
    if (r >= 0) {
      parseWorkRuns.push(parseWork);
      parseRuns.push(cpuMs() - t - base);
    }
    const sink = parsed.reduce((s, p) => s + p.features.length, 0);
    parsed.length = 0;
    base = idleCollectionMs();
    t = cpuMs();
    const read: Record<string, { features: NonNullable<Awaited<ReturnType<typeof readLayerFile>>['features']>; file: string }> = {};
    for (const f of files) {
      const layer = await readLayerFile(f.name, f.bytes);
      if (!layer.features) throw new Error(`${f.name}: ${layer.errors.map((e) => e.reason).join('; ')}`);
      read[f.layer] = { features: layer.features, file: layer.file };
    }
    const loaded = loadDataset({ facilities: read.facilities!, communities: read.communities!, roads: read.roads! }, settings);
    const readWork = cpuMs() - t;
    collectGarbage(); // with the dataset read alive
    if (r >= 0) {
      readWorkRuns.push(readWork);
      readRuns.push(cpuMs() - t - base);
    }
    if (sink === 0) throw new Error('nothing parsed');
    if (r === 0)
      problems = [
        ...differences(makeCity(), loaded.dataset),
        ...loaded.errors.slice(0, 3).map((e) => `${e.file} #${e.index}: ${e.reason}`),
      ];
  }
  const parseMs = median(parseRuns);
  const readMs = median(readRuns);
  return {
    size: size.name,
    megabytes: files.reduce((s, f) => s + f.bytes.length, 0) / 1e6,
    features: featureCount,
    parseMs,
    readMs,
    ratio: readMs / parseMs,
    parseWorkMs: median(parseWorkRuns),
    readWorkMs: median(readWorkRuns),
    problems,
  };
}

/** The report: one row per size, then a PASS/FAIL line per size against {@link READ_RATIO_GOAL}. */
export function formatReadRatio(results: readonly ReadRatioResult[], repeats: number): string {
  const rows = results.map((r) => [
    r.size,
    r.megabytes.toFixed(1),
    String(r.features),
    r.parseMs.toFixed(0),
    r.readMs.toFixed(0),
    `${r.ratio.toFixed(2)}×`,
    `${r.parseWorkMs.toFixed(0)} / ${r.readWorkMs.toFixed(0)} = ${(r.readWorkMs / r.parseWorkMs).toFixed(2)}×`,
  ]);
  const lines = [
    `\n### Reading GeoJSON (bytes → readLayerFile + loadDataset vs bytes → TextDecoder + JSON.parse, median of ${repeats} after a warm-up run, CPU time, each side ending with a full garbage collection with its results alive, less that of the heap before it)`,
    '',
    markdownTable(
      [
        'size',
        'MB',
        'features',
        'decode+JSON.parse CPU ms',
        'read+validate CPU ms',
        'ratio',
        'without the final collection (parse / read)',
      ],
      rows,
    ),
    '',
    ...results.map(
      (r) =>
        `- reading ${r.size}: ratio ${r.ratio.toFixed(2)}× (goal ≤ ${READ_RATIO_GOAL}×): ${r.ratio <= READ_RATIO_GOAL ? 'PASS' : 'FAIL'}`,
    ),
    ...results.flatMap((r) => r.problems.map((p) => `- reading ${r.size}: DISAGREES with the city written: ${p}`)),
    `- peak RSS of the reading process: ${peakRssMB().toFixed(0)} MB`,
  ];
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let names = ['S', 'M'];
  let repeats = 5;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--sizes')
      names = value
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean);
    else if (flag === '--repeat') repeats = Math.max(1, Number(value) | 0);
    else if (flag === '--seed') seed = Number(value) | 0;
    else throw new Error(`unknown option ${flag} (options: --sizes S,M --repeat N --seed N)`);
  }
  const sizes = names
    .map((n) => {
      const s = CITY_SIZES.find((c) => c.name === n);
      if (!s) throw new Error(`unknown size "${n}"`);
      return s;
    })
    .filter((s) => s.segments <= MAX_SEGMENTS);
  const results: ReadRatioResult[] = [];
  for (const size of sizes) {
    process.stderr.write(`bench: reading ${size.name} (${repeats} run(s)) …\n`);
    results.push(await measureReadRatio(size, repeats, seed));
  }
  process.stdout.write(`${formatReadRatio(results, repeats)}\n`);
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
}

if (process.argv[1] && /read-ratio\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bench: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
