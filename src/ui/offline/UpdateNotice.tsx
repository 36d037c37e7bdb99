/**
 * The service worker's notices: "works offline now" once, and "a new version is available" with a
 * Reload button (the new version waits until the user accepts; nothing reloads by itself).
 */
import { useTranslation } from 'react-i18next';
import { dismissOfflineNotice, useOfflineStore } from '../../app/offline/service-worker';
import './update-notice.css';

export function UpdateNotice() {
  const { t } = useTranslation();
  const needRefresh = useOfflineStore((s) => s.needRefresh);
  const offlineReady = useOfflineStore((s) => s.offlineReady);
  const update = useOfflineStore((s) => s.update);
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-notice" role="status" data-testid={needRefresh ? 'update-notice' : 'offline-ready-notice'}>
      <span>{needRefresh ? t('pmtiles.updateReady') : t('pmtiles.offlineReady')}</span>
      {needRefresh && update && (
        <button type="button" data-testid="update-reload" onClick={() => void update()}>
          {t('pmtiles.updateReload')}
        </button>
      )}
      <button type="button" onClick={dismissOfflineNotice}>
        {t('pmtiles.dismiss')}
      </button>
    </div>
  );
}
