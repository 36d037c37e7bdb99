/**
 * The printable summary: map picture, coverage by category, the plan's indicators, the gap table
 * (top 50) and the proposed sites, with the provenance. Shown over the app; printing shows only it
 * (print styles at the end of ui/styles.css), so "Save as PDF" gives a clean report.
 */
import { useMemo } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { useSitingStore } from '../../app/siting-store';
import { categoryStyles } from '../../app/category-style';
import { formatPercent, formatPeople } from '../siting/format';
import type { LegendEntry } from './map-image';
import { PrintIndicators } from '../indicators/PrintIndicators';

/** Provenance as summary.json gives it (the fields shown). */
export interface PrintProvenance {
  generated_at?: string;
  app?: { name?: string; version?: string };
  inputs?: { layer: string; file: string; sha256: string; features: { kept: number } | null }[];
}

/** What the print view shows besides the store: the map picture and the report's provenance. */
export interface PrintData {
  mapImage: string | null;
  legend: LegendEntry[];
  provenance: PrintProvenance | null;
  /** Credits of the map (data sources, libraries), also drawn into the picture. */
  credits?: string;
}

/** Rows of the gap table. */
const PRINT_GAP_ROWS = 50;

export function PrintView({ data, onClose }: { data: PrintData; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const selectedCategory = useAppStore((s) => s.selectedCategory);
  const coverage = useAppStore((s) => s.coverage);
  const settings = useAppStore((s) => s.settings);
  const communities = useAppStore((s) => s.data?.communities ?? null);
  const siting = useSitingStore();
  const styles = useMemo(() => (settings ? categoryStyles(settings.categories) : []), [settings]);
  const gaps = useMemo(
    () =>
      coverage
        ? [...coverage.gaps]
            .sort((a, b) => b.uncoveredPopulation - a.uncoveredPopulation || a.community - b.community)
            .slice(0, PRINT_GAP_ROWS)
        : [],
    [coverage],
  );
  if (!coverage || !settings) return null;
  const label = (id: string) => styles.find((s) => s.id === id)?.label[language] ?? id;
  const props = (c: number) => communities?.features[c]?.properties ?? {};
  const sites = [...siting.sites].sort((a, b) => a.rank - b.rank);
  const generated = data.provenance?.generated_at ?? new Date().toISOString();

  return createPortal(
    <div className="print-view" data-testid="print-view" role="dialog" aria-label={t('export.reportTitle')}>
      <div className="print-toolbar">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('export.printNow')}
        </button>
        <button type="button" onClick={onClose} data-testid="print-close">
          {t('export.close')}
        </button>
      </div>
      <article className="print-page">
        <header>
          <h1>{t('export.reportTitle')}</h1>
          <p data-testid="print-category">{t('exports.printCategory', { category: label(selectedCategory) })}</p>
          <p>
            {t('export.generated', { time: new Date(generated).toLocaleString(language === 'zh' ? 'zh-CN' : 'en') })} ·{' '}
            {t('export.model', { model: t(coverage.model === 'network' ? 'export.modelNetwork' : 'export.modelStraight') })}
          </p>
          <p>
            {t('export.population', {
              people: formatPeople(coverage.population.total, language),
              communities: formatPeople(communities?.features.length ?? 0, language),
            })}
          </p>
        </header>

        <section>
          <h2>{t('export.mapTitle')}</h2>
          {data.mapImage && <img className="print-map" src={data.mapImage} alt={t('export.mapTitle')} data-testid="print-map" />}
          <ul className="print-legend" data-testid="print-legend">
            {data.legend.map((e) => (
              <li key={e.label}>
                <span
                  className={`swatch ${e.shape === 'area' ? 'area' : 'dot'}`}
                  style={e.shape === 'area' ? { borderColor: e.color } : { background: e.color }}
                />
                {e.label}
              </li>
            ))}
          </ul>
          {data.credits && (
            <p className="print-credits" data-testid="print-credits">
              {data.credits}
            </p>
          )}
        </section>

        <section>
          <h2>{t('export.chartTitle')}</h2>
          <svg
            className="print-chart"
            data-testid="print-chart"
            viewBox={`0 0 760 ${coverage.categoryIds.length * 28 + 8}`}
            role="img"
            aria-label={t('export.chartTitle')}
          >
            {coverage.categoryIds.map((id, k) => {
              const tot = coverage.totals[k]!;
              const cat = settings.categories[k]!;
              const y = k * 28 + 4;
              const color = styles[k]?.color ?? '#888';
              const w = (v: number) => (Number.isFinite(v) ? v * 320 : 0);
              return (
                <g key={id}>
                  <text x={0} y={y + 15} fontSize={12}>
                    {label(id)}
                  </text>
                  <text x={0} y={y + 26} fontSize={9} fill="#5b6470">
                    {t('export.threshold', { urban: cat.thresholdMinutes.urban, rural: cat.thresholdMinutes.rural })}
                  </text>
                  <rect x={130} y={y + 2} width={320} height={18} fill="#eef0f3" />
                  <rect x={130} y={y + 2} width={w(tot.share)} height={18} fill={color} />
                  <line
                    x1={130 + w(tot.urbanShare)}
                    x2={130 + w(tot.urbanShare)}
                    y1={y}
                    y2={y + 22}
                    stroke="#1f2328"
                    strokeDasharray="2 2"
                  />
                  <text x={458} y={y + 15} fontSize={12}>
                    {formatPercent(tot.share, language)}
                  </text>
                  <text x={512} y={y + 15} fontSize={10} fill="#5b6470">
                    {t('export.urban')} {formatPercent(tot.urbanShare, language)} · {t('export.rural')}{' '}
                    {formatPercent(tot.ruralShare, language)}
                  </text>
                </g>
              );
            })}
          </svg>
          <p>
            {t('export.complete', {
              share: formatPercent(coverage.population.total > 0 ? coverage.completeCovered / coverage.population.total : NaN, language),
            })}
          </p>
        </section>

        <PrintIndicators categoryId={selectedCategory} categoryLabel={label(selectedCategory)} language={language} />

        <section>
          <h2>{t('export.gapTitle', { n: PRINT_GAP_ROWS })}</h2>
          <table className="print-table" data-testid="print-gaps">
            <thead>
              <tr>
                <th>{t('export.gapName')}</th>
                <th>{t('export.gapKind')}</th>
                <th>{t('export.gapPopulation')}</th>
                <th>{t('export.gapUncovered')}</th>
                <th>{t('export.gapMissing')}</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={g.community}>
                  <td>{String(props(g.community).name || props(g.community).id || g.community)}</td>
                  <td>{t(`kind.${String(props(g.community).kind)}`, { defaultValue: String(props(g.community).kind ?? '') })}</td>
                  <td className="num">{formatPeople(Number(props(g.community).population ?? 0), language)}</td>
                  <td className="num">{formatPeople(g.uncoveredPopulation, language)}</td>
                  <td>{g.missing.map((k) => label(coverage.categoryIds[k] ?? '')).join(language === 'zh' ? '、' : ', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        {siting.category && sites.length > 0 && (
          <section>
            <h2>{t('export.sitesTitle', { category: label(siting.category) })}</h2>
            <p>
              {formatPercent(siting.beforeShare, language)} → {formatPercent(siting.share, language)}
            </p>
            <table className="print-table" data-testid="print-sites">
              <thead>
                <tr>
                  <th>{t('export.siteRank')}</th>
                  <th>{t('export.siteGain')}</th>
                  <th>{t('export.siteAt')}</th>
                </tr>
              </thead>
              <tbody>
                {sites.map((s) => (
                  <tr key={s.rank}>
                    <td>{s.rank}</td>
                    <td className="num">{formatPeople(s.gainPopulation, language)}</td>
                    <td>
                      {s.lon.toFixed(6)}, {s.lat.toFixed(6)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}

        {data.provenance?.inputs && (
          <section>
            <h2>{t('export.inputs')}</h2>
            <table className="print-table small">
              <thead>
                <tr>
                  <th>{t('export.file')}</th>
                  <th>{t('export.features')}</th>
                  <th>{t('export.sha256')}</th>
                </tr>
              </thead>
              <tbody>
                {data.provenance.inputs.map((f) => (
                  <tr key={`${f.layer}-${f.file}`}>
                    <td>{f.file}</td>
                    <td className="num">{f.features ? formatPeople(f.features.kept, language) : '–'}</td>
                    <td className="hash">{f.sha256}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">
              {data.provenance.app?.name} {data.provenance.app?.version}
            </p>
          </section>
        )}
      </article>
    </div>,
    document.body,
  );
}
