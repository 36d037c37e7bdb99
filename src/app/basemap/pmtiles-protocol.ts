/**
 * The `pmtiles://` protocol of MapLibre, registered once, serving the archives the user opened from
 * files. A source URL `pmtiles://<key>` reads the archive added under that key; nothing is fetched.
 */
import { addProtocol } from 'maplibre-gl';
import { Protocol, type PMTiles } from 'pmtiles';

let protocol: Protocol | null = null;

/**
 * Makes an opened archive readable by MapLibre.
 *
 * @param archive an archive from `openPmtilesFile` (its source key is unique per open)
 * @returns the source URL for the style, `pmtiles://<key>`
 */
export function servePmtiles(archive: PMTiles): string {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  protocol.add(archive);
  return `pmtiles://${archive.source.getKey()}`;
}
