/** The two languages carry the same keys, no empty strings and the same {{placeholders}}. */
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/en';
import zhCN from '../../src/i18n/zh-CN';
import { detectLanguage } from '../../src/i18n';

/** Every leaf as `dotted.key → value`. */
function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('i18n resources', () => {
  const zh = leaves(zhCN);
  const e = leaves(en);

  it('zh-CN and en have exactly the same keys', () => {
    expect([...zh.keys()].sort()).toEqual([...e.keys()].sort());
    expect(zh.size).toBeGreaterThan(20);
  });

  it('has no empty or non-string values', () => {
    for (const [key, value] of [...zh, ...e]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('uses the same {{placeholders}} in both languages', () => {
    for (const [key, value] of zh) expect(placeholders(value as string), key).toEqual(placeholders(e.get(key) as string));
  });

  it('Chinese strings contain Chinese, English strings none (except the switch to Chinese)', () => {
    const cjk = /[\u3400-\u9fff]/;
    expect([...zh.values()].filter((v) => cjk.test(v as string)).length).toBeGreaterThan(zh.size * 0.8);
    const englishWithCjk = [...e].filter(([, v]) => cjk.test(v as string)).map(([k]) => k);
    expect(englishWithCjk).toEqual(['lang.switchTo']);
  });
});

describe('detectLanguage', () => {
  it('picks Chinese for zh* browsers and English otherwise', () => {
    for (const lang of ['zh', 'zh-CN', 'zh-TW', 'ZH-hans', 'zh-Hant-HK']) expect(detectLanguage([lang]), lang).toBe('zh');
    for (const lang of ['en', 'en-US', 'de-DE', 'ja', 'fr', '']) expect(detectLanguage([lang]), lang).toBe('en');
    expect(detectLanguage([])).toBe('en');
    expect(detectLanguage(['en-US', 'zh-CN'])).toBe('en'); // the first preference decides
    expect(detectLanguage(['zh-CN', 'en-US'])).toBe('zh');
  });
});
