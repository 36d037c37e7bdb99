import { describe, expect, it } from 'vitest';
import { GB50180, NINGBO, PRESETS, getPreset } from '../../../src/engine/presets';
import { mapCategory } from '../../../src/io/category-mapping';

const IDS = ['clinic', 'canteen', 'childcare', 'sports', 'culture', 'convenience'];

describe('presets', () => {
  it('are found by id, and unknown ids give undefined', () => {
    expect(getPreset('ningbo')).toBe(NINGBO);
    expect(getPreset('gb50180')).toBe(GB50180);
    expect(getPreset('nope')).toBeUndefined();
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  for (const preset of PRESETS) {
    describe(preset.id, () => {
      it('has the six category ids, each with labels, thresholds in (0, 240], a colour, keywords and OSM tags', () => {
        expect(preset.settings.categories.map((c) => c.id)).toEqual(IDS);
        expect(preset.settings.preset).toBe(preset.id);
        const colours = new Set<string>();
        for (const c of preset.settings.categories) {
          expect(c.label.zh.length, c.id).toBeGreaterThan(0);
          expect(c.label.en.length, c.id).toBeGreaterThan(0);
          expect(/[\u4e00-\u9fff]/.test(c.label.zh), c.id).toBe(true);
          for (const k of ['urban', 'rural'] as const) {
            expect(c.thresholdMinutes[k]).toBeGreaterThan(0);
            expect(c.thresholdMinutes[k]).toBeLessThanOrEqual(240);
          }
          expect(c.thresholdMinutes.rural).toBeGreaterThanOrEqual(c.thresholdMinutes.urban);
          expect(c.color).toMatch(/^#[0-9a-f]{6}$/);
          colours.add(c.color as string);
          expect(c.keywords?.length).toBeGreaterThan(0);
          for (const k of c.keywords ?? []) expect(k).toBe(k.toLowerCase());
          for (const t of c.osmTags ?? []) expect(t).toMatch(/^[^=\s]+=[^=\s]+$/);
        }
        expect(colours.size).toBe(IDS.length);
      });

      it('names its sources, one per category at least, and a source for each category id', () => {
        expect(preset.sources.length).toBeGreaterThanOrEqual(IDS.length);
        for (const id of IDS)
          expect(
            preset.sources.some((s) => s.startsWith(`${id} `)),
            id,
          ).toBe(true);
      });

      it('has the default travel settings', () => {
        const s = preset.settings;
        expect(s.walkSpeedKmh).toEqual({ urban: 5, rural: 5 });
        expect(s.detourFactor).toBe(1.3);
        expect(s.sampleSpacingMeters).toBe(100);
        expect(s.maxSnapMeters).toBe(500);
        expect(s.model).toBe('network');
      });

      it('is frozen: changing it throws', () => {
        const c = preset.settings.categories[0] as { thresholdMinutes: { urban: number } };
        expect(() => {
          c.thresholdMinutes.urban = 1;
        }).toThrow(TypeError);
        expect(() => {
          (preset.settings.categories as unknown[]).push({});
        }).toThrow(TypeError);
      });

      it('maps each category’s own OSM tags and keywords back to it', () => {
        const cats = preset.settings.categories;
        for (const c of cats) {
          for (const t of c.osmTags ?? []) {
            const [k, v] = t.split('=') as [string, string];
            // a wildcard tag with a value nobody else claims
            expect(mapCategory({ [k]: v === '*' ? 'something_else' : v }, cats), t).toBe(c.id);
          }
          for (const kw of c.keywords ?? []) expect(mapCategory({ name: kw }, cats), kw).toBe(c.id);
        }
      });
    });
  }

  it('ningbo carries the plan’s circles: 15/20 daily services, 15 medical, 10/15 fitness, 15 culture, 4.55 childcare places', () => {
    const t = Object.fromEntries(NINGBO.settings.categories.map((c) => [c.id, c.thresholdMinutes]));
    expect(t.convenience).toEqual({ urban: 15, rural: 20 });
    expect(t.clinic).toEqual({ urban: 15, rural: 15 });
    expect(t.sports).toEqual({ urban: 10, rural: 15 });
    expect(t.culture).toEqual({ urban: 15, rural: 15 });
    expect(NINGBO.settings.categories.find((c) => c.id === 'childcare')?.capacityPerThousand).toBe(4.55);
    // every number is quoted from the plan text in the sources
    const text = NINGBO.sources.join('\n');
    for (const phrase of [
      '15分钟生活服务圈',
      '20分钟生活服务圈',
      '15分钟医疗服务圈',
      '10分钟健身圈',
      '15分钟健身圈',
      '15分钟品质文化生活圈',
      '4.55',
    ]) {
      expect(text).toContain(phrase);
    }
  });

  it('gb50180 uses the standard’s life-circle levels (5, 10, 15 minutes) and states each', () => {
    for (const c of GB50180.settings.categories) {
      expect([5, 10, 15]).toContain(c.thresholdMinutes.urban);
      const src = GB50180.sources.find((s) => s.startsWith(`${c.id} `)) as string;
      expect(src).toContain(`${c.thresholdMinutes.urban}-minute level`);
    }
  });
});
