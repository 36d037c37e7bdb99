/** The settings section of the side panel. */
import { useTranslation } from 'react-i18next';
import { Section } from './Section';

export function SettingsSection() {
  const { t } = useTranslation();
  return (
    <Section id="settings" title={t('panel.settings')}>
      <p className="coming">{t('panel.coming')}</p>
    </Section>
  );
}
