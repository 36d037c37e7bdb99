/**
 * Switching preset never drops the user's thresholds silently: the ones set by hand are found, the
 * switch says which it replaced, and "keep my thresholds" puts them back.
 */
import { describe, expect, it } from 'vitest';
import { GB50180, NINGBO } from '../../src/engine/presets';
import { customThresholds, replacedThresholds, withThresholds } from '../../src/app/preset-thresholds';
import { withThreshold } from '../../src/app/settings-actions';

describe('custom thresholds across a preset switch', () => {
  it('finds nothing custom in an untouched preset', () => {
    expect(customThresholds(NINGBO.settings)).toEqual([]);
    expect(customThresholds(GB50180.settings)).toEqual([]);
  });

  it('finds a threshold the user moved, names what the switch replaced, and puts it back', () => {
    const mine = withThreshold(withThreshold(NINGBO.settings, 'clinic', 'urban', 12), 'canteen', 'rural', 7);
    const custom = customThresholds(mine);
    expect(custom).toEqual([
      { categoryId: 'clinic', kind: 'urban', minutes: 12, presetMinutes: 15 },
      { categoryId: 'canteen', kind: 'rural', minutes: 7, presetMinutes: 15 },
    ]);
    const next = GB50180.settings;
    const { replaced, dropped } = replacedThresholds(custom, next);
    expect(replaced.map((t) => `${t.categoryId}/${t.kind}`)).toEqual(['clinic/urban', 'canteen/rural']);
    expect(dropped).toEqual([]);
    const back = withThresholds(next, replaced);
    expect(back.categories.find((c) => c.id === 'clinic')!.thresholdMinutes).toEqual({ urban: 12, rural: 15 });
    expect(back.categories.find((c) => c.id === 'canteen')!.thresholdMinutes).toEqual({ urban: 5, rural: 7 });
    expect(back.preset).toBe('gb50180');
    // the preset itself is untouched
    expect(GB50180.settings.categories.find((c) => c.id === 'clinic')!.thresholdMinutes.urban).toBe(15);
  });

  it('a custom value equal to the new preset is not reported as replaced; a missing category is dropped', () => {
    const mine = withThreshold(NINGBO.settings, 'canteen', 'urban', 5); // gb50180 canteen urban is 5
    const custom = [...customThresholds(mine), { categoryId: 'nosuch', kind: 'urban' as const, minutes: 9, presetMinutes: 10 }];
    const { replaced, dropped } = replacedThresholds(custom, GB50180.settings);
    expect(replaced).toEqual([]);
    expect(dropped.map((t) => t.categoryId)).toEqual(['nosuch']);
  });
});
