/**
 * The answer first: at the top of the side panel, figure cards with the covered share of every
 * category, the complete-circle share and the number of communities with gaps. Until the figures
 * are current (no data, loading, analysis running, failure) the same place says why there are none.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { answerState } from '../../app/answer-state';
import { categoryStyles } from '../../app/category-style';
import { facilitiesPerCategory } from '../../app/dataset-stats';
import { selectCategory } from '../../app/actions';
import { formatCount, formatPercent } from '../../app/results/format';
import { formatList } from '../../i18n/format-list';
import { SampleNotice } from './SampleNotice';
import './answer.css';

export function AnswerCards() {
  const { t } = useTranslation();
  const data = useAppStore((s) => s.data);
  const status = useAppStore((s) => s.status);
  const job = useAppStore((s) => s.job);
  const error = useAppStore((s) => s.error);
  const coverage = useAppStore((s) => s.coverage);
  const settings = useAppStore((s) => s.settings);
  const language = useAppStore((s) => s.language);
  const selected = useAppStore((s) => s.selectedCategory);
  const styles = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);
  const facilityCounts = useMemo(() => (data ? facilitiesPerCategory(data.facilities) : {}), [data]);
  const state = answerState({ data, status, job, error, coverage });
  const labelOf = (id: string) => styles.find((s) => s.id === id)?.label[language] ?? id;
  // categories with no facility loaded: their share is 0 by want of data, and no circle is complete
  const missing = coverage ? coverage.totals.filter((c) => !facilityCounts[c.id]).map((c) => labelOf(c.id)) : [];
  const communityCount = coverage && coverage.categoryIds.length > 0 ? coverage.share.length / coverage.categoryIds.length : 0;

  return (
    <section className="answer" data-testid="answer" data-state={state} aria-labelledby="section-answer-title">
      <h2 id="section-answer-title">{t('answer.title')}</h2>
      <SampleNotice testId="sample-notice" />
      {state !== 'ready' || !coverage ? (
        <p className={`answer-state${state === 'error' ? ' error' : ''}`} role="status" data-testid="answer-state">
          {t(`answer.state.${state === 'ready' ? 'pending' : state}`, { message: error ?? '' })}
        </p>
      ) : (
        <>
          <div className="answer-headline">
            <div className="figure-card wide" data-testid="answer-complete-card">
              <span className="figure-label">{t('answer.complete')}</span>
              <strong className="figure-value" data-testid="answer-complete">
                {formatPercent(coverage.population.total > 0 ? coverage.completeCovered / coverage.population.total : NaN, language)}
              </strong>
              <span className="figure-hint">{t('answer.completeHint')}</span>
              {missing.length > 0 && (
                <span className="figure-hint warn" data-testid="answer-complete-missing">
                  {t('answer.completeMissing', { categories: formatList(missing, language) })}
                </span>
              )}
              <span className="figure-hint">
                {t('answer.completeCommunities', {
                  covered: formatCount(communityCount - coverage.gaps.length, language),
                  total: formatCount(communityCount, language),
                })}
              </span>
            </div>
            <div className="figure-card wide gaps" data-testid="answer-gaps-card">
              <span className="figure-label">{t('answer.gaps')}</span>
              <strong className="figure-value" data-testid="answer-gaps">
                {formatCount(coverage.gaps.length, language)}
              </strong>
              <span className="figure-hint">
                {t('answer.gapsHint', {
                  people: formatCount(
                    coverage.gaps.reduce((s, g) => s + g.uncoveredPopulation, 0),
                    language,
                  ),
                })}
              </span>
            </div>
          </div>
          <ul className="answer-shares" data-testid="answer-shares">
            {coverage.totals.map((c) => {
              const style = styles.find((s) => s.id === c.id);
              const def = settings?.categories.find((x) => x.id === c.id);
              const label = labelOf(c.id);
              const none = !facilityCounts[c.id];
              const minutes = { urban: def?.thresholdMinutes.urban ?? '—', rural: def?.thresholdMinutes.rural ?? '—' };
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    className={`figure-card share${c.id === selected ? ' selected' : ''}${none ? ' no-facilities' : ''}`}
                    aria-pressed={c.id === selected}
                    title={t('answer.shareTitle', { category: label, ...minutes })}
                    onClick={() => selectCategory(c.id)}
                  >
                    <span className="figure-label">
                      <span className="swatch dot" style={{ background: style?.color }} />
                      {label}
                    </span>
                    <strong className="figure-value" data-testid={`answer-share-${c.id}`}>
                      {formatPercent(c.share, language)}
                    </strong>
                    {none ? (
                      <span className="figure-hint warn" data-testid={`answer-no-facilities-${c.id}`}>
                        {t('answer.noFacilities')}
                      </span>
                    ) : (
                      <span className="figure-hint">{t('answer.share', minutes)}</span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
