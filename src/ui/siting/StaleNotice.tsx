/**
 * The notice shown when a data (or travel settings) change set the proposal and scenarios aside:
 * what was cleared and why, with "apply again" (the same coordinates scored on the current data).
 */
import { useTranslation } from 'react-i18next';
import { useSitingStore } from '../../app/siting-store';
import { applyStaleAgain, dismissStale } from '../../app/siting-actions';
import './siting.css';

export function StaleNotice() {
  const { t } = useTranslation();
  const stale = useSitingStore((s) => s.stale);
  if (!stale) return null;
  const counts = { sites: stale.sites.length, scenarios: stale.scenarios.length };
  return (
    <div className="stale-notice" role="status" data-testid="stale-notice" data-reason={stale.reason}>
      <p>{t(stale.reason === 'data' ? 'proposals.staleData' : 'proposals.staleSettings', counts)}</p>
      <div className="row">
        <button type="button" data-testid="stale-apply" title={t('proposals.applyAgainHint')} onClick={() => void applyStaleAgain()}>
          {t('proposals.applyAgain')}
        </button>
        <button type="button" data-testid="stale-dismiss" onClick={dismissStale}>
          {t('proposals.dismiss')}
        </button>
      </div>
    </div>
  );
}
