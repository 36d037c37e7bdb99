/**
 * Node's side of the OpenStreetMap import speed measurement (osm-speed.e2e.ts), run in a fresh
 * process each round so that Node starts cold, as the browser's worker does on a fresh page and as
 * the `lifecircle` command always does:
 * `node --import tsx tests/e2e/osm-node-import.ts <worker|cli> <file>` prints one JSON line
 * `{ importMs, layersMs, walkable, elements }`.
 * - `worker`: exactly what the browser's worker runs (`importOsmLayerFiles`: the JS inflater, the
 *   default preset's categories, then the roads' features and the layer files), timed the same way.
 * - `cli`: the import as the command runs it (`importOsm` with Node's zlib), then the roads' features.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeInflateZlib } from '../../src/cli/node-inflate';
import { DEFAULT_PRESET_ID, getPreset } from '../../src/engine/presets';
import { importOsm } from '../../src/io/osm/import-osm';
import { importOsmLayerFiles } from '../../src/io/osm/osm-layer-files';

const [mode, file] = process.argv.slice(2);
if (!file || (mode !== 'worker' && mode !== 'cli')) throw new Error('usage: osm-node-import.ts worker|cli <file.osm.pbf>');
const bytes = new Uint8Array(readFileSync(file));
const categories = getPreset(DEFAULT_PRESET_ID)?.settings.categories ?? [];
const name = path.basename(file);
let out: { importMs: number; layersMs: number; walkable: number; elements: number };
if (mode === 'worker') {
  const r = importOsmLayerFiles(name, bytes, categories, 'en');
  if (!r.ok) throw new Error(r.error);
  const { nodes, ways } = r.report.elements;
  out = { importMs: r.importMs, layersMs: r.layersMs, walkable: r.report.roads.ways, elements: nodes + ways };
} else {
  const t0 = performance.now();
  const r = importOsm(bytes, { file: name, categories, lang: 'en', inflate: nodeInflateZlib });
  const t1 = performance.now();
  const features = r.roads.features().length;
  if (features !== r.report.roads.features) throw new Error(`${features} road features, the report says ${r.report.roads.features}`);
  const { nodes, ways } = r.report.elements;
  out = { importMs: t1 - t0, layersMs: performance.now() - t1, walkable: r.report.roads.ways, elements: nodes + ways };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
