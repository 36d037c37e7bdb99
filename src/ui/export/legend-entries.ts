/** Legend entries of what the map shows, for the PNG export and the printable summary. */
import type { TFunction } from 'i18next';
import type { Settings } from '../../engine/model';
import { KINDS } from '../../engine/model';
import { categoryStyles, categoryStyle, rgbToHex } from '../../app/category-style';
import { COMMUNITY_COLORS, SHARE_RAMP } from '../../app/community-style';
import { GAP_COLOR } from '../../app/layers/gap-zones-layer';
import type { VisibleLayers } from '../../app/store';
import type { Language } from '../../i18n/language';
import type { LegendEntry } from './map-image';

/**
 * Every colour the map shows: facility categories (when shown), community kinds (when shown), the
 * covered-share ramp of the selected category (when the coverage colours are shown), its gap zones
 * (when shown) and the proposed sites' category (when any).
 * @param category the selected category id (coverage colours and gap zones are of it), or null
 */
export function legendEntries(
  settings: Settings | null,
  visible: VisibleLayers,
  language: Language,
  t: TFunction,
  siteCategory: string | null,
  category: string | null = null,
): LegendEntry[] {
  const out: LegendEntry[] = [];
  const name = (id: string) =>
    (settings ? categoryStyles(settings.categories).find((x) => x.id === id) : undefined)?.label[language] ??
    categoryStyle(id).label[language];
  if (visible.coverage && category)
    for (const stop of SHARE_RAMP)
      out.push({
        color: rgbToHex(stop.rgb),
        shape: 'area',
        label: t('exports.legendShare', { category: name(category), pct: Math.round(stop.share * 100) }),
      });
  if (visible.gapZones && category)
    out.push({ color: rgbToHex(GAP_COLOR), shape: 'area', label: t('exports.legendGapZones', { category: name(category) }) });
  if (visible.facilities && settings)
    for (const c of categoryStyles(settings.categories)) out.push({ color: c.color, shape: 'dot', label: c.label[language] });
  if (visible.communities) for (const k of KINDS) out.push({ color: rgbToHex(COMMUNITY_COLORS[k]), shape: 'area', label: t(`kind.${k}`) });
  if (siteCategory) {
    const c = settings
      ? (categoryStyles(settings.categories).find((x) => x.id === siteCategory) ?? categoryStyle(siteCategory))
      : categoryStyle(siteCategory);
    out.push({ color: c.color, shape: 'ring', label: `${t('export.legendSites')}: ${c.label[language]}` });
  }
  return out;
}
