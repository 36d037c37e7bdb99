/**
 * The district table: one row per district (and "unassigned") for one category — communities,
 * residents, covered share (all, urban, rural), median minutes, residents beyond twice the threshold,
 * Gini. Sortable by any column; clicking a row flies the map to the district and shows it on the dashboard.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicators } from '../../engine/indicators/indicators';
import type { Language } from '../../i18n/language';
import { openDistrict } from '../../app/indicators/indicators-store';
import { formatNumber, formatPercent, formatPeople } from '../siting/format';
import { districtLabel } from './format';
import '../labels.css';

type Key = 'name' | 'communities' | 'population' | 'share' | 'urban' | 'rural' | 'median' | 'beyond' | 'gini';
// The panel is narrow (about 300 px): each district is two rows, its name (with the communities under
// it) across the table, then its figures; urban and rural shares go under the covered share.
const NAME_COLUMN = { key: 'name', label: 'districts.district' } as const;
const COLUMNS: { key: Key; label: string }[] = [
  { key: 'population', label: 'districts.residents' },
  { key: 'share', label: 'districts.covered' },
  { key: 'median', label: 'districts.median' },
  { key: 'beyond', label: 'districts.beyondTwice' },
  { key: 'gini', label: 'districts.gini' },
];

const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);

export function DistrictTable({ ind, k, selected, language }: { ind: Indicators; k: number; selected: number | null; language: Language }) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Key; descending: boolean }>({ key: 'population', descending: true });
  const rows = useMemo(
    () =>
      ind.districts.map((d, g) => {
        const c = d.categories[k]!;
        return {
          g,
          name: districtLabel(t, d.name),
          unassigned: d.name === null,
          communities: d.communities,
          population: d.population,
          share: ratio(c.all.covered, c.all.population),
          urban: ratio(c.urban.covered, c.urban.population),
          rural: ratio(c.rural.covered, c.rural.population),
          median: c.all.medianMinutes ?? Infinity,
          beyond: c.all.beyondTwice,
          gini: c.gini,
        };
      }),
    [ind, k, t],
  );
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  const sorted = useMemo(() => {
    const out = [...rows];
    out.sort((a, b) => {
      let d: number;
      if (sort.key === 'name') d = a.name.localeCompare(b.name, locale);
      else {
        const x = a[sort.key];
        const y = b[sort.key];
        // undefined values (NaN) last in either direction
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? a.g - b.g : 1) : -1;
        d = x === y ? 0 : x < y ? -1 : 1;
      }
      return (sort.descending ? -d : d) || a.g - b.g;
    });
    return out;
  }, [rows, sort, locale]);

  const by = (key: Key) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }));
  const header = (c: { key: Key; label: string }, colSpan?: number) => (
    <th key={c.key} colSpan={colSpan} aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort"
        onClick={() => by(c.key)}
        title={t('districts.sortBy', { column: t(c.label) })}
        data-testid={`district-sort-${c.key}`}
      >
        {t(c.label)}
        {sort.key === c.key ? (sort.descending ? '\u00a0▼' : '\u00a0▲') : ''}
      </button>
    </th>
  );
  return (
    <div className="district-table-wrap">
      <table className="district-table" data-testid="district-table">
        <thead>
          <tr className="name-row">{header(NAME_COLUMN, COLUMNS.length)}</tr>
          <tr>{COLUMNS.map((c) => header(c))}</tr>
        </thead>
        {sorted.map((r) => (
          <tbody
            key={r.g}
            className={`${r.g === selected ? 'selected' : ''} ${r.unassigned ? 'unassigned' : ''}`}
            onClick={() => openDistrict(r.g)}
            data-testid="district-row"
            data-district={r.name}
            tabIndex={0}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                openDistrict(r.g);
              }
            }}
          >
            <tr className="name-row">
              <th scope="rowgroup" colSpan={COLUMNS.length}>
                {/* a name from the data, not a UI label */}
                <span data-user-text="">{r.name}</span>{' '}
                <small>{t('districts.communitiesCount', { count: r.communities, n: formatPeople(r.communities, language) })}</small>
              </th>
            </tr>
            <tr>
              <td>{formatPeople(r.population, language)}</td>
              <td>
                <span className="share">{formatPercent(r.share, language)}</span>
                <small>
                  {t('districts.urbanShare')} {formatPercent(r.urban, language)}
                </small>
                <small>
                  {t('districts.ruralShare')} {formatPercent(r.rural, language)}
                </small>
              </td>
              <td>{Number.isFinite(r.median) ? formatNumber(r.median, language, 1) : '–'}</td>
              <td>{formatPeople(r.beyond, language)}</td>
              <td title={t('districts.giniHint')}>{Number.isFinite(r.gini) ? formatNumber(r.gini, language, 2) : '–'}</td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
