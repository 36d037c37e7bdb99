import { detectOsmFormat, type OsmFormat } from './detect-format';
import type { OsmScanOptions, OsmVisitor } from './osm-elements';
import { decodePbf } from './pbf-decode';
import { decodeXml } from './xml-decode';

/**
 * One pass over an OSM extract in any supported encoding, handing elements to the visitor.
 * Throws `OsmFormatError` on a file it refuses and an `AbortError` when cancelled.
 *
 * @param bytes the whole file
 * @param visitor what to do with nodes, ways, relations (kinds left out are skipped)
 * @param options progress, cancel, size limit
 * @param format the encoding, when already detected ({@link detectOsmFormat})
 */
export function scanOsm(
  bytes: Uint8Array,
  visitor: OsmVisitor,
  options: OsmScanOptions = {},
  format: OsmFormat = detectOsmFormat(bytes),
): void {
  if (format === 'pbf') decodePbf(bytes, visitor, options);
  else decodeXml(bytes, format === 'xml-gz', visitor, options);
}
