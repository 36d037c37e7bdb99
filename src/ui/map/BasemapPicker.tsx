/**
 * The base-map picker in the map's layer panel: the source (None by default), the Tianditu key
 * (kept in this browser), a custom XYZ/WMTS template with its attribution and GCJ-02 switch (checked
 * and applied only on "Use", so typing sends no request), opacity and greyscale. Nothing is
 * requested before a source is chosen.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BASEMAP_KINDS, isGcj02Basemap, type BasemapKind } from '../../app/basemap/basemap-choice';
import { setBasemap, setTiandituKey, useBasemapStore } from '../../app/basemap/basemap-store';
import { basemapSpec } from '../../app/basemap/basemap-sources';
import { parseTileTemplate } from '../../app/basemap/tile-template';
import { useAppStore } from '../../app/store';
import { PmtilesInput } from '../basemap/PmtilesInput';
import './basemap.css';

/** Kinds the picker lists. */
const LISTED: readonly BasemapKind[] = BASEMAP_KINDS;

export function BasemapPicker() {
  const { t } = useTranslation();
  const choice = useBasemapStore((s) => s.choice);
  const tiandituKey = useBasemapStore((s) => s.tiandituKey);
  const language = useAppStore((s) => s.language);
  const [url, setUrl] = useState(choice.custom.url);
  const [attribution, setAttribution] = useState(choice.custom.attribution);
  const [gcj02, setGcj02] = useState(choice.custom.gcj02);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const { spec, problem } = basemapSpec(choice, { tiandituKey, language });

  const applyCustom = () => {
    const res = parseTileTemplate(url);
    if (!res.value) {
      setTemplateError(t(`basemap.${res.problem!.key}`, res.problem!.values ?? {}));
      return;
    }
    setTemplateError(null);
    setBasemap({ kind: 'custom', custom: { url: url.trim(), attribution: attribution.trim(), gcj02 } });
  };

  return (
    <div className="basemap-picker" data-testid="basemap-picker">
      <label className="basemap-row">
        <span className="basemap-title">{t('basemap.title')}</span>
        <select
          data-testid="basemap-select"
          value={choice.kind}
          onChange={(e) => {
            setTemplateError(null);
            setBasemap({ kind: e.target.value as BasemapKind });
          }}
        >
          {(LISTED.includes(choice.kind) ? LISTED : [...LISTED, choice.kind]).map((k) => (
            <option key={k} value={k}>
              {t(`basemap.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>

      {(choice.kind === 'tianditu-vec' || choice.kind === 'tianditu-img') && (
        <label className="basemap-field">
          <span>{t('basemap.key')}</span>
          <input
            type="password"
            autoComplete="off"
            data-testid="basemap-key-input"
            defaultValue={tiandituKey}
            onBlur={(e) => setTiandituKey(e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setTiandituKey(e.currentTarget.value.trim());
            }}
          />
          <small>{t('basemap.keyNote')}</small>
        </label>
      )}

      {choice.kind === 'custom' && (
        <form
          className="basemap-custom"
          onSubmit={(e) => {
            e.preventDefault();
            applyCustom();
          }}
        >
          <label className="basemap-field">
            <span>{t('basemap.url')}</span>
            <input
              type="url"
              data-testid="basemap-url-input"
              placeholder={t('basemap.urlPlaceholder')}
              value={url}
              spellCheck={false}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <label className="basemap-field">
            <span>{t('basemap.attribution')}</span>
            <input
              type="text"
              data-testid="basemap-attribution-input"
              value={attribution}
              onChange={(e) => setAttribution(e.target.value)}
            />
          </label>
          <label className="legend-option">
            <input type="checkbox" data-testid="basemap-gcj02" checked={gcj02} onChange={(e) => setGcj02(e.target.checked)} />
            {t('basemap.gcj02')}
          </label>
          <button type="submit" data-testid="basemap-url-apply">
            {t('basemap.apply')}
          </button>
          {templateError && (
            <p className="basemap-error" role="alert" data-testid="basemap-url-error">
              {templateError}
            </p>
          )}
        </form>
      )}

      {choice.kind === 'pmtiles' && <PmtilesInput />}

      {problem?.key === 'needKey' && <p className="basemap-note">{t('basemap.needKey')}</p>}

      {choice.kind !== 'none' && (
        <div className="basemap-display">
          <label className="basemap-row">
            <span>{t('basemap.opacity')}</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              data-testid="basemap-opacity"
              value={choice.opacity}
              onChange={(e) => setBasemap({ opacity: Number(e.target.value) })}
            />
          </label>
          <label className="legend-option">
            <input
              type="checkbox"
              data-testid="basemap-greyscale"
              checked={choice.greyscale}
              onChange={(e) => setBasemap({ greyscale: e.target.checked })}
            />
            {t('basemap.greyscale')}
          </label>
        </div>
      )}
      {spec && <p className="basemap-note">{t('basemap.requestsNote', { hosts: [...new Set(spec.hosts.map(hostFamily))].join(', ') })}</p>}
      {spec && isGcj02Basemap(choice) && (
        <p className="basemap-note" data-testid="basemap-gcj-note">
          {t('basemap.gcjShown')}
        </p>
      )}
    </div>
  );
}

/** `t3.tianditu.gov.cn` → `t*.tianditu.gov.cn`, `webrd02.is.autonavi.com` → `webrd0*.is.autonavi.com`. */
function hostFamily(host: string): string {
  return host.replace(/^([a-z]+)\d(?=\.)/, '$1*').replace(/^([a-z]+0)\d(?=\.)/, '$1*');
}
