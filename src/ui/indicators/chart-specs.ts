/**
 * The indicator charts as Observable Plot figures (SVG): residents by minutes band, stacked, urban
 * and rural apart; the Lorenz curve of coverage; covered share by district. Labels come from the
 * caller (bilingual through i18n). Plot needs a document: call these in the browser only.
 */
import * as Plot from '@observablehq/plot';
import type { Indicators } from '../../engine/indicators/indicators';

/** Band colours, near to far, then "no road" in grey. */
const BAND_COLORS = ['#1a9850', '#91cf60', '#d9ef8b', '#fee08b', '#fc8d59', '#d73027', '#9e9e9e'];

/** Labels the charts show. */
export interface ChartLabels {
  bands: string[];
  urban: string;
  rural: string;
  residentsShare: string;
  populationShare: string;
  coveredShare: string;
  coveredPercent: string;
  equality: string;
  band: string;
  districtName: (name: string | null) => string;
}

const FONT = { fontFamily: 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif', fontSize: '12px' };

/** Stacked bars: share of urban and of rural residents per minutes band of category `k`. */
export function bandsChart(ind: Indicators, k: number, labels: ChartLabels, width = 360): SVGSVGElement | HTMLElement {
  const o = ind.overall[k]!;
  const data = (['urban', 'rural'] as const).flatMap((kind) => {
    const st = o[kind];
    return st.bands.map((v, b) => ({
      kind: labels[kind],
      band: labels.bands[b]!,
      order: b,
      share: st.population > 0 ? (100 * v) / st.population : 0,
    }));
  });
  return Plot.plot({
    width,
    height: 150,
    marginLeft: 50,
    marginBottom: 40,
    style: FONT,
    x: { label: labels.residentsShare, domain: [0, 100], labelAnchor: 'center', labelOffset: 36 },
    y: { label: null, domain: [labels.urban, labels.rural] },
    color: { domain: labels.bands, range: BAND_COLORS, legend: true, label: labels.band },
    marks: [
      Plot.barX(
        data,
        Plot.stackX({
          x: 'share',
          y: 'kind',
          fill: 'band',
          order: 'order',
          title: (d: { band: string; share: number }) => `${d.band}: ${d.share.toFixed(1)} %`,
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
}

/** Lorenz curve of category `k` with the line of equality. */
export function lorenzChart(ind: Indicators, k: number, labels: ChartLabels, width = 300): SVGSVGElement | HTMLElement {
  const pts = ind.lorenz[k]!.map(([p, y]) => ({ p: p * 100, y: y * 100 }));
  return Plot.plot({
    width,
    height: Math.round(width * 0.85),
    marginBottom: 42,
    style: FONT,
    x: { label: labels.populationShare, domain: [0, 100], labelAnchor: 'center', labelOffset: 38 },
    y: { label: labels.coveredShare, domain: [0, 100] },
    marks: [
      Plot.line(
        [
          { p: 0, y: 0 },
          { p: 100, y: 100 },
        ],
        { x: 'p', y: 'y', stroke: '#999', strokeDasharray: '4,3' },
      ),
      Plot.text([{ p: 55, y: 62 }], { x: 'p', y: 'y', text: () => labels.equality, fill: '#777', rotate: -45 }),
      Plot.areaY(pts, { x: 'p', y: 'y', fill: '#3182bd', fillOpacity: 0.15 }),
      Plot.line(pts, { x: 'p', y: 'y', stroke: '#3182bd', strokeWidth: 2 }),
      Plot.frame({ stroke: '#ccc' }),
    ],
  });
}

/** Horizontal bars: covered share of category `k` per district, urban and rural marks beside. */
export function districtBarsChart(ind: Indicators, k: number, labels: ChartLabels, width = 360): SVGSVGElement | HTMLElement {
  const data = ind.districts.map((d) => {
    const c = d.categories[k]!;
    return { name: labels.districtName(d.name), share: c.all.population > 0 ? (100 * c.all.covered) / c.all.population : 0 };
  });
  return Plot.plot({
    width,
    height: 40 + 22 * data.length,
    marginLeft: 90,
    marginRight: 30,
    marginBottom: 40,
    style: FONT,
    x: { label: labels.coveredPercent, domain: [0, 100], grid: true, labelAnchor: 'center', labelOffset: 36 },
    y: { label: null, domain: data.map((d) => d.name) },
    marks: [
      Plot.barX(data, { x: 'share', y: 'name', fill: '#3182bd', title: (d: { share: number }) => `${d.share.toFixed(1)} %` }),
      Plot.text(data, { x: 'share', y: 'name', text: (d: { share: number }) => `${d.share.toFixed(1)}`, dx: 14, fill: '#333' }),
      Plot.ruleX([0]),
    ],
  });
}
