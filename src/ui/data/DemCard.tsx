/**
 * The elevation input: SRTM tiles or a GeoTIFF DEM, dropped or chosen; the worker holds the grids
 * and the next analysis follows their slopes. Lists the files in use and why a file was refused.
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runCoverage } from '../../app/actions';
import { clearDemFiles, sendDemFiles } from '../../app/dem-actions';
import { useAppStore } from '../../app/store';
import './dem.css';

export function DemCard() {
  const { t } = useTranslation();
  const busy = useAppStore((s) => s.status === 'loading' || s.job !== null);
  const [inUse, setInUse] = useState<string[]>([]);
  const [refused, setRefused] = useState<{ file: string; reason: string }[]>([]);
  const [notes, setNotes] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const take = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setReading(true);
    try {
      const files = await Promise.all(Array.from(list, async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const reports = await sendDemFiles(files);
      const last = reports[reports.length - 1];
      if (last) setInUse(last.files);
      setRefused(reports.flatMap((r) => r.errors.map((e) => ({ file: r.file, reason: e.reason }))));
      setNotes(reports.flatMap((r) => r.warnings.map((w) => w.reason)));
    } finally {
      setReading(false);
    }
    if (list.length > 0) await runCoverage();
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files);
  };
  const clear = async () => {
    await clearDemFiles();
    setInUse([]);
    setRefused([]);
    setNotes([]);
    await runCoverage();
  };
  return (
    <div className="layer-card dem-card" data-testid="layer-dem">
      <h3>{t('terrain.title')}</h3>
      <p className="hint">{t('terrain.hint')}</p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-dem"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{t('terrain.drop')}</span>
        <label className="file-button">
          {t('terrain.choose')}
          <input
            type="file"
            multiple
            accept=".hgt,.zip,.tif,.tiff"
            disabled={busy}
            data-testid="file-input-dem"
            aria-label={t('terrain.choose')}
            onChange={(e) => {
              void take(e.target.files);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {reading && <p>{t('terrain.reading')}</p>}
      <p className="dem-status" data-testid="dem-status">
        {inUse.length > 0 ? t('terrain.inUse', { files: inUse.join(', ') }) : t('terrain.none')}
      </p>
      {refused.map((r, i) => (
        <p key={i} className="dem-refused" role="alert" data-testid="dem-error">
          {t('terrain.refused', { file: r.file, reason: r.reason })}
        </p>
      ))}
      {notes.map((n, i) => (
        <p key={i} className="hint">
          {n}
        </p>
      ))}
      {inUse.length > 0 && (
        <button type="button" disabled={busy} onClick={() => void clear()} data-testid="dem-clear">
          {t('terrain.clear')}
        </button>
      )}
    </div>
  );
}
