/**
 * Lists joined by the UI's language: "a, b and c" in English, "甲、乙和丙" in Chinese. The
 * enumeration comma "、" belongs to Chinese text only; it must never appear in English.
 */
import type { Language } from './language';

/** Join items as a conjunction list in the given language (Intl.ListFormat where available). */
export function formatList(items: readonly string[], language: Language): string {
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  if (typeof Intl !== 'undefined' && typeof Intl.ListFormat === 'function') {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  }
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1);
  const last = items[items.length - 1]!;
  return language === 'zh' ? `${head.join('、')}和${last}` : `${head.join(', ')}${head.length > 1 ? ',' : ''} and ${last}`;
}
