/** The preset switch, with the label and sources of the active preset. */
import { useTranslation } from 'react-i18next';
import { PRESETS, getPreset } from '../../engine/presets';
import { switchPreset } from '../../app/settings-actions';
import type { Language } from '../../i18n/language';

export function PresetPicker({ presetId, language }: { presetId: string; language: Language }) {
  const { t } = useTranslation();
  const preset = getPreset(presetId);
  return (
    <div className="preset-picker">
      <label className="number-setting">
        <span>{t('settings.preset')}</span>
        <select value={presetId} onChange={(e) => void switchPreset(e.target.value)} data-testid="preset-select">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label[language]}
            </option>
          ))}
          {!preset && <option value={presetId}>{presetId}</option>}
        </select>
      </label>
      {preset && (
        <details className="preset-sources" data-testid="preset-sources">
          <summary>
            {t('settings.presetSources')} ({preset.sources.length})
          </summary>
          <ol>
            {preset.sources.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
