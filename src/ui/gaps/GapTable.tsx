/**
 * The gap table: communities not fully covered, filterable by missing category and kind, sortable by
 * uncovered residents (default, descending), name or population, paged. Each row shows the missing
 * categories as colour chips and the minutes to the nearest facility of a category it lacks (the
 * filtered one, else the farthest missing one); clicking a row flies the map to the community and selects it.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeatureCollection } from 'geojson';
import type { CategoryStyle } from '../../app/category-style';
import type { Language } from '../../i18n/language';
import type { CoverageView } from '../../engine/coverage/coverage-view';
import { flyTo, select } from '../../app/actions';
import { communityCentroids } from '../../app/results/community-centroids';
import { formatCount, formatMinutes } from '../../app/results/format';
import {
  DEFAULT_GAP_QUERY,
  filterGapRows,
  gapRows,
  missingTime,
  pageOf,
  sortGapRows,
  type GapQuery,
  type GapRow,
  type GapSortKey,
} from '../../app/results/gap-rows';

// labels and table headers never wrap mid-word (global rules, see the file)
import '../labels.css';

/** Rows per page. */
const GAP_PAGE_SIZE = 50;

export function GapTable({
  coverage,
  communities,
  styles,
  selectedCommunity,
  language,
}: {
  coverage: CoverageView;
  communities: FeatureCollection;
  styles: readonly CategoryStyle[];
  selectedCommunity: number | null;
  language: Language;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<GapQuery>(DEFAULT_GAP_QUERY);
  const [page, setPage] = useState(0);
  const locale = language === 'zh' ? 'zh-CN' : 'en';

  const all = useMemo(() => gapRows(coverage, communities), [coverage, communities]);
  const filtered = useMemo(() => filterGapRows(all, query, coverage.categoryIds), [all, query, coverage.categoryIds]);
  const sorted = useMemo(() => sortGapRows(filtered, query, locale), [filtered, query, locale]);
  const shown = pageOf(sorted, page, GAP_PAGE_SIZE);

  const K = coverage.categoryIds.length;
  const filterK = query.category !== 'all' ? coverage.categoryIds.indexOf(query.category) : -1;

  const change = (q: Partial<GapQuery>) => {
    setQuery((old) => ({ ...old, ...q }));
    setPage(0);
  };
  const sortBy = (key: GapSortKey) => change({ sort: key, descending: query.sort === key ? !query.descending : key !== 'name' });
  const ariaSort = (key: GapSortKey) => (query.sort === key ? (query.descending ? 'descending' : 'ascending') : 'none');
  const arrow = (key: GapSortKey) => (query.sort === key ? (query.descending ? ' ▼' : ' ▲') : '');

  const open = (row: GapRow) => {
    const c = communityCentroids(communities);
    const lon = c.lon[row.community]!;
    const lat = c.lat[row.community]!;
    if (Number.isFinite(lon) && Number.isFinite(lat)) flyTo(lon, lat);
    select({ type: 'community', index: row.community });
  };

  const header = (key: GapSortKey, label: string, className?: string) => (
    <th aria-sort={ariaSort(key)} className={className}>
      <button
        type="button"
        className="sort"
        onClick={() => sortBy(key)}
        title={t('gaps.sortBy', { column: label })}
        data-testid={`gap-sort-${key}`}
      >
        {label}
        {arrow(key)}
      </button>
    </th>
  );

  return (
    <div className="gap-table-wrap">
      <div className="gap-filters">
        <label>
          <span>{t('gaps.filterCategory')}</span>
          <select value={query.category} onChange={(e) => change({ category: e.target.value })} data-testid="gap-filter-category">
            <option value="all">{t('gaps.all')}</option>
            {coverage.categoryIds.map((id, k) => (
              <option key={id} value={id}>
                {styles[k]?.label[language] ?? id}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('gaps.filterKind')}</span>
          <select
            value={query.kind}
            onChange={(e) => change({ kind: e.target.value === 'urban' || e.target.value === 'rural' ? e.target.value : 'all' })}
            data-testid="gap-filter-kind"
          >
            <option value="all">{t('gaps.all')}</option>
            <option value="urban">{t('gaps.urban')}</option>
            <option value="rural">{t('gaps.rural')}</option>
          </select>
        </label>
      </div>
      <p className="gap-count" data-testid="gap-count" data-count={sorted.length} data-total={all.length}>
        {t('gaps.count', { shown: formatCount(sorted.length, language), total: formatCount(all.length, language) })}
      </p>
      {sorted.length === 0 ? (
        <p className="hint">{t('gaps.empty')}</p>
      ) : (
        <table className="gap-table" data-testid="gap-table">
          <thead>
            <tr>
              {header('name', t('gaps.name'))}
              {header('population', t('gaps.population'), 'num')}
              {header('uncovered', t('gaps.uncovered'), 'num')}
              <th>{t('gaps.missing')}</th>
              <th className="num" title={t('gaps.timeTitle')} data-testid="gap-time-header">
                {t('gaps.time')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row) => {
              const time = missingTime(row, coverage.repSeconds, K, filterK);
              const minutes = formatMinutes(time.seconds, language);
              const timeLabel = styles[time.category]?.label[language] ?? coverage.categoryIds[time.category] ?? '';
              return (
                <tr
                  key={row.community}
                  className={row.community === selectedCommunity ? 'selected' : undefined}
                  tabIndex={0}
                  title={t('gaps.rowTitle', { name: row.name })}
                  onClick={() => open(row)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      open(row);
                    }
                  }}
                  data-testid="gap-row"
                  data-community={row.community}
                >
                  <td className="gap-name">
                    <span className={`kind-badge ${row.kind}`}>{t(`gaps.${row.kind}`)}</span>
                    <span data-user-text="">{row.name}</span>
                  </td>
                  <td className="num">{formatCount(row.population, language)}</td>
                  <td className="num">{formatCount(row.uncoveredPopulation, language)}</td>
                  <td className="chips">
                    {row.missing.map((k) => (
                      <span
                        key={k}
                        className="chip"
                        style={{ background: styles[k]?.color }}
                        title={styles[k]?.label[language] ?? coverage.categoryIds[k]}
                        data-category={coverage.categoryIds[k]}
                      />
                    ))}
                  </td>
                  <td
                    className="num"
                    data-testid="gap-time"
                    data-category={coverage.categoryIds[time.category]}
                    title={t('gaps.timeCell', { category: timeLabel })}
                  >
                    {minutes ?? t('gaps.unreachable')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.pageCount > 1 && (
        <div className="pager" data-testid="gap-pager">
          <button type="button" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)} data-testid="gap-prev">
            {t('gaps.previous')}
          </button>
          <span>
            {t('gaps.page', {
              from: formatCount(shown.start + 1, language),
              to: formatCount(shown.end, language),
              shown: formatCount(sorted.length, language),
            })}
          </span>
          <button type="button" disabled={shown.page >= shown.pageCount - 1} onClick={() => setPage(shown.page + 1)} data-testid="gap-next">
            {t('gaps.next')}
          </button>
        </div>
      )}
    </div>
  );
}
