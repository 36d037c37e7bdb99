/**
 * Whether a file is an OpenStreetMap extract, decided from its name and first bytes alone: a module
 * of its own, so that a caller can ask without loading the OSM reader (the CLI loads it only for
 * an OSM file).
 */

/** File names that say OpenStreetMap. */
const OSM_NAME = /\.(osm|osm\.pbf|pbf|osm\.gz|osm\.xml)$/i;

/**
 * Whether a file is (or claims to be) an OpenStreetMap extract: by its name, or by content (PBF
 * BlobHeader, `<osm`, gzip). A file named `.osm.pbf` that is not OSM is still sent to the OSM
 * reader, which says what it is instead (GeoJSON, a PNG …).
 */
export function isOsmFile(name: string, bytes: Uint8Array): boolean {
  if (OSM_NAME.test(name)) return true;
  if (bytes.length >= 14 && bytes[0] === 0 && bytes[1] === 0 && bytes[4] === 0x0a && bytes[5] === 9) return true;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return /\.gz$/i.test(name) && /osm/i.test(name);
  const head = new TextDecoder().decode(bytes.subarray(0, 512));
  return /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?<osm[\s>]/.test(head);
}
