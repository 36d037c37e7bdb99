/**
 * The gap table's rows on seeded random coverage: joined with the right community, filtered by the
 * missing category and kind as a brute-force scan of the share array says, sorted, and paged without
 * losing or repeating a row.
 */
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import { mulberry32 } from '../../src/engine/prng';
import { findGaps } from '../../src/engine/coverage/gaps';
import type { Community } from '../../src/engine/model';
import type { Coverage } from '../../src/engine/coverage/coverage';
import { DEFAULT_GAP_QUERY, filterGapRows, gapRows, pageOf, sortGapRows, type GapQuery, type GapRow } from '../../src/app/results/gap-rows';

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object' && !ArrayBuffer.isView(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

const CATEGORY_IDS = ['clinic', 'canteen', 'childcare', 'sports'];
const NAMES = ['翠景社区', '白鹤村', '东湖社区', 'Alpha', 'alpha', 'Beta 2', 'Beta 10', '青林村', '江北社区', 'Zeta'];

/** Random communities (features and engine records) and a coverage whose shares are often 1. */
function randomCase(seed: number, n: number) {
  const r = mulberry32(seed);
  const K = CATEGORY_IDS.length;
  const communities: Community[] = [];
  const features: Feature[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r() < 0.4 ? 'rural' : 'urban';
    const population = r() < 0.05 ? 0 : Math.round(r() * 5000);
    const name = `${NAMES[Math.floor(r() * NAMES.length)]}`;
    const x = 121.5 + r() * 0.1,
      y = 29.8 + r() * 0.1;
    communities.push({ index: i, id: `C${i}`, name, kind, population, geometry: { type: 'Point', coordinates: [x, y] } });
    features.push({
      type: 'Feature',
      properties: { index: i, id: `C${i}`, name, kind, population },
      geometry: { type: 'Point', coordinates: [x, y] },
    });
  }
  const share = new Float64Array(n * K);
  const completePopulation = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    let minShare = 1;
    for (let k = 0; k < K; k++) {
      const s = r() < 0.7 ? 1 : Math.round(r() * 100) / 100;
      share[c * K + k] = s;
      minShare = Math.min(minShare, s);
    }
    completePopulation[c] = communities[c]!.population * minShare * r();
  }
  const coverage = { categoryIds: CATEGORY_IDS, communityCount: n, share, completePopulation } as unknown as Coverage;
  const gaps = findGaps(communities, coverage);
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  return deepFreeze({ share, gaps, fc, communities, K });
}

describe('gap table rows', () => {
  it('joins each gap with its community by index (name, kind, population), in gap order', () => {
    const { gaps, fc, communities } = randomCase(1, 400);
    const rows = gapRows({ gaps }, fc);
    expect(rows.length).toBe(gaps.length);
    rows.forEach((row, i) => {
      const g = gaps[i]!;
      const c = communities[g.community]!;
      expect(row).toEqual({
        community: g.community,
        id: c.id,
        name: c.name,
        kind: c.kind,
        population: c.population,
        uncoveredPopulation: g.uncoveredPopulation,
        missing: g.missing,
      });
    });
  });

  it('never drops a gap whose feature is missing or unnamed: the id or index stands in', () => {
    const fc = deepFreeze({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { id: 'X1' }, geometry: null }],
    } as unknown as FeatureCollection);
    const rows = gapRows(
      {
        gaps: [
          { community: 0, missing: [0], uncoveredPopulation: 5 },
          { community: 7, missing: [1], uncoveredPopulation: 1 },
        ],
      },
      fc,
    );
    expect(rows.map((r) => [r.name, r.id, r.kind, r.population])).toEqual([
      ['X1', 'X1', 'urban', 0],
      ['7', '7', 'urban', 0],
    ]);
  });

  it('filters by missing category and kind exactly as a scan of the share array', () => {
    const { share, gaps, fc, communities, K } = randomCase(2, 600);
    const rows = gapRows({ gaps }, fc);
    for (const category of ['all', ...CATEGORY_IDS]) {
      for (const kind of ['all', 'urban', 'rural'] as const) {
        const got = filterGapRows(rows, { category, kind }, CATEGORY_IDS).map((r) => r.community);
        const expected: number[] = [];
        for (let c = 0; c < communities.length; c++) {
          if (kind !== 'all' && communities[c]!.kind !== kind) continue;
          const ks = category === 'all' ? CATEGORY_IDS.map((_, k) => k) : [CATEGORY_IDS.indexOf(category)];
          if (ks.some((k) => share[c * K + k]! < 1)) expected.push(c);
        }
        expect(got, `${category}/${kind}`).toEqual(expected);
      }
    }
    expect(filterGapRows(rows, { category: 'nope', kind: 'all' }, CATEGORY_IDS)).toEqual([]);
  });

  it('sorts by uncovered residents (default: most first), population or name; ties by index; input untouched', () => {
    const { gaps, fc } = randomCase(3, 800);
    const rows = deepFreeze(gapRows({ gaps }, fc));
    const queries: [GapQuery['sort'], boolean, string][] = [
      ['uncovered', true, 'en'],
      ['uncovered', false, 'en'],
      ['population', true, 'en'],
      ['population', false, 'zh-CN'],
      ['name', false, 'zh-CN'],
      ['name', true, 'en'],
    ];
    for (const [sort, descending, locale] of queries) {
      const sorted = sortGapRows(rows, { sort, descending }, locale);
      expect(sorted.map((r) => r.community).sort((a, b) => a - b)).toEqual(rows.map((r) => r.community).sort((a, b) => a - b));
      const value = (r: GapRow) => (sort === 'uncovered' ? r.uncoveredPopulation : r.population);
      for (let i = 1; i < sorted.length; i++) {
        const a = sorted[i - 1]!,
          b = sorted[i]!;
        const d = sort === 'name' ? a.name.localeCompare(b.name, locale, { numeric: true, sensitivity: 'base' }) : value(a) - value(b);
        const signed = descending ? -d : d;
        expect(signed, `${sort} ${descending} at ${i}`).toBeLessThanOrEqual(0);
        if (d === 0) expect(a.community).toBeLessThan(b.community);
      }
    }
    const byDefault = sortGapRows(rows, DEFAULT_GAP_QUERY);
    expect(byDefault[0]!.uncoveredPopulation).toBe(Math.max(...rows.map((r) => r.uncoveredPopulation)));
    // numeric collation: "Beta 2" before "Beta 10"
    const beta = rows.filter((r) => r.name === 'Beta 2' || r.name === 'Beta 10');
    expect(new Set(beta.map((r) => r.name)).size).toBe(2);
    const names = sortGapRows(beta, { sort: 'name', descending: false }).map((r) => r.name);
    expect(names.lastIndexOf('Beta 2')).toBeLessThan(names.indexOf('Beta 10'));
  });

  it('pages: every row exactly once across pages, pages clamped, bad page size refused', () => {
    const { gaps, fc } = randomCase(4, 1000);
    const rows = sortGapRows(gapRows({ gaps }, fc), DEFAULT_GAP_QUERY);
    for (const size of [1, 7, 50, rows.length, rows.length + 5]) {
      const first = pageOf(rows, 0, size);
      expect(first.pageCount).toBe(Math.max(1, Math.ceil(rows.length / size)));
      const all: GapRow[] = [];
      for (let p = 0; p < first.pageCount; p++) {
        const page = pageOf(rows, p, size);
        expect(page.rows.length).toBe(page.end - page.start);
        expect(page.rows.length).toBeLessThanOrEqual(size);
        all.push(...page.rows);
      }
      expect(all).toEqual(rows);
      expect(pageOf(rows, 1e9, size).page).toBe(first.pageCount - 1);
      expect(pageOf(rows, -3, size).page).toBe(0);
    }
    expect(pageOf([], 0, 50)).toEqual({ rows: [], page: 0, pageCount: 1, start: 0, end: 0 });
    expect(() => pageOf(rows, 0, 0)).toThrow(/pageSize/);
    expect(() => pageOf(rows, 0, 2.5)).toThrow(/2\.5/);
  });
});
