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
export const UNKNOWN_KIND_COLOR: Rgb = [140, 140, 140];

/** Colour of a community `kind` property value. */
export function communityColor(kind: unknown): Rgb {
  return kind === 'urban' || kind === 'rural' ? COMMUNITY_COLORS[kind] : UNKNOWN_KIND_COLOR;
}

/**
 * Radius in metres of the dot drawn for a point community: grows with the square root of the
 * population (area ∝ residents), clamped to 60–600 m.
 */
export function communityRadiusMeters(population: unknown): number {
  const p = Number(population);
  const r = Number.isFinite(p) && p > 0 ? 6 * Math.sqrt(p) : 60;
  return Math.max(60, Math.min(600, r));
}
