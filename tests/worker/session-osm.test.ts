/**
 * A whole OpenStreetMap extract in the worker session: its layers go from the import straight into
 * the dataset, and the analysis a planner sees must be the one they would get by writing the three
 * GeoJSON files (`import-osm`) and loading them — the oracle here. A saved workspace, a restarted
 * worker or a project keeps the extract's bytes as each layer's input; loading them layer by layer
 * must give the same again. North Bayreuth, © OpenStreetMap contributors, ODbL (tests/fixtures/real/README.md).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOsm } from '../../src/io/osm/import-osm';
import { roadLinesGeoJson } from '../../src/io/osm/road-lines';
import type { InputFileMeta } from '../../src/io/report-metadata';
import { createSession, type EngineSession, type LayerName, type LayerReport } from '../../src/worker/session';

const NAME = 'north-bayreuth.osm.pbf';
const PBF = new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/real/osm/north-bayreuth.osm.pbf')));
const LAYERS: LayerName[] = ['facilities', 'communities', 'roads'];

/** What a planner reads off an analysis: shares per category, and each community's gaps. */
function outcome(s: EngineSession) {
  const cov = s.coverage();
  return { totals: cov.totals, categoryIds: cov.categoryIds, gaps: cov.gaps, model: cov.model };
}

/** The three layers written as GeoJSON files, the way `import-osm` writes them, then loaded one by one (the old way). */
async function viaGeoJsonFiles() {
  const s = createSession();
  const r = importOsm(PBF, { file: NAME, categories: s.getSettings().categories, lang: 'en' });
  const text = {
    facilities: JSON.stringify(r.facilities),
    communities: JSON.stringify(r.communities),
    roads: [...roadLinesGeoJson(r.roads)].join(''),
  };
  const loads = [];
  for (const l of LAYERS) loads.push(await s.loadLayer(l, `north-bayreuth.${l}.geojson`, new TextEncoder().encode(text[l])));
  return { session: s, reports: loads.map((x) => x.report), dataset: loads[2]!.dataset };
}

/** What a load report tells the user, but the format (the files were GeoJSON, the layers now come from the extract). */
const seen = (r: LayerReport) => ({
  layer: r.layer,
  file: r.file,
  counts: r.counts,
  warnings: r.warnings,
  errors: r.errors,
  fields: [...r.fields].sort(),
});

describe('an OpenStreetMap extract loaded straight into the worker session', () => {
  it('gives the same load reports, dataset and coverage as its GeoJSON files loaded one by one', async () => {
    const oracle = await viaGeoJsonFiles();
    const s = createSession();
    const res = s.importOsmExtract(NAME, PBF, 'en');
    if (!res.ok) throw new Error(res.error);
    expect(res.layers.map((l) => l.format)).toEqual(['osm', 'osm', 'osm']);
    expect(res.report.communities.estimated).toBeGreaterThan(0);
    expect(res.layers.map(seen)).toEqual(oracle.reports.map(seen));
    expect(res.layers.every((l) => l.counts.kept > 0)).toBe(true);
    expect(res.dataset).toEqual(oracle.dataset);
    expect(outcome(s)).toEqual(outcome(oracle.session));
  });

  it('loads the same layers again from the extract’s bytes, layer by layer (a restored workspace, a restarted worker)', async () => {
    const first = createSession();
    const res = first.importOsmExtract(NAME, PBF, 'en');
    if (!res.ok) throw new Error(res.error);
    const s = createSession();
    const loads = [];
    for (const l of LAYERS) loads.push(await s.loadLayer(l, NAME, PBF, { osmLang: 'en' }));
    expect(loads.map((x) => x.ok)).toEqual([true, true, true]);
    expect(loads.map((x) => seen(x.report))).toEqual(res.layers.map(seen));
    expect(loads[2]!.dataset).toEqual(res.dataset);
    expect(outcome(s)).toEqual(outcome(first));
    // the extract's provenance: its own name, size and SHA-256 for each layer it filled
    const inputs = (JSON.parse(s.reportFiles()['summary.json']) as { provenance: { inputs: InputFileMeta[] } }).provenance.inputs;
    expect(inputs.map((i) => [i.layer, i.file, i.format, i.bytes])).toEqual(LAYERS.map((l) => [l, NAME, 'osm', PBF.length]));
    expect(new Set(inputs.map((i) => i.sha256)).size).toBe(1);
  });

  it('refuses a file that is not an extract with the reason, and keeps the layers loaded', async () => {
    const s = createSession();
    const res = s.importOsmExtract(NAME, PBF, 'en');
    if (!res.ok) throw new Error(res.error);
    const before = outcome(s);
    const geojson = new TextEncoder().encode('{"type":"FeatureCollection","features":[]}');
    const bad = s.importOsmExtract('city.osm.pbf', geojson, 'en');
    expect(bad).toEqual({ ok: false, error: 'city.osm.pbf: this is GeoJSON, not an OpenStreetMap extract (.osm.pbf, .osm or .osm.gz)' });
    const layer = await s.loadLayer('facilities', 'city.osm.pbf', geojson, { osmLang: 'en' });
    expect(layer.ok).toBe(false);
    expect(layer.report.errors.map((e) => e.reason)).toEqual(['this is GeoJSON, not an OpenStreetMap extract (.osm.pbf, .osm or .osm.gz)']);
    expect(outcome(s)).toEqual(before);
  });
});
