/**
 * The elevation input: SRTM tiles or a GeoTIFF DEM, dropped or chosen; the worker holds the grids
 * and the next analysis follows their slopes. Lists the files in use, why a file was refused, and
 * what the grids did: no-data samples filled or left flat, road segments outside the DEM per mode,
 * a DEM that does not overlap the roads, or the straight-line model ignoring it (all as text).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runCoverage } from '../../app/actions';
import { clearDemFiles, sendDemFiles } from '../../app/dem-actions';
import { useAppStore } from '../../app/store';
import { terrainNotes, type DemNoData } from '../../app/terrain-notes';
import { formatCount } from '../../app/results/format';
import type { Language } from '../../i18n/language';
import { DropZone } from './DropZone';
import './dem.css';

/** Counts with the UI language's digit grouping (13,672), text as it is. */
const localized = (values: Record<string, string | number>, language: Language): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'number' ? formatCount(v, language) : v]));

export function DemCard() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const busy = useAppStore((s) => s.status === 'loading' || s.job !== null);
  const use = useAppStore((s) => s.coverage?.terrain ?? null);
  const [inUse, setInUse] = useState<string[]>([]);
  const [refused, setRefused] = useState<{ file: string; reason: string }[]>([]);
  const [noData, setNoData] = useState<DemNoData[]>([]);
  const [reading, setReading] = useState(false);
  const take = async (list: File[]) => {
    setReading(true);
    try {
      const files = await Promise.all(list.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const reports = await sendDemFiles(files);
      const last = reports[reports.length - 1];
      const using = last ? last.files : inUse;
      setInUse(using);
      setRefused(reports.flatMap((r) => r.errors.map((e) => ({ file: r.file, reason: e.reason }))));
      const read = reports.filter((r) => r.ok).map((r) => ({ file: r.file, ...r.noData }));
      setNoData((before) => [...before.filter((d) => !read.some((r) => r.file === d.file)), ...read].filter((d) => using.includes(d.file)));
    } finally {
      setReading(false);
    }
    await runCoverage();
  };
  const clear = async () => {
    await clearDemFiles();
    setInUse([]);
    setRefused([]);
    setNoData([]);
    await runCoverage();
  };
  // the analysis' terrain report is about the files in use only once it has run with them
  const current = use && inUse.length > 0 && use.files.join('\n') === inUse.join('\n') ? use : null;
  const notes = terrainNotes(noData, current);
  return (
    <div className="layer-card dem-card" data-testid="layer-dem">
      <h3>{t('terrain.title')}</h3>
      <p className="hint">{t('terrain.hint')}</p>
      <DropZone
        testId="drop-dem"
        inputTestId="file-input-dem"
        prompt={t('terrain.drop')}
        choose={t('terrain.choose')}
        accept=".hgt,.zip,.tif,.tiff"
        multiple
        disabled={busy}
        onFiles={(files) => void take(files)}
      />
      {reading && <p>{t('terrain.reading')}</p>}
      <p className="dem-status" data-testid="dem-status">
        {inUse.length > 0 ? t('terrain.inUse', { files: inUse.join(', ') }) : t('terrain.none')}
      </p>
      {refused.map((r, i) => (
        <p key={i} className="dem-refused" role="alert" data-testid="dem-error">
          {t('terrain.refused', { file: r.file, reason: r.reason })}
        </p>
      ))}
      {notes.length > 0 && (
        <ul className="dem-notes" data-testid="dem-notes">
          {notes.map((n, i) => (
            <li key={i} className={n.warn ? 'dem-warn' : 'hint'} data-testid={`dem-note-${n.key.slice('terrain.'.length)}`}>
              {t(n.key, { ...localized(n.values, language), mode: n.mode ? t(`modes.${n.mode}`) : '' })}
            </li>
          ))}
        </ul>
      )}
      {inUse.length > 0 && (
        <button type="button" disabled={busy} onClick={() => void clear()} data-testid="dem-clear">
          {t('terrain.clear')}
        </button>
      )}
    </div>
  );
}
