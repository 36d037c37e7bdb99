/**
 * The local vector base map: a file field that takes a picked or dropped `.pmtiles` file, the style
 * (light, dark, grey), and one line saying what is on the map or why a file was refused (as text).
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openPmtilesBasemap, setPmtilesTheme } from '../../app/basemap/pmtiles-actions';
import { usePmtilesStore } from '../../app/basemap/pmtiles-store';
import { PMTILES_THEMES, type PmtilesTheme } from '../../app/basemap/pmtiles-names';
import './pmtiles.css';

export function PmtilesInput() {
  const { t } = useTranslation();
  const basemap = usePmtilesStore((s) => s.basemap);
  const theme = usePmtilesStore((s) => s.theme);
  const status = usePmtilesStore((s) => s.status);
  const [over, setOver] = useState(false);

  const open = (file: File | undefined) => {
    if (file) void openPmtilesBasemap(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    open(e.dataTransfer.files[0]);
  };

  let line: { text: string; error: boolean } | null = null;
  if (status.kind === 'reading') line = { text: t('pmtiles.reading', { file: status.file }), error: false };
  else if (status.kind === 'refused') line = { text: t(`pmtiles.${status.problem.reason}`, { ...status.problem }), error: true };
  else if (basemap) {
    const loaded = t('pmtiles.loaded', {
      file: basemap.fileName,
      minZoom: basemap.info.minZoom,
      maxZoom: basemap.info.maxZoom,
      layers: basemap.info.layers.join(', '),
    });
    line = { text: basemap.kept ? `${loaded} · ${t('pmtiles.kept')}` : loaded, error: false };
  }

  return (
    <div
      className={`pmtiles-input${over ? ' pmtiles-input--over' : ''}`}
      data-testid="basemap-pmtiles"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label>
        {t('pmtiles.file')}
        <input
          type="file"
          accept=".pmtiles"
          data-testid="basemap-pmtiles-input"
          onChange={(e) => {
            open(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <label>
        {t('pmtiles.theme')}{' '}
        <select data-testid="basemap-pmtiles-theme" value={theme} onChange={(e) => setPmtilesTheme(e.target.value as PmtilesTheme)}>
          {PMTILES_THEMES.map((th) => (
            <option key={th} value={th}>
              {t(`pmtiles.themes.${th}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="pmtiles-input__hint">{t('pmtiles.fileHint')}</p>
      {line && (
        <p
          className={line.error ? 'pmtiles-input__error' : 'pmtiles-input__status'}
          role={line.error ? 'alert' : 'status'}
          data-testid="basemap-pmtiles-status"
        >
          {line.text}
        </p>
      )}
    </div>
  );
}
