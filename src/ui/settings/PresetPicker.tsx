/**
 * The preset switch, with the label and sources of the active preset. Switching keeps nothing
 * silently: when the new preset replaced thresholds the user had set, a notice lists them with a
 * button that puts them back.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESETS, getPreset } from '../../engine/presets';
import { reapplyThresholds, switchPresetKeepingNote } from '../../app/settings-actions';
import type { CustomThreshold } from '../../app/preset-thresholds';
import type { Language } from '../../i18n/language';
import { useAppStore } from '../../app/store';
import { formatList } from '../../i18n/format-list';
import './preset-notice.css';

export function PresetPicker({ presetId, language }: { presetId: string; language: Language }) {
  const { t } = useTranslation();
  const preset = getPreset(presetId);
  const [notice, setNotice] = useState<{ replaced: CustomThreshold[]; dropped: CustomThreshold[] } | null>(null);

  const label = (th: CustomThreshold) => {
    const cats = useAppStore.getState().settings?.categories ?? [];
    const name = cats.find((c) => c.id === th.categoryId)?.label[language] ?? th.categoryId;
    return t('small.presetThreshold', { category: name, kind: t(`gaps.${th.kind}`), minutes: th.minutes });
  };

  const onSwitch = async (id: string) => {
    setNotice(null);
    const r = await switchPresetKeepingNote(id);
    if (r.replaced.length > 0 || r.dropped.length > 0) setNotice(r);
  };

  return (
    <div className="preset-picker">
      <label className="number-setting">
        <span>{t('settings.preset')}</span>
        <select value={presetId} onChange={(e) => void onSwitch(e.target.value)} data-testid="preset-select">
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label[language]}
            </option>
          ))}
          {!preset && <option value={presetId}>{presetId}</option>}
        </select>
      </label>
      {notice && (
        <div className="preset-notice" role="status" data-testid="preset-notice">
          {notice.replaced.length > 0 && <p>{t('small.presetReplaced', { list: formatList(notice.replaced.map(label), language) })}</p>}
          {notice.dropped.length > 0 && (
            <p>
              {t('small.presetDropped', {
                list: formatList(
                  notice.dropped.map((d) => d.categoryId),
                  language,
                ),
              })}
            </p>
          )}
          {notice.replaced.length > 0 && (
            <button
              type="button"
              data-testid="preset-reapply"
              onClick={() => {
                void reapplyThresholds(notice.replaced);
                setNotice(null);
              }}
            >
              {t('small.presetReapply')}
            </button>
          )}
          <button type="button" onClick={() => setNotice(null)} data-testid="preset-notice-dismiss">
            {t('small.dismiss')}
          </button>
        </div>
      )}
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
