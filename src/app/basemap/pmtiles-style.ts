/**
 * The MapLibre style of a local PMTiles base map: the `@protomaps/basemaps` layers (light, dark or
 * grey) with labels in the UI language, drawn with no network at all:
 * - no `glyphs` URL and no sprite: Latin letters come from the Noto Sans files bundled with the app,
 *   declared in the style's `font-faces`; every other letter is drawn by MapLibre from the browser's
 *   own fonts. MapLibre gives its `localIdeographFontFamily` only to labels in its default font
 *   stack, so each label's `text-font` here ends with {@link CJK_FONT_FAMILIES}: Chinese letters,
 *   which no declared face covers, are drawn in that stack's first installed family;
 * - icons (town dots, shields, one-way arrows, POI symbols) need a sprite and are left out.
 */
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { layers as protomapsLayers, namedFlavor } from '@protomaps/basemaps';
import { CJK_FONT_FAMILIES, PMTILES_SOURCE_ID, type PmtilesTheme } from './pmtiles-names';

/** Protomaps flavor name of each theme. */
const FLAVOR: Record<PmtilesTheme, string> = { light: 'light', dark: 'dark', grey: 'grayscale' };

/** Absolute URLs of the bundled font files (see pmtiles-fonts.ts). */
export interface BundledFonts {
  regularLatin: string;
  regularLatinExt: string;
  mediumLatin: string;
  italicLatin: string;
}

/** Code points of the fontsource `latin` and `latin-ext` subsets (their CSS `unicode-range`s). */
const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2212',
];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+A720-A7FF'];

const withCjkStack = (stack: string[]): string[] => [...stack, ...CJK_FONT_FAMILIES];

/** Inside an expression, each `['literal', stack]` with the CJK families appended. */
function withCjkInside(expr: unknown): unknown {
  if (!Array.isArray(expr)) return expr;
  if (expr[0] === 'literal') return Array.isArray(expr[1]) ? ['literal', withCjkStack(expr[1] as string[])] : expr;
  return expr.map(withCjkInside);
}

/** A `text-font` value (a stack, or an expression choosing among literal stacks, as Protomaps writes them) with the CJK families appended to each stack. */
function withCjk(font: unknown): unknown {
  return Array.isArray(font) && font.every((f) => typeof f === 'string') ? withCjkStack(font) : withCjkInside(font);
}

const LAYER_PREFIX = 'pmtiles-';

/** How the base map is drawn. */
export interface PmtilesLook {
  theme: PmtilesTheme;
  /** UI language: 'zh' labels in Simplified Chinese where the data has it, else English. */
  language: 'zh' | 'en';
  /** Opacity of the whole base map, 0–1 (multiplies the style's own constant opacities). */
  opacity: number;
}

const OPACITY_PROPERTY: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  symbol: ['text-opacity'],
};

/** Prefixes the id, and scales constant opacities (expressions are kept: maplibre does not allow zoom inside a product). */
function adjusted(layer: LayerSpecification, opacity: number): LayerSpecification {
  const paint: Record<string, unknown> = { ...((layer as { paint?: Record<string, unknown> }).paint ?? {}) };
  for (const prop of OPACITY_PROPERTY[layer.type] ?? []) {
    const own = paint[prop];
    if (own === undefined) paint[prop] = opacity;
    else if (typeof own === 'number') paint[prop] = own * opacity;
  }
  return { ...layer, id: `${LAYER_PREFIX}${layer.id}`, paint } as LayerSpecification;
}

/** Drops what needs a sprite (`icon-*` layout properties, and layers that draw nothing else); label stacks end with the CJK families. */
function withoutIcons(layers: LayerSpecification[]): LayerSpecification[] {
  return layers.flatMap((layer) => {
    if (layer.type !== 'symbol') return [layer];
    const layout: Record<string, unknown> = Object.fromEntries(Object.entries(layer.layout ?? {}).filter(([k]) => !k.startsWith('icon-')));
    if (!('text-field' in layout)) return [];
    layout['text-font'] = withCjk(layout['text-font'] ?? ['Noto Sans Regular']);
    return [{ ...layer, layout } as LayerSpecification];
  });
}

/**
 * The style of a PMTiles archive registered with the `pmtiles://` protocol: its source, its layers
 * (ids `pmtiles-…`, no background: the map's own background stays outside the archive) and the
 * `font-faces` to set on the map.
 *
 * @param url the source URL, `pmtiles://<key>`
 * @param look theme, label language, opacity
 * @param fonts absolute URLs of the bundled Latin fonts
 * @param attribution credit shown for the source (the archive's own, or the Protomaps/OSM default)
 */
export function pmtilesStyle(url: string, look: PmtilesLook, fonts: BundledFonts, attribution: string): StyleSpecification {
  const { theme, language, opacity } = look;
  const lang = language === 'zh' ? 'zh-Hans' : 'en';
  return {
    version: 8,
    name: `lifecircle-pmtiles-${theme}`,
    'font-faces': {
      'Noto Sans Regular': [
        { url: fonts.regularLatin, 'unicode-range': LATIN },
        { url: fonts.regularLatinExt, 'unicode-range': LATIN_EXT },
      ],
      'Noto Sans Medium': [{ url: fonts.mediumLatin, 'unicode-range': LATIN }],
      'Noto Sans Italic': [{ url: fonts.italicLatin, 'unicode-range': LATIN }],
    },
    sources: { [PMTILES_SOURCE_ID]: { type: 'vector', url, attribution } },
    layers: withoutIcons(protomapsLayers(PMTILES_SOURCE_ID, namedFlavor(FLAVOR[theme]), { lang }))
      .filter((l) => l.type !== 'background')
      .map((l) => adjusted(l, opacity)),
  };
}
