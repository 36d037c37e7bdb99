/**
 * The proposed sites by their number (given once per run, kept through drags), with the residents
 * and the communities (by name) each newly covers.
 */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/store';
import { useSitingStore } from '../../app/siting-store';
import { flyTo } from '../../app/actions';
import { removeSite } from '../../app/siting-actions';
import { formatPeople } from './format';

export function SiteList() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const sites = useSitingStore((s) => s.sites);
  const numbers = useSitingStore((s) => s.numbers);
  const order = sites.map((s, i) => ({ ...s, index: i, number: numbers[i] ?? s.rank })).sort((a, b) => a.number - b.number);
  return (
    <table className="site-list" data-testid="site-list">
      <thead>
        <tr>
          <th>{t('siting.rank')}</th>
          <th>{t('siting.gain')}</th>
          <th>{t('siting.communities')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {order.map((s) => (
          <tr
            key={s.index}
            data-testid={`site-${s.index}`}
            data-rank={s.rank}
            data-number={s.number}
            data-lon={s.lon}
            data-lat={s.lat}
            data-gain={Math.round(s.gainPopulation)}
          >
            <td>
              <button type="button" className="link" onClick={() => flyTo(s.lon, s.lat, 15)}>
                {s.number}
              </button>
            </td>
            <td className="num">{formatPeople(s.gainPopulation, language)}</td>
            <td
              className="ids"
              title={(s.coveredNames ?? s.coveredIds).join(language === 'zh' ? '、' : ', ')}
              data-testid="site-communities"
            >
              {(s.coveredNames ?? s.coveredIds).slice(0, 3).join(language === 'zh' ? '、' : ', ')}
              {s.coveredIds.length > 3 ? ` +${s.coveredIds.length - 3}` : ''}
            </td>
            <td>
              <button
                type="button"
                className="icon"
                aria-label={t('siting.removeSite', { rank: s.number })}
                title={t('siting.remove')}
                onClick={() => void removeSite(s.index)}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
