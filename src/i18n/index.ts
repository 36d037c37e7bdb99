/**
 * i18next set up with the two languages. Chinese for browsers whose language starts with `zh`,
 * English otherwise.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN';
import en from './en';
import type { Language } from './language';

/**
 * The UI language for a list of browser languages (`navigator.languages`): the first entry decides,
 * `zh*` → Chinese, anything else (or none) → English.
 */
export function detectLanguage(browserLanguages: readonly string[]): Language {
  const first = browserLanguages[0];
  return first !== undefined && first.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Language of the running browser, English outside one. */
export function browserLanguage(): Language {
  if (typeof navigator === 'undefined') return 'en';
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language ?? ''];
  return detectLanguage(langs);
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zhCN }, en: { translation: en } },
  lng: browserLanguage(),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes every string it renders
  returnNull: false,
});

export default i18n;
