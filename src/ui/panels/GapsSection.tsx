/** The gaps section: the table of communities not fully covered (see ../gaps/GapTable). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { categoryStyles } from '../../app/category-style';
import { Section } from './Section';
import { GapTable } from '../gaps/GapTable';

export function GapsSection() {
  const { t } = useTranslation();
  const coverage = useAppStore((s) => s.coverage);
  const communities = useAppStore((s) => s.data?.communities ?? null);
  const settings = useAppStore((s) => s.settings);
  const language = useAppStore((s) => s.language);
  const selection = useAppStore((s) => s.selection);
  const styles = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);

  return (
    <Section id="gaps" title={t('panel.gaps')}>
      {!coverage || !communities ? (
        <p className="coming">{t('gaps.noResults')}</p>
      ) : coverage.gaps.length === 0 ? (
        <p className="hint" data-testid="gap-none">
          {t('gaps.none')}
        </p>
      ) : (
        <GapTable
          coverage={coverage}
          communities={communities}
          styles={styles}
          selectedCommunity={selection?.type === 'community' ? selection.index : null}
          language={language}
        />
      )}
    </Section>
  );
}
