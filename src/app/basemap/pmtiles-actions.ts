/**
 * Opening a `.pmtiles` file as the base map, and choosing its theme. A file that cannot be drawn
 * (not PMTiles, raster tiles, another schema) is reported and the current base map stays.
 */
import { openPmtilesFile } from './pmtiles-archive';
import { servePmtiles } from './pmtiles-protocol';
import { usePmtilesStore } from './pmtiles-store';
import type { PmtilesTheme } from './pmtiles-style';
import { setBasemap } from './basemap-store';

/**
 * Reads the file's header and metadata; on success it becomes the base map.
 *
 * @param file the picked or dropped file
 * @returns true when the file is now the base map
 */
export async function openPmtilesBasemap(file: File): Promise<boolean> {
  usePmtilesStore.setState({ status: { kind: 'reading', file: file.name } });
  const result = await openPmtilesFile(file);
  if (!result.ok) {
    usePmtilesStore.setState({ status: { kind: 'refused', problem: result.problem } });
    return false;
  }
  const url = servePmtiles(result.archive);
  usePmtilesStore.setState({ basemap: { url, fileName: file.name, info: result.info }, status: { kind: 'idle' } });
  setBasemap({ kind: 'pmtiles' });
  return true;
}

/** Sets the theme the PMTiles base map is drawn in. */
export function setPmtilesTheme(theme: PmtilesTheme): void {
  usePmtilesStore.setState({ theme });
}
