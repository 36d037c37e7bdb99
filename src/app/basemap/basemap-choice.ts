/**
 * What base map the user chose, as kept across reloads (localStorage) and in project files. It never
 * holds the Tianditu key: that lives in this browser's storage only (see basemap-store.ts).
 */

/** The base-map kinds, in the picker's order. */
export const BASEMAP_KINDS = ['none', 'osm', 'tianditu-vec', 'tianditu-img', 'amap-vec', 'amap-sat', 'custom', 'pmtiles'] as const;

/**
 * - `none`: the plain offline background (default; no request leaves the page)
 * - `osm`: OpenStreetMap standard raster tiles
 * - `tianditu-vec` / `tianditu-img`: Tianditu vector or imagery (`vec_w` / `img_w`) with the
 *   annotation layer `cva_w`, Web-Mercator matrix; needs the user's key
 * - `amap-vec` / `amap-sat`: Amap (Gaode) vector or satellite tiles, in GCJ-02
 * - `custom`: an XYZ or WMTS URL template with its attribution and a GCJ-02 switch
 * - `pmtiles`: a local vector base map from a `.pmtiles` file (drawn by the PMTiles module)
 */
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

/** A custom tile template and how to show it. */
export interface CustomBasemap {
  /** URL template with `{z}`/`{x}`/`{y}` (or WMTS `{TileMatrix}`/`{TileCol}`/`{TileRow}`). */
  url: string;
  /** Credit line shown on the map and in pictures, as typed (rendered as text). */
  attribution: string;
  /** True when the tiles are drawn in GCJ-02 (Chinese "Mars" coordinates): overlays are shifted to match. */
  gcj02: boolean;
}

/** The chosen base map and its display options. */
export interface BasemapChoice {
  kind: BasemapKind;
  /** Opacity of the base map, 0–1. */
  opacity: number;
  /** Draw the base map in grey (saturation −1) so the analysis colours stand out. */
  greyscale: boolean;
  /** The custom template (kept when another kind is chosen, so switching back restores it). */
  custom: CustomBasemap;
}

/** The default: no base map. */
export const DEFAULT_BASEMAP: BasemapChoice = {
  kind: 'none',
  opacity: 1,
  greyscale: false,
  custom: { url: '', attribution: '', gcj02: false },
};

/** True when the chosen base map's tiles are in GCJ-02 (Amap, or a custom template with the switch on). */
export function isGcj02Basemap(choice: BasemapChoice): boolean {
  return choice.kind === 'amap-vec' || choice.kind === 'amap-sat' || (choice.kind === 'custom' && choice.custom.gcj02);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A choice from untrusted JSON (localStorage, a project file): unknown kinds become `none`, opacity
 * is clamped to 0–1, strings are cut to 2,000 characters; anything else (a key, say) is dropped.
 */
export function parseBasemapChoice(value: unknown): BasemapChoice {
  if (!isRecord(value)) return { ...DEFAULT_BASEMAP, custom: { ...DEFAULT_BASEMAP.custom } };
  const kind = (BASEMAP_KINDS as readonly string[]).includes(value.kind as string) ? (value.kind as BasemapKind) : 'none';
  const opacity = typeof value.opacity === 'number' && Number.isFinite(value.opacity) ? Math.min(1, Math.max(0, value.opacity)) : 1;
  const c = isRecord(value.custom) ? value.custom : {};
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 2000) : '');
  return {
    kind,
    opacity,
    greyscale: value.greyscale === true,
    custom: { url: text(c.url), attribution: text(c.attribution), gcj02: c.gcj02 === true },
  };
}
