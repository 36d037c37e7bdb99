/** Legend and map colours follow the Ningbo preset. */
import { describe, expect, it } from 'vitest';
import { NINGBO } from '../../src/engine/presets';
import {
  CATEGORY_STYLES,
  categoryStyle,
  categoryStyles,
  FALLBACK_PALETTE,
  hexToRgb,
  rgbToHex,
  UNKNOWN_CATEGORY_COLOR,
} from '../../src/app/category-style';

describe('category styles', () => {
  it('take ids, order, labels and colours from the Ningbo preset', () => {
    const cats = NINGBO.settings.categories;
    expect(CATEGORY_STYLES.map((c) => c.id)).toEqual(cats.map((c) => c.id));
    for (const c of cats) {
      const s = categoryStyle(c.id);
      expect(s.label).toEqual(c.label);
      if (c.color) expect(s.color).toBe(c.color);
      expect(s.rgb).toEqual(hexToRgb(s.color));
    }
    expect(new Set(CATEGORY_STYLES.map((c) => c.color)).size).toBe(CATEGORY_STYLES.length); // distinguishable
  });

  it('fills missing colours from the palette and labels unknown ids with the id', () => {
    const styles = categoryStyles(
      Object.freeze([
        Object.freeze({ id: 'a', label: { zh: '甲', en: 'A' }, thresholdMinutes: { urban: 15, rural: 20 } }),
        Object.freeze({ id: 'b', label: { zh: '乙', en: 'B' }, thresholdMinutes: { urban: 15, rural: 20 }, color: 'red' }),
        Object.freeze({ id: 'c', label: { zh: '丙', en: 'C' }, thresholdMinutes: { urban: 15, rural: 20 }, color: '#123456' }),
      ]),
    );
    expect(styles.map((s) => s.color)).toEqual([FALLBACK_PALETTE[0], FALLBACK_PALETTE[1], '#123456']);
    expect(categoryStyle('no-such-id')).toMatchObject({ label: { zh: 'no-such-id', en: 'no-such-id' }, color: UNKNOWN_CATEGORY_COLOR });
    expect(() => hexToRgb('#12345')).toThrow(/#12345/);
    expect(hexToRgb('#ff8000')).toEqual([255, 128, 0]);
  });

  it('writes a colour back as #rrggbb, alpha dropped, for every channel value', () => {
    for (let v = 0; v < 256; v++) {
      const hex = rgbToHex([v, 255 - v, (v * 7) % 256, 128]);
      expect(hex).toMatch(/^#[0-9a-f]{6}$/);
      expect(hexToRgb(hex)).toEqual([v, 255 - v, (v * 7) % 256]);
    }
    expect(rgbToHex([16])).toBe('#100000');
  });
});
