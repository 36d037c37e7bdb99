/**
 * Hover text for a picked map object, as plain text (never HTML: names come from user files).
 */
import { categoryStyle } from './category-style';
import type { Language } from './store';
import type { RoadPath } from './layers/roads-layer';
import type { FacilityPoint } from './layers/facilities-layer';
import type { Feature } from 'geojson';

/** Translates an i18n key (the UI passes i18next's `t`). */
export type Translate = (key: string) => string;

/** Tooltip text for an object picked on layer `layerId`, or null when there is nothing to say. */
export function tooltipText(layerId: string, object: unknown, language: Language, t: Translate): string | null {
  if (!object) return null;
  if (layerId === 'facilities') {
    const f = object as FacilityPoint;
    return `${f.name || f.id}\n${categoryStyle(f.category).label[language]}`;
  }
  if (layerId === 'communities') {
    const p = (object as Feature).properties ?? {};
    const kind = p.kind === 'urban' || p.kind === 'rural' ? t(`kind.${p.kind}`) : String(p.kind ?? '');
    const pop = Number(p.population);
    const popText = Number.isFinite(pop) ? `\n${t('tooltip.population')}: ${pop.toLocaleString(language === 'zh' ? 'zh-CN' : 'en')}` : '';
    return `${String(p.name ?? p.id ?? '')}\n${kind}${popText}`;
  }
  if (layerId === 'roads') {
    const r = object as RoadPath;
    return [r.name, r.highway].filter((s) => s).join('\n') || null;
  }
  return null;
}
