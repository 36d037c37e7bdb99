/**
 * The Noto Sans files (from `@fontsource/noto-sans`, SIL Open Font License) that draw Latin labels
 * of a PMTiles base map: Vite copies them into the build, so labels need no network. About 95 kB:
 * Regular (latin + latin-ext, for pinyin tone marks), Medium and Italic (latin).
 */
import regularLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import regularLatinExt from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import mediumLatin from '@fontsource/noto-sans/files/noto-sans-latin-500-normal.woff2?url';
import italicLatin from '@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url';
import type { BundledFonts } from './pmtiles-style';

/** Absolute URLs of the bundled fonts (MapLibre downloads them from this page's origin). */
export function bundledFonts(): BundledFonts {
  const abs = (url: string) => new URL(url, document.baseURI).href;
  return {
    regularLatin: abs(regularLatin),
    regularLatinExt: abs(regularLatinExt),
    mediumLatin: abs(mediumLatin),
    italicLatin: abs(italicLatin),
  };
}
