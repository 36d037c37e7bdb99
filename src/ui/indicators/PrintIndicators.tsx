/**
 * The printable summary's districts part: the plan targets for all residents and per district
 * (value and met / not met), then the charts of the selected category (bands urban vs rural, Lorenz
 * curve, covered share by district). Reads the indicators the districts section keeps current.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorsStore } from '../../app/indicators/indicators-store';
import type { Language } from '../../i18n/language';
import { bandsChart, districtBarsChart, lorenzChart } from './chart-specs';
import { chartLabels, districtLabel, formatTargetValue } from './format';
import { PlotChart } from './PlotChart';
import { formatNumber } from '../siting/format';
import './indicators.css';

export function PrintIndicators({
  categoryId,
  categoryLabel,
  language,
}: {
  categoryId: string;
  categoryLabel: string;
  language: Language;
}) {
  const { t } = useTranslation();
  const ind = useIndicatorsStore((s) => s.indicators);
  const labels = useMemo(() => (ind ? chartLabels(t, ind) : null), [ind, t]);
  const k = ind ? Math.max(0, ind.categoryIds.indexOf(categoryId)) : 0;
  const makeBands = useCallback(() => bandsChart(ind!, k, labels!, 420), [ind, k, labels]);
  const makeLorenz = useCallback(() => lorenzChart(ind!, k, labels!, 280), [ind, k, labels]);
  const makeBars = useCallback(() => districtBarsChart(ind!, k, labels!, 420), [ind, k, labels]);
  if (!ind || !labels) return null;
  const mark = (met: boolean | null) => (met === null ? '' : met ? ' ✓' : ' ✗');
  return (
    <section className="print-indicators" data-testid="print-districts">
      <h2>{t('districts.printTitle')}</h2>
      {ind.dashboard.length > 0 && (
        <table className="print-table print-dashboard">
          <thead>
            <tr>
              <th>{t('districts.district')}</th>
              {ind.dashboard.map((row) => (
                <th key={row.target.id} title={row.target.source}>
                  {row.target.label[language]} (≥ {formatTargetValue(row.target.measure, row.target.target, language)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('districts.everyone')}</th>
              {ind.dashboard.map((row) => (
                <td key={row.target.id} className="num">
                  {formatTargetValue(row.target.measure, row.value, language)}
                  {mark(row.met)}
                </td>
              ))}
            </tr>
            {ind.districts.map((d, g) => (
              <tr key={g}>
                <th scope="row">{districtLabel(t, d.name)}</th>
                {ind.dashboard.map((row) => (
                  <td key={row.target.id} className="num">
                    {formatTargetValue(row.target.measure, row.districts[g]?.value ?? null, language)}
                    {mark(row.districts[g]?.met ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PlotChart
        title={t('districts.bandsTitle', { category: categoryLabel })}
        make={makeBands}
        fileName="bands"
        testId="print-chart-bands"
        exportable={false}
      />
      <PlotChart
        title={t('districts.lorenzTitle', {
          category: categoryLabel,
          gini: Number.isFinite(ind.overall[k]!.gini) ? formatNumber(ind.overall[k]!.gini, language, 2) : '–',
        })}
        make={makeLorenz}
        fileName="lorenz"
        testId="print-chart-lorenz"
        exportable={false}
      />
      <PlotChart
        title={t('districts.districtBarsTitle', { category: categoryLabel })}
        make={makeBars}
        fileName="districts"
        testId="print-chart-districts"
        exportable={false}
      />
    </section>
  );
}
