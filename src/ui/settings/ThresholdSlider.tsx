/**
 * One threshold slider (minutes) of a category for urban or rural communities. It follows every
 * `input` event (native listener, so programmatic moves count too), shows the new minutes at once
 * with its category's new share (main-thread preview, see app/threshold-preview), and hands the value
 * to the settings queue, which coalesces moves while the worker re-thresholds.
 * `data-pending` is "true" from a move until its coverage is in the store.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { queueThreshold } from '../../app/settings-actions';
import { clearPreview, previewThreshold } from '../../app/threshold-preview';

/** Slider range in minutes (a larger value from a settings file widens it). */
const MIN_MINUTES = 1;
const MAX_MINUTES = 60;

export function ThresholdSlider({
  categoryId,
  kind,
  minutes,
  label,
  unit,
}: {
  categoryId: string;
  kind: 'urban' | 'rural';
  /** The applied threshold (store). */
  minutes: number;
  /** Accessible name. */
  label: string;
  /** Formats the minutes shown beside the slider. */
  unit: (minutes: number) => string;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<number | null>(null);
  /** The last value moved to (a ref: read when an older move's queue entry resolves). */
  const latest = useRef<number | null>(null);
  const shown = draft ?? minutes;

  const onValue = useCallback(
    (value: number) => {
      if (!Number.isFinite(value)) return;
      setDraft(value);
      latest.current = value;
      previewThreshold(categoryId, kind, value); // the category's new share at once, before the worker's full answer
      void queueThreshold(categoryId, kind, value).then(() => {
        setDraft((d) => (d === value ? null : d));
        if (latest.current === value) clearPreview(categoryId);
      });
    },
    [categoryId, kind],
  );

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onInput = () => onValue(Number(el.value));
    el.addEventListener('input', onInput);
    return () => el.removeEventListener('input', onInput);
  }, [onValue]);

  return (
    <span className="threshold-cell">
      <input
        ref={ref}
        type="range"
        min={MIN_MINUTES}
        max={Math.max(MAX_MINUTES, Math.ceil(shown))}
        step={1}
        value={shown}
        onChange={() => {
          /* handled by the native input listener above */
        }}
        aria-label={label}
        data-testid={`threshold-${categoryId}-${kind}`}
        data-pending={draft !== null ? 'true' : 'false'}
      />
      <output className="threshold-value" data-testid={`threshold-${categoryId}-${kind}-value`}>
        {unit(shown)}
      </output>
    </span>
  );
}
