import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/io/settings';

const reasons = (raw: unknown) => resolveSettings(raw, 'my-settings.json').errors.map((e) => `${e.file}: ${e.reason}`);

describe('settings: modes and paces per category', () => {
  it('reads a mode for both kinds or per kind, and a walking pace', () => {
    const res = resolveSettings(
      {
        categories: [
          { id: 'culture', mode: { rural: 'ebike' } },
          { id: 'sports', mode: 'bicycle' },
          { id: 'childcare', walkSpeedKmh: 4 },
        ],
      },
      's.json',
    );
    expect(res.errors).toEqual([]);
    const cat = (id: string) => res.value!.categories.find((c) => c.id === id)!;
    expect(cat('culture').mode).toEqual({ urban: 'walk', rural: 'ebike' });
    expect(cat('sports').mode).toEqual({ urban: 'bicycle', rural: 'bicycle' });
    expect(cat('childcare').walkSpeedKmh).toBe(4);
  });

  it('the Ningbo preset walks canteens and clinics at the elderly pace, editable and removable', () => {
    const base = resolveSettings(undefined, 's.json').value!;
    expect(base.categories.filter((c) => c.walkSpeedKmh === 3.6).map((c) => c.id)).toEqual(['clinic', 'canteen']);
    const edited = resolveSettings(
      {
        categories: [
          { id: 'canteen', walkSpeedKmh: 3 },
          { id: 'clinic', walkSpeedKmh: null },
        ],
      },
      's.json',
    ).value!;
    expect(edited.categories.find((c) => c.id === 'canteen')!.walkSpeedKmh).toBe(3);
    expect(edited.categories.find((c) => c.id === 'clinic')!.walkSpeedKmh).toBeNull();
  });

  it('refuses a mode that is not defined, naming the settings path', () => {
    expect(reasons({ categories: [{ id: 'culture', mode: { rural: 'scooter' } }] })).toEqual([
      'my-settings.json: categories[0].mode.rural: the string "scooter" is not a mode; defined: walk, bicycle, ebike',
    ]);
    expect(reasons({ categories: [{ id: 'culture', mode: 'car' }] })).toEqual([
      'my-settings.json: categories[0].mode: the string "car" is not a mode; defined: walk, bicycle, ebike',
    ]);
    expect(reasons({ categories: [{ id: 'culture', mode: { urban: 'walk', suburban: 'walk' } }] })[0]).toMatch(
      /categories\[0\]\.mode\.suburban: unknown field/,
    );
  });

  it('refuses a speed ≤ 0', () => {
    expect(reasons({ categories: [{ id: 'canteen', walkSpeedKmh: 0 }] })).toEqual([
      'my-settings.json: categories[0].walkSpeedKmh: 0 must be > 0',
    ]);
    expect(reasons({ categories: [{ id: 'canteen', walkSpeedKmh: -2 }] })).toEqual([
      'my-settings.json: categories[0].walkSpeedKmh: -2 must be > 0',
    ]);
    expect(reasons({ walkSpeedKmh: { urban: 0, rural: 5 } })).toEqual(['my-settings.json: walkSpeedKmh.urban: 0 must be > 0']);
  });

  it('a resolved settings object with modes reads back as a settings file (reports can be reproduced)', () => {
    const s = resolveSettings({ categories: [{ id: 'culture', mode: { rural: 'ebike' } }] }, 's.json').value!;
    const again = resolveSettings(JSON.parse(JSON.stringify(s)), 's.json');
    expect(again.errors).toEqual([]);
    expect(again.value).toEqual(s);
  });
});
