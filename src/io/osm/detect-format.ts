import { Gunzip } from 'fflate';
import { looksLikePbf } from './pbf-decode';
import { OsmFormatError } from './osm-elements';

/** The encodings of an OpenStreetMap extract this reader takes. */
export type OsmFormat = 'pbf' | 'xml' | 'xml-gz';

/** Whether text (its first bytes) opens an OSM XML document: `<osm` after an optional prolog. */
function looksLikeOsmXml(head: string): boolean {
  const s = head
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[^>]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  return s.startsWith('<osm');
}

function gunzipHead(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const g = new Gunzip((chunk) => {
    if (total < 4096) parts.push(chunk);
    total += chunk.length;
  });
  try {
    g.push(bytes.subarray(0, Math.min(bytes.length, 4096)), false);
  } catch {
    throw new OsmFormatError('gzip data is corrupt');
  }
  const out = new Uint8Array(Math.min(total, 4096));
  let at = 0;
  for (const p of parts) {
    const n = Math.min(p.length, out.length - at);
    out.set(p.subarray(0, n), at);
    at += n;
  }
  return out;
}

/** What a file that is not OSM looks like, for the message. */
function describeOther(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'a PNG image';
  if (b[0] === 0xff && b[1] === 0xd8) return 'a JPEG image';
  if (b[0] === 0x50 && b[1] === 0x4b) return 'a zip archive';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'a PDF document';
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(b.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{') || text.startsWith('[')) {
    return /"FeatureCollection"|"Feature"/.test(text) ? 'GeoJSON' : 'JSON';
  }
  if (text.startsWith('<')) return 'XML or HTML without an <osm> root';
  return 'neither OSM PBF nor OSM XML';
}

/**
 * The encoding of an OSM extract judged by its content, not its name: PBF by its BlobHeader
 * structure (`OSMHeader` first), gzip by its magic bytes (then `<osm` inside), XML by `<osm`.
 * Throws {@link OsmFormatError} naming what the file looks like (an empty file, GeoJSON, a PNG …).
 *
 * @param bytes the file, or at least its first few KiB
 */
export function detectOsmFormat(bytes: Uint8Array): OsmFormat {
  if (bytes.length === 0) throw new OsmFormatError('the file is empty');
  if (looksLikePbf(bytes)) return 'pbf';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const head = gunzipHead(bytes);
    if (looksLikeOsmXml(new TextDecoder().decode(head))) return 'xml-gz';
    throw new OsmFormatError(`this is gzip-compressed ${describeOther(head)}, not an OpenStreetMap extract`);
  }
  if (looksLikeOsmXml(new TextDecoder().decode(bytes.subarray(0, 4096)))) return 'xml';
  throw new OsmFormatError(`this is ${describeOther(bytes)}, not an OpenStreetMap extract (.osm.pbf, .osm or .osm.gz)`);
}
