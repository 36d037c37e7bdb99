/**
 * North Bayreuth with and without slope: covered shares per category (flat vs Tobler on the SRTM
 * crop in tests/fixtures/real/dem/) and the communities whose covered share changes.
 * Run: npx tsx scripts/terrain-bayreuth.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/engine/analyze';
import { readDemFile } from '../src/io/dem/read-dem';
import { loadDataset } from '../src/io/load-dataset';
import { readLayerFile } from '../src/io/read-layer-file';
import { parseSettingsText } from '../src/io/settings';

const dir = path.resolve(import.meta.dirname, '../tests/fixtures/real/north-bayreuth');
const demPath = path.resolve(import.meta.dirname, '../tests/fixtures/real/dem/north-bayreuth-srtm.tif');

async function main(): Promise<void> {
  const settings = parseSettingsText(readFileSync(path.join(dir, 'settings.json'), 'utf8'), 'settings.json').value!;
  const layer = async (name: string) => {
    const r = await readLayerFile(name, new Uint8Array(readFileSync(path.join(dir, name))));
    return { features: r.features!, file: name };
  };
  const { dataset } = loadDataset(
    { facilities: await layer('facilities.geojson'), communities: await layer('communities.geojson'), roads: await layer('roads.geojson') },
    settings,
  );
  const dem = await readDemFile('north-bayreuth-srtm.tif', new Uint8Array(readFileSync(demPath)));
  const flat = analyze(dataset, settings);
  const slope = analyze({ ...dataset, elevation: [dem.value!] }, settings);
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  console.log('category      flat     slope');
  settings.categories.forEach((c, k) =>
    console.log(
      `${c.id.padEnd(12)} ${pct(flat.coverage.totals[k]!.share).padStart(7)}  ${pct(slope.coverage.totals[k]!.share).padStart(7)}`,
    ),
  );
  const K = settings.categories.length;
  console.log('communities whose covered share changes (category: flat → slope; minutes at the representative sample):');
  dataset.communities.forEach((c, ci) => {
    const changes: string[] = [];
    settings.categories.forEach((cat, k) => {
      const a = flat.coverage.share[ci * K + k]!;
      const b = slope.coverage.share[ci * K + k]!;
      if (a !== b) {
        const s = flat.samples.communityStart[ci]!;
        const m = (f: typeof flat) => (f.fields[k]!.seconds[s]! / 60).toFixed(1);
        changes.push(`${cat.id} ${pct(a)} → ${pct(b)} (${m(flat)} → ${m(slope)} min)`);
      }
    });
    if (changes.length > 0) console.log(`  ${c.name} (${c.population} residents): ${changes.join('; ')}`);
  });
  for (const w of slope.warnings.filter((w) => w.file.includes('srtm'))) console.log(`warning: ${w.reason}`);
}

void main();
