/** Analysis warnings, grouped and collapsed, each group with its count (reasons shown as text). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupWarnings, type AnalysisWarning, type WarningKind } from '../../app/results/warning-groups';

/** Warnings listed per group before "… and N more". */
const LIST_LIMIT = 200;

const TITLE: Record<WarningKind, string> = {
  noRoads: 'results.warnNoRoads',
  noFacility: 'results.warnNoFacility',
  offNetwork: 'results.warnOffNetwork',
  facilityOffNetwork: 'small.warnFacilityOffNetwork',
  unreachable: 'results.warnUnreachable',
  other: 'results.warnOther',
};

export function AnalysisWarnings({ warnings }: { warnings: readonly AnalysisWarning[] }) {
  const { t } = useTranslation();
  const groups = useMemo(() => groupWarnings(warnings), [warnings]);
  if (warnings.length === 0)
    return (
      <p className="hint" data-testid="analysis-warnings">
        {t('results.noWarnings')}
      </p>
    );
  return (
    <details className="analysis-warnings" data-testid="analysis-warnings">
      <summary>{t('results.warnings', { count: warnings.length })}</summary>
      {groups.map((g) => (
        <details key={g.kind} className="warning-group" data-testid={`warnings-${g.kind}`}>
          <summary>
            {t(TITLE[g.kind])} <span className="count">({g.items.length})</span>
          </summary>
          <ul>
            {g.items.slice(0, LIST_LIMIT).map((w, i) => (
              <li key={i}>{w.reason}</li>
            ))}
            {g.items.length > LIST_LIMIT && <li className="muted">{t('results.more', { count: g.items.length - LIST_LIMIT })}</li>}
          </ul>
        </details>
      ))}
    </details>
  );
}
