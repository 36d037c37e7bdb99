/**
 * A number field whose value is sent when the user is done (Enter, leaving the field, the spin
 * buttons): typing is never interrupted by a recomputation. Out-of-range numbers are sent too; the
 * worker refuses them and the settings panel lists its reasons.
 */
import { useEffect, useRef, useState } from 'react';

export function NumberSetting({
  testId,
  label,
  value,
  min,
  max,
  step,
  onCommit,
}: {
  testId: string;
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onCommit: (value: number) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const commitRef = useRef<() => void>(() => {});

  commitRef.current = () => {
    const el = ref.current;
    if (!el) return;
    const v = Number(el.value);
    setDraft(null);
    if (el.value.trim() !== '' && Number.isFinite(v) && v !== value) onCommit(v);
  };

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = () => commitRef.current();
    el.addEventListener('change', onChange); // native change: Enter, blur after an edit, spin buttons
    return () => el.removeEventListener('change', onChange);
  }, []);

  return (
    <label className="number-setting">
      <span>{label}</span>
      <input
        ref={ref}
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step}
        value={draft ?? String(value)}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commitRef.current();
        }}
        data-testid={testId}
      />
    </label>
  );
}
