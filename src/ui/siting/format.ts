/** Number formatting for the siting and export panels, localised (zh-CN or en). */
import type { Language } from '../../i18n/language';

const locale = (language: Language) => (language === 'zh' ? 'zh-CN' : 'en');

/** A share 0–1 as a percentage with one decimal (`72.3%`); `–` when undefined. */
export function formatPercent(share: number | null | undefined, language: Language): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return new Intl.NumberFormat(locale(language), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** Residents as a whole number with grouping (`12,345`). */
export function formatPeople(n: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(Math.round(n));
}

/** A number with at most `digits` decimals. */
export function formatNumber(n: number, language: Language, digits = 2): string {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits }).format(n);
}
