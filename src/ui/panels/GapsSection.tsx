/** The gaps section of the side panel. */
import { useTranslation } from 'react-i18next';
import { Section } from './Section';

export function GapsSection() {
  const { t } = useTranslation();
  return (
    <Section id="gaps" title={t('panel.gaps')}>
      <p className="coming">{t('panel.coming')}</p>
    </Section>
  );
}
