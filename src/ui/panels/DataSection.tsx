/**
 * The Data section: load the sample or files per layer (drop or pick; GeoJSON, CSV, zipped
 * Shapefile), correct the mapping and coordinate system, read each file's load report, and see what
 * is loaded.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { datasetStats } from '../../app/dataset-stats';
import { CATEGORY_STYLES, categoryStyle } from '../../app/category-style';
import { LAYERS, loadSampleData } from '../../app/workspace-actions';
import { LayerCard } from '../data/LayerCard';
import { OsmExtractCard } from '../data/OsmExtractCard';
import { DemCard } from '../data/DemCard';
import { Section } from './Section';
import { SampleNotice } from '../answer/SampleNotice';

export function DataSection() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const data = useAppStore((s) => s.data);
  const status = useAppStore((s) => s.status);
  const error = useAppStore((s) => s.error);
  const stats = useMemo(() => (data ? datasetStats(data) : null), [data]);
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  const n = (x: number, digits = 0) => x.toLocaleString(locale, { maximumFractionDigits: digits });
  const categoryIds = stats ? [...new Set([...CATEGORY_STYLES.map((c) => c.id), ...Object.keys(stats.facilitiesByCategory)])] : [];

  return (
    <Section id="data" title={t('panel.data')}>
      <button type="button" data-testid="load-sample" disabled={status === 'loading'} onClick={() => void loadSampleData()}>
        {t('data.loadSample')}
      </button>
      {status === 'loading' && <p>{t('data.loading')}</p>}
      {error !== null && (
        <p className="error" role="alert" data-testid="data-error">
          {t('data.error', { message: error })}
        </p>
      )}
      <SampleNotice testId="data-sample-notice" />
      {!data && status !== 'loading' && error === null && <p>{t('data.none')}</p>}
      {data && stats && (
        <>
          <dl className="stats" data-testid="dataset-stats">
            <dt>{t('data.roads')}</dt>
            <dd data-testid="count-roads">
              {n(stats.roads)} ({t('data.km', { value: n(stats.roadLengthKm, 1) })})
            </dd>
            <dt>{t('data.communities')}</dt>
            <dd data-testid="count-communities">
              {n(stats.communities)} ({t('data.urban')} {n(stats.urbanCommunities)} · {t('data.rural')} {n(stats.ruralCommunities)})
            </dd>
            <dt>{t('data.population')}</dt>
            <dd data-testid="count-population">{n(stats.population)}</dd>
            <dt>{t('data.facilities')}</dt>
            <dd data-testid="count-facilities">{n(stats.facilities)}</dd>
          </dl>
          <ul className="category-counts">
            {categoryIds.map((id) => (
              <li key={id} data-testid={`count-category-${id}`}>
                <span className="swatch dot" style={{ background: categoryStyle(id).color }} />
                <span className="category-name">{categoryStyle(id).label[language]}</span>
                <span className="count">{n(stats.facilitiesByCategory[id] ?? 0)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="files-title">{t('workspace.title')}</h3>
      <OsmExtractCard />
      {LAYERS.map((layer) => (
        <LayerCard key={layer} layer={layer} locale={locale} />
      ))}
      <DemCard />
    </Section>
  );
}
