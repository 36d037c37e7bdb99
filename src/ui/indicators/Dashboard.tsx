/**
 * The plan indicator dashboard: each target of the preset the data can compute, its value for all
 * residents and for the chosen district, the target (hover: the plan's line) and met / not met.
 */
import { useTranslation } from 'react-i18next';
import type { Indicators } from '../../engine/indicators/indicators';
import type { DashboardCell } from '../../engine/indicators/plan-dashboard';
import type { Language } from '../../i18n/language';
import { useIndicatorsStore } from '../../app/indicators/indicators-store';
import { districtLabel, formatTargetValue, targetWhy } from './format';

function Status({ cell, cityWide }: { cell: DashboardCell; cityWide: boolean }) {
  const { t } = useTranslation();
  if (cell.met === null)
    return <span className="status none">{cityWide && cell.value !== null ? t('districts.cityWide') : t('districts.notComputable')}</span>;
  return (
    <span className={`status ${cell.met ? 'met' : 'not-met'}`}>{cell.met ? `✓ ${t('districts.met')}` : `✗ ${t('districts.notMet')}`}</span>
  );
}

export function Dashboard({ ind, language }: { ind: Indicators; language: Language }) {
  const { t } = useTranslation();
  const district = useIndicatorsStore((s) => s.district);
  if (ind.dashboard.length === 0) return <p className="hint">{t('districts.noTargets')}</p>;
  return (
    <div className="dashboard-wrap">
      <label className="dashboard-district">
        <span>{t('districts.district')}</span>
        <select
          value={district ?? ''}
          onChange={(e) => useIndicatorsStore.setState({ district: e.target.value === '' ? null : Number(e.target.value) })}
          data-testid="dashboard-district"
          data-user-text=""
        >
          <option value="">{t('districts.everyone')}</option>
          {ind.districts.map((d, g) => (
            <option key={g} value={g}>
              {districtLabel(t, d.name)}
            </option>
          ))}
        </select>
      </label>
      <table className="dashboard" data-testid="dashboard">
        <thead>
          <tr>
            <th>{t('districts.indicator')}</th>
            <th>{t('districts.target')}</th>
            <th>{t('districts.everyone')}</th>
            {district !== null && (
              <th data-user-text={ind.districts[district]?.name == null ? undefined : ''}>
                {districtLabel(t, ind.districts[district]?.name ?? null)}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {ind.dashboard.map((row) => {
            const m = row.target.measure;
            const cityWide = m === 'count';
            const note = targetWhy(t, row);
            return (
              <tr key={row.target.id} data-target={row.target.id} className={row.met === false ? 'below' : undefined}>
                <th scope="row">
                  {row.target.label[language]}
                  {row.target.minutes && (
                    <small>{t('districts.minutesCircle', { urban: row.target.minutes.urban, rural: row.target.minutes.rural })}</small>
                  )}
                  {row.missingCapacity > 0 && (
                    <small>{t('districts.missingCapacity', { n: row.missingCapacity, total: row.facilities })}</small>
                  )}
                </th>
                <td title={row.target.source}>
                  ≥ {formatTargetValue(m, row.target.target, language)}
                  {m !== 'coveredShare' && <small>{row.target.unit[language]}</small>}
                </td>
                <td data-testid="dashboard-value">
                  <strong>{formatTargetValue(m, row.value, language)}</strong>
                  {note ? <span className="status none">{note}</span> : <Status cell={row} cityWide={false} />}
                </td>
                {district !== null && (
                  <td data-testid="dashboard-district-value">
                    <strong>{formatTargetValue(m, row.districts[district]?.value ?? null, language)}</strong>
                    <Status cell={row.districts[district] ?? { value: null, met: null }} cityWide={cityWide} />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
