/**
 * The PMTiles base map's code: the archive reader, MapLibre's `pmtiles://` protocol and the Protomaps
 * style (the `pmtiles` and `@protomaps/basemaps` libraries, about 70 kB), loaded when a PMTiles file is
 * opened rather than with the app (the default base map does not need it). Once a file is open the
 * code is loaded, so the map's sync (ui/basemap/pmtiles-sync.ts) finds it there.
 */
import { lazyModule } from '../lazy-module';

/** Loads the reader, the protocol and the style (once; again after a failed load, which rejects with a LazyLoadError). */
export const loadPmtilesCode = lazyModule(async () => {
  const [archive, protocol, style] = await Promise.all([
    import('./pmtiles-archive'),
    import('./pmtiles-protocol'),
    import('./pmtiles-style'),
  ]);
  return { openPmtilesFile: archive.openPmtilesFile, servePmtiles: protocol.servePmtiles, pmtilesStyle: style.pmtilesStyle };
});
