/**
 * How long the browser's worker takes to import an OpenStreetMap extract, against Node on the same
 * bytes (issue goal: within 1.5× of Node). A seeded grid of about 1.1 M elements, written as PBF in
 * the test, is imported by Node in a child process (`osm-node-import.ts`: exactly the worker's
 * `importOsmLayerFiles` with the same JS inflater; and, for the record, the import as the CLI runs
 * it, with Node's zlib), then dropped on the whole-extract input of the built app in Chromium. Like
 * is compared with like: the worker's own import time (`importOsm` in the worker, read from the
 * app's `osm:worker-import` performance measure) against Node's `importOsm` in the child. The rest
 * of the way to the summary on screen is printed apart: loading the three layers into the dataset
 * in the worker (straight from the import, no GeoJSON text), sending the dataset to the page,
 * drawing it, and the first coverage run.
 * The machine running the suite is shared and busy, so one pair of runs minutes apart compares two
 * different loads: the test runs ROUNDS rounds, each a Node import then a drop on a fresh page right
 * after it, and the ratio against the goal is the median of the rounds' ratios (each pair under
 * about the same load). Both sides are cold in every round, as a planner's tab and the command are:
 * Node in a fresh process, the worker on a fresh page (a new worker whose heap holds the sample,
 * not the extract of the round before).
 * A measurement, not a timing test — the only assertion on time is a generous bound (the machine
 * running the suite may be busy), besides the import's own result.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useAppSession } from './browser';
import { syntheticGridPbf } from './synthetic-pbf';

const SIDE = 1000;
const ROUNDS = 3;
const { open } = useAppSession({
  openOptions: {
    readySelectors: [
      { selector: '[data-testid="map"][data-map-ready="true"]', timeoutMs: 120_000 },
      { selector: 'main[data-status="ready"]', timeoutMs: 120_000 },
    ],
  },
});

describe('OpenStreetMap import speed: browser worker vs Node', () => {
  it('imports a 1.1 M-element synthetic extract in the worker and prints the time against Node', async () => {
    const { bytes, elements } = syntheticGridPbf(SIDE);
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-osm-speed-'));
    const file = path.join(dir, 'grid.osm.pbf');
    writeFileSync(file, bytes);
    // Node, cold in a fresh process: the import alone, then the roads' features
    const nodeRun = (mode: 'worker' | 'cli'): { importMs: number; layersMs: number; walkable: number; elements: number } =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'osm-node-import.ts'), mode, file], {
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        }),
      ) as { importMs: number; layersMs: number; walkable: number; elements: number };
    const rounds: Round[] = [];
    for (let k = 1; k <= ROUNDS; k++) {
      // a fresh page each round: the worker cold, its heap holding the sample only (not the extract of the round before)
      const { page, context } = await open();
      await page.getByTestId('nav-data').click();
      const node = nodeRun('worker');
      expect(node.elements).toBe(elements);
      const native = nodeRun('cli').importMs;
      const t1 = Date.now();
      await page
        .getByTestId('file-input-osm')
        .setInputFiles({ name: 'grid.osm.pbf', mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
      await page.getByTestId('osm-summary').waitFor({ timeout: 300_000 });
      await page.waitForFunction(() => performance.getEntriesByName('osm:coverage').length > 0, null, { timeout: 300_000 });
      const browserMs = Date.now() - t1;
      // the worker kept the same walkable ways as Node
      expect(await page.getByTestId('osm-summary').innerText()).toMatch(
        new RegExp(`^${node.walkable.toLocaleString('en')} walkable ways, `),
      );
      const measures = await page.evaluate(() =>
        Object.fromEntries(
          ['osm:worker-import', 'osm:load-layers', 'osm:coverage'].map((name) => {
            const m = performance.getEntriesByName(name)[0] as PerformanceMeasure;
            return [name, { ms: m.duration, detail: m.detail as unknown }];
          }),
        ),
      );
      const worker = measures['osm:worker-import']!;
      const timings = worker.detail as { importMs: number; layersMs: number; loadMs: number };
      expect(timings.importMs).toBeGreaterThan(0);
      rounds.push({
        js: node.importMs,
        native,
        featuresMs: node.layersMs,
        ...timings,
        workerMs: worker.ms,
        shown: measures['osm:load-layers']!.ms,
        coverage: measures['osm:coverage']!.ms,
        browserMs,
      });
      await context.close();
    }
    const r = (v: number): number => Math.round(v);
    const x = (v: number): string => v.toFixed(2);
    const first = rounds[0]!;
    const med = (f: (q: Round) => number): number => median(rounds.map(f));
    const ratio = med((q) => q.importMs / q.js);
    console.log(
      `OSM import of ${elements} elements (${(bytes.length / 1048576).toFixed(1)} MB PBF), ${ROUNDS} rounds (Node in a fresh process, then the worker on a fresh page):\n` +
        `  import alone, median ratio of the rounds: worker × ${x(ratio)} of Node with the same JS inflater (goal ≤ 1.5: ${ratio <= 1.5 ? 'PASS' : 'FAIL'}); ` +
        `× ${x(med((q) => q.importMs / q.native))} of Node's zlib as the CLI\n` +
        `  rounds: ${rounds.map((q) => `worker ${r(q.importMs)} / Node ${r(q.js)} ms (× ${x(q.importMs / q.js)})`).join('; ')}\n` +
        `  the roads' features and layer files (median): worker ${r(med((q) => q.layersMs))} ms; Node ${r(med((q) => q.featuresMs))} ms (worker × ${x(med((q) => q.layersMs / q.featuresMs))})\n` +
        `  first drop → summary on screen ${first.browserMs} ms = the worker's import ${r(first.importMs)} + features ${r(first.layersMs)} + layers loaded in the worker ${r(first.loadMs)} ` +
        `+ transfer of the dataset ${r(first.workerMs - first.importMs - first.layersMs - first.loadMs)} + layers shown ${r(first.shown)} ` +
        `+ coverage ${r(first.coverage)} + rest (file read, render) ${r(first.browserMs - first.workerMs - first.shown - first.coverage)}`,
    );
    rmSync(dir, { recursive: true });
    expect(first.importMs).toBeLessThan(Math.max(120_000, 20 * first.js));
  }, 900_000);
});

/** One round: Node's import then the worker's, milliseconds. */
interface Round {
  js: number;
  native: number;
  featuresMs: number;
  importMs: number;
  layersMs: number;
  loadMs: number;
  workerMs: number;
  shown: number;
  coverage: number;
  browserMs: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
