/**
 * A file that is not data (an image, a PDF, an Excel workbook …) given as a layer is named for what
 * it is, not reported as "invalid JSON"; GeoJSON, CSV and zipped Shapefiles pass the sniffer.
 */
import { describe, expect, it } from 'vitest';
import { sniffNonData } from '../../src/io/sniff';
import { readLayerFile } from '../../src/io/read-layer-file';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));
/** The start of a zip: local file header magic, 26 header bytes, then the first entry's name. */
const zipWith = (entry: string) => bytes([0x50, 0x4b, 0x03, 0x04], new Array<number>(26).fill(0), entry, 'PK');

describe('sniffNonData', () => {
  it('names images, documents and archives by their magic bytes', () => {
    expect(sniffNonData(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR'))).toBe('a PNG image');
    expect(sniffNonData(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF'))).toBe('a JPEG image');
    expect(sniffNonData(bytes('%PDF-1.7\n'))).toBe('a PDF document');
    expect(sniffNonData(bytes([0x1f, 0x8b, 8, 0]))).toMatch(/^a GZIP-compressed file/);
    expect(sniffNonData(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('a WebP image');
    expect(sniffNonData(bytes('SQLite format 3\0'))).toMatch(/GeoPackage/);
    expect(sniffNonData(zipWith('xl/workbook.xml'))).toMatch(/^an Excel workbook/);
    expect(sniffNonData(zipWith('word/document.xml'))).toMatch(/^a Word document/);
  });

  it('lets data through: GeoJSON, CSV (even with a BOM), a zip holding a .shp', () => {
    expect(sniffNonData(bytes('{"type":"FeatureCollection","features":[]}'))).toBeNull();
    expect(sniffNonData(bytes([0xef, 0xbb, 0xbf], 'name,lon,lat\nA,121.5,29.8\n'))).toBeNull();
    expect(sniffNonData(bytes('RIFF,lon,lat\n'))).toBeNull();
    expect(sniffNonData(zipWith('clinics.shp'))).toBeNull();
    expect(sniffNonData(new Uint8Array())).toBeNull();
  });

  it('the load report says "a PNG image, not GeoJSON/CSV/Shapefile", naming the file', async () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', new Array<number>(40).fill(0));
    for (const name of ['facilities.geojson', 'map.png', 'points.csv']) {
      const r = await readLayerFile(name, png);
      expect(r.features).toBeNull();
      expect(r.errors).toEqual([{ file: name, index: -1, reason: 'a PNG image, not GeoJSON/CSV/Shapefile' }]);
      expect(r.errors[0]!.reason).not.toMatch(/JSON at|invalid JSON/);
    }
  });
});
