/**
 * One layer of the workspace (facilities, communities or roads): drop or pick a file, choose its
 * coordinate system, correct the mapping and re-apply, and read the load report.
 */
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type LayerName } from '../../app/store';
import {
  compactOptions, mappingSource, offerFile, reapplyLayer, removeLayerFile, useOfferedFiles, type WorkspaceLayerOptions,
} from '../../app/workspace-actions';
import type { CrsId } from '../../io/crs';
import { CrsSelect } from './CrsSelect';
import { LoadReport } from './LoadReport';
import { MappingForm } from './MappingForm';
import { unmappedValues } from './problem-lists';
import { SampleBadge } from '../answer/SampleNotice';

const ACCEPT = '.geojson,.json,.csv,.tsv,.txt,.zip,application/geo+json,application/json,text/csv,application/zip';
/** Roads also take an OpenStreetMap extract. */
const ACCEPT_ROADS = `${ACCEPT},.osm,.pbf,.gz`;

/** File size for people: bytes, kB or MB. */
function formatBytes(bytes: number, locale: string): string {
  const f = (x: number) => x.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${f(bytes)} B`;
  if (bytes < 1024 * 1024) return `${f(bytes / 1024)} kB`;
  return `${f(bytes / 1024 / 1024)} MB`;
}

export function LayerCard({ layer, locale }: { layer: LayerName; locale: string }) {
  const { t } = useTranslation();
  const report = useAppStore((s) => s.reports[layer]);
  const loaded = useAppStore((s) => s.files[layer]);
  const busy = useAppStore((s) => s.status === 'loading' || s.job !== null);
  const offered = useOfferedFiles();
  const src = mappingSource(layer, offered);
  const key = JSON.stringify([src?.name ?? null, src?.size ?? null, src?.options ?? null, report?.file ?? null, report?.ok ?? null]);
  const [state, setState] = useState<{ key: string; draft: WorkspaceLayerOptions }>({ key, draft: src?.options ?? {} });
  let draft = state.draft;
  if (state.key !== key) {
    // a new file or a new load: the form shows what was applied (the CRS choice carries over to a first file)
    draft = src?.options ?? (state.draft.crs ? { crs: state.draft.crs } : {});
    setState({ key, draft });
  }
  const setDraft = (d: WorkspaceLayerOptions) => setState({ key, draft: d });
  const [dragging, setDragging] = useState(false);

  const crs = draft.crs ?? (report && src ? report.crs : 'WGS84');
  const dirty = src !== null && JSON.stringify(compactOptions(draft)) !== JSON.stringify(compactOptions(src.options));
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void offerFile(layer, file, draft.crs ? { crs: draft.crs } : {});
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };
  const unmapped = layer === 'facilities' && report ? unmappedValues(report.errors) : [];
  const unmappedCount = unmapped.reduce((s, u) => s + u.count, 0);
  const swap = report?.format === 'csv' && report.lonField && report.latField
    ? () => void reapplyLayer(layer, compactOptions({ ...draft, lonField: report.latField, latField: report.lonField }))
    : null;

  return (
    <div className="layer-card" data-testid={`layer-${layer}`}>
      <h3>
        {t(`workspace.layer.${layer}`)}
        <SampleBadge layer={layer} />
      </h3>
      <p className="hint">{t(`workspace.hint.${layer}`)}</p>
      <p className="file-line" data-testid={`file-name-${layer}`}>
        {loaded
          ? t('workspace.loadedFile', { name: loaded.sample ? `${t('workspace.sampleFile')} · ${loaded.name}` : loaded.name, size: formatBytes(loaded.size, locale) })
          : t('workspace.noFile')}
        {loaded && layer === 'roads' && (
          <button type="button" className="link-button" disabled={busy} data-testid="remove-roads" onClick={() => void removeLayerFile(layer)}>
            {t('workspace.remove')}
          </button>
        )}
      </p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid={`drop-${layer}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{t('workspace.drop')}</span>
        <label className="file-button">
          {t('workspace.choose')}
          <input
            type="file"
            accept={layer === 'roads' ? ACCEPT_ROADS : ACCEPT}
            data-testid={`file-input-${layer}`}
            aria-label={`${t(`workspace.layer.${layer}`)}: ${t('workspace.choose')}`}
            onChange={(e) => { take(e.target.files); e.target.value = ''; }}
          />
        </label>
        <small>{t('workspace.formats')}</small>
      </div>
      <div className="mapping-row">
        <label htmlFor={`crs-${layer}`}>{t('workspace.crs')}</label>
        <CrsSelect id={`crs-${layer}`} testId={`crs-${layer}`} value={crs} onChange={(c) => setDraft({ ...draft, crs: c as CrsId })} />
      </div>
      {report?.format === 'shapefile' && <p className="hint">{t('workspace.prjDecides')}</p>}
      {report && src && <MappingForm layer={layer} report={report} draft={draft} onChange={setDraft} />}
      {src && (
        <p className="apply-row">
          <button type="button" className="primary" disabled={!dirty || busy} data-testid={`apply-mapping-${layer}`} title={t('workspace.applyHint')}
            onClick={() => void reapplyLayer(layer, compactOptions(draft))}>
            {t('workspace.apply')}
          </button>
        </p>
      )}
      {unmapped.length > 0 && (
        <div className="unmapped" data-testid={`unmapped-${layer}`}>
          <p>{t('workspace.unmapped', { count: unmappedCount })}</p>
          <ul>
            {unmapped.slice(0, 30).map((u) => (
              <li key={u.value}>
                <span className="unmapped-value">{u.value === '' ? t('workspace.unmappedEmpty') : u.value}</span>
                <span className="count">{u.count.toLocaleString(locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report && (
        <LoadReport
          layer={layer} report={report} loaded={loaded} locale={locale} busy={busy}
          onUseCrs={(c) => void reapplyLayer(layer, compactOptions({ ...draft, crs: c as CrsId }))}
          onSwapColumns={swap}
        />
      )}
    </div>
  );
}
