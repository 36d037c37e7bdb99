/** The one non-blocking notice about failing base-map tiles (per choice), with a close button. */
import { useTranslation } from 'react-i18next';
import { dismissTileFailure, useBasemapStore } from '../../app/basemap/basemap-store';
import './basemap.css';

export function BasemapNotice() {
  const { t } = useTranslation();
  const failure = useBasemapStore((s) => s.failure);
  if (!failure) return null;
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
