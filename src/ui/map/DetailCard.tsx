/**
 * The card that opens when a community or facility is clicked on the map (store.selection): a
 * community's time to every category with ✓/✗ against its threshold, or whom a facility serves.
 * Names from user files are rendered as React text, never as HTML.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { select } from '../../app/actions';
import { categoryLookup } from '../../app/layers/category-lookup';
import { featuresWithIndex } from '../../app/layers/selection-layer';
import { refreshSelectionDetail, useMapStore } from '../../app/map-actions';
import { useAppStore } from '../../app/store';
import type { CommunityKind } from '../../engine/model';
import { communityRows, formatMinutes, perThousandText } from './detail-rows';

const localeOf = (language: string) => (language === 'zh' ? 'zh-CN' : 'en');

function Mark({ within }: { within: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={within ? 'detail-mark within' : 'detail-mark outside'} title={t(within ? 'layers.within' : 'layers.outside')}>
      {within ? '✓' : '✗'}
    </span>
  );
}

function CommunityCard({ index }: { index: number }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const data = useAppStore((s) => s.data);
  const coverage = useAppStore((s) => s.coverage);
  const settings = useAppStore((s) => s.settings);
  const nearest = useMapStore((s) => (s.nearest?.index === index ? s.nearest.facilities : null));
  const access = useMapStore((s) => (s.access?.index === index ? s.access.rows : null));
  const locale = localeOf(language);
  const feature = data ? featuresWithIndex(data.communities, index)[0] : undefined;
  const p = feature?.properties ?? {};
  const kind: CommunityKind = p.kind === 'rural' ? 'rural' : 'urban';
  const style = categoryLookup(settings?.categories);
  const rows = useMemo(() => {
    if (!coverage || !settings) return null;
    try {
      return communityRows(coverage, settings, index, kind);
    } catch {
      return null; // the coverage is of another dataset (it is being recomputed)
    }
  }, [coverage, settings, index, kind]);
  return (
    <section className="detail-card" data-testid="community-detail" aria-label={t('layers.communityDetail')}>
      <CardHeader properties={p} />
      <p className="detail-sub">
        {t(`kind.${kind}`)} · {t('layers.population', { value: Number(p.population ?? 0).toLocaleString(locale) })}
      </p>
      {rows ? (
        <div className="detail-scroll">
          <table>
            <thead>
              <tr>
                <th>{t('layers.colCategory')}</th>
                <th>{t('layers.colTime')}</th>
                <th>{t('layers.colThreshold')}</th>
                <th>{t('layers.colWithin')}</th>
                <th>{t('layers.colNearest')}</th>
                <th title={t('access.perThousandHint')}>{t('access.colPerThousand')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const minutes = formatMinutes(r.seconds, locale);
                const near = nearest?.find((n) => n.categoryId === r.categoryId)?.facility;
                return (
                  <tr key={r.categoryId} data-testid={`community-detail-row-${r.categoryId}`} data-within={r.within ? 'true' : 'false'}>
                    <td>
                      <span className="swatch dot" style={{ background: style(r.categoryId).color }} />{' '}
                      {style(r.categoryId).label[language]}
                    </td>
                    <td className="num">{minutes === null ? t('layers.unreachable') : t('layers.minutes', { value: minutes })}</td>
                    <td className="num">{t('layers.minutes', { value: r.thresholdMinutes.toLocaleString(locale) })}</td>
                    <td>
                      <Mark within={r.within} />
                    </td>
                    <td className="detail-nearest">{near ? near.name || near.id : nearest ? '—' : ''}</td>
                    <td className="num" data-testid={`community-detail-access-${r.categoryId}`}>
                      {perThousandText(
                        access?.find((a) => a.categoryId === r.categoryId),
                        locale,
                        t('access.noneInReach'),
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('layers.noCoverage')}</p>
      )}
    </section>
  );
}

/** A card's title — the feature's name, else its id (an empty name is no name) — and its close button. */
function CardHeader({ properties }: { properties: Record<string, unknown> }) {
  const { t } = useTranslation();
  return (
    <header>
      <h3 data-testid="detail-name">{String(properties.name || properties.id || '')}</h3>
      <button type="button" className="detail-close" data-testid="detail-close" aria-label={t('layers.close')} onClick={() => select(null)}>
        ×
      </button>
    </header>
  );
}

function FacilityCard({ index }: { index: number }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const data = useAppStore((s) => s.data);
  const settings = useAppStore((s) => s.settings);
  const served = useMapStore((s) => (s.servedBy?.facility.index === index ? s.servedBy : null));
  const locale = localeOf(language);
  const feature = data ? featuresWithIndex(data.facilities, index)[0] : undefined;
  const p = feature?.properties ?? {};
  const style = categoryLookup(settings?.categories)(String(p.category ?? ''));
  const n = (x: number) => x.toLocaleString(locale);
  return (
    <section className="detail-card" data-testid="facility-detail" aria-label={t('layers.facilityDetail')}>
      <CardHeader properties={p} />
      <p className="detail-sub">
        <span className="swatch dot" style={{ background: style.color }} /> {style.label[language]}
        {served?.thresholdMinutes
          ? ` · ${t('layers.thresholds', { urban: n(served.thresholdMinutes.urban), rural: n(served.thresholdMinutes.rural) })}`
          : ''}
      </p>
      {!served ? (
        <p>{t('layers.loading')}</p>
      ) : !served.thresholdMinutes ? (
        <p>{t('layers.categoryUnknown')}</p>
      ) : served.communities.length === 0 ? (
        <p data-testid="facility-served-summary">{t('layers.servesNone')}</p>
      ) : (
        <>
          <p data-testid="facility-served-summary">
            {t('layers.servesSummary', {
              count: n(served.communities.length),
              population: n(served.population),
              covered: n(served.coveredPopulation),
            })}
          </p>
          <div className="detail-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('layers.colCommunity')}</th>
                  <th>{t('layers.colTime')}</th>
                  <th>{t('layers.colThreshold')}</th>
                  <th>{t('layers.colWithin')}</th>
                </tr>
              </thead>
              <tbody>
                {served.communities.map((c) => (
                  <tr key={c.index} data-testid={`facility-detail-row-${c.index}`} data-within={c.within ? 'true' : 'false'}>
                    <td>{c.name || c.id}</td>
                    <td className="num">{t('layers.minutes', { value: formatMinutes(c.seconds, locale) ?? '—' })}</td>
                    <td className="num">{t('layers.minutes', { value: n(served.thresholdMinutes![c.kind]) })}</td>
                    <td>
                      <Mark within={c.within} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The detail card of the current selection, or nothing. */
export function DetailCard() {
  const selection = useAppStore((s) => s.selection);
  const coverage = useAppStore((s) => s.coverage);
  // ask the engine again when the selection or the coverage (thresholds) changes
  useEffect(() => {
    void refreshSelectionDetail();
  }, [selection, coverage]);
  if (!selection) return null;
  return selection.type === 'community' ? <CommunityCard index={selection.index} /> : <FacilityCard index={selection.index} />;
}
