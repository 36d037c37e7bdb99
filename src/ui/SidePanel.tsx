/**
 * The side panel: the answer first (figure cards, ./answer), a sticky section nav, then one section
 * per task, each in its own file under ./panels: results and gaps, siting, then data and settings.
 */
import { useTranslation } from 'react-i18next';
import { LangSwitch } from './LangSwitch';
import { DataSection } from './panels/DataSection';
import { SettingsSection } from './panels/SettingsSection';
import { ResultsSection } from './panels/ResultsSection';
import { GapsSection } from './panels/GapsSection';
import { SitingSection } from './panels/SitingSection';
import { ExportSection } from './panels/ExportSection';
import { AnswerCards } from './answer/AnswerCards';
import { SectionNav } from './answer/SectionNav';
import { IndicatorsSection } from './indicators/IndicatorsSection';

export function SidePanel() {
  const { t } = useTranslation();
  return (
    <aside className="side-panel" data-testid="side-panel" aria-label={t('panel.label')}>
      <header className="panel-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="subtitle">{t('app.subtitle')}</p>
        </div>
        <LangSwitch />
      </header>
      <SectionNav />
      <AnswerCards />
      <ResultsSection />
      <GapsSection />
      <IndicatorsSection />
      <SitingSection />
      <DataSection />
      <SettingsSection />
      <ExportSection />
    </aside>
  );
}
