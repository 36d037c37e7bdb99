/**
 * Number formats of the results and gap table: shares in percent with one decimal, travel times in
 * minutes, head counts. Localised by the UI language (`zh` → zh-CN, `en` → en).
 */
import type { Language } from '../../i18n/language';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, digits: number): Intl.NumberFormat {
  const key = `${language}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
}

/** Text shown for a value that does not exist (a share of nobody). */
export const NO_VALUE = '—';

/**
 * A share 0–1 as percent with one decimal and a spaced sign, e.g. `0.8584` → `"85.8 %"`.
 * NaN (a share of nobody) → `"—"`.
 */
export function formatPercent(share: number, language: Language): string {
  if (!Number.isFinite(share)) return NO_VALUE;
  return `${numberFormat(language, 1).format(share * 100)} %`;
}

/**
 * Travel time in seconds as minutes with one decimal, without unit (`754` → `"12.6"`); `null` when
 * the time is not finite (no facility reachable): the caller shows its "unreachable" text.
 */
export function formatMinutes(seconds: number, language: Language): string | null {
  if (!Number.isFinite(seconds)) return null;
  return numberFormat(language, 1).format(seconds / 60);
}

/** A head count rounded to a whole person, with grouping (`12345.6` → `"12,346"`). */
export function formatCount(people: number, language: Language): string {
  if (!Number.isFinite(people)) return NO_VALUE;
  return numberFormat(language, 0).format(Math.round(people));
}
