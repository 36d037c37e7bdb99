/**
 * Population-weighted histogram of travel times to the nearest facility of one category, urban and
 * rural residents stacked, with the urban and rural thresholds drawn. Plain SVG; the geometry comes
 * from app/results/histogram-bars.ts.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { histogramLayout, TIMED_BINS } from '../../app/results/histogram-bars';
import { formatCount } from '../../app/results/format';
import type { Language } from '../../i18n/language';
import { HISTOGRAM_BIN_MINUTES } from '../../engine/coverage/travel-time-histograms';

const W = 300;
const H = 110;
const AXIS = 16;
const URBAN_COLOR = '#4e79a7';
const RURAL_COLOR = '#9c755f';

export function TravelTimeHistogram({
  urban,
  rural,
  thresholds,
  language,
}: {
  urban: Float64Array;
  rural: Float64Array;
  thresholds: { urban: number; rural: number };
  language: Language;
}) {
  const { t } = useTranslation();
  const layout = useMemo(() => histogramLayout(urban, rural, W, H), [urban, rural]);
  const range = (from: number, to: number) =>
    Number.isNaN(from) ? t('results.unreachableTitle') : t('settings.minutes', { value: to === Infinity ? `> ${from}` : `${from}–${to}` });
  const ticks = [0, 10, 20, 30, 40, 50, 60];
  return (
    <figure className="histogram" data-testid="histogram">
      <svg viewBox={`0 0 ${W} ${H + AXIS}`} role="img" aria-label={t('results.histogram')}>
        {layout.bars.map((b) => (
          <g key={b.bin} data-testid={`histogram-bin-${b.bin}`}>
            <title>
              {t('results.binTitle', {
                range: range(b.fromMinutes, b.toMinutes),
                urban: formatCount(b.urban, language),
                rural: formatCount(b.rural, language),
              })}
            </title>
            {b.urbanHeight > 0 && (
              <rect x={b.x + 0.5} y={b.urbanY} width={Math.max(0.5, b.width - 1)} height={b.urbanHeight} fill={URBAN_COLOR} />
            )}
            {b.ruralHeight > 0 && (
              <rect x={b.x + 0.5} y={b.ruralY} width={Math.max(0.5, b.width - 1)} height={b.ruralHeight} fill={RURAL_COLOR} />
            )}
          </g>
        ))}
        <line x1={0} x2={W} y1={H + 0.5} y2={H + 0.5} stroke="#8c959f" />
        {ticks.map((m) => (
          <text key={m} x={layout.xOfMinutes(m)} y={H + 12} className="axis-label" textAnchor="middle">
            {m}
          </text>
        ))}
        {layout.bars.slice(TIMED_BINS).map((b, i) => (
          <text key={b.bin} x={b.x + b.width / 2} y={H + 12} className="axis-label" textAnchor="middle">
            {t(i === 0 ? 'results.over60' : 'results.unreachable')}
          </text>
        ))}
        <line
          className="threshold-line urban"
          data-testid="histogram-threshold-urban"
          x1={layout.xOfMinutes(thresholds.urban)}
          x2={layout.xOfMinutes(thresholds.urban)}
          y1={0}
          y2={H}
        />
        <line
          className="threshold-line rural"
          data-testid="histogram-threshold-rural"
          x1={layout.xOfMinutes(thresholds.rural)}
          x2={layout.xOfMinutes(thresholds.rural)}
          y1={0}
          y2={H}
        />
      </svg>
      <figcaption className="histogram-legend">
        <span>
          <span className="swatch area" style={{ background: URBAN_COLOR, borderColor: URBAN_COLOR }} />
          {t('results.histogramUrban')}
        </span>
        <span>
          <span className="swatch area" style={{ background: RURAL_COLOR, borderColor: RURAL_COLOR }} />
          {t('results.histogramRural')}
        </span>
        <span>
          <span className="swatch line threshold-swatch urban" />
          {t('results.thresholdUrban', { value: thresholds.urban })}
        </span>
        <span>
          <span className="swatch line threshold-swatch rural" />
          {t('results.thresholdRural', { value: thresholds.rural })}
        </span>
        <span className="muted">{t('results.minutesAxis', { value: HISTOGRAM_BIN_MINUTES })}</span>
      </figcaption>
    </figure>
  );
}
