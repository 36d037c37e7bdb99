/** The language switch: one button that flips between Chinese and English. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../app/store';
import { setLanguage } from '../app/actions';

export function LangSwitch() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <button
      type="button"
      className="lang-switch"
      data-testid="lang-switch"
      title={t('lang.switchTitle')}
      lang={language === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
    >
      {t('lang.switchTo')}
    </button>
  );
}
