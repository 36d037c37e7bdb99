/** Lists are joined by the UI's language: never "、" in English, never ", " in Chinese. */
import { describe, expect, it } from 'vitest';
import { formatList } from '../../src/i18n/format-list';

describe('formatList', () => {
  it('joins English with commas and "and"', () => {
    expect(formatList(['Clinics', 'Canteens', 'Sports'], 'en')).toBe('Clinics, Canteens, and Sports');
    expect(formatList(['Clinics', 'Canteens'], 'en')).toBe('Clinics and Canteens');
    expect(formatList(['Clinics'], 'en')).toBe('Clinics');
    expect(formatList([], 'en')).toBe('');
    expect(formatList(['a', 'b', 'c'], 'en')).not.toContain('、');
  });
  it('joins Chinese with the enumeration comma and 和', () => {
    expect(formatList(['医疗卫生', '食堂', '体育'], 'zh')).toBe('医疗卫生、食堂和体育');
    expect(formatList(['医疗卫生', '食堂'], 'zh')).toBe('医疗卫生和食堂');
  });
});
