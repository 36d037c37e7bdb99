/**
 * Community colours by kind (urban 15-minute circle, rural 20-minute circle).
 */
import type { CommunityKind } from '../engine/model';
import type { Rgb } from './category-style';

/** Colour `[r, g, b]` of each community kind; unknown kinds draw grey. */
export const COMMUNITY_COLORS: Readonly<Record<CommunityKind, Rgb>> = {
  urban: [156, 102, 68],
  rural: [200, 168, 40],
};

/** Grey `[r, g, b]` of a community whose kind is neither `urban` nor `rural`. */
const UNKNOWN_KIND_COLOR: Rgb = [140, 140, 140];

/** Colour of a community `kind` property value. */
export function communityColor(kind: unknown): Rgb {
  return kind === 'urban' || kind === 'rural' ? COMMUNITY_COLORS[kind] : UNKNOWN_KIND_COLOR;
}

/** Smallest and largest marker radius (px) of a point community. */
const COMMUNITY_MARKER_PX = Object.freeze({ min: 4, max: 8 });

/**
 * Radius in screen pixels of the marker drawn for a point community: 4 px, growing with the square
 * root of the population to 8 px at 20,000 residents. A small marker at every zoom, never a disc in
 * metres that could be taken for a service circle.
 */
export function communityRadiusPixels(population: unknown): number {
  const p = Number(population);
  const grow = Number.isFinite(p) && p > 0 ? Math.min(1, Math.sqrt(p / 20000)) : 0;
  return COMMUNITY_MARKER_PX.min + (COMMUNITY_MARKER_PX.max - COMMUNITY_MARKER_PX.min) * grow;
}

/**
 * Colour stops of the covered-share ramp (share 0 → 1): red, orange, yellow, light green, green
 * (ColorBrewer RdYlGn, 5 classes). Shared by the coverage layer and its legend ramp.
 */
export const SHARE_RAMP: readonly { share: number; rgb: Rgb }[] = Object.freeze([
  { share: 0, rgb: [215, 25, 28] },
  { share: 0.25, rgb: [253, 174, 97] },
  { share: 0.5, rgb: [255, 255, 191] },
  { share: 0.75, rgb: [166, 217, 106] },
  { share: 1, rgb: [26, 150, 65] },
] as { share: number; rgb: Rgb }[]);

/** Grey `[r, g, b]` of a community without a share (no residents, no analysis). */
export const NO_SHARE_COLOR: Rgb = [170, 170, 170];

/**
 * Colour of a covered share 0–1 on {@link SHARE_RAMP}, linearly interpolated between stops and
 * rounded; values outside 0–1 are clamped; NaN (no residents) is {@link NO_SHARE_COLOR}.
 */
export function shareColor(share: number): Rgb {
  if (Number.isNaN(share)) return NO_SHARE_COLOR;
  const s = Math.max(0, Math.min(1, share));
  for (let i = 1; i < SHARE_RAMP.length; i++) {
    const a = SHARE_RAMP[i - 1]!;
    const b = SHARE_RAMP[i]!;
    if (s <= b.share) {
      const t = (s - a.share) / (b.share - a.share);
      return [0, 1, 2].map((j) => Math.round(a.rgb[j]! + (b.rgb[j]! - a.rgb[j]!) * t)) as Rgb;
    }
  }
  return SHARE_RAMP[SHARE_RAMP.length - 1]!.rgb;
}
