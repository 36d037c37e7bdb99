/** The siting section of the side panel. */
import { useTranslation } from 'react-i18next';
import { Section } from './Section';

export function SitingSection() {
  const { t } = useTranslation();
  return (
    <Section id="siting" title={t('panel.siting')}>
      <p className="coming">{t('panel.coming')}</p>
    </Section>
  );
}
