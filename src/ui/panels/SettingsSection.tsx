/**
 * The settings section: preset, threshold sliders per category (urban and rural), travel model,
 * walking speeds, detour factor, sample spacing, and settings files.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { categoryStyles } from '../../app/category-style';
import { setDetourFactor, setModel, setSampleSpacing, setWalkSpeed } from '../../app/settings-actions';
import { SETTINGS_LIMITS } from '../../io/settings';
import { Section } from './Section';
import { ThresholdSlider } from '../settings/ThresholdSlider';
import { KindMode, PaceSetting } from '../settings/CategoryTravel';
import { NumberSetting } from '../settings/NumberSetting';
import { PresetPicker } from '../settings/PresetPicker';
import { SettingsFile } from '../settings/SettingsFile';

export function SettingsSection() {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const language = useAppStore((s) => s.language);
  const hasRoads = useAppStore((s) => (s.data?.roads?.features.length ?? 0) > 0);
  const styles = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);
  const locale = language === 'zh' ? 'zh-CN' : 'en';
  const unit = (m: number) => t('settings.minutes', { value: m.toLocaleString(locale) });

  return (
    <Section id="settings" title={t('panel.settings')}>
      {!settings && <p className="coming">{t('settings.waiting')}</p>}
      {settings && (
        <>
          <PresetPicker presetId={settings.preset} language={language} />
          <h3 className="sub-title">{t('settings.thresholds')}</h3>
          <div className="threshold-grid" data-testid="thresholds">
            <span className="threshold-head">{t('settings.category')}</span>
            <span className="threshold-head">{t('settings.urban')}</span>
            <span className="threshold-head">{t('settings.rural')}</span>
            {settings.categories.map((c, k) => (
              <div className="threshold-row" key={c.id} data-testid={`threshold-row-${c.id}`}>
                <span className="threshold-name-cell">
                  <span className="threshold-name">
                    <span className="swatch dot" style={{ background: styles[k]?.color }} />
                    {c.label[language] || c.id}
                  </span>
                  <PaceSetting category={c} name={c.label[language] || c.id} />
                </span>
                {(['urban', 'rural'] as const).map((kind) => (
                  <span className="kind-cell" key={kind}>
                    <ThresholdSlider
                      categoryId={c.id}
                      kind={kind}
                      minutes={c.thresholdMinutes[kind]}
                      label={t('settings.thresholdLabel', { category: c.label[language] || c.id, kind: t(`settings.${kind}`) })}
                      unit={unit}
                    />
                    <KindMode settings={settings} category={c} kind={kind} name={c.label[language] || c.id} />
                  </span>
                ))}
              </div>
            ))}
          </div>
          <h3 className="sub-title">{t('settings.travel')}</h3>
          <div className="travel-settings">
            <label className="number-setting">
              <span>{t('settings.model')}</span>
              <select
                value={settings.model}
                onChange={(e) => void setModel(e.target.value === 'network' ? 'network' : 'straight')}
                data-testid="model-select"
              >
                <option value="network" disabled={!hasRoads}>
                  {t('settings.modelNetwork')}
                </option>
                <option value="straight">{t('settings.modelStraight')}</option>
              </select>
            </label>
            {!hasRoads && <p className="hint">{t('settings.modelNeedsRoads')}</p>}
            <NumberSetting
              testId="walk-speed-urban"
              label={t('settings.walkSpeedUrban')}
              value={settings.walkSpeedKmh.urban}
              min={0.5}
              max={SETTINGS_LIMITS.maxSpeedKmh}
              step={0.1}
              onCommit={(v) => void setWalkSpeed('urban', v)}
            />
            <NumberSetting
              testId="walk-speed-rural"
              label={t('settings.walkSpeedRural')}
              value={settings.walkSpeedKmh.rural}
              min={0.5}
              max={SETTINGS_LIMITS.maxSpeedKmh}
              step={0.1}
              onCommit={(v) => void setWalkSpeed('rural', v)}
            />
            <NumberSetting
              testId="detour-factor"
              label={t('settings.detourFactor')}
              value={settings.detourFactor}
              min={SETTINGS_LIMITS.minDetourFactor}
              max={SETTINGS_LIMITS.maxDetourFactor}
              step={0.05}
              onCommit={(v) => void setDetourFactor(v)}
            />
            <NumberSetting
              testId="sample-spacing"
              label={t('settings.sampleSpacing')}
              value={settings.sampleSpacingMeters}
              min={SETTINGS_LIMITS.minSampleSpacingMeters}
              max={SETTINGS_LIMITS.maxSampleSpacingMeters}
              step={10}
              onCommit={(v) => void setSampleSpacing(v)}
            />
            <p className="hint">{t('settings.recomputeHint')}</p>
          </div>
          <SettingsFile />
        </>
      )}
    </Section>
  );
}
