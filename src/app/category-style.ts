/**
 * Facility category colours and labels for the map and legend, from the Ningbo preset
 * (src/engine/presets/ningbo.ts: ids, zh/en labels and colours). A category without a colour takes
 * one from a fallback palette; an id the preset does not know draws grey with its raw id as label.
 */
import type { CategoryDef, Label } from '../engine/model';
import { getPreset, DEFAULT_PRESET_ID } from '../engine/presets';

/** Colour as `[r, g, b]`, each 0–255. */
export type Rgb = [number, number, number];

/** What the map and legend need of one category. */
export interface CategoryStyle {
  id: string;
  label: Label;
  /** `#rrggbb`. */
  color: string;
  rgb: Rgb;
}

/** Colours for categories that come without one, in order of appearance. */
export const FALLBACK_PALETTE: readonly string[] = ['#8c564b', '#bcbd22', '#17becf', '#7f7f7f', '#e377c2', '#1f77b4'];

/** Colour of a facility whose category is not in the list, `#rrggbb`. */
export const UNKNOWN_CATEGORY_COLOR = '#6b6b6b';

/**
 * Parses `#rrggbb` into `[r, g, b]`.
 * @throws when `hex` is not of that form.
 */
export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgb: expected #rrggbb, got ${JSON.stringify(hex)}`);
  return [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
}

/** `#rrggbb` of the first three channels of an `[r, g, b(, a)]` colour (alpha dropped; a missing channel is 0). */
export function rgbToHex(rgb: readonly number[]): string {
  return `#${[0, 1, 2].map((i) => (rgb[i] ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

function style(id: string, label: Label, color: string): CategoryStyle {
  return Object.freeze({ id, label: Object.freeze({ zh: label.zh, en: label.en }), color, rgb: hexToRgb(color) });
}

/**
 * Styles of a category list, in its order: each category's own colour when it is `#rrggbb`, else the
 * next fallback colour; its own label, or the id when a language is missing.
 */
export function categoryStyles(categories: readonly CategoryDef[]): CategoryStyle[] {
  let fallback = 0;
  return categories.map((c) => {
    const color =
      c.color && /^#[0-9a-f]{6}$/i.test(c.color)
        ? c.color
        : (FALLBACK_PALETTE[fallback++ % FALLBACK_PALETTE.length] ?? UNKNOWN_CATEGORY_COLOR);
    return style(c.id, { zh: c.label?.zh || c.id, en: c.label?.en || c.id }, color);
  });
}

/** The categories shown on the map and in the legend: the default preset's, in its order. */
export const CATEGORY_STYLES: readonly CategoryStyle[] = Object.freeze(
  categoryStyles(getPreset(DEFAULT_PRESET_ID)?.settings.categories ?? []),
);

/** Style of a category id, or a grey style labelled with the raw id when the id is unknown. */
export function categoryStyle(id: string): CategoryStyle {
  return CATEGORY_STYLES.find((c) => c.id === id) ?? style(id, { zh: id, en: id }, UNKNOWN_CATEGORY_COLOR);
}
