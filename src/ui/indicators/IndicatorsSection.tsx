/**
 * The districts section: the plan indicator dashboard, the district table and the charts (minutes
 * bands urban vs rural, Lorenz curve, covered share by district) for one category. The indicators
 * are asked of the engine whenever the coverage changes.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { categoryStyles } from '../../app/category-style';
import { clearIndicators, hasDistricts, refreshIndicators, useIndicatorsStore } from '../../app/indicators/indicators-store';
import { Section } from '../panels/Section';
import type { ChartSpecs } from './load-charts';
import { Dashboard } from './Dashboard';
import { DistrictTable } from './DistrictTable';
import { chartLabels } from './format';
import { PlotChart } from './PlotChart';
import { formatNumber } from '../siting/format';
import './indicators.css';
import './outlines.css';

export function IndicatorsSection() {
  const { t } = useTranslation();
  const coverage = useAppStore((s) => s.coverage);
  const settings = useAppStore((s) => s.settings);
  const language = useAppStore((s) => s.language);
  const selectedCategory = useAppStore((s) => s.selectedCategory);
  const ind = useIndicatorsStore((s) => s.indicators);
  const selected = useIndicatorsStore((s) => s.district);
  const outlines = useIndicatorsStore((s) => s.outlines);
  const showOutlines = useIndicatorsStore((s) => s.showOutlines);
  const [category, setCategory] = useState<string | null>(null);
  const styles = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);

  useEffect(() => {
    if (coverage) void refreshIndicators();
    else clearIndicators();
  }, [coverage]);

  const id = category ?? selectedCategory;
  const k = ind ? Math.max(0, ind.categoryIds.indexOf(id)) : 0;
  const label = (cid: string) => styles.find((s) => s.id === cid)?.label[language] ?? cid;
  const catLabel = ind ? label(ind.categoryIds[k] ?? '') : '';
  const labels = useMemo(() => (ind ? chartLabels(t, ind) : null), [ind, t]);
  const makeBands = useCallback((c: ChartSpecs) => c.bandsChart(ind!, k, labels!), [ind, k, labels]);
  const makeLorenz = useCallback((c: ChartSpecs) => c.lorenzChart(ind!, k, labels!), [ind, k, labels]);
  const makeBars = useCallback((c: ChartSpecs) => c.districtBarsChart(ind!, k, labels!), [ind, k, labels]);

  return (
    <Section id="districts" title={t('districts.title')}>
      {!coverage ? (
        <p className="coming">{t('districts.noResults')}</p>
      ) : !ind || !labels ? (
        <p className="hint">{t('districts.loading')}</p>
      ) : (
        <div className="indicators" data-testid="indicators">
          <h3>{t('districts.dashboardTitle')}</h3>
          <p className="hint">{t('districts.dashboardHint')}</p>
          <Dashboard ind={ind} language={language} />
          <h3>{t('districts.tableTitle')}</h3>
          {ind.districts.length === 1 && ind.districts[0]!.name === null && (
            <p className="hint" data-testid="no-districts">
              {t('districts.noDistricts')}
            </p>
          )}
          <label className="indicator-category">
            <span>{t('districts.category')}</span>
            <select value={ind.categoryIds[k]} onChange={(e) => setCategory(e.target.value)} data-testid="indicator-category">
              {ind.categoryIds.map((cid) => (
                <option key={cid} value={cid}>
                  {label(cid)}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">{t('districts.tableHint')}</p>
          {hasDistricts(ind) &&
            (outlines && !outlines.some((o) => o.geometry !== null) ? (
              <p className="hint" data-testid="no-outlines">
                {t('outlines.noOutlines')}
              </p>
            ) : (
              <label className="outline-toggle">
                <input
                  type="checkbox"
                  checked={showOutlines}
                  onChange={(e) => useIndicatorsStore.setState({ showOutlines: e.target.checked })}
                  data-testid="show-outlines"
                />
                {outlines ? t('outlines.showOutlines') : t('outlines.outlinesLoading')}
              </label>
            ))}
          <DistrictTable ind={ind} k={k} selected={selected} language={language} />
          <h3>{t('districts.chartsTitle')}</h3>
          <PlotChart
            title={t('districts.bandsTitle', { category: catLabel })}
            make={makeBands}
            fileName={`bands-${ind.categoryIds[k]}`}
            testId="chart-bands"
          />
          <PlotChart
            title={t('districts.lorenzTitle', {
              category: catLabel,
              gini: Number.isFinite(ind.overall[k]!.gini) ? formatNumber(ind.overall[k]!.gini, language, 2) : '–',
            })}
            make={makeLorenz}
            fileName={`lorenz-${ind.categoryIds[k]}`}
            testId="chart-lorenz"
          />
          <PlotChart
            title={t('districts.districtBarsTitle', { category: catLabel })}
            make={makeBars}
            fileName={`districts-${ind.categoryIds[k]}`}
            testId="chart-districts"
          />
        </div>
      )}
    </Section>
  );
}
