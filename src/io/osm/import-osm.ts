import type { Feature, FeatureCollection, Point } from 'geojson';
import { mergeFootProfile } from '../../engine/presets/foot-profile';
import { makeAreaFilter } from './area-filter';
import { buildCommunities } from './build-communities';
import { buildFacilities } from './build-facilities';
import { buildRoads } from './build-roads';
import { collectOsm } from './collect-osm';
import { detectOsmFormat } from './detect-format';
import { OsmFormatError } from './osm-elements';
import type { RoadLines } from './road-lines';
import { DEFAULT_PLACE_POPULATION, DEFAULT_POPULATION_DENSITY, type OsmImportOptions, type OsmImportReport } from './osm-import-types';

/** The three layers of an extract in the input shape, and what was kept and skipped. */
export interface OsmImport {
  /** Walkable road lines in columns (GeoJSON by `roads.features()` or `roadLinesGeoJson`). */
  roads: RoadLines;
  facilities: FeatureCollection<Point>;
  communities: FeatureCollection;
  report: OsmImportReport;
}

const MAX_PROBLEMS = 200;

/**
 * Import an OpenStreetMap extract (`.osm.pbf`, `.osm`, `.osm.gz`, detected by content) into the
 * app's three layers: walkable roads by the foot profile, facilities by the categories' OSM tags,
 * communities from places and residential areas (see the builders for the rules). Streaming, in
 * three passes; coordinates are kept only for the nodes the kept elements use.
 *
 * @param bytes the whole file
 * @param options categories, language, profile, densities, area filter, progress, cancel
 * @throws OsmFormatError with the file name and the reason when the file is refused (empty, not
 *   OSM, truncated, a decompression bomb) or holds no walkable way; an `AbortError` when cancelled
 */
export function importOsm(bytes: Uint8Array, options: OsmImportOptions): OsmImport {
  const { file } = options;
  try {
    const format = detectOsmFormat(bytes);
    const profile = options.footProfile ?? mergeFootProfile(undefined);
    const c = collectOsm(bytes, format, options.categories, profile, options);
    const filter = makeAreaFilter(options.bbox, options.boundary);
    const problems: string[] = [];
    const roads = buildRoads(c, filter, problems);
    if (roads.lines.count === 0) {
      const skipped = Object.entries({ ...c.skippedRoads, ...roads.skippedByReason })
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ');
      throw new OsmFormatError(`no walkable way in the extract (${c.counts.ways} ways read${skipped ? `; left out: ${skipped}` : ''})`);
    }
    const lang = options.lang ?? 'zh';
    const facilities = buildFacilities(c, lang, filter, problems);
    const communities = buildCommunities(
      c,
      {
        lang,
        density: options.populationDensity ?? DEFAULT_POPULATION_DENSITY,
        placePopulation: options.placePopulation ?? DEFAULT_PLACE_POPULATION,
        filter,
      },
      problems,
    );
    const kinds = communities.features.map((f) => (f.properties as { kind: string }).kind);
    const report: OsmImportReport = {
      file,
      format,
      elements: c.counts,
      roads: {
        ways: roads.ways,
        features: roads.lines.count,
        keptByReason: sorted(roads.keptByReason),
        skippedByReason: sorted({ ...c.skippedRoads, ...roads.skippedByReason }),
        barriers: sorted(roads.barriers),
      },
      facilities: {
        kept: facilities.features.length,
        byCategory: sorted(facilities.byCategory),
        skippedByReason: sorted(facilities.skippedByReason),
      },
      communities: {
        kept: communities.features.length,
        urban: kinds.filter((k) => k === 'urban').length,
        rural: kinds.filter((k) => k === 'rural').length,
        estimated: communities.estimated,
        fromPlaces: communities.fromPlaces,
        fromResidential: communities.fromResidential,
        withDistrict: communities.withDistrict,
        skippedByReason: sorted(communities.skippedByReason),
      },
      problems: problems.slice(0, MAX_PROBLEMS),
    };
    return {
      roads: roads.lines,
      facilities: collection(facilities.features),
      communities: collection(communities.features),
      report,
    };
  } catch (e) {
    if (e instanceof OsmFormatError) throw new OsmFormatError(`${file}: ${e.message}`);
    throw e;
  }
}

function collection<T extends Feature>(features: T[]): FeatureCollection<T['geometry']> & { features: T[] } {
  return { type: 'FeatureCollection', features };
}

/** The same counts with keys in a stable order (byte-stable reports). */
function sorted(m: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
