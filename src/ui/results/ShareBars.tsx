/**
 * Covered population share per category: the overall share as text (`category-share-<id>`) and bars
 * for urban and rural residents (a moved slider's category from its preview until applied). Clicking a category selects it for the histogram and map layers.
 */
import { useTranslation } from 'react-i18next';
import type { CategoryStyle } from '../../app/category-style';
import type { CategoryTotals } from '../../engine/coverage/coverage';
import { formatPercent } from '../../app/results/format';
import type { Language } from '../../i18n/language';
import { selectCategory } from '../../app/actions';
import { useThresholdPreview } from '../../app/threshold-preview';

const width = (share: number) => `${Number.isFinite(share) ? Math.max(0, Math.min(1, share)) * 100 : 0}%`;

export function ShareBars({
  totals,
  styles,
  selected,
  language,
}: {
  totals: readonly CategoryTotals[];
  styles: readonly CategoryStyle[];
  selected: string;
  language: Language;
}) {
  const { t } = useTranslation();
  const preview = useThresholdPreview((s) => s.totals);
  return (
    <ul className="share-bars" data-testid="share-bars">
      {totals.map((applied) => {
        const c = preview[applied.id] ?? applied; // a moved slider's totals show before the worker's answer
        const style = styles.find((s) => s.id === c.id);
        const label = style?.label[language] ?? c.id;
        return (
          <li key={c.id} className={c.id === selected ? 'selected' : undefined}>
            <button type="button" className="share-row" onClick={() => selectCategory(c.id)} aria-pressed={c.id === selected}>
              <span className="share-head">
                <span className="swatch dot" style={{ background: style?.color }} />
                <span className="share-name">{label}</span>
                <span className="share-value" data-testid={`category-share-${c.id}`}>
                  {formatPercent(c.share, language)}
                </span>
              </span>
              {(['urban', 'rural'] as const).map((kind) => {
                const share = kind === 'urban' ? c.urbanShare : c.ruralShare;
                return (
                  <span key={kind} className="share-kind" data-testid={`category-share-${c.id}-${kind}`}>
                    <span className="share-kind-label">{t(`results.${kind}`)}</span>
                    <span className={`share-track ${kind}`}>
                      <span className="share-fill" style={{ width: width(share), background: style?.color }} />
                    </span>
                    <span className="share-kind-value">{formatPercent(share, language)}</span>
                  </span>
                );
              })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
