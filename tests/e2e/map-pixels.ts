/**
 * The app's map colours as screenshot pixel targets (background, roads, facilities, communities as
 * drawn over the background), and map pixel counts taken once the picture stops changing.
 */
import type { Page } from 'playwright-core';
import { countPixels, mapScreenshot, type PixelCounts, type Rgb } from './browser';
import { BACKGROUND_COLOR } from '../../src/app/base-style';
import { CATEGORY_STYLES } from '../../src/app/category-style';
import { COMMUNITY_COLORS } from '../../src/app/community-style';
import { ROAD_COLORS } from '../../src/app/road-style';
import { COMMUNITY_FILL_ALPHA } from '../../src/app/layers/communities-layer';

/** `#rrggbb` → `[r, g, b]`. */
export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;

/** The map's background colour. */
export const BG = hexRgb(BACKGROUND_COLOR);

/** A colour drawn with `alpha` (0–255) over the background. */
export const over = (c: readonly number[], alpha: number): Rgb =>
  [0, 1, 2].map((i) => Math.round((c[i] ?? 0) * (alpha / 255) + (BG[i] ?? 0) * (1 - alpha / 255))) as unknown as Rgb;

/** Road line colours. */
export const ROAD_TARGETS = Object.values(ROAD_COLORS) as Rgb[];
/** Facility dot colours, one per category style. */
export const FACILITY_TARGETS = CATEGORY_STYLES.map((c) => c.rgb as Rgb);
/** Community colours: the fill as drawn over the background, and the outline. */
export const COMMUNITY_TARGETS = Object.values(COMMUNITY_COLORS).flatMap((c) => [over(c, COMMUNITY_FILL_ALPHA), c]);

/**
 * Screenshots the map (see mapScreenshot) every 250 ms, up to 40 times, until two successive
 * pictures have the same non-zero count of non-background pixels (deck.gl draws on later frames),
 * and returns that picture with its counts for `targets` within `tolerance` (per channel, 0–255).
 * Throws when the map never settles. Set E2E_DEBUG to print every count.
 */
export async function settledMapPixels(page: Page, targets: Rgb[][], tolerance = 12): Promise<{ png: Buffer; counts: PixelCounts }> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const png = await mapScreenshot(page);
    const counts = await countPixels(page, png, BG, targets, tolerance);
    if (counts.nonBackground > 0 && counts.nonBackground === last) return { png, counts };
    if (process.env.E2E_DEBUG) console.log('settle', i, counts);
    last = counts.nonBackground;
    await page.waitForTimeout(250);
  }
  throw new Error('map never settled');
}
