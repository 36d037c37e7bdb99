/**
 * The legend: the active settings' facility categories (labels and colours; plus any other category
 * found in the data), both community kinds, the analysis layers of the selected category (covered
 * share ramp, gap zones, service circles or isochrones, travel-time ramp) and the road classes, each
 * group with a show/hide switch, and the category the analysis layers show.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type VisibleLayers } from '../app/store';
import { CATEGORY_STYLES, categoryStyle, categoryStyles, type Rgb } from '../app/category-style';
import { COMMUNITY_COLORS, NO_SHARE_COLOR, SHARE_RAMP } from '../app/community-style';
import { ROAD_CLASSES, ROAD_COLORS } from '../app/road-style';
import { GAP_COLOR, GAP_FILL_ALPHA } from '../app/layers/gap-zones-layer';
import { HEAT_STOPS } from '../app/layers/heat-layer';
import { SERVICE_FILL_ALPHA, SERVICE_LINE_ALPHA } from '../app/layers/service-areas-layer';
import { selectCategory, setLayerVisible } from '../app/actions';
import { setCoverageMode, useMapStore } from '../app/map-actions';
import { KINDS } from '../engine/model';
import { SitingLegend } from './siting/SitingLegend';
import { BasemapPicker } from './map/BasemapPicker';

const css = (rgb: Rgb, alpha = 1) => `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})`;

function GroupTitle({ layer, title }: { layer: keyof VisibleLayers; title: string }) {
  const { t } = useTranslation();
  const checked = useAppStore((s) => s.visible[layer]);
  return (
    <label className="legend-group-title">
      <input
        type="checkbox"
        checked={checked}
        data-testid={`toggle-${layer}`}
        aria-label={`${t('legend.show')}: ${title}`}
        onChange={(e) => setLayerVisible(layer, e.target.checked)}
      />
      {title}
    </label>
  );
}

/** A horizontal colour ramp with tick labels under it. */
function Ramp({ stops, ticks, testId }: { stops: { at: number; rgb: Rgb }[]; ticks: string[]; testId: string }) {
  const max = stops[stops.length - 1]?.at ?? 1;
  const gradient = stops.map((s) => `${css(s.rgb)} ${((s.at / max) * 100).toFixed(1)}%`).join(', ');
  return (
    <li className="legend-ramp" data-testid={testId}>
      <span className="ramp-bar" style={{ background: `linear-gradient(to right, ${gradient})` }} />
      <span className="ramp-ticks">
        {ticks.map((x, i) => (
          <span key={i}>{x}</span>
        ))}
      </span>
    </li>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const facilities = useAppStore((s) => s.data?.facilities ?? null);
  const settings = useAppStore((s) => s.settings);
  const model = useAppStore((s) => s.coverage?.model ?? s.settings?.model ?? 'straight');
  const selectedCategory = useAppStore((s) => s.selectedCategory);
  const coverageMode = useMapStore((s) => s.coverageMode);
  const locale = language === 'zh' ? 'zh-CN' : 'en';

  const categories = useMemo(() => {
    const own = settings ? categoryStyles(settings.categories) : [...CATEGORY_STYLES];
    const known = new Set(own.map((c) => c.id));
    const extra = new Set<string>();
    for (const f of facilities?.features ?? []) {
      const id = String(f.properties?.category ?? '');
      if (!known.has(id)) extra.add(id);
    }
    return [...own, ...[...extra].sort().map(categoryStyle)];
  }, [facilities, settings]);

  const selected = categories.find((c) => c.id === selectedCategory) ?? categoryStyle(selectedCategory);
  const selectedDef = settings?.categories.find((c) => c.id === selectedCategory);
  const pct = (x: number) => x.toLocaleString(locale, { style: 'percent' });
  const heatMax = HEAT_STOPS[HEAT_STOPS.length - 1]!.minutes;
  // folded, the legend is one line: the map behind it shows (zoomed in, the panel hides a fifth of the map)
  const [open, setOpen] = useState(true);
  const heading = (
    <h2>
      <button
        type="button"
        className="legend-fold"
        aria-expanded={open}
        title={t(open ? 'legend.hide' : 'legend.expand')}
        data-testid="legend-fold"
        onClick={() => setOpen(!open)}
      >
        {t('legend.title')} <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
    </h2>
  );
  if (!open)
    return (
      <section className="legend folded" data-testid="legend" aria-label={t('legend.title')}>
        {heading}
      </section>
    );

  return (
    <section className="legend" data-testid="legend" aria-label={t('legend.title')}>
      {heading}
      <GroupTitle layer="facilities" title={t('legend.facilities')} />
      <ul>
        {categories.map((c) => (
          <li key={c.id} data-testid={`legend-${c.id}`}>
            <span className="swatch dot" style={{ background: c.color }} />
            {c.label[language]}
          </li>
        ))}
      </ul>
      <GroupTitle layer="communities" title={t('legend.communities')} />
      <ul>
        {KINDS.map((kind) => (
          <li key={kind} data-testid={`legend-kind-${kind}`}>
            <span
              className="swatch area"
              style={{ borderColor: css(COMMUNITY_COLORS[kind]), background: css(COMMUNITY_COLORS[kind], 0.35) }}
            />
            {t(`kind.${kind}`)}
          </li>
        ))}
      </ul>

      <div className="legend-analysis">
        <label className="legend-category">
          <span>{t('layers.category')}</span>
          <select data-testid="layer-category-select" value={selectedCategory} onChange={(e) => selectCategory(e.target.value)}>
            {(settings?.categories ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {categories.find((s) => s.id === c.id)?.label[language] ?? c.id}
              </option>
            ))}
          </select>
        </label>

        <GroupTitle layer="coverage" title={t('layers.coverage')} />
        <ul>
          <Ramp
            testId="legend-share-ramp"
            stops={SHARE_RAMP.map((s) => ({ at: s.share, rgb: s.rgb }))}
            ticks={[pct(0), pct(0.5), pct(1)]}
          />
          <li>
            <span className="swatch area" style={{ borderColor: css(NO_SHARE_COLOR), background: css(NO_SHARE_COLOR, 0.7) }} />
            {t('layers.noShare')}
          </li>
          <li>
            <label className="legend-option">
              <input
                type="checkbox"
                data-testid="toggle-coverage-complete"
                checked={coverageMode === 'complete'}
                onChange={(e) => setCoverageMode(e.target.checked ? 'complete' : 'category')}
              />
              {t('layers.coverageComplete')}
            </label>
          </li>
        </ul>

        <GroupTitle layer="gapZones" title={t('layers.gapZones')} />
        <ul>
          <li data-testid="legend-gap-zone">
            <span className="swatch area" style={{ borderColor: css(GAP_COLOR), background: css(GAP_COLOR, GAP_FILL_ALPHA / 255) }} />
            {t('layers.gapZone')}
          </li>
        </ul>

        <GroupTitle layer="serviceAreas" title={t(model === 'network' ? 'layers.isochrones' : 'layers.serviceCircles')} />
        <ul>
          {selectedDef &&
            KINDS.map((kind) => (
              <li key={kind} data-testid={`legend-service-${kind}`}>
                <span
                  className="swatch ring"
                  style={{
                    borderColor: css(selected.rgb, SERVICE_LINE_ALPHA[kind] / 255),
                    background: css(selected.rgb, SERVICE_FILL_ALPHA / 255),
                  }}
                />
                {t(kind === 'urban' ? 'layers.urbanArea' : 'layers.ruralArea', {
                  minutes: selectedDef.thresholdMinutes[kind].toLocaleString(locale),
                })}
              </li>
            ))}
        </ul>

        <GroupTitle layer="heat" title={t('layers.heat')} />
        <ul>
          <Ramp
            testId="legend-heat-ramp"
            stops={HEAT_STOPS.map((s) => ({ at: s.minutes, rgb: s.rgb }))}
            ticks={[0, heatMax / 3, (2 * heatMax) / 3, heatMax].map(
              (m, i, all) => `${m.toLocaleString(locale)}${i === all.length - 1 ? '+' : ''}`,
            )}
          />
          <li className="legend-note">{t('layers.heatMinutes')}</li>
        </ul>
      </div>

      <GroupTitle layer="roads" title={t('legend.roads')} />
      <ul>
        {ROAD_CLASSES.map((cls) => (
          <li key={cls} data-testid={`legend-road-${cls}`}>
            <span className="swatch line" style={{ background: css(ROAD_COLORS[cls]) }} />
            {t(`road.${cls}`)}
          </li>
        ))}
      </ul>
      <SitingLegend />
      <BasemapPicker />
    </section>
  );
}
