/** A chart made by Observable Plot, mounted in a figure with its title and PNG / SVG buttons. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { saveChartPng, saveChartSvg } from './chart-export';

export function PlotChart({
  title,
  make,
  fileName,
  testId,
  exportable = true,
}: {
  title: string;
  /** Builds the chart (called again when it changes). */
  make: () => Element;
  fileName: string;
  testId: string;
  exportable?: boolean;
}) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = make();
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [make]);
  return (
    <figure className="indicator-chart" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        {exportable && (
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
    </figure>
  );
}
