import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProp, hasDuplicateId, inspectFeature, makeIdGenerator, parseNumberLike } from '../../src/io/feature-helpers';

describe('feature helpers', () => {
  it('parseNumberLike accepts numbers and numeric text with thousands separators, nothing else', () => {
    expect(parseNumberLike(1234)).toBe(1234);
    expect(parseNumberLike('1234')).toBe(1234);
    expect(parseNumberLike(' 1,234 ')).toBe(1234);
    expect(parseNumberLike('1,234,567.5')).toBe(1234567.5);
    expect(parseNumberLike('-3')).toBe(-3);
    for (const bad of [NaN, Infinity, '', 'abc', '12a', '1,23', '1,2345', true, null, undefined, {}, [], '0x10', '1e3']) {
      expect(parseNumberLike(bad), String(bad)).toBeNull();
    }
  });

  it('getProp prefers exact names, then case-insensitive ones, skipping empty values', () => {
    expect(getProp({ Population: 5, pop: 7 }, ['population', 'pop'])).toBe(7);
    expect(getProp({ Population: 5 }, ['population', 'pop'])).toBe(5);
    expect(getProp({ population: '', POP: 3 }, ['population', 'pop'])).toBe(3);
    expect(getProp({}, ['x'])).toBeUndefined();
  });

  it('getProp gives what a plain scan of the keys gives (exact names, then each name case-insensitively)', () => {
    // the reference: the rule as the doc states it, with no shortcut
    const reference = (props: Record<string, unknown>, names: readonly string[]): unknown => {
      const usable = (v: unknown) => v !== undefined && v !== null && v !== '';
      for (const n of names) if (usable(props[n])) return props[n];
      for (const n of names) {
        const key = Object.keys(props).find((k) => k.toLowerCase() === n.toLowerCase());
        if (key !== undefined && usable(props[key])) return props[key];
      }
      return undefined;
    };
    const word = fc.constantFrom('pop', 'Pop', 'POP', 'population', 'Population', '人口', 'kind', 'KIND', 'District', 'name', 'x');
    const names = fc.uniqueArray(fc.constantFrom('pop', 'population', '人口', 'kind', 'district', 'name'), { minLength: 1, maxLength: 4 });
    const props = fc.dictionary(word, fc.constantFrom('', null, 0, 5, 'a', 'b'), { maxKeys: 6 });
    fc.assert(
      fc.property(props, names, (p, n) => {
        expect(getProp(p, n)).toBe(reference(p, n));
        // the same list again (its lower-case names are cached per list)
        expect(getProp(p, n)).toBe(reference(p, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('inspectFeature takes properties.id, then feature.id, and reports non-features', () => {
    expect(inspectFeature({ type: 'Feature', id: 7, properties: null, geometry: null })).toMatchObject({ id: '7', properties: {} });
    expect(inspectFeature({ type: 'Feature', id: 7, properties: { id: 'a' } })).toMatchObject({ id: 'a' });
    expect(inspectFeature(null)).toContain('not an object');
    expect(inspectFeature([1])).toContain('not an object');
    expect(inspectFeature({ type: 'Point' })).toContain('"Point"');
    expect(inspectFeature({ type: 'Feature', properties: 'x' })).toContain('properties');
  });

  it('generated ids never collide with explicit ones', () => {
    const gen = makeIdGenerator('F', new Set(['F1', 'F1-2']));
    expect(gen(0)).toBe('F0');
    expect(gen(1)).toBe('F1-3');
  });
});

describe('hasDuplicateId', () => {
  it('agrees with comparing every pair of ids (oracle), on ids made to collide', () => {
    // few distinct characters and short ids: many repeats; unicode ids exercise the character hash
    const id = fc.oneof(fc.stringMatching(/^[ab1]{0,3}$/), fc.string({ unit: 'binary', maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 60 }), (ids) => {
        const items = ids.map((x) => ({ id: x }));
        const brute = ids.some((x, i) => ids.indexOf(x) !== i);
        expect(hasDuplicateId(items)).toBe(brute);
      }),
      { numRuns: 400, seed: 12 },
    );
  });

  it('finds the one repeated id among 100,000 and none when all differ', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({ id: `c${i}` }));
    expect(hasDuplicateId(items)).toBe(false);
    items[77_777] = { id: 'c12' };
    expect(hasDuplicateId(items)).toBe(true);
  });
});

describe('getProp (case-insensitive fallback)', () => {
  it('finds a field whatever the case of its key, on feature after feature of the same file', () => {
    const names = ['district', '区县'];
    const rows = [{ id: 'a' }, { District: 'Haishu' }, { id: 'b', DISTRICT: 'Yinzhou' }, { 区县: '鄞州' }, { name: 'x' }];
    expect(rows.map((p) => getProp(p, names))).toEqual([undefined, 'Haishu', 'Yinzhou', '鄞州', undefined]);
  });
});
