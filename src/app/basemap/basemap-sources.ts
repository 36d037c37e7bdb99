/**
 * A base-map choice as MapLibre raster sources and layers (ids `basemap-…`), with the credit line
 * and the hosts the tiles come from. Pure: MapView's basemap sync adds them to the map below every
 * other layer (the deck.gl overlay is drawn above the map canvas anyway).
 */
import type { RasterLayerSpecification, RasterSourceSpecification } from 'maplibre-gl';
import type { BasemapChoice } from './basemap-choice';
import { parseTileTemplate, type TemplateProblem } from './tile-template';

/** Prefix of every source and layer id the base map adds to the map. */
export const BASEMAP_ID_PREFIX = 'basemap-';

/** What to add to the map for a choice. */
export interface BasemapSpec {
  sources: Record<string, RasterSourceSpecification>;
  /** Bottom to top. */
  layers: RasterLayerSpecification[];
  /** Credit line of the tiles (text). */
  attribution: string;
  /** Hosts the tiles are requested from. */
  hosts: string[];
}

/** Why a choice cannot be drawn yet (an i18n key under `basemap.`, with its values). */
export type BasemapProblem = TemplateProblem | { key: 'needKey'; values?: undefined };

/** What the spec builder needs besides the choice. */
export interface BasemapContext {
  /** The user's Tianditu key (kept in this browser only); '' when none. */
  tiandituKey: string;
  /** UI language: Amap's vector labels follow it. */
  language: 'zh' | 'en';
}

const TIANDITU_HOSTS = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `t${i}.tianditu.gov.cn`);
const AMAP_VEC_HOSTS = [1, 2, 3, 4].map((i) => `webrd0${i}.is.autonavi.com`);
const AMAP_SAT_HOSTS = [1, 2, 3, 4].map((i) => `webst0${i}.is.autonavi.com`);

/** Credit lines per service (shown as given in both languages: they name the provider). */
export const CREDITS = {
  osm: '© OpenStreetMap contributors',
  tianditu: '© 天地图 Tianditu',
  amap: '© 高德地图 AutoNavi',
} as const;

/** Tianditu WMTS (KVP) tile URLs of one layer (`vec`, `img`, `cva`) in the Web-Mercator matrix `w`. */
function tiandituTiles(layer: 'vec' | 'img' | 'cva', key: string): string[] {
  const tk = encodeURIComponent(key);
  return TIANDITU_HOSTS.map(
    (h) =>
      `https://${h}/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default` +
      `&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${tk}`,
  );
}

function raster(tiles: string[], attribution: string, maxzoom: number, scheme: 'xyz' | 'tms' = 'xyz'): RasterSourceSpecification {
  return { type: 'raster', tiles, tileSize: 256, maxzoom, scheme, attribution };
}

function layer(id: string, choice: BasemapChoice, opacity = choice.opacity): RasterLayerSpecification {
  return {
    id: `${BASEMAP_ID_PREFIX}${id}`,
    type: 'raster',
    source: `${BASEMAP_ID_PREFIX}${id}`,
    paint: {
      'raster-opacity': opacity,
      'raster-saturation': choice.greyscale ? -1 : 0,
      'raster-fade-duration': 0,
    },
  };
}

/**
 * The sources and layers for `choice`, or the reason it cannot be drawn (no key, a bad template);
 * `{ spec: null, problem: null }` for `none` and for `pmtiles` (drawn by its own module).
 */
export function basemapSpec(choice: BasemapChoice, ctx: BasemapContext): { spec: BasemapSpec | null; problem: BasemapProblem | null } {
  const one = (id: string, source: RasterSourceSpecification, hosts: string[]): BasemapSpec => ({
    sources: { [`${BASEMAP_ID_PREFIX}${id}`]: source },
    layers: [layer(id, choice)],
    attribution: source.attribution ?? '',
    hosts,
  });
  switch (choice.kind) {
    case 'none':
    case 'pmtiles':
      return { spec: null, problem: null };
    case 'osm':
      return {
        spec: one('osm', raster(['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], CREDITS.osm, 19), ['tile.openstreetmap.org']),
        problem: null,
      };
    case 'tianditu-vec':
    case 'tianditu-img': {
      const key = ctx.tiandituKey.trim();
      if (key === '') return { spec: null, problem: { key: 'needKey' } };
      const base = choice.kind === 'tianditu-vec' ? 'vec' : 'img';
      return {
        spec: {
          sources: {
            [`${BASEMAP_ID_PREFIX}${base}`]: raster(tiandituTiles(base, key), CREDITS.tianditu, 18),
            [`${BASEMAP_ID_PREFIX}cva`]: raster(tiandituTiles('cva', key), CREDITS.tianditu, 18),
          },
          layers: [layer(base, choice), layer('cva', choice)],
          attribution: CREDITS.tianditu,
          hosts: TIANDITU_HOSTS,
        },
        problem: null,
      };
    }
    case 'amap-vec': {
      const lang = ctx.language === 'zh' ? 'zh_cn' : 'en';
      const tiles = AMAP_VEC_HOSTS.map((h) => `https://${h}/appmaptile?lang=${lang}&size=1&scale=1&style=8&x={x}&y={y}&z={z}`);
      return { spec: one('amap', raster(tiles, CREDITS.amap, 18), AMAP_VEC_HOSTS), problem: null };
    }
    case 'amap-sat': {
      const tiles = AMAP_SAT_HOSTS.map((h) => `https://${h}/appmaptile?style=6&x={x}&y={y}&z={z}`);
      return { spec: one('amap', raster(tiles, CREDITS.amap, 18), AMAP_SAT_HOSTS), problem: null };
    }
    case 'custom': {
      const { value, problem } = parseTileTemplate(choice.custom.url);
      if (!value) return { spec: null, problem };
      const credit = choice.custom.attribution.trim() || value.host;
      return { spec: one('custom', raster(value.tiles, credit, 22, value.scheme), [value.host]), problem: null };
    }
  }
}
