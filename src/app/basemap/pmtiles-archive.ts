/**
 * Opens a `.pmtiles` file the user picked, in the browser, through the `pmtiles` library over a
 * Source that reads slices of the File (nothing goes over the network), and checks that it is a
 * base map we can draw: PMTiles v3, vector (MVT) tiles, and layers of the Protomaps basemap schema
 * (`earth`, `water`, `roads`, `places`, …) that the `@protomaps/basemaps` styles read.
 */
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';

/** Layer names of the Protomaps basemap schema (v4). */
const PROTOMAPS_LAYERS: readonly string[] = [
  'earth',
  'water',
  'landcover',
  'landuse',
  'roads',
  'places',
  'pois',
  'buildings',
  'boundaries',
];

/** What the archive says about itself. */
export interface PmtilesInfo {
  /** Tile format, e.g. `MVT (vector)`, `PNG (raster)`. */
  tileType: string;
  /** Vector layer names from the metadata (empty for raster archives). */
  layers: string[];
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in WGS84 degrees. */
  bounds: [number, number, number, number];
  /** The archive's own attribution (metadata `attribution`), or '' when it has none. */
  attribution: string;
}

/** Why a file is refused, as an i18n key under `pmtiles.` with its parameters. */
export type PmtilesProblem =
  | { reason: 'notPmtiles'; file: string }
  | { reason: 'version'; file: string; version: number }
  | { reason: 'unreadable'; file: string; detail: string }
  /** The reader's code did not load (offline before it was cached, or a broken deployment). */
  | { reason: 'codeNotLoaded'; file: string; detail: string }
  | { reason: 'raster'; file: string; tileType: string }
  | { reason: 'unknownSchema'; file: string; tileType: string; layers: string };

/** An opened archive that can be drawn, or the problem with it. */
export type PmtilesOpenResult = { ok: true; archive: PMTiles; key: string; info: PmtilesInfo } | { ok: false; problem: PmtilesProblem };

const TILE_TYPE_NAMES: Record<number, string> = {
  [TileType.Unknown]: 'unknown',
  [TileType.Mvt]: 'MVT (vector)',
  [TileType.Png]: 'PNG (raster)',
  [TileType.Jpeg]: 'JPEG (raster)',
  [TileType.Webp]: 'WebP (raster)',
  [TileType.Avif]: 'AVIF (raster)',
  [TileType.Mlt]: 'MLT (MapLibre Tile)',
};
const RASTER_TYPES = new Set<number>([TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif]);

let opened = 0;

/** A PMTiles Source over a File (or Blob): byte ranges are `blob.slice().arrayBuffer()`; the key is unique per open. */
function blobSource(blob: Blob, key: string): Source {
  return {
    getKey: () => key,
    getBytes: async (offset: number, length: number): Promise<RangeResponse> => ({
      data: await blob.slice(offset, offset + length).arrayBuffer(),
    }),
  };
}

function layerNames(metadata: unknown): string[] {
  const layers = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(layers)) return [];
  return layers.map((l) => (l as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string');
}

/**
 * Reads the header and metadata of `file` and says whether it is a Protomaps-schema vector base map.
 *
 * @param file the picked or dropped file (any size: only the header, directory and metadata are read)
 * @returns the archive, a key unique to this open (for the `pmtiles://` protocol) and what it holds; or the problem
 */
export async function openPmtilesFile(file: File): Promise<PmtilesOpenResult> {
  const name = file.name;
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (head.length < 8 || new TextDecoder().decode(head.subarray(0, 7)) !== 'PMTiles')
    return { ok: false, problem: { reason: 'notPmtiles', file: name } };
  if (head[7] !== 3) return { ok: false, problem: { reason: 'version', file: name, version: head[7] ?? 0 } };
  const key = `local-${++opened}`;
  const archive = new PMTiles(blobSource(file, key));
  try {
    const header = await archive.getHeader();
    const metadata = await archive.getMetadata();
    const tileType = TILE_TYPE_NAMES[header.tileType] ?? `type ${header.tileType}`;
    const layers = layerNames(metadata);
    const attribution = (metadata as { attribution?: unknown } | null)?.attribution;
    const info: PmtilesInfo = {
      tileType,
      layers,
      minZoom: header.minZoom,
      maxZoom: header.maxZoom,
      bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
      attribution: typeof attribution === 'string' ? attribution : '',
    };
    if (RASTER_TYPES.has(header.tileType)) return { ok: false, problem: { reason: 'raster', file: name, tileType } };
    if (header.tileType !== TileType.Mvt || !layers.some((l) => PROTOMAPS_LAYERS.includes(l)))
      return { ok: false, problem: { reason: 'unknownSchema', file: name, tileType, layers: layers.length ? layers.join(', ') : '—' } };
    return { ok: true, archive, key, info };
  } catch (e) {
    return { ok: false, problem: { reason: 'unreadable', file: name, detail: e instanceof Error ? e.message : String(e) } };
  }
}
