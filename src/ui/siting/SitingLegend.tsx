/**
 * Legend entries of the proposal on the map (shown only while there is one): the proposed sites with
 * their numbers, their service areas and the communities they newly cover.
 */
import { useTranslation } from 'react-i18next';
import { useSitingStore } from '../../app/siting-store';
import { categoryStyle } from '../../app/category-style';
import { NEWLY_COVERED_ALPHA, PROPOSAL_AREA_ALPHA, PROPOSAL_RGB } from '../../app/layers/sites-layer';
import './siting.css';

const rgba = (alpha: number) => `rgba(${PROPOSAL_RGB.join(', ')}, ${alpha / 255})`;

export function SitingLegend() {
  const { t } = useTranslation();
  const category = useSitingStore((s) => s.category);
  const count = useSitingStore((s) => s.sites.length);
  if (!category || count === 0) return null;
  const ring = categoryStyle(category).rgb;
  return (
    <div className="siting-legend" data-testid="legend-proposal">
      <div className="legend-group-title">{t('proposals.legendTitle')}</div>
      <ul>
        <li data-testid="legend-proposal-sites">
          <span className="swatch site-swatch" style={{ borderColor: `rgb(${ring.join(', ')})` }}>
            1
          </span>
          {t('proposals.legendSites')}
        </li>
        <li data-testid="legend-proposal-areas">
          <span className="swatch ring" style={{ borderColor: rgba(230), background: rgba(PROPOSAL_AREA_ALPHA) }} />
          {t('proposals.legendAreas')}
        </li>
        <li data-testid="legend-proposal-newly">
          <span className="swatch" style={{ background: rgba(NEWLY_COVERED_ALPHA), border: `2px solid ${rgba(255)}` }} />
          {t('proposals.legendNewly')}
        </li>
      </ul>
    </div>
  );
}
