/**
 * One measurement of `npm run bench:osm`, in its own process so peak memory is its own:
 * `node --import tsx scripts/bench/osm-child.ts <job> <file>` prints one JSON line
 * `{ ms, cpuMs, elements, maxRssMB }`. Jobs: `own` (this project's PBF/XML decoder, every element
 * decoded, with Node's zlib as the CLI runs it), `own-js` (the same with the JS inflater the browser
 * uses), `import` (the whole importOsm as the CLI runs it: the three layers, roads as line columns),
 * `import-js` (the same with the JS inflater), `import-osm` (the CLI command: import and write the
 * four files), `osm-pbf-parser`, `osm-read`, `tiny-osmpbf`.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runImportOsm } from '../../src/cli/import-osm-command';
import { nodeInflateZlib } from '../../src/cli/node-inflate';
import { NINGBO } from '../../src/engine/presets';
import { importOsm } from '../../src/io/osm/import-osm';
import { scanOsm } from '../../src/io/osm/scan-osm';

const require = createRequire(import.meta.url);

type Fn = (...args: unknown[]) => unknown;

async function run(job: string, file: string): Promise<number> {
  if (job === 'own' || job === 'own-js') {
    const bytes = new Uint8Array(readFileSync(file));
    let n = 0;
    scanOsm(
      bytes,
      { node: () => void n++, way: () => void n++, relation: () => void n++ },
      job === 'own' ? { inflate: nodeInflateZlib } : {},
    );
    return n;
  }
  if (job === 'import' || job === 'import-js') {
    const bytes = new Uint8Array(readFileSync(file));
    const r = importOsm(bytes, { file, categories: NINGBO.settings.categories, ...(job === 'import' ? { inflate: nodeInflateZlib } : {}) });
    return r.report.elements.nodes + r.report.elements.ways + r.report.elements.relations;
  }
  if (job === 'import-osm') {
    const out = mkdtempSync(path.join(tmpdir(), 'lc-bench-import-'));
    const io = { out: () => {}, err: (t: string) => void process.stderr.write(t) };
    const progress = { step() {}, done() {}, stop() {}, log() {} };
    const code = await runImportOsm(file, { out, quiet: true }, io, progress);
    if (code !== 0) throw new Error(`import-osm exited with ${code}`);
    const report = JSON.parse(readFileSync(path.join(out, 'import-report.json'), 'utf8')) as { elements: Record<string, number> };
    rmSync(out, { recursive: true });
    return report.elements.nodes! + report.elements.ways! + report.elements.relations!;
  }
  if (job === 'tiny-osmpbf') {
    const tiny = require('tiny-osmpbf') as Fn;
    let n = 0;
    tiny(readFileSync(file), () => void n++);
    return n;
  }
  if (job === 'osm-read') {
    const osmread = require('osm-read') as { parse: Fn };
    return new Promise((done, fail) => {
      let n = 0;
      osmread.parse({
        filePath: file,
        node: () => void n++,
        way: () => void n++,
        relation: () => void n++,
        endDocument: () => done(n),
        error: (e: unknown) => fail(e),
      });
    });
  }
  if (job === 'osm-pbf-parser') {
    const parser = (require('osm-pbf-parser') as Fn)() as NodeJS.ReadWriteStream;
    return new Promise((done, fail) => {
      let n = 0;
      createReadStream(file)
        .pipe(parser)
        .on('data', (items: { type: string }[]) => {
          for (const it of items) if (it.type === 'node' || it.type === 'way' || it.type === 'relation') n++;
        })
        .on('end', () => done(n))
        .on('error', fail);
    });
  }
  throw new Error(`unknown job ${job}`);
}

const [job = '', file = ''] = process.argv.slice(2);
const t0 = performance.now();
const c0 = process.cpuUsage();
const elements = await run(job, file);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), cpuMs, elements, maxRssMB })}\n`);
