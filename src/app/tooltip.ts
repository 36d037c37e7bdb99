/**
 * Hover text for a picked map object, as plain text (never HTML: names come from user files; the
 * map hands it to deck.gl as `{text}`, which sets it as text).
 */
import { categoryStyle } from './category-style';
import type { SurfaceState } from './store';
import type { Language } from '../i18n/language';
import type { RoadPath } from './layers/roads-layer';
import type { FacilityPoint } from './layers/facilities-layer';
import type { CategoryLookup } from './layers/category-lookup';
import type { GapZone } from '../engine/coverage/gap-zones';
import { heatSecondsAt } from './layers/heat-layer';
import type { Feature } from 'geojson';

/** Translates an i18n key (the UI passes i18next's `t`), with optional interpolation values. */
export type Translate = (key: string, values?: Record<string, string>) => string;

/** What the analysis layers' tooltips need besides the picked object. */
export interface TooltipContext {
  /** Category labels of the active settings (default: the preset's). */
  style?: CategoryLookup;
  /** Covered share per community shown by the coverage layer (see coverageValues). */
  shares?: Float64Array | null;
  /** The surface drawn by the heat layer. */
  surface?: SurfaceState | null;
  /** Picked pixel of a bitmap layer (deck.gl `info.bitmap.pixel`). */
  bitmapPixel?: readonly [number, number] | null;
}

const localeOf = (language: Language) => (language === 'zh' ? 'zh-CN' : 'en');

function communityText(object: unknown, language: Language, t: Translate): string {
  const p = (object as Feature).properties ?? {};
  const kind = p.kind === 'urban' || p.kind === 'rural' ? t(`kind.${p.kind}`) : String(p.kind ?? '');
  const pop = Number(p.population);
  const popText = Number.isFinite(pop) ? `\n${t('tooltip.population')}: ${pop.toLocaleString(localeOf(language))}` : '';
  return `${String(p.name ?? p.id ?? '')}\n${kind}${popText}`;
}

/** Tooltip text for an object picked on layer `layerId`, or null when there is nothing to say. */
export function tooltipText(layerId: string, object: unknown, language: Language, t: Translate, ctx: TooltipContext = {}): string | null {
  const locale = localeOf(language);
  if (layerId === 'heat' && ctx.surface && ctx.bitmapPixel) {
    const s = heatSecondsAt(ctx.surface, ctx.bitmapPixel);
    if (s === null) return null;
    const label = (ctx.style ?? categoryStyle)(ctx.surface.category).label[language];
    const value = Number.isFinite(s)
      ? t('layers.minutes', { value: (s / 60).toLocaleString(locale, { maximumFractionDigits: 1 }) })
      : t('layers.unreachable');
    return `${label}\n${t('layers.heat')}: ${value}`;
  }
  if (!object) return null;
  if (layerId === 'facilities') {
    const f = object as FacilityPoint;
    return `${f.name || f.id}\n${(ctx.style ?? categoryStyle)(f.category).label[language]}`;
  }
  if (layerId === 'communities') return communityText(object, language, t);
  if (layerId === 'coverage') {
    const i = (object as Feature).properties?.index;
    const share = ctx.shares && Number.isInteger(i) ? ctx.shares[i as number] : undefined;
    const shareText =
      share !== undefined && Number.isFinite(share)
        ? `\n${t('layers.share', { value: share.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 }) })}`
        : '';
    return communityText(object, language, t) + shareText;
  }
  if (layerId === 'gap-zones') {
    const z = object as GapZone;
    return `${t('layers.gapZone')}\n${t('layers.uncoveredResidents', { value: Math.round(z.population).toLocaleString(locale) })}`;
  }
  if (layerId === 'roads') {
    const r = object as RoadPath;
    return [r.name, r.highway].filter((s) => s).join('\n') || null;
  }
  return null;
}
