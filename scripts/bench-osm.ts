/**
 * `npm run bench:osm` — reading OpenStreetMap extracts: this project's decoder (own PBF decoding
 * over `pbf` + `fflate`) against the npm candidates (osm-pbf-parser, osm-read, tiny-osmpbf), the
 * whole import, and Debian's `osmium` (`tags-filter` + `export` of the same file) as the yardstick,
 * all timed in the same run, each in its own process (peak RSS its own).
 *
 *   npm run bench:osm -- [--synthetic N] [--repeat R] [FILE.osm.pbf …]
 *
 * Files default to the real extracts in tests/fixtures/real/osm; `--synthetic N` adds a seeded
 * street grid of about N elements, written as OSM XML and converted with `osmium cat`.
 * Exit code 0 whatever the figures (benchmarks are not tests).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/engine/prng';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = path.join(ROOT, 'scripts/bench/osm-child.ts');
const JOBS = ['own', 'osm-pbf-parser', 'osm-read', 'tiny-osmpbf', 'import'];

interface Measure {
  ms: number;
  elements: number;
  maxRssMB: number;
}

function child(job: string, file: string): Measure | null {
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', CHILD, job, file], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30 * 60 * 1000,
  });
  if (r.status !== 0) {
    process.stderr.write(`${job} on ${path.basename(file)} failed: ${r.stderr.split('\n').slice(0, 3).join(' ')}\n`);
    return null;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Measure;
}

function osmium(file: string, dir: string): number | null {
  const t0 = performance.now();
  try {
    const filtered = path.join(dir, 'filtered.osm.pbf');
    execFileSync(
      'osmium',
      [
        'tags-filter',
        '--overwrite',
        '-o',
        filtered,
        file,
        'w/highway',
        'nwr/amenity',
        'nwr/shop',
        'nwr/leisure',
        'nwr/place',
        'nwr/landuse=residential',
        'r/boundary=administrative',
      ],
      { stdio: 'ignore' },
    );
    execFileSync('osmium', ['export', '--overwrite', '-o', path.join(dir, 'export.geojson'), filtered], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return performance.now() - t0;
}

/** A seeded street grid of about `elements` elements as OSM XML, converted to PBF by osmium. */
async function synthetic(elements: number, dir: string): Promise<string> {
  const side = Math.max(2, Math.floor(Math.sqrt(elements * 0.95)));
  const xml = path.join(dir, `grid-${elements}.osm`);
  const out = createWriteStream(xml);
  const rand = mulberry32(42);
  const write = (s: string): Promise<void> | void => {
    if (!out.write(s)) return new Promise((r) => out.once('drain', () => r()));
  };
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="lifecircle bench">\n');
  const highways = ['residential', 'footway', 'service', 'tertiary', 'track', 'motorway', 'path'];
  for (let r = 0; r < side; r++) {
    let chunk = '';
    for (let c = 0; c < side; c++) {
      const id = r * side + c + 1;
      const lon = (116 + c * 0.0005 + rand() * 1e-5).toFixed(7);
      const lat = (39 + r * 0.0005 + rand() * 1e-5).toFixed(7);
      const shop = rand() < 0.002 ? '<tag k="shop" v="convenience"/>' : '';
      chunk += shop ? `<node id="${id}" lat="${lat}" lon="${lon}">${shop}</node>\n` : `<node id="${id}" lat="${lat}" lon="${lon}"/>\n`;
    }
    await write(chunk);
  }
  let wayId = 1;
  for (let r = 0; r < side; r++) {
    let chunk = '';
    for (let c0 = 0; c0 + 1 < side; c0 += 20) {
      const hw = highways[Math.floor(rand() * highways.length)];
      let nds = '';
      for (let c = c0; c <= Math.min(side - 1, c0 + 20); c++) nds += `<nd ref="${r * side + c + 1}"/>`;
      chunk += `<way id="${wayId++}">${nds}<tag k="highway" v="${hw}"/></way>\n`;
      let nds2 = '';
      for (let c = c0; c <= Math.min(side - 1, c0 + 20); c++) nds2 += `<nd ref="${c * side + r + 1}"/>`;
      chunk += `<way id="${wayId++}">${nds2}<tag k="highway" v="${hw}"/></way>\n`;
    }
    await write(chunk);
  }
  await write('</osm>\n');
  await new Promise<void>((r) => out.end(() => r()));
  const pbf = path.join(dir, `grid-${elements}.osm.pbf`);
  execFileSync('osmium', ['cat', '--overwrite', '-o', pbf, xml]);
  return pbf;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const files: string[] = [];
  let synth = 0;
  let repeat = 1;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--synthetic') synth = Number(args[++i]);
    else if (args[i] === '--repeat') repeat = Number(args[++i]);
    else files.push(path.resolve(args[i] as string));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'lc-bench-osm-'));
  if (files.length === 0) {
    for (const f of ['north-bayreuth.osm.pbf', 'berlin-siegessaeule.osm.pbf']) {
      const p = path.join(ROOT, 'tests/fixtures/real/osm', f);
      if (existsSync(p)) files.push(p);
    }
  }
  if (synth > 0) {
    process.stderr.write(`generating a synthetic extract of ~${synth} elements …\n`);
    files.push(await synthetic(synth, dir));
  }
  const rows: string[] = ['file | MB | reader | elements | ms (best) | M elements/s | peak RSS MB | × osmium'];
  for (const file of files) {
    const mb = (statSync(file).size / 1048576).toFixed(1);
    let osmiumMs = Infinity;
    for (let i = 0; i < repeat; i++) osmiumMs = Math.min(osmiumMs, osmium(file, dir) ?? Infinity);
    rows.push(`${path.basename(file)} | ${mb} | osmium tags-filter + export | – | ${Math.round(osmiumMs)} | – | – | 1`);
    for (const job of JOBS) {
      let best: Measure | null = null;
      for (let i = 0; i < repeat; i++) {
        const m = child(job, file);
        if (m && (!best || m.ms < best.ms)) best = m;
      }
      if (!best) {
        rows.push(`${path.basename(file)} | ${mb} | ${job} | failed | | | |`);
        continue;
      }
      const rate = best.elements / best.ms / 1000;
      rows.push(
        `${path.basename(file)} | ${mb} | ${job} | ${best.elements} | ${best.ms} | ${rate.toFixed(2)} | ${best.maxRssMB} | ${(best.ms / osmiumMs).toFixed(1)}`,
      );
    }
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

await main();
