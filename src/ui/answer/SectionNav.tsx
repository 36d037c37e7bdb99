/** The sticky section nav at the top of the side panel: jump to Results, Gaps, Siting, Data, Settings. */
import { useTranslation } from 'react-i18next';

const SECTIONS = ['answer', 'gaps', 'districts', 'siting', 'data', 'settings'] as const;

/**
 * Scrolls the side panel so that `title` sits just below the sticky `nav`, however many lines the
 * nav takes (a fixed scroll margin hid titles under a nav that wrapped).
 */
function scrollBelow(nav: HTMLElement, title: HTMLElement): void {
  title.scrollIntoView({ block: 'start' });
  const covered = nav.getBoundingClientRect().bottom + 6 - title.getBoundingClientRect().top;
  const scroller = nav.closest<HTMLElement>('.side-panel') ?? nav.parentElement;
  if (covered > 0 && scroller) scroller.scrollTop -= covered;
}

export function SectionNav() {
  const { t } = useTranslation();
  return (
    <nav className="section-nav" aria-label={t('answer.nav')} data-testid="section-nav">
      {SECTIONS.map((id) => (
        <a
          key={id}
          href={`#section-${id}-title`}
          data-testid={`nav-${id}`}
          onClick={(e) => {
            e.preventDefault();
            const title = document.getElementById(`section-${id}-title`);
            if (title) scrollBelow(e.currentTarget.parentElement!, title);
          }}
        >
          {t(`answer.navLinks.${id}`)}
        </a>
      ))}
    </nav>
  );
}
