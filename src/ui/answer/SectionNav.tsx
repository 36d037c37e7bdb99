/** The sticky section nav at the top of the side panel: jump to Results, Gaps, Siting, Data, Settings. */
import { useTranslation } from 'react-i18next';

const SECTIONS = [
  { id: 'answer', label: 'panel.results' },
  { id: 'gaps', label: 'panel.gaps' },
  { id: 'districts', label: 'districts.nav' },
  { id: 'siting', label: 'panel.siting' },
  { id: 'data', label: 'panel.data' },
  { id: 'settings', label: 'panel.settings' },
] as const;

export function SectionNav() {
  const { t } = useTranslation();
  return (
    <nav className="section-nav" aria-label={t('answer.nav')} data-testid="section-nav">
      {SECTIONS.map((s) => (
        <a
          key={s.id}
          href={`#section-${s.id}-title`}
          data-testid={`nav-${s.id}`}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById(`section-${s.id}-title`)?.scrollIntoView({ block: 'start' });
          }}
        >
          {t(s.label)}
        </a>
      ))}
    </nav>
  );
}
