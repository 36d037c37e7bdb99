import type { CategoryDef } from '../../engine/model';
import { importOsm } from './import-osm';
import { OsmFormatError } from './osm-elements';
import type { OsmImportReport } from './osm-import-types';
import { encodeChunks, roadLinesGeoJson } from './road-lines';

/** The three layers of an extract as GeoJSON files, or why the extract was refused. */
export type OsmLayerFiles =
  | {
      ok: true;
      files: { layer: 'facilities' | 'communities' | 'roads'; name: string; bytes: Uint8Array }[];
      report: OsmImportReport;
      /** Milliseconds spent importing (the layers in memory) and then writing the GeoJSON files. */
      timings: { importMs: number; writeMs: number };
    }
  | { ok: false; error: string };

/**
 * Import an extract into three GeoJSON files in the input shape (`<extract> roads.geojson` …), for
 * a host that loads files layer by layer (the browser's worker session).
 *
 * @param name the extract's file name
 * @param bytes its contents
 * @param categories categories whose OSM tags pick facilities
 * @param lang language of names
 */
export function importOsmLayers(name: string, bytes: Uint8Array, categories: readonly CategoryDef[], lang: 'zh' | 'en'): OsmLayerFiles {
  try {
    const t0 = performance.now();
    const r = importOsm(bytes, { file: name, categories, lang });
    const t1 = performance.now();
    const base = name.replace(/\.(osm\.pbf|osm\.gz|osm|pbf)$/i, '');
    const enc = new TextEncoder();
    const files = (['facilities', 'communities', 'roads'] as const).map((layer) => ({
      layer,
      name: `${base}.${layer}.geojson`,
      // roads (the bulk) written as text straight from the columns, never as objects
      bytes: layer === 'roads' ? encodeChunks(roadLinesGeoJson(r.roads)) : enc.encode(JSON.stringify(r[layer])),
    }));
    return { ok: true, files, report: r.report, timings: { importMs: t1 - t0, writeMs: performance.now() - t1 } };
  } catch (e) {
    if (e instanceof OsmFormatError) return { ok: false, error: e.message };
    throw e;
  }
}
