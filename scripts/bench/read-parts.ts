/**
 * Where the time of reading goes, part by part (a diagnostic for issue 12, not part of `npm run bench`):
 * decoding, JSON.parse, each reader, loadDataset's checks, each in CPU ms (median of runs after a warm-up).
 *
 *   node --expose-gc --import tsx scripts/bench/read-parts.ts [--size S] [--repeat N]
 */
import { getPreset } from '../../src/engine/presets';
import { loadDataset } from '../../src/io/load-dataset';
import { readLayerFile } from '../../src/io/read-layer-file';
import { decodeText } from '../../src/io/text-decode';
import { parseGeoJsonText } from '../../src/io/geojson-parse';
import { readRoads } from '../../src/io/read-roads';
import { readFacilities } from '../../src/io/read-facilities';
import { readCommunities } from '../../src/io/read-communities';
import { collectGarbage, median } from './stats';
import { datasetToGeoJson } from './read-ratio';
import { CITY_SIZES, generateSyntheticCity } from './synthetic-city';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function main(argv: string[]): Promise<void> {
  const option = (flag: string): string | undefined => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const sizeName = option('--size') ?? 'S';
  const repeats = Math.max(1, Number(option('--repeat') ?? 5) | 0);
  const size = CITY_SIZES.find((s) => s.name === sizeName.toUpperCase());
  if (!size) throw new Error(`unknown size ${sizeName}`);
  const settings = getPreset('ningbo')!.settings;
  const { dataset } = generateSyntheticCity(size, { seed: 1, categories: settings.categories.map((c) => c.id) });
  const texts = datasetToGeoJson(dataset);
  const enc = new TextEncoder();
  const bytes = { facilities: enc.encode(texts.facilities), communities: enc.encode(texts.communities), roads: enc.encode(texts.roads) };
  const times: Record<string, number[]> = {};
  const time = <T>(name: string, fn: () => T): T => {
    collectGarbage();
    const t = cpuMs();
    const v = fn();
    (times[name] ??= []).push(cpuMs() - t);
    return v;
  };
  const layers = ['facilities', 'communities', 'roads'] as const;
  for (let r = -1; r < repeats; r++) {
    for (const l of layers) {
      time(`decode non-fatal ${l}`, () => new TextDecoder().decode(bytes[l]));
      const text = time(`decodeText (fatal) ${l}`, () => decodeText(bytes[l]).text);
      time(`JSON.parse ${l}`, () => JSON.parse(text));
      const feats = time(`parseGeoJsonText ${l}`, () => parseGeoJsonText(text, l).value!);
      if (l === 'roads') time('readRoads', () => readRoads(feats, l));
      if (l === 'facilities') time('readFacilities', () => readFacilities(feats, l, settings));
      if (l === 'communities') time('readCommunities', () => readCommunities(feats, l));
    }
    const read: Record<string, Awaited<ReturnType<typeof readLayerFile>>> = {};
    collectGarbage();
    let t = cpuMs();
    for (const l of layers) read[l] = await readLayerFile(`${l}.geojson`, bytes[l]);
    (times['readLayerFile ×3'] ??= []).push(cpuMs() - t);
    collectGarbage();
    t = cpuMs();
    loadDataset(
      {
        facilities: { features: read.facilities!.features!, file: 'f' },
        communities: { features: read.communities!.features!, file: 'c' },
        roads: { features: read.roads!.features!, file: 'r' },
      },
      settings,
    );
    (times['loadDataset'] ??= []).push(cpuMs() - t);
    if (r < 0) for (const k of Object.keys(times)) times[k] = [];
  }
  for (const [k, v] of Object.entries(times)) process.stdout.write(`${k.padEnd(32)} ${median(v).toFixed(1)} ms\n`);
}

void main(process.argv.slice(2));
