/**
 * A chart made by Observable Plot, mounted in a figure with its title and PNG / SVG buttons. Plot is
 * loaded with the first chart (./load-charts.ts); when it cannot load, the figure says so as text.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveChartPng, saveChartSvg } from './chart-export';
import { loadChartSpecs, type ChartSpecs } from './load-charts';

export function PlotChart({
  title,
  make,
  fileName,
  testId,
  exportable = true,
}: {
  title: string;
  /** Builds the chart with the chart builders (called again when it changes). */
  make: (specs: ChartSpecs) => Element;
  fileName: string;
  testId: string;
  exportable?: boolean;
}) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let chart: Element | null = null;
    let live = true;
    loadChartSpecs().then(
      (specs) => {
        const el = host.current;
        if (!live || !el) return;
        chart = make(specs);
        el.replaceChildren(chart);
        setFailed(null);
      },
      (e: unknown) => {
        if (live) setFailed(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
      chart?.remove();
    };
  }, [make]);
  return (
    <figure className="indicator-chart" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        {exportable && failed === null && (
          <span className="chart-actions">
            <button
              type="button"
              title={t('districts.saveAs', { format: 'PNG' })}
              onClick={() => host.current && void saveChartPng(host.current, fileName)}
              data-testid={`${testId}-png`}
            >
              {t('districts.png')}
            </button>
            <button
              type="button"
              title={t('districts.saveAs', { format: 'SVG' })}
              onClick={() => host.current && saveChartSvg(host.current, fileName)}
              data-testid={`${testId}-svg`}
            >
              {t('districts.svg')}
            </button>
          </span>
        )}
      </figcaption>
      {/* axis labels may be names from the data (districts): shown as text, marked as data */}
      <div ref={host} className="chart-host" data-user-text="" />
      {failed !== null && (
        <p className="error" role="status" data-testid={`${testId}-failed`}>
          {t('lazy.failed', { reason: failed })}
        </p>
      )}
    </figure>
  );
}
