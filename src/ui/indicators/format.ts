/** Formats of the indicator panels: dashboard values by measure, district names, chart labels. */
import type { TFunction } from 'i18next';
import type { DashboardRow } from '../../engine/indicators/plan-dashboard';
import type { Indicators } from '../../engine/indicators/indicators';
import type { Language } from '../../i18n/language';
import { formatNumber, formatPercent } from '../siting/format';
import type { ChartLabels } from './chart-specs';

/** A dashboard value as its measure reads: a percentage, a count, or a ratio with two decimals; `–` for none. */
export function formatTargetValue(measure: DashboardRow['target']['measure'], value: number | null, language: Language): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (measure === 'coveredShare') return formatPercent(value, language);
  if (measure === 'count') return formatNumber(value, language, 0);
  return formatNumber(value, language, 2);
}

/** Why a target has no value for all residents (the data lacks a category, capacities or a population), or null when it has one. */
export function targetWhy(t: TFunction, row: DashboardRow): string | null {
  if (row.missing === 'category') return t('districts.whyCategory');
  if (row.missing === 'capacity') return t('districts.whyCapacity');
  if (row.missing === 'population') return t('districts.whyPopulation');
  return null;
}

/** A district's name, or the "unassigned" label. */
export const districtLabel = (t: TFunction, name: string | null): string => name ?? t('districts.unassigned');

/** The charts' labels in the UI language. */
export function chartLabels(t: TFunction, ind: Indicators): ChartLabels {
  const edges = ind.bandEdgesMinutes;
  return {
    bands: [
      ...edges.map((e, i) => `${i === 0 ? 0 : edges[i - 1]}–${e}`),
      t('districts.over', { min: edges.at(-1) }),
      t('districts.noRoad'),
    ],
    urban: t('districts.urban'),
    rural: t('districts.rural'),
    residentsShare: t('districts.residentsShare'),
    populationShare: t('districts.populationShare'),
    coveredShare: t('districts.coveredShare'),
    coveredPercent: t('districts.coveredPercent'),
    equality: t('districts.equality'),
    band: t('districts.band'),
    districtName: (name) => districtLabel(t, name),
  };
}
