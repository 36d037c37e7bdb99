/**
 * Beside a category's threshold sliders: how its residents travel. Per kind, the mode (walk,
 * bicycle, e-bike) and the speed its circle is measured at; under the category's name, its own
 * walking pace (e.g. the elderly pace of canteens and clinics), editable. Changes recompute travel
 * times (one road graph per mode in use).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryDef, CommunityKind, Settings } from '../../engine/model';
import { MODE_IDS, type ModeId } from '../../engine/presets/mode-profiles';
import { categoryLegs } from '../../engine/travel/category-modes';
import { setCategoryMode, setCategoryPace } from '../../app/settings-actions';
import { SETTINGS_LIMITS } from '../../io/settings';
import './modes.css';

/** The mode picker and the speed of one kind's circle. */
export function KindMode({
  settings,
  category,
  kind,
  name,
}: {
  settings: Settings;
  category: CategoryDef;
  kind: CommunityKind;
  name: string;
}) {
  const { t } = useTranslation();
  const leg = categoryLegs(settings, category)[kind];
  const own = leg.mode === 'walk' && category.walkSpeedKmh != null;
  return (
    <span className="kind-mode">
      <select
        value={leg.mode}
        onChange={(e) => void setCategoryMode(category.id, kind, e.target.value as ModeId)}
        aria-label={t('modes.modeLabel', { kind: t(`settings.${kind}`), category: name })}
        data-testid={`mode-${category.id}-${kind}`}
      >
        {MODE_IDS.map((m) => (
          <option key={m} value={m}>
            {t(`modes.${m}`)}
          </option>
        ))}
      </select>
      <span
        className={own ? 'kind-speed own' : 'kind-speed'}
        title={own ? t('modes.paceOwn') : leg.mode === 'walk' ? undefined : t('modes.ridingHint', { value: leg.speedKmh })}
        data-testid={`speed-${category.id}-${kind}`}
      >
        {t('modes.speed', { value: leg.speedKmh })}
      </span>
    </span>
  );
}

/** The category's own walking pace (km/h), or empty for the kinds' walking speeds; sent on Enter or leaving the field. */
export function PaceSetting({ category, name }: { category: CategoryDef; name: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  const value = category.walkSpeedKmh ?? null;
  const [draft, setDraft] = useState<string | null>(null);
  const commit = useRef<() => void>(() => {});
  commit.current = () => {
    const el = ref.current;
    if (!el) return;
    setDraft(null);
    const text = el.value.trim();
    const v = text === '' ? null : Number(text);
    if (v !== null && !Number.isFinite(v)) return;
    if (v !== value) void setCategoryPace(category.id, v);
  };
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = () => commit.current();
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, []);
  return (
    <label className="pace-setting" title={t('modes.paceLabel', { category: name })}>
      <span>{t('modes.pace')}</span>
      <input
        ref={ref}
        type="number"
        inputMode="decimal"
        min={0.5}
        max={SETTINGS_LIMITS.maxSpeedKmh}
        step={0.1}
        value={draft ?? (value === null ? '' : String(value))}
        placeholder="—"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit.current();
        }}
        aria-label={t('modes.paceLabel', { category: name })}
        data-testid={`pace-${category.id}`}
      />
    </label>
  );
}
