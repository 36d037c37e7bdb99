/**
 * The gap table's rows: communities not fully covered (CoverageView.gaps) joined with their name,
 * kind and population (the drawn community features, by index), then filtered, sorted and paged.
 * Pure functions; the component memoises them on the store's objects.
 */
import type { FeatureCollection } from 'geojson';
import type { CoverageView } from '../../engine/coverage/coverage-view';

/** One row of the gap table. */
export interface GapRow {
  /** Index into the dataset's communities. */
  community: number;
  id: string;
  name: string;
  kind: 'urban' | 'rural';
  population: number;
  /** Residents outside the circle of at least one category. */
  uncoveredPopulation: number;
  /** Category indices (settings order) not fully covered. */
  missing: readonly number[];
}

/** Columns the table sorts by. */
export type GapSortKey = 'uncovered' | 'name' | 'population';

/** What the table shows: `category` and `kind` are `'all'` or a category id / kind. */
export interface GapQuery {
  category: string;
  kind: 'all' | 'urban' | 'rural';
  sort: GapSortKey;
  descending: boolean;
}

/** The table's first view: every gap, most uncovered residents first. */
export const DEFAULT_GAP_QUERY: GapQuery = Object.freeze({ category: 'all', kind: 'all', sort: 'uncovered', descending: true });

const text = (v: unknown, fallback: string): string =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : fallback;

/**
 * Rows of every gap, in the order of `coverage.gaps`. A community whose feature is missing keeps its
 * index as name (never dropped).
 *
 * @param coverage the coverage view (gaps)
 * @param communities the drawn communities (properties `id`, `name`, `kind`, `population`, by index)
 */
export function gapRows(coverage: Pick<CoverageView, 'gaps'>, communities: FeatureCollection): GapRow[] {
  return coverage.gaps.map((g) => {
    const p = communities.features[g.community]?.properties ?? {};
    const id = text(p.id, String(g.community));
    const population = typeof p.population === 'number' && Number.isFinite(p.population) ? p.population : 0;
    return {
      community: g.community,
      id,
      name: text(p.name, id),
      kind: p.kind === 'rural' ? 'rural' : 'urban',
      population,
      uncoveredPopulation: g.uncoveredPopulation,
      missing: g.missing,
    };
  });
}

/**
 * Rows that match the query's category (missing it) and kind.
 *
 * @param categoryIds category ids in settings order (the indices of `missing`)
 */
export function filterGapRows(
  rows: readonly GapRow[],
  query: Pick<GapQuery, 'category' | 'kind'>,
  categoryIds: readonly string[],
): GapRow[] {
  const k = query.category === 'all' ? -1 : categoryIds.indexOf(query.category);
  if (query.category !== 'all' && k < 0) return [];
  return rows.filter((r) => (query.kind === 'all' || r.kind === query.kind) && (k < 0 || r.missing.includes(k)));
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, c);
  }
  return c;
}

/**
 * Rows sorted by the query's key (a new array; the input is not changed). Ties keep community index
 * order, so the order is stable across re-thresholds. Names compare with the locale's collation
 * (`zh-CN`: pinyin order).
 */
export function sortGapRows(rows: readonly GapRow[], query: Pick<GapQuery, 'sort' | 'descending'>, locale = 'en'): GapRow[] {
  const sign = query.descending ? -1 : 1;
  const coll = collator(locale);
  const key = query.sort;
  const cmp = (a: GapRow, b: GapRow): number => {
    const d =
      key === 'name'
        ? coll.compare(a.name, b.name)
        : key === 'population'
          ? a.population - b.population
          : a.uncoveredPopulation - b.uncoveredPopulation;
    return d !== 0 ? sign * d : a.community - b.community;
  };
  return [...rows].sort(cmp);
}

/** One page of rows. */
export interface GapPage {
  rows: GapRow[];
  /** The page shown (clamped into range), 0-based. */
  page: number;
  pageCount: number;
  /** 0-based index of the first row shown and one past the last. */
  start: number;
  end: number;
}

/**
 * Page `page` (0-based, clamped) of `pageSize` rows.
 * @throws when `pageSize` is not a positive integer
 */
export function pageOf(rows: readonly GapRow[], page: number, pageSize: number): GapPage {
  if (!Number.isInteger(pageSize) || pageSize <= 0) throw new Error(`pageOf: pageSize must be a positive integer, got ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pageCount - 1);
  const start = p * pageSize;
  const end = Math.min(rows.length, start + pageSize);
  return { rows: rows.slice(start, end), page: p, pageCount, start, end };
}

/** The time shown in a gap row: to the nearest facility of a category the community lacks. */
export interface MissingTime {
  /** Category index (settings order), or -1 when the row misses nothing. */
  category: number;
  /** Seconds to the nearest facility of that category (Infinity when unreachable). */
  seconds: number;
}

/**
 * The time column of a gap row: minutes to the MISSING category, not to the map's category. With a
 * category filter that the row misses, that category; otherwise the missing category farthest away
 * (the one that keeps the community out of a complete circle longest).
 *
 * @param row the gap row (its `missing` indices)
 * @param repSeconds community × category seconds (CoverageView.repSeconds)
 * @param K number of categories
 * @param filterCategory index of the filtered category, or -1
 */
export function missingTime(
  row: Pick<GapRow, 'community' | 'missing'>,
  repSeconds: ArrayLike<number>,
  K: number,
  filterCategory = -1,
): MissingTime {
  const at = (k: number) => {
    const s = repSeconds[row.community * K + k];
    return typeof s === 'number' && !Number.isNaN(s) ? s : Infinity;
  };
  if (filterCategory >= 0 && row.missing.includes(filterCategory)) return { category: filterCategory, seconds: at(filterCategory) };
  let best: MissingTime = { category: -1, seconds: Infinity };
  for (const k of row.missing) {
    const s = at(k);
    if (best.category < 0 || s > best.seconds) best = { category: k, seconds: s };
  }
  return best;
}
