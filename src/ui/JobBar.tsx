/**
 * Long work in the worker (reading a file, travel times, coverage): what runs, how far it is, and a
 * button that cancels it (the worker is restarted with the data it had; the UI never waits on it).
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { cancelJob } from '../app/actions';
import { categoryStyle } from '../app/category-style';
import { jobStageKey } from './data/job-stage';

export function JobBar() {
  const { t } = useTranslation();
  const job = useAppStore((s) => s.job);
  const language = useAppStore((s) => s.language);
  if (!job) return null;
  const { key, category } = jobStageKey(job.stage);
  const stage = key ? t(key, { category: category ? categoryStyle(category).label[language] : '' }) : job.stage;
  const percent = Math.round(Math.min(1, Math.max(0, job.fraction)) * 100);
  return (
    <div className="job-bar" data-testid="job-bar" role="status" aria-live="polite">
      <span className="job-stage">{t('workspace.job.label', { stage })}</span>
      {job.fraction > 0 ? <progress max={100} value={percent} aria-label={stage} /> : <progress aria-label={stage} />}
      <span className="job-percent">{job.fraction > 0 ? `${percent}%` : ''}</span>
      <button type="button" data-testid="job-cancel" onClick={() => void cancelJob()}>
        {t('workspace.job.cancel')}
      </button>
    </div>
  );
}
