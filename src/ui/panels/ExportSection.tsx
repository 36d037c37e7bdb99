/** The export section of the side panel. */
import { useTranslation } from 'react-i18next';
import { Section } from './Section';

export function ExportSection() {
  const { t } = useTranslation();
  return (
    <Section id="export" title={t('panel.export')}>
      <p className="coming">{t('panel.coming')}</p>
    </Section>
  );
}
