/** The load report lists: skipped features, CRS suggestions, unmapped values, the skipped-feature CSV. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/engine/model';
import { mulberry32 } from '../../src/engine/prng';
import { resolveSettings } from '../../src/io/settings';
import { detectCrsIssues } from '../../src/io/crs-detect';
import { fromWgs84 } from '../../src/io/crs';
import { readFacilities } from '../../src/io/read-facilities';
import {
  fileErrors,
  problemsCsv,
  problemsByFile,
  problemsCsvName,
  skippedFeatures,
  splitCrsWarnings,
  unmappedValues,
} from '../../src/ui/data/problem-lists';

const deepFreeze = <T>(x: T): T => {
  if (x && typeof x === 'object') {
    Object.values(x).forEach(deepFreeze);
    Object.freeze(x);
  }
  return x;
};

const PIECES = ['诊所', 'bank', '=SUM(A1)', '+1', '-2', '@x', 'a,b', 'say "hi"', 'line\nbreak', ' space ', '菜场', '\tTab', ''];

function randomProblems(seed: number, n: number): Problem[] {
  const rand = mulberry32(seed);
  const pick = () => PIECES[Math.floor(rand() * PIECES.length)] as string;
  return deepFreeze(
    Array.from({ length: n }, () => {
      const p: Problem = { file: `设施${pick()}.csv`, index: Math.floor(rand() * 200) - 1, reason: `${pick()}${pick()}` || 'r' };
      if (rand() < 0.7) p.id = pick() || 'F1';
      return p;
    }),
  );
}

describe('skipped-feature CSV', () => {
  it('parses back (papaparse) to exactly file, index, id, reason, with formula cells quoted by an apostrophe', () => {
    for (const seed of [1, 2, 3]) {
      const problems = randomProblems(seed, 300);
      const text = problemsCsv(problems);
      expect(text.startsWith('\uFEFF')).toBe(true);
      const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...rows] = parsed.data;
      expect(header).toEqual(['file', 'index', 'id', 'reason']);
      expect(rows.length).toBe(problems.length);
      const unformula = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
      rows.forEach((row, i) => {
        const p = problems[i] as Problem;
        expect(row).toEqual([
          unformula(p.file),
          String(p.index),
          p.id === undefined ? '' : unformula(p.id),
          unformula(p.reason).replace(/\r\n/g, '\n'),
        ]);
      });
    }
  });

  it('is named after the file', () => {
    expect(problemsCsvName('设施.csv')).toBe('设施-skipped.csv');
    expect(problemsCsvName('communities.shp.zip')).toBe('communities.shp-skipped.csv');
    expect(problemsCsvName('noext')).toBe('noext-skipped.csv');
  });
});

describe('problem lists', () => {
  it('split errors into skipped features (sorted by index) and whole-file errors, losing none', () => {
    const problems = randomProblems(7, 500);
    const skipped = skippedFeatures(problems);
    const whole = fileErrors(problems);
    expect(skipped.length + whole.length).toBe(problems.length);
    expect(skipped.every((p) => p.index >= 0)).toBe(true);
    expect(whole.every((p) => p.index === -1)).toBe(true);
    for (let i = 1; i < skipped.length; i++)
      expect((skipped[i] as Problem).index).toBeGreaterThanOrEqual((skipped[i - 1] as Problem).index);
  });

  it('pick out the CRS warnings of io/crs-detect with their suggestion (projected metres → the GK zone)', () => {
    const rand = mulberry32(99);
    const lon: number[] = [];
    const lat: number[] = [];
    for (let i = 0; i < 50; i++) {
      const [x, y] = fromWgs84(121.4 + rand() * 0.3, 29.7 + rand() * 0.3, 'EPSG:4528');
      lon.push(x);
      lat.push(y);
    }
    const issues = detectCrsIssues({ lon, lat }, { file: 'p.csv', chosen: 'WGS84' });
    const other: Problem = { file: 'p.csv', index: 3, reason: 'capacity is odd' };
    const plain = deepFreeze(structuredClone([...issues, other])); // as after the worker boundary
    const { crs, other: rest } = splitCrsWarnings(plain);
    expect(crs).toEqual([{ reason: issues[0]!.reason, kind: 'projected', suggestedCrs: 'EPSG:4528' }]);
    expect(rest).toEqual([other]);

    const swapped = detectCrsIssues({ lon: lat.map(() => 29.8), lat: lat.map(() => 121.5) }, { file: 's.csv', chosen: 'WGS84' });
    expect(splitCrsWarnings(swapped).crs.map((c) => [c.kind, c.suggestedCrs])).toEqual([['swapped', null]]);
  });

  it('count the unmapped category values of the real facility reader (brute-force oracle)', () => {
    const settings = resolveSettings(undefined, 'settings').value!;
    const rand = mulberry32(5);
    const values = ['clinic', '社区卫生服务站', 'bank', '银行', '理发店', '', 'bank', 'sports', 'unknown thing'];
    const features = deepFreeze(
      Array.from({ length: 400 }, (_, i) => {
        const v = values[Math.floor(rand() * values.length)] as string;
        return {
          type: 'Feature',
          properties: v === '' ? { id: `F${i}` } : { id: `F${i}`, type: v },
          geometry: { type: 'Point', coordinates: [121.5, 29.8] },
        };
      }),
    );
    const r = readFacilities(features, 'f.geojson', settings, {});
    const got = unmappedValues(r.errors);
    // oracle: every feature the reader skipped for its category, by the value of `type`
    const kept = new Set(r.value.map((f) => f.id));
    const expected = new Map<string, number>();
    for (const f of features) {
      if (kept.has(f.properties.id)) continue;
      const v = (f.properties as { type?: string }).type ?? '';
      expected.set(v, (expected.get(v) ?? 0) + 1);
    }
    expect(new Map(got.map((u) => [u.value, u.count]))).toEqual(expected);
    expect(got.some((u) => u.value === 'bank')).toBe(true);
    expect(got.some((u) => u.value === 'clinic' || u.value === '社区卫生服务站' || u.value === 'sports')).toBe(false);
    for (let i = 1; i < got.length; i++) expect(got[i]!.count).toBeLessThanOrEqual(got[i - 1]!.count);
  });
});

describe('problemsByFile', () => {
  it('groups problems by file in the order the files first appear, each group in the given order', () => {
    const problems = randomProblems(7, 200);
    const groups = problemsByFile(problems);
    expect(groups.map(([f]) => f)).toEqual([...new Set(problems.map((p) => p.file))]);
    for (const [file, list] of groups) expect(list).toEqual(problems.filter((p) => p.file === file));
  });
});
