/**
 * What the answer block at the top of the side panel shows: the figures, or why there are none yet.
 * Never a stale number: while data loads or an analysis runs, the figures give way to that state.
 */
import type { AppState } from './store';

/** The answer block's state; `ready` means the coverage figures are current. */
export type AnswerState = 'ready' | 'noData' | 'noCommunities' | 'loading' | 'running' | 'pending' | 'error';

/** The state of the answer block for the app state (its data, status, job, error and coverage). */
export function answerState(s: Pick<AppState, 'data' | 'status' | 'job' | 'error' | 'coverage'>): AnswerState {
  if (s.status === 'loading') return 'loading';
  if (s.job !== null) return 'running';
  if (s.error !== null && !s.coverage) return 'error';
  if (!s.data) return 'noData';
  if (s.data.communities.features.length === 0) return 'noCommunities';
  if (!s.coverage) return 'pending';
  return 'ready';
}
