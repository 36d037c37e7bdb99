/**
 * The results section: the model in use, covered population share per category (urban and rural),
 * the share of residents with every service in reach, the travel-time histogram of the selected
 * category, and the analysis warnings.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { categoryStyles } from '../../app/category-style';
import { selectCategory } from '../../app/actions';
import { formatCount, formatPercent } from '../../app/results/format';
import { Section } from './Section';
import { ShareBars } from '../results/ShareBars';
import { TravelTimeHistogram } from '../results/TravelTimeHistogram';
import { AnalysisWarnings } from '../results/AnalysisWarnings';

export function ResultsSection() {
  const { t } = useTranslation();
  const coverage = useAppStore((s) => s.coverage);
  const settings = useAppStore((s) => s.settings);
  const language = useAppStore((s) => s.language);
  const selected = useAppStore((s) => s.selectedCategory);
  const warnings = useAppStore((s) => s.analysisWarnings);
  const lastUpdateMs = useAppStore((s) => s.lastUpdateMs);
  const styles = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);

  if (!coverage) {
    return (
      <Section id="results" title={t('panel.results')}>
        <p className="coming">{t('results.none')}</p>
      </Section>
    );
  }
  const k = Math.max(0, coverage.categoryIds.indexOf(selected));
  const categoryId = coverage.categoryIds[k];
  const category = settings?.categories.find((c) => c.id === categoryId);
  const hist = coverage.histograms[k];
  const complete = coverage.population.total > 0 ? coverage.completeCovered / coverage.population.total : NaN;

  return (
    <Section id="results" title={t('panel.results')}>
      <p className="result-model">
        {t('results.modelInUse')}:{' '}
        <strong data-testid="result-model" data-model={coverage.model}>
          {t(coverage.model === 'network' ? 'results.modelNetwork' : 'results.modelStraight')}
        </strong>
        {lastUpdateMs !== null && <span className="muted"> · {t('results.updated', { ms: Math.round(lastUpdateMs) })}</span>}
      </p>
      <h3 className="sub-title">{t('results.shares')}</h3>
      <ShareBars totals={coverage.totals} styles={styles} selected={categoryId ?? ''} language={language} />
      <p className="complete">
        <span>{t('results.complete')}</span>
        <strong data-testid="complete-share">{formatPercent(complete, language)}</strong>
        <span className="muted">{t('results.population', { people: formatCount(coverage.completeCovered, language) })}</span>
      </p>
      {hist && hist[0] && hist[1] && category && (
        <>
          <h3 className="sub-title histogram-title">
            {t('results.histogram')}
            <select
              value={categoryId}
              onChange={(e) => selectCategory(e.target.value)}
              aria-label={t('results.histogramCategory')}
              data-testid="histogram-category"
            >
              {coverage.categoryIds.map((id, i) => (
                <option key={id} value={id}>
                  {styles[i]?.label[language] ?? id}
                </option>
              ))}
            </select>
          </h3>
          <TravelTimeHistogram urban={hist[0]} rural={hist[1]} thresholds={category.thresholdMinutes} language={language} />
        </>
      )}
      <AnalysisWarnings warnings={warnings} />
    </Section>
  );
}
