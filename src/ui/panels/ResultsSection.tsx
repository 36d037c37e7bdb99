/** The results section of the side panel. */
import { useTranslation } from 'react-i18next';
import { Section } from './Section';

export function ResultsSection() {
  const { t } = useTranslation();
  return (
    <Section id="results" title={t('panel.results')}>
      <p className="coming">{t('panel.coming')}</p>
    </Section>
  );
}
