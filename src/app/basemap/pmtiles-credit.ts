/**
 * The credit line of a PMTiles base map: the archive's own `attribution`, else the Protomaps build's
 * (Protomaps, © OpenStreetMap contributors). Shown on the map, in the PNG and the printable summary.
 */
import type { PmtilesBasemap } from './pmtiles-store';
import { usePmtilesStore } from './pmtiles-store';
import { useBasemapStore } from './basemap-store';

/** Default credit of the public Protomaps builds. */
const PROTOMAPS_CREDIT = 'Protomaps © OpenStreetMap contributors';

/** The credit of an opened archive. */
export function pmtilesCredit(basemap: PmtilesBasemap): string {
  return basemap.info.attribution.trim() || PROTOMAPS_CREDIT;
}

/** The credit of the PMTiles base map on the map now, or null when none is shown. */
export function shownPmtilesCredit(): string | null {
  const basemap = usePmtilesStore.getState().basemap;
  return useBasemapStore.getState().choice.kind === 'pmtiles' && basemap ? pmtilesCredit(basemap) : null;
}
