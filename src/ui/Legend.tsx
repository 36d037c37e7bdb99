/**
 * The legend: every facility category (preset order, plus any other category found in the data),
 * both community kinds and the road classes, each group with a show/hide switch.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, type VisibleLayers } from '../app/store';
import { CATEGORY_STYLES, categoryStyle, type Rgb } from '../app/category-style';
import { COMMUNITY_COLORS } from '../app/community-style';
import { ROAD_CLASSES, ROAD_COLORS } from '../app/road-style';
import { setLayerVisible } from '../app/actions';
import { KINDS } from '../engine/model';

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

export function Legend() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const facilities = useAppStore((s) => s.data?.facilities ?? null);

  const categories = useMemo(() => {
    const known = new Set(CATEGORY_STYLES.map((c) => c.id));
    const extra = new Set<string>();
    for (const f of facilities?.features ?? []) {
      const id = String(f.properties?.category ?? '');
      if (!known.has(id)) extra.add(id);
    }
    return [...CATEGORY_STYLES, ...[...extra].sort().map(categoryStyle)];
  }, [facilities]);

  return (
    <section className="legend" data-testid="legend" aria-label={t('legend.title')}>
      <h2>{t('legend.title')}</h2>
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
            <span className="swatch area" style={{ borderColor: css(COMMUNITY_COLORS[kind]), background: css(COMMUNITY_COLORS[kind], 0.35) }} />
            {t(`kind.${kind}`)}
          </li>
        ))}
      </ul>
      <GroupTitle layer="roads" title={t('legend.roads')} />
      <ul>
        {ROAD_CLASSES.map((cls) => (
          <li key={cls} data-testid={`legend-road-${cls}`}>
            <span className="swatch line" style={{ background: css(ROAD_COLORS[cls]) }} />
            {t(`road.${cls}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
