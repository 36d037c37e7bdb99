/** Legend entries of what the map shows, for the PNG export and the printable summary. */
import type { TFunction } from 'i18next';
import type { Settings } from '../../engine/model';
import { KINDS } from '../../engine/model';
import { categoryStyles, categoryStyle } from '../../app/category-style';
import { COMMUNITY_COLORS } from '../../app/community-style';
import type { VisibleLayers } from '../../app/store';
import type { Language } from '../../i18n/language';
import type { LegendEntry } from './map-image';

const hex = (rgb: readonly number[]) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Facility categories (when shown), community kinds (when shown) and the proposed sites' category (when any). */
export function legendEntries(
  settings: Settings | null,
  visible: VisibleLayers,
  language: Language,
  t: TFunction,
  siteCategory: string | null,
): LegendEntry[] {
  const out: LegendEntry[] = [];
  if (visible.facilities && settings)
    for (const c of categoryStyles(settings.categories)) out.push({ color: c.color, shape: 'dot', label: c.label[language] });
  if (visible.communities) for (const k of KINDS) out.push({ color: hex(COMMUNITY_COLORS[k]), shape: 'area', label: t(`kind.${k}`) });
  if (siteCategory) {
    const c = settings
      ? (categoryStyles(settings.categories).find((x) => x.id === siteCategory) ?? categoryStyle(siteCategory))
      : categoryStyle(siteCategory);
    out.push({ color: c.color, shape: 'ring', label: `${t('export.legendSites')}: ${c.label[language]}` });
  }
  return out;
}
