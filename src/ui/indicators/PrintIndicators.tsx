/**
 * The printable summary's indicators part (its only one): the plan targets for all residents and
 * per district (value and met / not met, with why a value is missing or partial), then the charts of the selected category (bands urban vs rural, Lorenz
 * curve, covered share by district). Reads the indicators the districts section keeps current.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useIndicatorsStore } from '../../app/indicators/indicators-store';
import type { Language } from '../../i18n/language';
import type { DashboardCell, DashboardRow } from '../../engine/indicators/plan-dashboard';
import type { ChartSpecs } from './load-charts';
import { chartLabels, districtLabel, formatTargetValue, targetWhy } from './format';
import { PlotChart } from './PlotChart';
import { formatNumber } from '../siting/format';
import './indicators.css';
import './outlines.css';

const mark = (met: boolean | null) => (met === null ? '' : met ? ' ✓' : ' ✗');

/** One row of the print dashboard: a name (everyone, or a district) and its value of each target with ✓ / ✗. */
function TargetRow({
  name,
  fromData = false,
  rows,
  cell,
  language,
  everyone = false,
}: {
  name: string;
  /** The row of all residents (not a district). */
  everyone?: boolean;
  /** The name is a district's from the data, not a UI label. */
  fromData?: boolean;
  rows: readonly DashboardRow[];
  cell: (row: DashboardRow) => DashboardCell | undefined;
  language: Language;
}) {
  return (
    <tr data-row={everyone ? 'everyone' : undefined}>
      <th scope="row" data-user-text={fromData ? '' : undefined}>
        {name}
      </th>
      {rows.map((row) => {
        const c = cell(row);
        return (
          <td key={row.target.id} className="num" data-target={row.target.id}>
            {formatTargetValue(row.target.measure, c?.value ?? null, language)}
            {mark(c?.met ?? null)}
          </td>
        );
      })}
    </tr>
  );
}

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
  const makeBands = useCallback((c: ChartSpecs) => c.bandsChart(ind!, k, labels!, 420), [ind, k, labels]);
  const makeLorenz = useCallback((c: ChartSpecs) => c.lorenzChart(ind!, k, labels!, 280), [ind, k, labels]);
  const makeBars = useCallback((c: ChartSpecs) => c.districtBarsChart(ind!, k, labels!, 420), [ind, k, labels]);
  if (!ind || !labels) return null;
  const notes = ind.dashboard.flatMap((row) => {
    const why =
      targetWhy(t, row) ??
      (row.missingCapacity > 0 ? t('districts.missingCapacity', { n: row.missingCapacity, total: row.facilities }) : null);
    return why ? [`${row.target.label[language]}: ${why}`] : [];
  });
  return (
    <section className="print-indicators" data-testid="print-districts">
      <h2>{t('districts.printTitle')}</h2>
      {ind.dashboard.length > 0 && (
        <table className="print-table print-dashboard">
          <thead>
            <tr>
              <th>{t('districts.district')}</th>
              {ind.dashboard.map((row) => (
                <th key={row.target.id} title={row.target.source} data-target={row.target.id}>
                  {row.target.label[language]} (≥ {formatTargetValue(row.target.measure, row.target.target, language)})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <TargetRow everyone name={t('districts.everyone')} rows={ind.dashboard} cell={(row) => row} language={language} />
            {ind.districts.map((d, g) => (
              <TargetRow
                key={g}
                name={districtLabel(t, d.name)}
                fromData={d.name !== null}
                rows={ind.dashboard}
                cell={(row) => row.districts[g]}
                language={language}
              />
            ))}
          </tbody>
        </table>
      )}
      {notes.length > 0 && (
        <ul className="print-notes" data-testid="print-target-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
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
