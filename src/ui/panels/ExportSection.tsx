/**
 * The export section: report files (with the current proposal's sites) in the chosen coordinate
 * system, a printable summary, the map as PNG, and project files (save / open).
 */
import { useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { useSitingStore } from '../../app/siting-store';
import { downloadBlob } from '../../app/download';
import { exportCrsOptions, REPORT_FILES, type ReportKind } from '../../app/report-choices';
import { LazyLoadError, lazyModule } from '../../app/lazy-module';
import { crsLabel, type CrsId } from '../../io/crs-id';
import { gaussKrugerInfo } from '../../io/export-crs';
import { dataBounds } from '../../app/data-bounds';
import { Section } from './Section';
import { attributionKeys } from '../../app/attribution';
import { shownBasemapCredit, useBasemapStore } from '../../app/basemap/basemap-store';
import { shownPmtilesCredit } from '../../app/basemap/pmtiles-credit';
import { legendEntries } from '../export/legend-entries';
import { framedMap, mapPng } from '../export/map-image';
import { PrintView, type PrintData } from '../export/PrintView';

/** The export code (writers, zips, project files), loaded on the first export or project save / open. */
const exportActions = lazyModule(() => import('../../app/export-actions'));

const BUTTONS: { kind: ReportKind; testId: string; key: string }[] = [
  { kind: 'gaps', testId: 'export-gaps', key: 'export.gaps' },
  { kind: 'communities', testId: 'export-communities', key: 'export.communities' },
  { kind: 'csv', testId: 'export-csv', key: 'export.csv' },
  { kind: 'accessibility', testId: 'export-accessibility', key: 'outlines.exportAccessibility' },
  { kind: 'districts', testId: 'export-districts', key: 'outlines.exportDistricts' },
  { kind: 'summary', testId: 'export-summary', key: 'export.summary' },
];

export function ExportSection() {
  const { t } = useTranslation();
  const files = useAppStore((s) => s.files);
  const reports = useAppStore((s) => s.reports);
  const hasCoverage = useAppStore((s) => s.coverage !== null);
  const siteCount = useSitingStore((s) => (s.category ? s.sites.length : 0));
  const [crs, setCrs] = useState<CrsId>('WGS84');
  const [busy, setBusy] = useState(false);
  // kept untranslated: opening a project may switch the language
  const [message, setMessage] = useState<{ key: string; params: Record<string, string>; lines: string[]; error: boolean } | null>(null);
  const [print, setPrint] = useState<PrintData | null>(null);
  const data = useAppStore((s) => s.data);
  const options = useMemo(() => {
    const box = data ? dataBounds(data) : null;
    return exportCrsOptions(files, reports, box ? (box[0] + box[2]) / 2 : NaN);
  }, [files, reports, data]);
  const crsName = (c: CrsId) =>
    c === 'WGS84'
      ? t('export.crsWgs84')
      : c === 'GCJ02'
        ? t('export.crsGcj02')
        : c === 'BD09'
          ? t('export.crsBd09')
          : c === 'CGCS2000'
            ? t('exports.crsCgcs2000')
            : gkName(c);
  const gkName = (c: CrsId) => {
    const gk = c.startsWith('EPSG:') ? gaussKrugerInfo(Number(c.slice(5))) : null;
    if (!gk) return t('export.crsLoaded', { crs: crsLabel(c) });
    return t(gk.zonePrefix ? 'exports.crsGkZone' : 'exports.crsGkCm', {
      deg: gk.zoneDegrees,
      zone: gk.zone,
      cm: gk.centralMeridian,
      code: c,
    });
  };

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    try {
      await f();
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      setMessage({ key: e instanceof LazyLoadError ? 'lazy.failed' : 'export.failed', params: { reason }, lines: [], error: true });
    } finally {
      setBusy(false);
    }
  };
  const legend = () => {
    const s = useAppStore.getState();
    const siting = useSitingStore.getState();
    return legendEntries(s.settings, s.visible, s.language, t, siting.sites.length > 0 ? siting.category : null, s.selectedCategory);
  };
  // the study area (the loaded data's box), not whatever part of the map is on screen
  const studyArea = () => {
    const d = useAppStore.getState().data;
    return d ? dataBounds(d) : null;
  };
  // the map's credits (as the Attribution bar shows them), written into the pictures
  const credits = () =>
    [
      shownBasemapCredit(useBasemapStore.getState()) ?? shownPmtilesCredit(),
      ...attributionKeys(useAppStore.getState().data?.source ?? null).map((k) => t(k)),
      'MapLibre',
      'deck.gl',
    ]
      .filter((x): x is string => !!x)
      .join(' · ');
  const openPrint = () =>
    run(async () => {
      const canvas = await framedMap('', [], studyArea(), credits());
      const summary = JSON.parse((await (await exportActions()).reportFiles('WGS84'))['summary.json']) as {
        provenance?: PrintData['provenance'];
      };
      setPrint({
        mapImage: canvas ? canvas.toDataURL('image/png') : null,
        legend: legend(),
        provenance: summary.provenance ?? null,
        credits: credits(),
      });
    });
  const exportPng = () =>
    run(async () => {
      const s = useAppStore.getState();
      const cat = s.settings?.categories.find((c) => c.id === s.selectedCategory);
      const title = t('exports.mapTitle', { category: cat ? cat.label[s.language] : s.selectedCategory });
      const blob = await mapPng(title, legend(), studyArea(), credits());
      if (blob) downloadBlob('lifecircle-map.png', blob);
    });
  const onOpen = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    void run(async () => {
      const res = await (await exportActions()).openProject(file.name, await file.text());
      setMessage(
        res.ok
          ? { key: 'export.opened', params: { name: file.name }, lines: res.problems, error: false }
          : { key: '', params: {}, lines: res.problems, error: true },
      );
    });
  };

  return (
    <Section id="export" title={t('panel.export')}>
      {!hasCoverage ? (
        <p className="coming">{t('export.noData')}</p>
      ) : (
        <>
          <label className="field">
            <span>{t('export.crs')}</span>
            <select data-testid="export-crs" value={crs} onChange={(e) => setCrs(e.target.value as CrsId)}>
              {options.map((c) => (
                <option key={c} value={c}>
                  {crsName(c)}
                </option>
              ))}
            </select>
          </label>
          <div className="button-column">
            {BUTTONS.map((b) => (
              <button
                key={b.kind}
                type="button"
                data-testid={b.testId}
                disabled={busy}
                title={REPORT_FILES[b.kind].files.join(', ')}
                onClick={() => void run(async () => (await exportActions()).downloadReport(b.kind, crs))}
              >
                {t(b.key)}
                {b.kind === 'gaps' && siteCount > 0 ? ` · ${t('export.withSites', { n: siteCount })}` : ''}
              </button>
            ))}
            <button
              type="button"
              data-testid="export-shapefile"
              disabled={busy}
              title={t('exports2.shapefileTitle')}
              onClick={() => void run(async () => (await exportActions()).downloadShapefiles(crs))}
            >
              {t('exports2.shapefile')}
            </button>
          </div>
          <div className="row">
            <button type="button" data-testid="export-print" disabled={busy} onClick={() => void openPrint()}>
              {t('export.print')}
            </button>
            <button type="button" data-testid="export-png" disabled={busy} onClick={() => void exportPng()}>
              {t('export.png')}
            </button>
          </div>
          {print && <PrintView data={print} onClose={() => setPrint(null)} />}
        </>
      )}
      <h3>{t('export.project')}</h3>
      <div className="row">
        <button
          type="button"
          data-testid="project-save"
          disabled={busy || !hasCoverage}
          onClick={() => void run(async () => (await exportActions()).saveProject())}
        >
          {t('export.save')}
        </button>
        <label className="file-button">
          {t('export.open')}
          <input type="file" accept=".json,.lifecircle.json" data-testid="project-open" onChange={onOpen} />
        </label>
      </div>
      {message && (
        <p className={message.error ? 'error' : 'muted'} role="status" data-testid="export-message">
          {[message.key ? t(message.key, message.params) : '', ...message.lines].filter(Boolean).join(' · ')}
        </p>
      )}
    </Section>
  );
}
