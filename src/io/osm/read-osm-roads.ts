import type { Problem } from '../../engine/model';
import type { FootProfile } from '../../engine/presets/foot-profile';
import type { LayerFile } from '../read-layer-file';
import { importOsm } from './import-osm';
import { OsmFormatError, type ZlibInflate } from './osm-elements';
import type { OsmImportReport } from './osm-import-types';

/** Lines of the import report for a load report: counts kept and skipped. */
export function roadsReportLines(r: OsmImportReport): string[] {
  const sk = Object.entries(r.roads.skippedByReason).map(([k, v]) => `${k} ×${v}`);
  const bar = Object.entries(r.roads.barriers).map(([k, v]) => `${k} ×${v}`);
  return [
    `OpenStreetMap ${r.format}: ${r.elements.nodes} nodes, ${r.elements.ways} ways, ${r.elements.relations} relations; ` +
      `${r.roads.ways} walkable ways kept as ${r.roads.features} road lines`,
    ...(sk.length > 0 ? [`ways left out by the foot profile: ${sk.join(', ')}`] : []),
    ...(bar.length > 0 ? [`ways cut at barrier nodes: ${bar.join(', ')}`] : []),
  ];
}

/**
 * The roads layer of an OpenStreetMap extract, read like any layer file: walkable ways by the foot
 * profile as LineString features (`highway`, `name`, `osm_id`). The counts kept and skipped are
 * file-level warnings; a refused file (empty, not OSM, truncated …) is one whole-file error.
 *
 * @param name file name
 * @param bytes file contents
 * @param footProfile the walking profile (default: built in)
 * @param inflate the zlib inflater for PBF blobs (default: the JS one; the CLI passes Node's)
 */
export function readOsmRoadsLayer(name: string, bytes: Uint8Array, footProfile?: FootProfile, inflate?: ZlibInflate): LayerFile {
  const base: LayerFile = { file: name, format: 'osm', features: null, fields: [], encoding: null, crs: 'WGS84', warnings: [], errors: [] };
  try {
    const res = importOsm(bytes, { file: name, categories: [], ...(footProfile ? { footProfile } : {}), ...(inflate ? { inflate } : {}) });
    const warnings: Problem[] = roadsReportLines(res.report).map((reason) => ({ file: name, index: -1, reason }));
    for (const p of res.report.problems) if (p.startsWith('way ')) warnings.push({ file: name, index: -1, reason: p });
    return { ...base, features: res.roads.features(), fields: ['osm_id', 'highway', 'name'], warnings };
  } catch (e) {
    if (!(e instanceof OsmFormatError)) throw e;
    return { ...base, errors: [{ file: name, index: -1, reason: e.message.replace(`${name}: `, '') }] };
  }
}
