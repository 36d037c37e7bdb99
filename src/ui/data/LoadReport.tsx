/**
 * The load report of the last file offered to a layer: refused (why, and that the previous data
 * stays), format/encoding/CRS, features read/kept/skipped, CRS warnings with a one-click fix, other
 * warnings, and the skipped features (listed, downloadable as CSV). File text is shown as text only.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerName, LayerReport, LoadedFile } from '../../app/store';
import { ProblemList } from './ProblemList';
import { fileErrors, problemsCsv, problemsCsvName, reportCounts, skippedFeatures, splitCrsWarnings } from './problem-lists';
import { downloadText } from '../../app/download';
import { useCrsLabel } from './CrsSelect';

interface Props {
  layer: LayerName;
  report: LayerReport & { ok: boolean };
  loaded: LoadedFile | undefined;
  locale: string;
  busy: boolean;
  onUseCrs: (crs: string) => void;
  onSwapColumns: (() => void) | null;
}

export function LoadReport({ layer, report, loaded, locale, busy, onUseCrs, onSwapColumns }: Props) {
  const { t } = useTranslation();
  const crsLabel = useCrsLabel();
  const n = (x: number) => x.toLocaleString(locale);
  const skipped = useMemo(() => skippedFeatures(report.errors), [report.errors]);
  const refusedBy = useMemo(() => fileErrors(report.errors), [report.errors]);
  const { crs: crsWarnings, other: warnings } = useMemo(() => splitCrsWarnings(report.warnings), [report.warnings]);
  const id = `report-${layer}`;
  const counts = reportCounts(report.counts, report.errors);

  return (
    <div className="load-report" data-testid={id} data-ok={report.ok}>
      <h4>{t('workspace.report', { file: report.file })}</h4>
      {(!report.ok || refusedBy.length > 0) && (
        <div className="load-error" role="alert" data-testid={`${id}-error`}>
          {refusedBy.map((e, i) => (
            <p key={i}>{t('workspace.refused', { file: e.file, reason: e.reason })}</p>
          ))}
          {!report.ok && (
            <p>{loaded ? t('workspace.keptPrevious', { name: loaded.name }) : t('workspace.keptNothing')}</p>
          )}
        </div>
      )}
      {crsWarnings.length > 0 && (
        <div className="crs-warning" role="alert" data-testid={`${id}-crs-warning`}>
          <strong>{t('workspace.crsWarning')}</strong> <span data-testid={`${id}-crs-warning-file`}>{report.file}</span>
          {crsWarnings.map((w, i) => (
            <div key={i} className="crs-warning-item">
              <p>{w.reason}</p>
              {w.suggestedCrs && (
                <button type="button" className="primary" disabled={busy} data-testid={`use-suggested-crs-${layer}`} onClick={() => onUseCrs(w.suggestedCrs as string)}>
                  {t('workspace.useSuggested', { crs: crsLabel(w.suggestedCrs) })}
                </button>
              )}
              {w.kind === 'swapped' && onSwapColumns && (
                <button type="button" className="primary" disabled={busy} data-testid={`swap-columns-${layer}`} onClick={onSwapColumns}>
                  {t('workspace.swapColumns')}
                </button>
              )}
            </div>
          ))}
        </div>
      )}
      <dl className="report-facts">
        <dt>{t('workspace.format')}</dt>
        <dd data-testid={`${id}-format`}>{report.format}{report.encoding ? ` · ${report.encoding}` : ''}</dd>
        <dt>{t('workspace.crs')}</dt>
        <dd data-testid={`${id}-crs`}>
          {report.prjCrsName
            ? t('small.crsFoundInPrj', { crs: report.prjCrsName })
            : report.format === 'shapefile'
              ? t('workspace.crsFromPrj', { crs: crsLabel(report.crs) })
              : crsLabel(report.crs)}
        </dd>
        {report.lonField && report.latField && (
          <>
            <dt>{t('workspace.coordinates')}</dt>
            <dd data-testid={`${id}-coordinates`}>{report.lonField} / {report.latField}</dd>
          </>
        )}
      </dl>
      {report.ok && (
        <p className="report-counts">
          <span>{t('workspace.read')} <b data-testid={`${id}-read`}>{n(counts.read)}</b></span>
          <span>{t('workspace.kept')} <b data-testid={`${id}-kept`}>{n(counts.kept)}</b></span>
          <span className={counts.skipped > 0 ? 'bad' : ''}>{t('workspace.skipped')} <b data-testid={`${id}-skipped`}>{n(counts.skipped)}</b></span>
        </p>
      )}
      {warnings.length > 0 && (
        <details className="report-warnings">
          <summary>{t('workspace.warnings', { count: warnings.length })}</summary>
          <ProblemList problems={warnings} testId={`${id}-warnings`} />
        </details>
      )}
      {skipped.length > 0 && (
        <details className="report-skipped" open>
          <summary>{t('workspace.skippedList', { count: skipped.length })}</summary>
          <button type="button" data-testid={`download-skipped-${layer}`} onClick={() => downloadText(problemsCsvName(report.file), problemsCsv(skipped), 'text/csv;charset=utf-8')}>
            {t('workspace.downloadCsv')}
          </button>
          <ProblemList problems={skipped} testId={`${id}-skipped-list`} />
        </details>
      )}
    </div>
  );
}
