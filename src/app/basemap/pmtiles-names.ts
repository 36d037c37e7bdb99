/**
 * The names the PMTiles base map shares with the rest of the app: its themes, its source id and the
 * system font families of Chinese labels. Kept apart from pmtiles-style.ts (and @protomaps/basemaps),
 * which loads only when a PMTiles file is opened (./pmtiles-code.ts).
 */

/** Base-map themes offered for a PMTiles file. */
export const PMTILES_THEMES = ['light', 'dark', 'grey'] as const;
export type PmtilesTheme = (typeof PMTILES_THEMES)[number];

/**
 * System font families Chinese (and other CJK) labels are drawn with, first installed wins: the
 * map's `localIdeographFontFamily` (its default stack) and the tail of every base-map label's stack.
 */
export const CJK_FONT_FAMILIES: readonly string[] = [
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'PingFang SC',
  'Microsoft YaHei',
  'Source Han Sans SC',
];

/** The source id the layers read; every layer id starts with it too (`pmtiles-…`). */
export const PMTILES_SOURCE_ID = 'pmtiles-protomaps';
