/** A list of problems (skipped features or warnings): the first 50, then "show all". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../engine/model';

/** How many problems are listed before "show all". */
const FIRST_PROBLEMS = 50;

export function ProblemList({ problems, testId }: { problems: readonly Problem[]; testId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, FIRST_PROBLEMS);
  return (
    <>
      <ol className="problem-list" data-testid={testId}>
        {shown.map((p, i) => (
          <li key={`${p.index}:${i}`}>
            <span className="problem-where">
              {/* counted from 1, as a person counts (and as a CSV's "row 9" in the reason): the reports' index is 0-based */}
              {p.index >= 0 ? t('workspace.feature', { index: p.index + 1 }) : t('workspace.fileLevel')}
              {p.id !== undefined && <> · <code>{p.id}</code></>}
            </span>{' '}
            <span className="problem-reason">{p.reason}</span>
          </li>
        ))}
      </ol>
      {problems.length > FIRST_PROBLEMS && (
        <button type="button" className="link-button" data-testid={`${testId}-toggle`} onClick={() => setAll(!all)}>
          {all ? t('workspace.showFewer', { count: FIRST_PROBLEMS }) : t('workspace.showAll', { count: problems.length })}
        </button>
      )}
    </>
  );
}
