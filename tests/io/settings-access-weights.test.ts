import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/io/settings';

describe('settings: accessWeights and capacityUnit per category', () => {
  it('reads a weight table and a unit', () => {
    const r = resolveSettings(
      {
        categories: [
          { id: 'childcare', accessWeights: { type: 'step', steps: { '3': 1, '6': 0.5, '10': 0.1 } } },
          { id: 'clinic', accessWeights: { type: 'gaussian', sigma: 0.5 }, capacityUnit: { zh: '床位', en: 'beds' } },
        ],
      },
      'settings.json',
    );
    expect(r.errors).toEqual([]);
    const childcare = r.value!.categories.find((c) => c.id === 'childcare')!;
    expect(childcare.accessWeights).toEqual({ type: 'step', steps: { '3': 1, '6': 0.5, '10': 0.1 } });
    expect(childcare.capacityUnit).toEqual({ zh: '托位', en: 'places' });
    expect(r.value!.categories.find((c) => c.id === 'clinic')!.capacityUnit).toEqual({ zh: '床位', en: 'beds' });
  });

  it('refuses a table that is not decreasing, with the path of the field', () => {
    const r = resolveSettings(
      { categories: [{ id: 'childcare', accessWeights: { type: 'step', steps: { '5': 0.6, '10': 0.68, '15': 0.22 } } }] },
      'settings.json',
    );
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => e.reason)).toEqual([
      'categories[0].accessWeights.steps.10: weight 0.68 at 10 min is above 0.6 at 5 min: the table must be decreasing',
    ]);
    const g = resolveSettings({ categories: [{ id: 'sports', accessWeights: { type: 'gravity', alpha: 2, min: 0.1 } }] }, 's.json');
    expect(g.errors[0]!.reason).toMatch(/^categories\[0\]\.accessWeights\.alpha: 2 > 0/);
  });
});
