/**
 * Puts the PMTiles base map's style on the map when an archive is opened, its theme changes or the
 * UI language changes (labels follow it). Before any archive is opened the map keeps its style.
 */
import { useEffect } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { usePmtilesStore } from '../../app/basemap/pmtiles-store';
import { pmtilesStyle } from '../../app/basemap/pmtiles-style';
import { bundledFonts } from '../../app/basemap/pmtiles-fonts';
import type { Language } from '../../i18n/language';

/** CSS font families MapLibre draws Chinese (and other CJK) labels with, from the user's system. */
export const LOCAL_IDEOGRAPH_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";

export function usePmtilesStyle(map: MapLibreMap | null, ready: boolean, language: Language, credit: string): void {
  const basemap = usePmtilesStore((s) => s.basemap);
  const theme = usePmtilesStore((s) => s.theme);
  useEffect(() => {
    if (!map || !ready || !basemap) return;
    const attribution = basemap.info.attribution || credit;
    map.setStyle(pmtilesStyle(basemap.url, theme, language, bundledFonts(), attribution));
  }, [map, ready, basemap, theme, language, credit]);
}
