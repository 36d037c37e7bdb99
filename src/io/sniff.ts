/**
 * What a file that is not a data file is, from its first bytes ("magic numbers"): a PNG given as the
 * facilities is reported as "a PNG image, not GeoJSON/CSV/Shapefile" instead of "invalid JSON".
 * Zip archives are data (zipped Shapefiles) unless their entries name an Office file (word/, xl/, ppt/).
 */

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Signatures of common non-data files and what to call them. */
const SIGNATURES: readonly { sig: number[]; at?: number; what: string }[] = [
  { sig: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { sig: ascii('GIF8'), what: 'a GIF image' },
  { sig: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { sig: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { sig: ascii('WEBP'), at: 8, what: 'a WebP image' },
  { sig: ascii('%PDF'), what: 'a PDF document' },
  { sig: [0x1f, 0x8b], what: 'a GZIP-compressed file (unpack it first)' },
  { sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive (pack the Shapefile as .zip)' },
  { sig: ascii('Rar!'), what: 'a RAR archive (pack the Shapefile as .zip)' },
  { sig: ascii('SQLite format 3'), what: 'an SQLite database or GeoPackage' },
  { sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Office document (.xls/.doc)' },
  { sig: [0x00, 0x00, 0x27, 0x0a], what: 'a bare .shp file (zip it with its .shx, .dbf and .prj)' },
];

/** True when `needle` (ASCII) occurs in the bytes. */
function contains(bytes: Uint8Array, needle: string): boolean {
  const n = ascii(needle);
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * What a non-data file is ("a PNG image", "an Excel workbook (.xlsx)" …), or null when it may be
 * GeoJSON, CSV or a zipped Shapefile.
 */
export function sniffNonData(bytes: Uint8Array): string | null {
  // RIFF....WEBP: only with the RIFF header
  for (const s of SIGNATURES) {
    if (s.at === 8 && !startsWith(bytes, ascii('RIFF'))) continue;
    if (startsWith(bytes, s.sig, s.at ?? 0)) return s.what;
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (contains(bytes, '.shp') || contains(bytes, '.SHP')) return null;
    if (contains(bytes, 'xl/')) return 'an Excel workbook (.xlsx; save the sheet as CSV)';
    if (contains(bytes, 'word/')) return 'a Word document (.docx)';
    if (contains(bytes, 'ppt/')) return 'a PowerPoint document (.pptx)';
    if (contains(bytes, '.kml')) return 'a KMZ file (Google Earth)';
  }
  return null;
}

/** The whole-file reason for a sniffed non-data file. */
export function nonDataReason(what: string): string {
  return `${what}, not GeoJSON/CSV/Shapefile`;
}
