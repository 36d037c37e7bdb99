import type { CategoryDef } from '../../engine/model';
import type { LayerFile } from '../read-layer-file';
import { importOsm } from './import-osm';
import { OsmFormatError } from './osm-elements';
import type { OsmImportReport } from './osm-import-types';

/** The layers an extract fills. */
export type OsmLayerName = 'facilities' | 'communities' | 'roads';

/** The three layers of an extract read as layer files (features in memory), or why it was refused. */
export type OsmLayerFiles =
  | {
      ok: true;
      layers: Record<OsmLayerName, LayerFile>;
      report: OsmImportReport;
      /** Milliseconds spent importing (`importOsm`, as the CLI's import). */
      importMs: number;
      /** Milliseconds then spent making the roads' features and the layer files from the import. */
      layersMs: number;
    }
  | { ok: false; error: string };

/**
 * The name a layer of an extract goes by (`<extract> roads.geojson` …): the file `import-osm` would
 * write for it, distinct per layer so that each layer's load report lists its own problems.
 */
function osmLayerName(extract: string, layer: OsmLayerName): string {
  return `${extract.replace(/\.(osm\.pbf|osm\.gz|osm\.xml|osm|pbf)$/i, '')}.${layer}.geojson`;
}

/** Property names of the first features (as a GeoJSON layer's `fields`). */
function fieldsOf(features: readonly { properties: unknown }[]): string[] {
  const seen = new Set<string>();
  for (const f of features.slice(0, 200))
    if (f.properties && typeof f.properties === 'object') for (const k of Object.keys(f.properties)) seen.add(k);
  return [...seen];
}

/**
 * Import an extract into the three layers as read layer files — the features straight from the
 * import, with no GeoJSON text written or parsed on the way (a host that loads layers file by file,
 * the browser's worker session, takes them as they are). The counts kept and skipped are in the
 * import report, not repeated as the layers' warnings.
 *
 * @param name the extract's file name
 * @param bytes its contents
 * @param categories categories whose OSM tags pick facilities
 * @param lang language of names
 */
export function importOsmLayerFiles(name: string, bytes: Uint8Array, categories: readonly CategoryDef[], lang: 'zh' | 'en'): OsmLayerFiles {
  try {
    const t0 = performance.now();
    const r = importOsm(bytes, { file: name, categories, lang });
    const t1 = performance.now();
    const roads = r.roads.features();
    const layer = (
      l: OsmLayerName,
      features: LayerFile['features'] & object,
      fields: string[],
      warnings: LayerFile['warnings'],
    ): LayerFile => ({
      file: osmLayerName(name, l),
      format: 'osm',
      features,
      fields,
      encoding: null,
      crs: 'WGS84',
      warnings,
      errors: [],
    });
    const layers = {
      facilities: layer('facilities', r.facilities.features, fieldsOf(r.facilities.features), []),
      communities: layer('communities', r.communities.features, fieldsOf(r.communities.features), []),
      roads: layer('roads', roads, fieldsOf(roads), []),
    };
    return { ok: true, layers, report: r.report, importMs: t1 - t0, layersMs: performance.now() - t1 };
  } catch (e) {
    if (e instanceof OsmFormatError) return { ok: false, error: e.message };
    throw e;
  }
}
