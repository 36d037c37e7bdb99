/**
 * The whole-extract input: one OpenStreetMap file (.osm.pbf, .osm, .osm.gz) fills the three layers
 * at once; each layer's card then shows its own load report. Says how many communities have an
 * estimated population.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadOsmExtract } from '../../app/actions';
import { formatCount } from '../../app/results/format';
import { useAppStore } from '../../app/store';
import type { OsmImportReport } from '../../io/osm/osm-import-types';
import { DropZone } from './DropZone';
import { osmReasonText } from './osm-reason';
import './osm-extract.css';

export function OsmExtractCard() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const busy = useAppStore((s) => s.status === 'loading' || s.job !== null);
  const [report, setReport] = useState<OsmImportReport | null>(null);
  const [reading, setReading] = useState(false);
  const take = async ([file]: File[]) => {
    if (!file) return;
    setReading(true);
    const r = await loadOsmExtract(file.name, new Uint8Array(await file.arrayBuffer()));
    setReading(false);
    if (r) setReport(r);
  };
  const skipped = report ? Object.entries(report.roads.skippedByReason).map(([k, v]) => `${osmReasonText(t, k)} ×${formatCount(v, language)}`) : [];
  return (
    <div className="layer-card osm-extract" data-testid="layer-osm">
      <h3>{t('osm.title')}</h3>
      <p className="hint">{t('osm.hint')}</p>
      <DropZone
        testId="drop-osm"
        inputTestId="file-input-osm"
        prompt={t('osm.drop')}
        choose={t('osm.choose')}
        accept=".osm,.pbf,.gz,.xml"
        disabled={busy}
        onFiles={(files) => void take(files)}
      />
      {reading && <p>{t('osm.reading')}</p>}
      {report && (
        <div className="osm-report" data-testid="osm-report">
          <p data-testid="osm-summary">
            {t('osm.summary', {
              name: report.file,
              roads: formatCount(report.roads.ways, language),
              facilities: formatCount(report.facilities.kept, language),
              communities: formatCount(report.communities.kept, language),
              urban: formatCount(report.communities.urban, language),
              rural: formatCount(report.communities.rural, language),
            })}
          </p>
          {skipped.length > 0 && <p className="hint">{t('osm.skipped', { list: skipped.join(language === 'zh' ? '；' : '; ') })}</p>}
          {report.communities.estimated > 0 && (
            <p className="osm-estimated" role="note" data-testid="osm-estimated-notice">
              {t('osm.estimated', { n: formatCount(report.communities.estimated, language), total: formatCount(report.communities.kept, language) })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
