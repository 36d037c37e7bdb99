import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GB50180, NINGBO } from '../../src/engine/presets';
import { deepFreeze } from '../helpers/fixtures';
import { parseSettingsText, resolveSettings } from '../../src/io/settings';
import { northBayreuth } from '../helpers/fixtures';

const NB = northBayreuth('settings.json');
const EXAMPLE = path.resolve(__dirname, '../../data/settings.example.json');
const resolve = (raw: unknown) => resolveSettings(deepFreeze(raw), 's.json');
const reasons = (raw: unknown) => resolve(raw).errors.map((e) => e.reason);

describe('resolveSettings', () => {
  it('without a file gives a copy of the ningbo preset that does not share objects with it', () => {
    const r = resolveSettings(undefined, 's.json');
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual(NINGBO.settings);
    r.value!.categories[0]!.thresholdMinutes.urban = 99;
    expect(NINGBO.settings.categories[0]!.thresholdMinutes.urban).toBe(15);
    expect(resolve({ preset: 'gb50180' }).value).toEqual(GB50180.settings);
  });

  it('reads the north-bayreuth settings with zero errors, every number from the file', () => {
    const raw = JSON.parse(readFileSync(NB, 'utf8'));
    const r = resolve(raw);
    expect(r.errors).toEqual([]);
    const s = r.value!;
    for (const c of raw.categories) {
      expect(s.categories.find((x) => x.id === c.id)?.thresholdMinutes).toEqual(c.thresholdMinutes);
    }
    expect(s.walkSpeedKmh).toEqual(raw.walkSpeedKmh);
    expect(s.detourFactor).toBe(raw.detourFactor);
    expect(s.maxSnapMeters).toBe(raw.maxSnapMeters);
    expect(s.model).toBe(raw.model);
    expect(s.sampleSpacingMeters).toBe(NINGBO.settings.sampleSpacingMeters); // not in the file: preset default
    expect(s.categories.map((c) => c.label)).toEqual(NINGBO.settings.categories.map((c) => c.label)); // labels kept
  });

  it('reads the example settings file users copy', () => {
    const r = parseSettingsText(readFileSync(EXAMPLE, 'utf8'), 'settings.example.json');
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value!.categories.map((c) => c.id)).toEqual([...NINGBO.settings.categories.map((c) => c.id), 'eldercare']);
    expect(r.value!.categories.at(-1)).toMatchObject({ label: { zh: '居家养老服务站' }, thresholdMinutes: { urban: 15, rural: 20 } });
  });

  it('overrides only the fields given for a known category', () => {
    const s = resolve({ categories: [{ id: 'sports', thresholdMinutes: { rural: 30 }, label: { en: 'Fitness' } }] }).value!;
    const sports = s.categories.find((c) => c.id === 'sports')!;
    expect(sports.thresholdMinutes).toEqual({ urban: 10, rural: 30 });
    expect(sports.label).toEqual({ zh: '体育健身', en: 'Fitness' });
    expect(sports.osmTags).toEqual(NINGBO.settings.categories[3]!.osmTags);
  });

  it('adds a new category; without a label its id is shown, with a warning', () => {
    const r = resolve({ categories: [{ id: 'pharmacy', thresholdMinutes: { urban: 10, rural: 20 } }] });
    expect(r.errors).toEqual([]);
    expect(r.value!.categories.at(-1)).toMatchObject({ id: 'pharmacy', label: { zh: 'pharmacy', en: 'pharmacy' } });
    expect(r.warnings[0]?.reason).toContain('pharmacy');
    expect(reasons({ categories: [{ id: 'pharmacy' }] })[0]).toContain('categories[0].thresholdMinutes');
    expect(reasons({ categories: [{ id: 'pharmacy', thresholdMinutes: { urban: 10 } }] }).join()).toContain('rural');
  });

  it('rejects unknown fields anywhere, naming the field path', () => {
    const cases: [unknown, string][] = [
      [{ walkspeed: 5 }, 'walkspeed: unknown field'],
      [{ categories: [{ id: 'clinic' }, { id: 'sports', treshold: 5 }] }, 'categories[1].treshold: unknown field'],
      [{ categories: [{ id: 'clinic', label: { fr: 'x' } }] }, 'categories[0].label.fr: unknown field'],
      [{ walkSpeedKmh: { urban: 5, suburban: 4 } }, 'walkSpeedKmh.suburban: unknown field'],
      [{ categories: [{ id: 'clinic', thresholdMinutes: { urban: 5, Rural: 9 } }] }, 'categories[0].thresholdMinutes.Rural: unknown field'],
    ];
    for (const [raw, words] of cases) {
      const r = resolve(raw);
      expect(r.value, words).toBeNull();
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ file: 's.json', index: -1 });
      expect(r.errors[0]?.reason).toContain(words);
    }
  });

  it('rejects wrong types and values out of range, naming each', () => {
    const cases: [unknown, string][] = [
      ['ningbo', 'JSON object'],
      [[1], 'JSON object'],
      [{ preset: 'shanghai' }, 'preset: the string "shanghai" is not a preset; known: ningbo, gb50180'],
      [{ walkSpeedKmh: { urban: 0 } }, 'walkSpeedKmh.urban: 0 must be > 0'],
      [{ walkSpeedKmh: { rural: '5' } }, 'walkSpeedKmh.rural: the string "5" is not a number'],
      [{ walkSpeedKmh: 5 }, 'walkSpeedKmh: 5 is not an object'],
      [{ categories: [{ id: 'clinic', thresholdMinutes: { urban: 241 } }] }, 'categories[0].thresholdMinutes.urban: 241 must be ≤ 240'],
      [{ categories: [{ id: 'clinic', thresholdMinutes: { urban: -5 } }] }, 'must be > 0'],
      [{ categories: [{ id: 'clinic', thresholdMinutes: { urban: 0 } }] }, 'must be > 0'],
      [{ categories: [{ id: 'clinic', color: 'red' }] }, 'categories[0].color'],
      [{ categories: [{ id: 'clinic', osmTags: ['amenity'] }] }, 'key=value'],
      [{ categories: [{ id: 'clinic' }, { id: 'clinic' }] }, 'categories[1].id: "clinic" appears twice'],
      [{ categories: [{ id: 'a b', thresholdMinutes: { urban: 1, rural: 1 } }] }, 'categories[0].id'],
      [{ categories: [null] }, 'categories[0]: null is not an object'],
      [{ categories: {} }, 'categories: an object is not an array'],
      [{ detourFactor: 0.5 }, 'detourFactor: 0.5 must be ≥ 1'],
      [{ sampleSpacingMeters: 1 }, 'sampleSpacingMeters: 1 must be ≥ 5'],
      [{ maxSnapMeters: NaN }, 'maxSnapMeters: NaN is not a number'],
      [{ model: 'car' }, 'model: the string "car" must be "network" or "straight"'],
    ];
    for (const [raw, words] of cases) {
      const r = resolve(raw);
      expect(r.value, words).toBeNull();
      expect(r.errors.map((e) => e.reason).join(' | ')).toContain(words);
    }
  });

  it('accepts the limits themselves', () => {
    const r = resolve({
      categories: [{ id: 'clinic', thresholdMinutes: { urban: 240, rural: 0.5 } }],
      detourFactor: 1,
      sampleSpacingMeters: 5,
    });
    expect(r.errors).toEqual([]);
  });

  it('reports JSON syntax errors of a settings file with line and column', () => {
    const r = parseSettingsText('{\n  "preset": "ningbo",\n  "model": network\n}', 'bad.json');
    expect(r.value).toBeNull();
    // "network" read as the literal null: the first character that cannot be is the "e" (as V8 reports it)
    expect(r.errors[0]).toMatchObject({ file: 'bad.json', line: 3, column: 13 });
    expect(parseSettingsText('', 'empty.json').value).toEqual(NINGBO.settings);
  });
});
