/**
 * The totals a moved threshold slider shows at once: its category's covered residents at the new
 * minutes, computed on the main thread from the per-sample times of the current coverage (one pass,
 * well under a frame) while the worker re-thresholds shares per community, gaps and zones. The slider
 * drops its preview once its last move is applied (the store then holds the same totals).
 */
import { create } from 'zustand';
import { categoryTotalsAt } from '../engine/coverage/category-totals';
import type { CategoryTotals } from '../engine/coverage/coverage';
import { useAppStore } from './store';

interface PreviewState {
  /** Category id → totals at the slider's minutes, for categories whose new coverage is not in yet. */
  totals: Readonly<Record<string, CategoryTotals>>;
}

export const useThresholdPreview = create<PreviewState>(() => ({ totals: {} }));

/**
 * Show a category's totals at new minutes of one community kind (the other kind keeps the applied
 * threshold). Does nothing without coverage for the current settings.
 */
export function previewThreshold(categoryId: string, kind: 'urban' | 'rural', minutes: number): void {
  const { coverage, settings } = useAppStore.getState();
  const k = coverage ? coverage.categoryIds.indexOf(categoryId) : -1;
  const cat = settings?.categories.find((c) => c.id === categoryId);
  const seconds = coverage?.samples.seconds[k];
  if (!coverage || !cat || !seconds) return;
  const prev = useThresholdPreview.getState().totals[categoryId];
  // the other kind's minutes: from a preview still pending, else the applied settings
  const applied = { urban: cat.thresholdMinutes.urban, rural: cat.thresholdMinutes.rural };
  const pending = previewMinutes.get(categoryId);
  const minutesNow = { ...(prev && pending ? pending : applied), [kind]: minutes };
  previewMinutes.set(categoryId, minutesNow);
  const totals = categoryTotalsAt(
    categoryId,
    { population: coverage.samples.population, kind: coverage.samples.kind, seconds },
    minutesNow,
  );
  useThresholdPreview.setState((s) => ({ totals: { ...s.totals, [categoryId]: totals } }));
}

/** Minutes of the pending preview per category. */
const previewMinutes = new Map<string, { urban: number; rural: number }>();

/** Drop a category's preview (its slider's last move is applied, or refused): the store's totals show again. */
export function clearPreview(categoryId: string): void {
  previewMinutes.delete(categoryId);
  const { [categoryId]: dropped, ...rest } = useThresholdPreview.getState().totals;
  if (dropped) useThresholdPreview.setState({ totals: rest });
}
