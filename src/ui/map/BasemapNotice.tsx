/**
 * The one non-blocking notice about the base map, with a close button: failing tiles (per choice),
 * or, on start, a remembered PMTiles base map whose kept file could not be put back (the base map
 * fell back to None).
 */
import { useTranslation } from 'react-i18next';
import { dismissTileFailure, useBasemapStore } from '../../app/basemap/basemap-store';
import { dismissPmtilesLost } from '../../app/basemap/pmtiles-actions';
import { usePmtilesStore } from '../../app/basemap/pmtiles-store';
import './basemap.css';

export function BasemapNotice() {
  const { t } = useTranslation();
  const failure = useBasemapStore((s) => s.failure);
  const lost = usePmtilesStore((s) => s.lost);
  if (failure) {
    const status = failure.status > 0 ? `HTTP ${failure.status}` : t('basemap.unreachable');
    return (
      <div className="basemap-notice" role="status" data-testid="basemap-notice">
        <span>{t(failure.stopped ? 'basemap.failedStopped' : 'basemap.failed', { host: failure.host, status })}</span>
        <button type="button" onClick={dismissTileFailure} aria-label={t('basemap.dismiss')}>
          ×
        </button>
      </div>
    );
  }
  if (!lost) return null;
  return (
    <div className="basemap-notice" role="status" data-testid="basemap-pmtiles-lost">
      <span>{lost.file ? t('pmtiles.lostFile', { file: lost.file }) : t('pmtiles.lostGone')}</span>
      <button type="button" onClick={dismissPmtilesLost} aria-label={t('basemap.dismiss')}>
        ×
      </button>
    </div>
  );
}
